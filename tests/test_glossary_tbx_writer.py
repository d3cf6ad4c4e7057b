"""TBX export writes each entry as text; the bytes are those lxml's tree writer gave.

The entries used to be built as lxml trees, indented and serialized one at a time (97 s for a
million terms); now they are written as strings. The old writer is kept here as the reference, and
random glossaries (names with markup characters, notes across lines, variants, forbidden forms,
do-not-translate, case sensitivity, several locales) must come out byte for byte the same.
"""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from transpub.glossary import Glossary, Term, format_glossary, load_glossary
from transpub.glossary.tbx_format import (
    _ENTRIES,
    ADMITTED,
    CASE_DESCRIP,
    DEPRECATED,
    DNT_NOTE,
    EVERY_LOCALE,
    PREFERRED,
    XML_HEADER,
    XML_LANG,
)
from transpub.glossary.terms import ALL_LOCALES


def _tig(parent: etree._Element, text: str, status: str, keep_source: bool = False) -> None:
    tig = etree.SubElement(parent, "tig")
    etree.SubElement(tig, "term").text = text
    etree.SubElement(tig, "termNote", type="administrativeStatus").text = status
    if keep_source:
        etree.SubElement(tig, "termNote", type=DNT_NOTE).text = "yes"


def _reference_tbx(glossary: Glossary, title: str = "transpub glossary") -> Iterator[bytes]:
    """:func:`format_tbx_glossary` in pieces: the frame, then one ``termEntry`` at a time, so
    that no tree of the whole glossary is ever built (a million terms would take gigabytes)."""
    source_lang = glossary.source_lang.replace("_", "-")
    root = etree.Element("martif", type="TBX-Basic")
    root.set(XML_LANG, source_lang)
    header = etree.SubElement(root, "martifHeader")
    file_desc = etree.SubElement(header, "fileDesc")
    etree.SubElement(etree.SubElement(file_desc, "titleStmt"), "title").text = title
    etree.SubElement(etree.SubElement(file_desc, "sourceDesc"), "p").text = "Written by transpub"
    encoding = etree.SubElement(header, "encodingDesc")
    etree.SubElement(encoding, "p", type="XCSURI").text = "TBXBasicXCSV02.xcs"
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    if not glossary.terms:
        etree.indent(root, space="  ")
        yield (XML_HEADER + etree.tostring(root, encoding="unicode", pretty_print=True)).encode("utf-8")
        return
    body.append(etree.Comment(_ENTRIES))
    etree.indent(root, space="  ")
    frame = etree.tostring(root, encoding="unicode", pretty_print=True)
    before, after = frame.split(f"<!--{_ENTRIES}-->")
    yield (XML_HEADER + before).encode("utf-8")
    last = len(glossary.terms)
    for number, term in enumerate(glossary.terms, start=1):
        entry = _term_entry(glossary, term, number, source_lang)
        etree.indent(entry, space="  ", level=3)
        entry.tail = "\n      " if number < last else None
        yield etree.tostring(entry, encoding="utf-8")
    yield after.encode("utf-8")


def _term_entry(glossary: Glossary, term: Term, number: int, source_lang: str) -> etree._Element:
    """The ``termEntry`` of ``term`` (the ``number``-th)."""
    entry = etree.Element("termEntry", id=f"t{number}")
    for line in term.note.split("\n"):
        if line.strip():
            etree.SubElement(entry, "note").text = line
    if term.case_sensitive:
        etree.SubElement(entry, "descrip", type=CASE_DESCRIP).text = "yes"
    source_set = etree.SubElement(entry, "langSet")
    source_set.set(XML_LANG, source_lang)
    _tig(source_set, term.source, PREFERRED, keep_source=ALL_LOCALES in term.do_not_translate)
    for form in term.variants.get(glossary.source_lang, ()):
        _tig(source_set, form, ADMITTED)
    for form in term.forbidden.get(glossary.source_lang, ()):
        _tig(source_set, form, DEPRECATED)
    for locale in [*glossary.locales, ALL_LOCALES]:
        keep = locale in term.do_not_translate
        required = term.source if keep else term.translations.get(locale)
        variants = term.variants.get(locale, ())
        forbidden = term.forbidden.get(locale, ())
        if not (required or variants or forbidden):
            continue
        lang_set = etree.SubElement(entry, "langSet")
        lang_set.set(XML_LANG, EVERY_LOCALE if locale == ALL_LOCALES else locale.replace("_", "-"))
        if required:
            _tig(lang_set, required, PREFERRED, keep_source=keep)
        for form in variants:
            _tig(lang_set, form, ADMITTED)
        for form in forbidden:
            _tig(lang_set, form, DEPRECATED)
    return entry


_text = (
    st.lists(st.sampled_from([*"ab Z&<>\"'\r\n\t-净月é", "]]>", "&amp;"]), min_size=1, max_size=8)
    .map("".join)
    .filter(str.strip)
)
_forms = st.lists(_text, max_size=2).map(tuple)
_locale = st.sampled_from(["de", "zh_CN", "sv", "pt_BR"])


@st.composite
def _terms(draw: st.DrawFn) -> list[Term]:
    terms = []
    for number in range(draw(st.integers(1, 4))):
        terms.append(
            Term(
                source=f"{draw(_text)} {number}",
                translations=draw(st.dictionaries(_locale, _text, max_size=3)),
                variants=draw(st.dictionaries(st.sampled_from(["de", "en", "sv"]), _forms, max_size=2)),
                forbidden=draw(st.dictionaries(st.sampled_from(["de", "*", "en"]), _forms, max_size=2)),
                do_not_translate=frozenset(draw(st.lists(st.sampled_from(["sv", "de", "*"]), max_size=1))),
                case_sensitive=draw(st.booleans()),
                note=draw(st.one_of(st.just(""), _text)),
            )
        )
    return terms


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(terms=_terms(), declared=st.lists(_locale, max_size=2))
def test_tbx_entries_written_as_text_are_the_bytes_lxml_wrote(terms: list[Term], declared: list[str]) -> None:
    glossary = Glossary(terms, locales=declared)
    assert format_glossary(glossary, "tbx") == b"".join(_reference_tbx(glossary))


def test_an_exported_glossary_with_markup_characters_reads_back_the_same(tmp_path) -> None:
    glossary = Glossary(
        [
            Term("A & <b>", {"de": 'x"y'}, note="next > ]]> & <x>"),
            Term("B", {"de": "b"}, do_not_translate="sv"),
        ]
    )
    path = tmp_path / "terms.tbx"
    path.write_bytes(format_glossary(glossary, "tbx"))
    assert load_glossary(path) == glossary
