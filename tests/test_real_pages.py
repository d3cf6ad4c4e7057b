"""The real web pages of the shared corpus (../shared/corpus/real-pages; news, blogs, Wikipedia; several
languages, encodings and broken markup) survive extract → msgstr = ⟦msgid⟧ → compile.

The pages are read in place and never copied into this repository. Each page must:
read (or fail with an ArticleError naming a line), render back to its decoded source, and
keep its body text and element count when every unit goes through the translation path, dates
written by compile's own date formatter included; every ``<time>`` keeps every number and word
it showed (issue 12). Each unit copied as is carries all its numbers for ``transpub check`` in
German, French, Spanish, Russian, Chinese and Arabic (at most some are written as the source
writes them, where that language reads other numbers: ``3.5`` kept in German).
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from corpus import PAGES, needs_corpus
from corpus import REAL_PAGES as CORPUS
from transpub.check.numbers import numbers_problem
from transpub.errors import ArticleError
from transpub.formats import ReadOptions, read_article
from transpub.formats.dates import localize_date
from transpub.formats.document import DateSlot, Resolution, TextSlot
from transpub.formats.encoding import declared_charset, decode_bytes
from transpub.inline import tokenize
from transpub.site import SWITCHER_STYLE

OPEN, CLOSE, ATTR = "\u27e6", "\u27e7", "\u2063"

pytestmark = [
    pytest.mark.slow,
    needs_corpus,
]


def marked(slot) -> Resolution:
    """A translation that differs from the source but can be undone: text runs wrapped in markers."""
    if isinstance(slot, TextSlot) and slot.markable:
        return Resolution(
            "".join(OPEN + t.value + CLOSE if t.kind == "text" else t.value for t in tokenize(slot.msgid))
        )
    return Resolution(slot.msgid + ATTR)


def body_text_and_elements(html: str) -> tuple[str, int]:
    root = lxml.html.document_fromstring(html)
    return re.sub(r"\s+", " ", root.text_content()).strip(), sum(1 for _ in root.iter())


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_real_page_survives_extract_and_compile(page: Path) -> None:
    try:
        document = read_article(page, ReadOptions())
    except ArticleError as exc:  # acceptable only as a one-line error naming the place
        assert exc.line and "\n" not in str(exc)
        return
    data = page.read_bytes()
    source, _ = decode_bytes(data, declared=declared_charset(data))
    assert document.render() == source
    assert document.units(page.name)
    compiled = document.render(marked)
    restored = compiled.replace(OPEN, "").replace(CLOSE, "").replace(ATTR, "")
    assert body_text_and_elements(restored) == body_text_and_elements(source)


def shown_in_time_elements(html: str) -> list[str]:
    """The text of every ``<time>`` a reader sees, as words and numbers (case and spacing aside)."""
    root = lxml.html.document_fromstring(html)
    return [" ".join(re.findall(r"\w+", el.text_content().casefold())) for el in root.iter("time")]


def in_source_language(date: DateSlot) -> str | None:
    """Compile's date formatter, writing the source's own language: every date it rewrites must
    come out showing exactly what the source showed."""
    return localize_date(date.value, date.style, "en")


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_real_page_time_elements_keep_every_number_and_word_they_showed(page: Path) -> None:
    try:
        document = read_article(page, ReadOptions())
    except ArticleError:
        return
    data = page.read_bytes()
    source, _ = decode_bytes(data, declared=declared_charset(data))
    compiled = document.render(marked, format_date=in_source_language)
    restored = compiled.replace(OPEN, "").replace(CLOSE, "").replace(ATTR, "")
    assert shown_in_time_elements(restored) == shown_in_time_elements(source)
    (text, elements), (source_text, source_elements) = (
        body_text_and_elements(restored),
        body_text_and_elements(source),
    )
    assert (text.casefold(), elements) == (source_text.casefold(), source_elements)


#: Pages with dates, edition chrome, another script and a legacy encoding, compiled for real.
COMPILED = ["firefox-nightly-blog.html", "wordpress.html", "nytimes-1.html", "theverge.html", "qq.html"]
_ADDED = re.compile(
    r'<nav class="transpub-languages".*?</nav>|<p class="transpub-notice".*?</p>'
    r'|<link rel="alternate" hreflang="[^"]*" href="[^"]*">|' + re.escape(SWITCHER_STYLE),
    re.S,
)


def words_and_numbers(text: str) -> list[str]:
    return sorted(re.findall(r"\w+", text.casefold()))


@pytest.mark.skipif(not all((CORPUS / name).is_file() for name in COMPILED), reason="pages missing")
def test_real_pages_compiled_with_a_pseudo_translation_equal_their_source(tmp_path: Path) -> None:
    import polib

    from transpub.compile import CompileOptions, compile_project
    from transpub.extract import extract_project
    from transpub.project import load_project

    others = [page.name for page in PAGES if page.name not in COMPILED]
    (tmp_path / "transpub.toml").write_text(
        f'[project]\nsource_locale = "en"\nlocales = ["en_GB"]\n\n[paths]\narticles = "{CORPUS}"\n'
        f"exclude = {others!r}\n".replace("'", '"'),
        encoding="utf-8",
    )
    project = load_project(tmp_path)
    assert extract_project(project, ["en_GB"]).ok
    for name in COMPILED:
        po_path = project.catalog_path("en_GB", name.rsplit(".", 1)[0])
        po = polib.pofile(str(po_path))
        for entry in po:
            entry.msgstr = OPEN + entry.msgid + CLOSE
        po.save()
    report = compile_project(project, ["en_GB"], CompileOptions())
    assert not report.errors
    for name in COMPILED:
        data = (CORPUS / name).read_bytes()
        source, _ = decode_bytes(data, declared=declared_charset(data))
        compiled = (tmp_path / "site" / "en_GB" / name).read_text(encoding="utf-8")
        restored = _ADDED.sub("", compiled.replace(OPEN, "").replace(CLOSE, ""))
        source_body = lxml.html.document_fromstring(source).body
        body = lxml.html.document_fromstring(restored).body
        for tree in (source_body, body):  # a rewritten date shows the same words and numbers, in its order
            for element in tree.iter("time"):
                if len(element) == 0:
                    element.text = " ".join(words_and_numbers(element.text or ""))
        assert re.sub(r"\s+", " ", body.text_content()) == re.sub(r"\s+", " ", source_body.text_content()), (
            name
        )
        assert sum(1 for _ in body.iter()) == sum(1 for _ in source_body.iter()), name
        shown = [words_and_numbers(el.text_content()) for el in body.iter("time")]
        assert shown == [words_and_numbers(el.text_content()) for el in source_body.iter("time")], name


#: Languages a copied unit is checked in: other decimal and group signs, other scripts, other dates.
NUMBER_LOCALES = ["de", "fr", "es", "ru", "zh_CN", "ar"]


def written_as_in_the_source_only(problem: str) -> bool:
    """Whether the numbers check says only that numbers are written as the source writes them,
    where the translation's language reads them otherwise (``3.5`` kept in German): a copy's
    numbers are all there, but some read differently."""
    return all(" written as in the source, which " in part for part in problem.split("; "))


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_real_page_units_copied_as_is_carry_every_number_in_every_language(page: Path) -> None:
    try:
        document = read_article(page, ReadOptions())
    except ArticleError:
        return
    alarms = [
        (locale, unit.msgid, problem)
        for unit in document.units(page.name)
        for locale in NUMBER_LOCALES
        if (problem := numbers_problem(unit.msgid, unit.msgid, "en", locale)) is not None
        and not written_as_in_the_source_only(problem)
    ]
    assert alarms == []
