"""compile's shortcuts give what the general path gives: an article's rewritten file URLs are made
once per page depth (not once per language), review copies known absent from a listing of their
folder."""

from __future__ import annotations

import random
from dataclasses import astuple
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from test_compile_helpers import compile_lib, make_project
from test_fidelity_assets import make
from transpub.project import init_project, load_project
from transpub.site_assets import ArticleAssets, copy_assets
from transpub.sources import load_article

PAGES = [
    "index.html",
    "en/2024/story.html",
    "es/2024/story.html",
    "de/2024/story.html",
    "es/story.html",
    "_review/es/2024/story.html",
    "_review/de/story.html",
    "_assets/x.html",
    "_assets/img/x.html",
    "es/_assets/story.html",
    "a/b/c/d/story.html",
    "./es/story.html",
    "es//story.html",
    "es/../story.html",
]


@pytest.mark.parametrize("homes", [("",), ("", "de"), ("es", "de")])  # (de, es: hosts of their own)
def test_file_urls_on_every_page_are_those_made_for_that_page_alone(
    tmp_path: Path, homes: tuple[str, ...]
) -> None:
    root = make(tmp_path)
    project = load_project(root)
    article = project.articles_dir / "2024" / "story.html"
    document = load_article(project, article)
    assets = copy_assets(
        document, article, "2024/story.html", root, root / "site", set(), [], {}, homes=homes
    )
    assert assets.targets and list(document.asset_tags())
    reference = ArticleAssets(assets.targets, assets.sources, homes)
    rng = random.Random(12)
    for _ in range(300):
        tag = rng.choice(list(document.asset_tags()))
        page = rng.choice(PAGES)
        got = assets.attributes_for(tag, page)
        assert got == reference._attributes_for(tag, page), (page, tag.urls)
        got["src"] = "changed by a caller"  # a caller's copy: the next page is not affected
    assert assets.attributes_for(tag, "es/2024/story.html") == reference._attributes_for(
        tag, "es/2024/story.html"
    )


def test_review_copies_from_an_earlier_run_stay_linked_and_go_with_their_catalog(tmp_path: Path) -> None:
    """compile lists a review folder once instead of asking about each review copy: a copy made by an
    earlier ``--review`` run is still linked from the others, and removed when its catalog is."""
    root = make_project(tmp_path / "news")
    compile_lib(root, review=True)
    review = root / "site" / "_review"
    assert (review / "de" / "skiing.html").is_file() and (review / "ar" / "skiing.html").is_file()
    compile_lib(root)  # no --review: the copies stay, and link each other
    assert (review / "de" / "skiing.html").is_file()
    compile_lib(root, ["ar"], review=True)
    assert "../de/skiing.html" in (review / "ar" / "skiing.html").read_text("utf-8")
    (root / "locales" / "de" / "LC_MESSAGES" / "skiing.po").unlink()
    compile_lib(root)
    assert not (review / "de" / "skiing.html").exists()
    compile_lib(root, ["ar"], review=True)
    assert "../de/skiing.html" not in (review / "ar" / "skiing.html").read_text("utf-8")


_PARTS = [
    "",
    ".",
    "..",
    "de",
    "zh_CN",
    "2024",
    "story-1.html",
    "x y.html",
    "é.html",
    "a:b.html",
    "it's.html",
    "~x",
]


@settings(max_examples=400, deadline=None, database=None)
@given(
    st.lists(st.sampled_from(_PARTS), min_size=1, max_size=4), st.lists(st.sampled_from(_PARTS), max_size=4)
)
def test_a_link_to_a_page_of_the_same_folder_is_the_link_made_for_any_two_pages(
    page: list[str], target: list[str]
) -> None:
    """An index page links each of its folder's pages by name without working out a relative path:
    the link (or the error) is the one the general path makes, whatever the names."""
    _assert_link_as_made_in_general("/".join(page), "/".join(page[:-1] + target))  # often beside it


@settings(max_examples=600, deadline=None, database=None)
@given(
    st.lists(st.sampled_from(_PARTS), min_size=1, max_size=3),
    st.lists(st.sampled_from(_PARTS) | st.text(max_size=4), min_size=1, max_size=4),
    st.booleans(),
)
def test_a_link_from_an_index_page_is_the_link_made_for_any_two_pages(
    page: list[str], target: list[str], beside: bool
) -> None:
    """The site's and the review index link every page without working out a relative path: from
    the root or one folder down, the link (or the error) is the one the general path makes to any
    page, whatever the names (``beside``: a page below the index's own folder)."""
    _assert_link_as_made_in_general("/".join(page), "/".join((page[:-1] if beside else []) + target))


