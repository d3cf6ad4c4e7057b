"""The glossary as TBX-Basic (ISO 30042), the exchange format of CAT tools and Weblate.

Written as TBX v2 ``martif`` (what Weblate, OmegaT and memoQ exchange); read as v2 or v3.
Parsing is safe: no network, no DTD loading, no entity expansion; a file declaring
entities is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from transpub.errors import GlossaryError, not_well_formed
from transpub.glossary.model import Glossary
from transpub.glossary.terms import (
    ALL_LOCALES,
    CONTROL_CHARACTER,
    UNKNOWN_LOCALE,
    Term,
    is_known_locale,
    is_locale_name,
    language_of,
    normalize_locale,
)

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFERRED, ADMITTED, DEPRECATED = "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"
DNT_NOTE, CASE_DESCRIP = "x-doNotTranslate", "x-caseSensitive"
XML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n'
EVERY_LOCALE = "mul"  # ISO 639 "multiple languages": renderings forbidden in every locale
_STATUS_TYPES = ("administrativeStatus", "normativeAuthorization")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _children(element: etree._Element, *names: str) -> list[etree._Element]:
    return [child for child in element if _local(child.tag) in names]


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _lang_of(element: etree._Element, default: str | None = None) -> str | None:
    value = element.get(XML_LANG) or element.get("lang")
    return value.strip() if value else default


class _Rendering:
    """One ``tig``/``ntig``/``termSec``: its text, status and flags."""

    def __init__(self, element: etree._Element, path: Path | str | None) -> None:
        terms = [e for e in element.iter() if _local(e.tag) == "term"]
        if not terms:
            raise GlossaryError(f"<{_local(element.tag)}> without a <term>", path, element.sourceline)
        self.text = _text(terms[0])
        if not self.text:
            raise GlossaryError("empty <term>", path, terms[0].sourceline)
        self.status = PREFERRED
        self.keep_source = False
        for note in element.iter():
            if _local(note.tag) != "termNote":
                continue
            kind, value = note.get("type", ""), _text(note)
            if kind in _STATUS_TYPES:
                self.status = _status(value, path, note.sourceline)
            elif kind == DNT_NOTE:
                self.keep_source = value.lower() in {"yes", "true", "1"}


def _status(value: str, path: Path | str | None, line: int | None) -> str:
    lowered = value.lower()
    if lowered.startswith(("preferred", "preferredterm")):
        return PREFERRED
    if lowered.startswith(("admitted", "admittedterm")):
        return ADMITTED
    if lowered.startswith(("deprecated", "deprecatedterm", "supersededterm", "superseded", "forbidden")):
        return DEPRECATED
    raise GlossaryError(f'unknown administrativeStatus "{value}"', path, line)


def _entry_to_term(entry: etree._Element, source_lang: str, path: Path | str | None) -> Term:
    lang_sets = _children(entry, "langSet", "langSec")
    if not lang_sets:
        raise GlossaryError("<termEntry> without a <langSet>", path, entry.sourceline)
    source_set = next(
        (s for s in lang_sets if language_of(_lang_of(s, "") or "") == language_of(source_lang)), None
    )
    if source_set is None:
        raise GlossaryError(
            f"<termEntry> without a langSet for the source language {source_lang}", path, entry.sourceline
        )
    notes = [
        _text(n)
        for n in entry.iter()
        if _local(n.tag) in ("note", "descrip")
        and (n.get("type") or "definition") not in (CASE_DESCRIP,)
        and _text(n)
        and _local(n.getparent().tag) in ("termEntry", "conceptEntry", "descripGrp")
    ]
    case_sensitive = any(
        _local(n.tag) == "descrip"
        and n.get("type") == CASE_DESCRIP
        and _text(n).lower() in {"yes", "true", "1"}
        for n in entry.iter()
    )
    translations: dict[str, str] = {}
    variants: dict[str, list[str]] = {}
    forbidden: dict[str, list[str]] = {}
    dnt: set[str] = set()
    source = ""
    for lang_set in lang_sets:
        raw_lang = _lang_of(lang_set)
        if not raw_lang:
            raise GlossaryError("<langSet> without xml:lang", path, lang_set.sourceline)
        if raw_lang != EVERY_LOCALE and (raw_lang == ALL_LOCALES or not is_locale_name(raw_lang)):
            raise GlossaryError(f'xml:lang="{raw_lang}" is not a language tag', path, lang_set.sourceline)
        if raw_lang != EVERY_LOCALE and not is_known_locale(raw_lang):
            raise GlossaryError(f'xml:lang="{raw_lang}" {UNKNOWN_LOCALE}', path, lang_set.sourceline)
        is_source = lang_set is source_set
        locale = ALL_LOCALES if raw_lang == EVERY_LOCALE else normalize_locale(raw_lang)
        renderings = [_Rendering(e, path) for e in _children(lang_set, "tig", "ntig", "termSec")]
        if not renderings:
            raise GlossaryError(f'<langSet xml:lang="{raw_lang}"> has no term', path, lang_set.sourceline)
        preferred = [r for r in renderings if r.status == PREFERRED]
        for rendering in renderings:
            if rendering.status == DEPRECATED:
                forbidden.setdefault(locale, []).append(rendering.text)
            elif rendering.status == ADMITTED or (rendering is not preferred[0] if preferred else False):
                variants.setdefault(source_lang if is_source else locale, []).append(rendering.text)
            elif is_source:
                source = rendering.text
                if rendering.keep_source:
                    dnt.add(ALL_LOCALES)
            elif rendering.keep_source:
                dnt.add(locale)
            else:
                translations[locale] = rendering.text
        if not preferred and is_source:
            # no preferred rendering in the source: take the first admitted one as the term
            if variants.get(source_lang):
                source = variants[source_lang].pop(0)
    if not source:
        raise GlossaryError("<termEntry> without a source term", path, entry.sourceline)
    for locale in dnt - {ALL_LOCALES}:
        if variants.get(locale) and variants[locale][0] == source:
            variants[locale].pop(0)
    return Term(
        source=source,
        translations=translations,
        variants={k: tuple(v) for k, v in variants.items() if v},
        forbidden={k: tuple(v) for k, v in forbidden.items()},
        do_not_translate=frozenset(dnt),
        case_sensitive=case_sensitive,
        note="\n".join(notes),
    )


def parse_tbx_glossary(
    data: bytes, path: Path | str | None = None, source_lang: str | None = None
) -> Glossary:
    """Read TBX bytes; a broken file raises :class:`GlossaryError` with its line."""
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        raise not_well_formed(GlossaryError, exc, path, "TBX is not well-formed XML") from exc
    tree = root.getroottree()
    internal = tree.docinfo.internalDTD
    if internal is not None and any(True for _ in internal.iterentities()):
        raise GlossaryError("TBX declares XML entities; refusing to read it", path, 1)
    if _local(root.tag) not in ("martif", "tbx"):
        raise GlossaryError(
            f"not TBX: root element is <{_local(root.tag)}>, not <martif> or <tbx>", path, root.sourceline
        )
    for element in root.iter():
        for text in (element.text, element.tail, *element.attrib.values()):
            found = CONTROL_CHARACTER.search(text) if text else None
            if found:
                raise GlossaryError(
                    f"control character U+{ord(found.group()):04X} in {text.strip()[:40]!r}",
                    path,
                    element.sourceline,
                )
    declared = _lang_of(root)
    lang = normalize_locale(source_lang or declared or "en")
    entries = [e for e in root.iter() if _local(e.tag) in ("termEntry", "conceptEntry")]
    terms = [_entry_to_term(entry, lang, path) for entry in entries]
    locales = [
        normalize_locale(_lang_of(s) or "")
        for e in entries
        for s in _children(e, "langSet", "langSec")
        if _lang_of(s) not in (None, EVERY_LOCALE)
    ]
    return Glossary(terms, source_lang=lang, locales=locales)


def format_tbx_glossary(glossary: Glossary, title: str = "transpub glossary") -> bytes:
    """The glossary as TBX-Basic (v2 ``martif``) bytes, pretty-printed, UTF-8."""
    return b"".join(iter_tbx_glossary(glossary, title))


#: Where the entries go in the document's frame (a comment, replaced by them).
_ENTRIES = "transpub-entries"


def iter_tbx_glossary(glossary: Glossary, title: str = "transpub glossary") -> Iterator[bytes]:
    """:func:`format_tbx_glossary` in pieces: the frame, then the entries a hundred at a time, so
    that no tree of the whole glossary is ever built (a million terms would take gigabytes).

    The frame is lxml's; each ``termEntry`` is written as text, as lxml would indent and escape it
    (tests/test_glossary_tbx_writer.py compares the two on random terms): building a tree per
    entry took 97 s for a million terms.
    """
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
    locales = [*glossary.locales, ALL_LOCALES]
    pieces: list[str] = []
    for number, term in enumerate(glossary.terms, start=1):
        if number > 1:
            pieces.append("\n      ")
        pieces.append(_term_entry_text(glossary.source_lang, locales, term, number, source_lang))
        if len(pieces) >= 200:
            yield "".join(pieces).encode("utf-8")
            pieces.clear()
    pieces.append(after)
    yield "".join(pieces).encode("utf-8")


#: What lxml refuses in XML text (it raises ValueError); terms never hold it when read from a file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def _escape(text: str) -> str:
    """``text`` as lxml writes an element's text."""
    if _NOT_XML.search(text):
        raise ValueError(
            "All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters"
        )
    return text.translate(_ESCAPES)


