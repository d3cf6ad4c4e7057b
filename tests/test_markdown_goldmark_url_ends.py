"""A bare URL on a site Hugo builds (``[compile] heading_ids`` Hugo's) is read as far as Goldmark
links it: ``https://a.org*了解`` is the link ``https://a.org`` and the text ``*了解`` on Hugo's page,
``https://a.org/*了*`` the link ``https://a.org/`` and an emphasised 了. Read by GFM's rules (to the
next space), the placeholder hid ``*了解`` from translators, a translation gluing text to it wrote
``<https://a.org*了解>`` (another link than the source page's), and ``https://a.org/*了*`` was
written ``<https://a.org/*了>\\*``. Each translated page here links, in the real hugo, what its
source page links, and a pseudo-translation writes its source."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import polib
import pytest

from markdown_translations import text_units
from real_renderers import HUGO, hugo_pages
from test_markdown_glued_urls import shown, translations
from transpub.extract import extract_project
from transpub.formats import ReadOptions
from transpub.formats.document import Document, Resolution
from transpub.formats.md_reader import read_markdown
from transpub.project import load_project

#: Sources whose bare URLs Goldmark ends before what GFM would take in: ``*``, text outside ASCII,
#: emphasis, a ``~`` or ``_`` it leaves out of the end.
SOURCES = [
    "Go https://a.org*了解 now.\n",
    "Go https://a.org/*了* now.\n",
    "Go https://x.org/t了解 and `c` now.\n",
    "Go https://x.org/t~ or www.example.com/u_ now.\n",
    "Go ~https://x.org/t now.\n",
    "See *https://a.org/p*了 or https://b.org/q_了解 now.\n",
    "Go ~https://a.org/%41 or https://a.org/%C3%A9*了解 now.\n",
]
SEED = 20261206


def read_for_hugo(source: str, generator: str = "hugo") -> Document:
    """``source`` read as the Markdown file ``a.md`` of a site Hugo (``generator``: or MkDocs) builds."""
    options = ReadOptions(
        goldmark_urls=generator == "hugo",
        magiclink_urls=generator == "mkdocs",
        betterem_emphasis=generator == "mkdocs",
    )
    return read_markdown(source, Path("a.md"), "utf-8", options)


def written(source: str, text: str, generator: str = "hugo") -> str:
    """``source`` read for ``generator``, its unit holding a placeholder translated as ``text``,
    written for it."""
    document = read_for_hugo(source, generator)
    (unit,) = text_units(document, "<")
    return document.render(lambda slot: Resolution(text if slot is unit else None), heading_ids=generator)


def pseudo(source: str, generator: str = "hugo") -> str:
    """``source`` read and written for ``generator``, every unit ``⟦as itself⟧``, the marks removed."""
    page = read_for_hugo(source, generator).render(
        lambda slot: Resolution(f"⟦{slot.msgid}⟧"), heading_ids=generator
    )
    return page.replace("⟦", "").replace("⟧", "")


def test_translators_see_the_text_hugo_shows_after_a_url_and_its_emphasis() -> None:
    msgids = [[unit.msgid for unit in text_units(read_for_hugo(source))] for source in SOURCES[:2]]
    assert msgids == [["Go <1/>*了解 now."], ["Go <1/><2>了</2> now."]]


def test_a_pseudo_translated_page_read_for_hugo_is_its_source() -> None:
    assert [pseudo(source) for source in SOURCES] == SOURCES


def test_text_a_translation_keeps_after_a_url_is_written_as_the_source_writes_it() -> None:
    """A ``*`` or ``~`` right after the URL was written ``\\*``, ``&#126;`` (the same page)."""
    assert written(SOURCES[0], "Los <1/>*了解 jetzt.") == "Los https://a.org*了解 jetzt.\n"
    assert written(SOURCES[3], "Geh <1/>~ oder <2/>_ jetzt.") == (
        "Geh https://x.org/t~ oder www.example.com/u_ jetzt.\n"
    )
    # (kept as it is only where Goldmark still ends the URL before it, and nothing pairs with it)
    assert written(SOURCES[3], "Geh <2/>_x <1/>") == "Geh www.example.com/u\\_x https://x.org/t\n"
    # (nor where the translation's emphasis writes a * it would pair with)
    emphasis = "Go https://a.org*了解 or *x* now.\n"
    assert written(emphasis, "<1/>*了解 <2>x</2>") == "https://a.org\\*了解 *x*\n"


#: Bare URLs that write percent escapes (their links show them decoded) after a ``~`` and before a ``*``.
PERCENT_ESCAPED = SOURCES[6]