def _assert_link_as_made_in_general(from_page: str, to_page: str) -> None:
    """``site_href``'s link (or error) from ``from_page`` to ``to_page`` is ``_site_href``'s."""
    from transpub.site import _site_href, site_href

    def outcome(function: object, *args: str) -> str:
        try:
            return function(*args)  # type: ignore[operator]
        except ValueError as exc:
            return f"error: {exc}"

    folder, slash, _ = from_page.rpartition("/")
    assert outcome(site_href, from_page, to_page) == outcome(_site_href, folder + slash, to_page)


@settings(max_examples=400, deadline=None, database=None)
@given(
    st.lists(st.sampled_from(_PARTS), min_size=1, max_size=4),
    st.lists(st.sampled_from(_PARTS) | st.text(max_size=6), min_size=1, max_size=4),
)
def test_a_link_with_nothing_to_encode_is_the_link_encoding_makes(page: list[str], target: list[str]) -> None:
    """A link whose relative path needs no percent-encoding is taken as it is: the same link (or the
    same error) as encoding each of its parts gives, whatever the names."""
    from transpub.site import _quote_part, _relative_path, _site_href

    folder = "/".join(page[:-1]) + "/" if len(page) > 1 else ""
    to_page = "/".join(target)

    def encoded() -> str:
        relative = _relative_path(to_page, folder + "x")
        link = "/".join(_quote_part(part) for part in relative.split("/"))
        return link if link.startswith("../") else "./" + link

    def outcome(function: object) -> str:
        try:
            return function()  # type: ignore[operator]
        except ValueError as exc:
            return f"error: {exc}"

    _site_href.cache_clear()
    assert outcome(lambda: _site_href(folder, to_page)) == outcome(encoded)


@settings(max_examples=600, deadline=None, database=None)
@given(st.sampled_from(_PARTS) | st.text(max_size=8))
def test_a_part_of_a_link_is_encoded_as_urllib_encodes_it(part: str) -> None:
    """A name with nothing to encode is taken as it is: the text urllib's quote makes of it, with
    the characters a link keeps (``/`` encoded), whatever the name."""
    from urllib.parse import quote

    from transpub.site import _quote_part, quoted_path

    safe = "!$'()*+,;=@"
    assert _quote_part(part) == quote(part, safe=safe)
    if "/" not in part:  # (a path's parts, each encoded)
        assert quoted_path(f"{part}/{part}.html") == quote(part, safe=safe) + "/" + quote(
            f"{part}.html", safe=safe
        )


@settings(max_examples=300, deadline=None, database=None)
@given(
    st.lists(st.sampled_from(_PARTS) | st.text(max_size=4), min_size=1, max_size=3),
    st.lists(st.sampled_from(_PARTS) | st.text(max_size=4), min_size=1, max_size=3),
    st.sampled_from(["", "../", "../../", "https://news.example/"]),
)
def test_a_pages_links_to_its_article_in_other_languages_are_the_page_urls(
    folder: list[str], slug: list[str], prefix: str
) -> None:
    """The hreflang links and the switcher of an article's pages lead where :func:`page_url` says
    its page in each language is (the slug encoded once per article, each folder once per run)."""
    from transpub.compile.pages import PageChrome
    from transpub.site import page_url

    class Project:
        source_locale = "en"

        def locale_dir(self, locale: str) -> str:
            return "/".join(folder) if locale == "de" else locale

    chrome = PageChrome(Project(), None, "/".join(slug), ["en", "de"])  # type: ignore[arg-type]
    for locale in ("de", "en", "de"):
        expected = page_url(Project().locale_dir(locale), "/".join(slug), "x")[1:]
        assert chrome.url(locale, prefix) == prefix + expected


_PIECES = st.sampled_from(
    [
        "<1>",
        "</1>",
        "<2/>",
        "<3>",
        "</3>",
        "<01>",
        "</1/>",
        "<12345>",
        "&lt;1>",
        "<b>",
        "a < b",
        " ",
        "Wort",
        ".",
    ]
)