def _tig_text(text: str, status: str, keep_source: bool = False) -> str:
    """One ``tig`` (at the depth of a ``langSet``'s children), without its leading indentation."""
    keep = f'\n            <termNote type="{DNT_NOTE}">yes</termNote>' if keep_source else ""
    return (
        f"<tig>\n            <term>{_escape(text)}</term>\n"
        f'            <termNote type="administrativeStatus">{status}</termNote>{keep}\n          </tig>'
    )


def _lang_set_text(lang: str, tigs: list[str]) -> str:
    inner = "".join(f"\n          {tig}" for tig in tigs)
    return f'<langSet xml:lang="{_escape_attribute(lang)}">{inner}\n        </langSet>'


def _escape_attribute(value: str) -> str:
    """``value`` as lxml writes an attribute's value."""
    if _NOT_XML.search(value):
        raise ValueError(
            "All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters"
        )
    return value.translate(_ATTRIBUTE_ESCAPES)


_ATTRIBUTE_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#9;"}
)


def _term_entry_text(
    glossary_lang: str, locales: list[str], term: Term, number: int, source_lang: str
) -> str:
    """The ``termEntry`` of ``term`` (the ``number``-th), indented as it sits in the body."""
    children: list[str] = []
    # a note per line: the reader joins an entry's notes by line breaks, and reads a line break in one as a space
    children.extend(f"<note>{_escape(line)}</note>" for line in term.note.split("\n") if line.strip())
    if term.case_sensitive:
        children.append(f'<descrip type="{CASE_DESCRIP}">yes</descrip>')
    tigs = [_tig_text(term.source, PREFERRED, keep_source=ALL_LOCALES in term.do_not_translate)]
    tigs.extend(_tig_text(form, ADMITTED) for form in term.variants.get(glossary_lang, ()))
    tigs.extend(_tig_text(form, DEPRECATED) for form in term.forbidden.get(glossary_lang, ()))
    children.append(_lang_set_text(source_lang, tigs))
    for locale in locales:
        keep = locale in term.do_not_translate
        required = term.source if keep else term.translations.get(locale)
        variants = term.variants.get(locale, ())
        forbidden = term.forbidden.get(locale, ())
        if not (required or variants or forbidden):
            continue
        tigs = [_tig_text(required, PREFERRED, keep_source=keep)] if required else []
        tigs.extend(_tig_text(form, ADMITTED) for form in variants)
        tigs.extend(_tig_text(form, DEPRECATED) for form in forbidden)
        lang = EVERY_LOCALE if locale == ALL_LOCALES else locale.replace("_", "-")
        children.append(_lang_set_text(lang, tigs))
    inner = "".join(f"\n        {child}" for child in children)
    return f'<termEntry id="t{number}">{inner}\n      </termEntry>'