def test_a_tilde_or_asterisk_beside_a_url_with_percent_escapes_is_written_as_the_source_writes_it() -> None:
    """The URL was not known as bare (its link shows ``…/A`` of ``…/%41``): the ``~`` before it
    was written ``&#126;``, after which Hugo links nothing, and the ``*`` after it ``\\*``."""
    assert pseudo(PERCENT_ESCAPED) == PERCENT_ESCAPED
    assert written(PERCENT_ESCAPED, "Geh ~<1/> oder <2/>*了解 jetzt.") == (
        "Geh ~https://a.org/%41 oder https://a.org/%C3%A9*了解 jetzt.\n"
    )


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_hugo_links_a_url_with_percent_escapes_after_a_tilde_on_the_translated_page(tmp_path: Path) -> None:
    german = written(PERCENT_ESCAPED, "Geh ~<1/> oder <2/>*了解 jetzt.")
    pages = hugo_pages([PERCENT_ESCAPED, pseudo(PERCENT_ESCAPED), german], tmp_path / "site")
    links = Counter([("a", "https://a.org/%41"), ("a", "https://a.org/%C3%A9")])
    assert [shown(page) for page in pages] == [links] * 3, pages


@pytest.mark.parametrize(
    ("heading_ids", "msgid"),
    [("hugo", "Go <1/>*了解 now."), ("mkdocs", "Go <1/>*了解 now."), ("jekyll", "Go <1/> now.")],
)
def test_extract_offers_the_text_after_a_url_where_hugo_builds_the_site(
    tmp_path: Path, heading_ids: str, msgid: str
) -> None:
    """With ``[compile] heading_ids`` Hugo's or MkDocs'; not for Jekyll (kramdown links no bare URL)."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.md").write_text(SOURCES[0], encoding="utf-8")
    (tmp_path / "transpub.toml").write_text(
        '[project]\nname = "A"\nsource_locale = "en"\nlocales = ["de"]\n\n'
        f'[compile]\nformat = "markdown"\nheading_ids = "{heading_ids}"\n',
        encoding="utf-8",
    )
    extract_project(load_project(tmp_path), ["de"])
    (po,) = (tmp_path / "locales" / "de" / "LC_MESSAGES").rglob("*.po")
    assert [entry.msgid for entry in polib.pofile(str(po))] == [msgid]


def test_text_glued_before_a_url_links_the_source_pages_address() -> None:
    assert written(SOURCES[0], "了解<1/> jetzt.") == "了解<https://a.org> jetzt.\n"
    # (one with percent escapes too, which its link shows decoded: it was written glued, not linked)
    assert written("Go https://a.org/%41 now.\n", "了解<1/> jetzt.") == "了解<https://a.org/%41> jetzt.\n"


#: Translations of each source's unit gluing text, ``~``, ``*`` and ``_`` to its URLs.
GLUED = ["了解", "~", "~~", "*", "_", "x", "。", "(", ")"]


def cases(sources: list[str] = SOURCES, generator: str = "hugo") -> list[tuple[str, str, str]]:
    """Each of ``sources`` with random translations of its unit (glued as :data:`GLUED` and the words
    of :func:`test_markdown_glued_urls.translations`), written for ``generator``: (source,
    translation, page written)."""
    rng = random.Random(SEED)
    found = []
    for source in sources:
        (unit,) = text_units(read_for_hugo(source, generator), "<")
        texts = translations(unit.msgid, rng, 12)
        texts += [unit.msgid.replace("/>", "/>" + glue, 1) for glue in GLUED]
        texts += [unit.msgid.replace("<1/>", glue + "<1/>", 1) for glue in GLUED]
        found += [(source, text, written(source, text, generator)) for text in texts]
    return found


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_hugo_links_on_each_translated_page_what_it_links_on_the_source_page(tmp_path: Path) -> None:
    """Pseudo-translations (marks removed) and translations gluing text or markers to a URL: the
    page links the source page's addresses, no other, and shows its code."""
    found = cases()
    pseudo_pages = [pseudo(source) for source in SOURCES]
    html = hugo_pages(SOURCES + pseudo_pages + [page for _, _, page in found], tmp_path / "site")
    expected = dict(zip(SOURCES, map(shown, html[: len(SOURCES)]), strict=True))
    assert [expected[source] for source in SOURCES] == list(map(shown, html[len(SOURCES) : 2 * len(SOURCES)]))
    assert expected[SOURCES[0]] == Counter([("a", "https://a.org")])
    assert expected[SOURCES[1]] == Counter([("a", "https://a.org/")])
    failures = [
        (text, page, out)
        for (source, text, page), out in zip(found, html[2 * len(SOURCES) :], strict=True)
        if shown(out) != expected[source]
    ]
    assert not failures, (len(failures), len(found), failures[:6])