@settings(max_examples=600, deadline=None, database=None)
@given(st.lists(_PIECES, max_size=10), st.data())
def test_a_translation_is_published_or_held_back_as_the_full_placeholder_check_says(
    source_pieces: list[str], data: st.DataObject
) -> None:
    """A translation holding the source's placeholders in the source's order is accepted without
    working out both structures: what compile decides (publish it, or show the source and warn why)
    is what the full comparison of the structures says, for the same order, another order or others."""
    from transpub.inline import _structure_problem, placeholder_problem

    source = "".join(source_pieces)
    kept = [p for p in source_pieces if p.startswith("<") and p.endswith(">")]
    how = data.draw(st.sampled_from(["same order", "shuffled", "any"]))
    if how == "any":
        translation = "".join(data.draw(st.lists(_PIECES, max_size=10)))
    else:
        order = kept if how == "same order" else data.draw(st.permutations(kept))
        words = data.draw(
            st.lists(st.sampled_from(["Wort ", "", "&lt;2>", " a<b "]), min_size=len(order) + 1)
        )
        translation = "".join(w + p for w, p in zip(words, [*order, ""]))
    assert placeholder_problem(source, translation) == _structure_problem(source, translation)


def _parts_of_a_document() -> st.SearchStrategy[list[object]]:
    """Nested document parts of every kind (text, gaps, slots, tags, dates, markers, links)."""
    from transpub.formats.document import AttrSlot, DateSlot, Gap, LinkTarget, Marker, Tag, TextSlot

    leaves = st.one_of(
        st.sampled_from(["<p>", "text", Gap(" "), ""]),
        st.builds(lambda n: AttrSlot(f"alt {n}", "img[alt]", f'"alt {n}"', "alt"), st.integers(0, 9)),
        st.just(None).map(lambda _: Marker("head-end")),
        st.just(None).map(lambda _: LinkTarget("/x", '"/x"', str)),
    )

    def nest(children: st.SearchStrategy[list[object]]) -> st.SearchStrategy[list[object]]:
        inner = st.one_of(
            children.map(lambda parts: TextSlot("unit", "p", parts)),  # type: ignore[arg-type]
            children.map(lambda parts: Tag(parts, name="a")),  # type: ignore[arg-type]
            children.map(lambda parts: DateSlot("2024-01-02", parts)),  # type: ignore[arg-type]
        )
        return st.lists(st.one_of(leaves, inner), max_size=5)

    return st.recursive(st.lists(leaves, max_size=4), nest, max_leaves=30)


def _walked_one_by_one(parts: list[object], slots: list[object], tags: list[object]) -> None:
    """The slots and tags of ``parts``, found part by part (recursively: a small document)."""
    from transpub.formats.document import AttrSlot, DateSlot, Tag, TextSlot

    for part in parts:
        if isinstance(part, (AttrSlot, TextSlot)):
            slots.append(part)
        if isinstance(part, Tag):
            tags.append(part)
        if isinstance(part, (TextSlot, Tag, DateSlot)):
            _walked_one_by_one(part.parts, slots, tags)


@settings(max_examples=300, deadline=None, database=None)
@given(_parts_of_a_document())
def test_every_unit_and_tag_of_a_page_is_found_in_article_order(parts: list[object]) -> None:
    """compile finds an article's units (what it counts and translates) and its tags (file URLs,
    canonical links) in one walk for both: the same ones, in the same order, as a look at each part."""
    from transpub.formats.document import Document

    slots: list[object] = []
    tags: list[object] = []
    _walked_one_by_one(parts, slots, tags)
    document = Document(Path("a.html"), "html", "utf-8", parts, "en")  # type: ignore[arg-type]
    assert list(document.tags()) == tags
    assert list(document.slots()) == slots
    assert [unit.msgid for unit in document.units()] == list(dict.fromkeys(s.msgid for s in slots))  # type: ignore[attr-defined]


@settings(max_examples=400, deadline=None, database=None)
@given(
    st.lists(st.sampled_from(["a", " ", "&", "<", ">", '"', "é", "⟦", "amp;", "lt;"]), max_size=12).map(
        "".join
    )
)
def test_text_escaped_for_a_page_is_what_the_three_replacements_make_of_it(text: str) -> None:
    """Most sentences hold no ``&``, ``<`` or ``>`` and are published as they are, without the
    replacements: whatever the text, the page shows what the replacements make of it."""
    from transpub.formats.escape import escape_attribute, escape_text

    expected = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert escape_text(text) == expected
    assert escape_attribute(text) == expected.replace('"', "&quot;")


#: Pieces of msgids and translations: words, placeholders (paired, standalone, broken), template
#: tokens (Hugo shortcodes, Liquid tags) and lone brackets.
_JUDGED_PIECES = [
    "The council",
    " met",
    "⟦",
    "⟧",
    " ",
    "<1>",
    "</1>",
    "<2/>",
    "<2>",
    "</2>",
    "<3",
    "<",
    ">",
    '{{< figure src="a.svg" >}}',
    "{{% note %}}",
    "{% if x %}",
    "{{ page.title }}",
    "{{",
    "{%",
    "{",
    "}",
    "%}",
    "&lt;",
]


def test_a_translation_is_judged_publishable_as_comparing_its_placeholders_and_template_tokens_says() -> None:
    """A pair with no ``<`` and no ``{`` on either side is publishable without comparing anything:
    the same answer (publish it, or show the source and warn why) as the comparison, for any pair."""
    from transpub.formats import publishable

    rng = random.Random(41)
    for _ in range(5000):
        msgid = "".join(rng.choice(_JUDGED_PIECES) for _ in range(rng.randrange(6)))
        text = (
            msgid
            if rng.random() < 0.3
            else "".join(rng.choice(_JUDGED_PIECES) for _ in range(rng.randrange(6)))
        )
        assert publishable.problem_of(msgid, text) == publishable.compared(msgid, text), (msgid, text)


_DATES = st.sampled_from(
    [None, "", "2024-01-05", "2024-01-05T23:59:00Z", "2023-12-31", "2024-02-30", "soon", " 2024-01-05"]
)


@settings(max_examples=400, deadline=None, database=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "A", "b", "Ä", "ä", "ß", "ss", ""]), _DATES), max_size=12))
def test_indexes_list_pages_newest_first_then_by_title_as_two_sorts_would(
    pages: list[tuple[str, str]],
) -> None:
    """An index sorts its pages once: newest first, undated last, by title within a day (without
    case), in the order given within a title, as sorting by title and then by day gives."""
    from datetime import date

    from transpub.formats.dates import publication_day
    from transpub.model import Coverage
    from transpub.site import Page, newest_first

    given_pages = [
        Page("de", f"s{at}", title, Coverage(1), True, date=day) for at, (title, day) in enumerate(pages)
    ]
    by_title = sorted(given_pages, key=lambda p: p.title.casefold())
    expected = sorted(by_title, key=lambda p: publication_day(p.date) or date.min, reverse=True)
    assert [page.slug for page in newest_first(given_pages)] == [page.slug for page in expected]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["site", "de", "_review", "a b", "ü", ".", "..", "", "x.html", "story-1.html"]),
        min_size=1,
        max_size=4,
    )
)
def test_a_page_kept_by_the_manifest_comes_back_with_the_path_it_was_written_to(parts: list[str]) -> None:
    from transpub.compile.records import _recorded_page, _stored_page
    from transpub.site import Coverage, Page

    root = Path("/project")
    output = root.joinpath(*parts)
    page = Page("de", "story", "Title", Coverage(3, 1, 0), True, output=output)
    back = _recorded_page(_stored_page(page, root), root, {}, {})
    assert back.output == root / str(output.relative_to(root)) and str(back.output) == str(output)
    assert back.output.parts == output.parts
    assert back == page  # the coverage too


def test_pages_kept_by_the_manifest_keep_each_its_own_coverage() -> None:
    from transpub.compile.records import _recorded_page, _stored_page
    from transpub.site import Coverage, Page

    root, folders, coverages = Path("/project"), {}, {}
    counts = [(3, 1, 0), (3, 0, 1), (3, 1, 0), (0, 0, 4)]
    pages = [
        Page("de", f"s{n}", "T", Coverage(*c), True, output=root / "site" / "de" / f"s{n}.html")
        for n, c in enumerate(counts)
    ]
    back = [_recorded_page(_stored_page(page, root), root, folders, coverages) for page in pages]
    assert back == pages
    assert [astuple(page.coverage) for page in back] == counts


def _tree_with_links(tmp_path: Path) -> tuple[Path, Path]:
    """A site with a language folder, a link to a folder elsewhere, and pages that are links (to a
    page inside, to a file outside)."""
    import os

    site, outside = tmp_path / "site", tmp_path / "outside"
    (site / "de" / "sub").mkdir(parents=True)
    (site / "en").mkdir()
    outside.mkdir()
    (outside / "x.html").write_text("x", encoding="utf-8")
    (site / "en" / "x.html").write_text("x", encoding="utf-8")
    (site / "away").symlink_to(outside, target_is_directory=True)
    (site / "de" / "out.html").symlink_to(outside / "x.html")
    (site / "de" / "in.html").symlink_to(site / "en" / "x.html")
    os.symlink("..", site / "de" / "up")
    return site, outside


FOLDERS = [
    "site/de",
    "site/de/sub",
    "site/en",
    "site/away",
    "site/de/up",
    "site/de/up/..",
    "site/./de",
    "site//de",
    "site",
    "outside",
    "site/de/none",
    "site/de/../../outside",
    ".",
]
NAMES = ["a.html", "out.html", "in.html", "x.html", "up", "..", ".", "", "sub/a.html", "a b.html", "ü.html"]


def test_a_file_checked_in_its_folder_is_allowed_and_refused_as_confine_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from transpub.errors import UnsafePathError
    from transpub.fsutil import confine, confined_file, forget_folders

    site, _ = _tree_with_links(tmp_path)
    monkeypatch.chdir(tmp_path)
    refused = 0
    for absolute in (True, False):
        forget_folders()
        for folder in FOLDERS:
            given = os.path.join(tmp_path, folder) if absolute else folder
            for name in NAMES:
                for _ in range(2):  # the second time from what the first one remembered
                    expected: object
                    try:
                        confine(Path(os.path.join(given, name)), site)
                        expected = os.path.join(given, name)
                    except UnsafePathError:
                        expected = UnsafePathError
                    try:
                        got: object = confined_file(given, name, site)
                    except UnsafePathError:
                        got = UnsafePathError
                    assert got == expected, (given, name)
                    refused += expected is UnsafePathError
    assert refused > 50  # (links and folders out of the site among them)


class _Run:
    """What compile's shortcuts for the site's files look at of a run."""

    def __init__(self, root: Path, out_dir: Path) -> None:
        from types import SimpleNamespace

        self.project = SimpleNamespace(root=root)
        self.out_dir = out_dir
        self.places: dict[str, object] = {}


RELATIVES = [*PAGES, "/x.html", "story.html", "de/a b.html", "de/ü.html", "de/../../x.html", "de/./x.html"]


@pytest.mark.parametrize(
    "out_dir", ["/project/site", "/project", "/project/../site", "/elsewhere/site", "/project/a/../site", "/"]
)
def test_a_site_file_gets_the_path_and_the_record_name_the_general_way_gives(out_dir: str) -> None:
    import os

    from transpub.compile.places import child, place_of, record_name
    from transpub.manifest import path_name

    root = Path("/project")
    run = _Run(root, Path(out_dir))
    for _ in range(2):  # the second time from the folders remembered
        for relative in RELATIVES:
            place, name = place_of(run, relative)  # type: ignore[arg-type]
            path = run.out_dir / relative
            assert os.path.join(place[0], name) == str(path), relative
            found = child(place[1], name)
            assert found == path and str(found) == str(path) and found.parts == path.parts, relative
            assert record_name(run, relative) == path_name(root, path), relative  # type: ignore[arg-type]


def test_an_articles_catalog_is_where_the_project_says_and_checked_as_it_checks_it(tmp_path: Path) -> None:
    from transpub.compile.places import catalog_file
    from transpub.compile.run import CompileOptions, CompileRun
    from transpub.errors import UnsafePathError

    init_project(tmp_path, source="en", locales=["de", "pt_BR"])
    project = load_project(tmp_path)
    outside = tmp_path / "outside.po"
    outside.write_text("", encoding="utf-8")
    folder = project.catalogs_dir / "de" / "LC_MESSAGES"
    (folder / "2024").mkdir(parents=True, exist_ok=True)
    (folder / "2024" / "away.po").symlink_to(outside)
    (folder / "inside.po").symlink_to(folder / "2024" / "away.po")
    run = CompileRun(project, CompileOptions(), project.site_dir, ("de",), ("de", "pt_BR"))
    for _ in range(2):
        for locale in ("de", "pt_BR"):
            for slug in ("a", "2024/story", "a/b/c", "ü x", "2024/away", "inside", "x/../2024/away"):
                try:
                    expected: object = project.catalog_path(locale, slug)
                except UnsafePathError:
                    expected = UnsafePathError
                try:
                    name, path = catalog_file(run, locale, slug)
                except UnsafePathError:
                    name, path = "", UnsafePathError  # type: ignore[assignment]
                assert path == expected, (locale, slug)
                if path is not UnsafePathError:
                    assert name == str(expected) and path.parts == expected.parts  # type: ignore[union-attr]
