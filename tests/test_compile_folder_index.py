"""HTML pages of a folder's index article (``articles/guide/index.html``, slug ``guide``): published
as that folder's index in every language (``site/de/guide/index.html``), so that the links a site
writes to it (``guide/``, ``guide/index.html``, ``/en/guide/``) and its own relative links
(``../a.html``, an image beside it) lead to files of the compiled site, as on the source site."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest

from pseudo_catalogs import fill_pseudo
from site_links import broken_links
from test_compile_helpers import run_cli

CONFIG = """[project]
name = "Guides"
source_locale = "en"
locales = ["de", "fr"]
"""

#: The articles: links to the folders' index articles written in each way a source site writes them.
ARTICLES = {
    "a.html": (
        '<p>Read <a href="guide/">the guide</a>, <a href="guide/index.html#start">its start</a> and '
        '<a href="/en/guide/">its address</a>.</p><p>See <a href="howto/">how to</a> and '
        '<a href="faq/">the questions</a>.</p>'
    ),
    "guide/index.html": (
        '<p>Look at <img src="pic.png" alt="a picture"> and go <a href="../a.html">back</a>.</p>'
        '<p>Then <a href="../howto/">how to</a> or <a href="../howto/index.html">how to again</a>.</p>'
    ),
    "howto/index.html": '<p>Go to <a href="../guide/">the guide</a> or <a href="/en/a.html">the start</a>.</p>',
    "faq/index.md": "# Questions\n\nSee [the guide](../guide/) first.\n",
}
LANGUAGES = ("en", "de", "fr")


def _page(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def _project(root: Path, articles: dict[str, str] = ARTICLES, config: str = "") -> Path:
    """A project of ``articles`` (path in the articles folder: body) translated into German and
    French, every catalog filled (``⟦msgid⟧``)."""
    (root / "articles").mkdir(parents=True)
    (root / "transpub.toml").write_text(CONFIG + config, encoding="utf-8")
    for name, body in articles.items():
        path = root / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body if name.endswith(".md") else _page(f"Page {name}", body), encoding="utf-8")
    if (root / "articles" / "guide").is_dir():
        (root / "articles" / "guide" / "pic.png").write_bytes(b"\x89PNG\r\n")
    assert run_cli(root, "extract").exit_code == 0
    fill_pseudo(root)
    return root


def _compile(root: Path, *args: str) -> str:
    result = run_cli(root, "compile", *args)
    assert result.exit_code == 0, result.output
    return " ".join((result.stdout + result.stderr).split())


def _hold_back(root: Path, slug: str, locale: str = "de") -> None:
    """Empty the catalog of ``slug`` in ``locale`` (its page held back: 0% translated)."""
    path = root / "locales" / locale / "LC_MESSAGES" / f"{slug}.po"
    catalog = polib.pofile(str(path))
    for entry in catalog:
        entry.msgstr = ""
    catalog.save()


def _pages(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def _body(page: Path) -> str:
    """What a page shows after the language switcher."""
    return page.read_text(encoding="utf-8").split("</nav>", 1)[1]


def test_every_link_to_and_from_a_folder_index_article_leads_to_a_page_in_every_language(
    tmp_path: Path,
) -> None:
    """guide/index.html is published as guide/index.html in every language (its slug, catalogs and
    index rows stay ``guide``); each link, written as the source site writes it, leads to a file;
    the German and French pages are their source text with the pseudo-translation's marks."""
    root = _project(tmp_path / "guides")
    _compile(root)
    site = root / "site"
    for lang in LANGUAGES:
        for folder in ("guide", "howto", "faq"):
            assert (site / lang / folder / "index.html").is_file()
            assert not (site / lang / f"{folder}.html").exists()
    assert (root / "locales" / "de" / "LC_MESSAGES" / "guide.po").is_file()
    assert broken_links(site) == []
    for lang in ("de", "fr"):
        for page in ("a.html", "guide/index.html", "howto/index.html"):
            english = _body(site / "en" / page)
            assert _body(site / lang / page).replace("⟦", "").replace("⟧", "") == english
    assert 'href="./guide/index.html"' in (site / "de" / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="fr" href="../../fr/guide/index.html"' in (
        site / "de" / "guide" / "index.html"
    ).read_text(encoding="utf-8")


def test_links_to_a_folder_index_article_held_back_lead_to_its_source_page_that_exists(
    tmp_path: Path,
) -> None:
    """guide is held back in German: the German pages' relative links to it lead to the English
    guide/index.html (a root-relative one stays as written rather than follow the rule), and its
    review copy, like every other one, links to files that exist."""
    root = _project(tmp_path / "guides", config='[compile.links]\n"/en/" = "/{lang}/"\n')
    _hold_back(root, "guide")
    output = _compile(root, "--review")
    site = root / "site"
    assert not (site / "de" / "guide").exists()
    assert "not published in de" in output
    assert '<a href="../en/guide/index.html">the guide</a>' in (site / "de" / "a.html").read_text(
        encoding="utf-8"
    )
    assert '<a href="../../en/guide/index.html">the guide</a>' in (
        site / "de" / "howto" / "index.html"
    ).read_text(encoding="utf-8")
    for lang in ("de", "fr"):
        assert (site / "_review" / lang / "guide" / "index.html").is_file()
    assert broken_links(site) == []
    _compile(root, "--review")  # a run with nothing changed keeps the review copies (none is an orphan)
    assert (site / "_review" / "de" / "guide" / "index.html").is_file()
    assert broken_links(site) == []


@pytest.mark.parametrize("args", [(), ("--full",)])
def test_a_site_compiled_when_folder_index_articles_were_slug_html_loses_those_pages_silently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    """An older transpub published guide/index.html as guide.html (and its review copies): the
    next compile writes guide/index.html and removes the pages it wrote before, with no warning."""
    root = _project(tmp_path / "guides")
    _compile_as_before(root, monkeypatch, "--review")
    site = root / "site"
    assert (site / "de" / "guide.html").is_file() and (site / "_review" / "de" / "guide.html").is_file()
    output = _compile(root, "--review", *args)
    assert "Warning" not in output and "removed" not in output, output
    assert not [page for page in _pages(site) if page.endswith(("/guide.html", "/howto.html", "/faq.html"))]
    assert (site / "de" / "guide" / "index.html").is_file()
    assert (site / "_review" / "de" / "guide" / "index.html").is_file()
    assert broken_links(site) == []


def test_a_page_of_the_old_place_changed_since_compile_wrote_it_stays_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(tmp_path / "guides")
    _compile_as_before(root, monkeypatch)
    edited = root / "site" / "fr" / "guide.html"
    edited.write_text("<p>Edited by hand.</p>", encoding="utf-8")
    output = _compile(root)
    assert edited.read_text(encoding="utf-8") == "<p>Edited by hand.</p>"
    assert not (root / "site" / "de" / "guide.html").exists()
    assert (
        "site/fr/guide.html: left as it is: the page of guide is site/fr/guide/index.html now, but this one "
        "was changed since compile wrote it; delete it if it should go"
    ) in output


def test_a_review_copy_of_the_old_place_changed_since_compile_wrote_it_stays_with_one_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(tmp_path / "guides")
    _compile_as_before(root, monkeypatch, "--review")
    edited = root / "site" / "_review" / "fr" / "guide.html"
    edited.write_text("<p>Edited by hand.</p>", encoding="utf-8")
    output = _compile(root, "--review")
    assert edited.read_text(encoding="utf-8") == "<p>Edited by hand.</p>"  # (it was said kept, and deleted)
    assert not (root / "site" / "_review" / "de" / "guide.html").exists()
    assert output.count("site/_review/fr/guide.html: left as it is") == 1, output


def _compile_as_before(root: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> None:
    """Compile as a transpub before folder index articles kept their place did: every page
    ``<slug>.html``, written by other code (another signature: the next run compiles every article)."""
    from transpub.compile import article, links, places, records, workflow

    with monkeypatch.context() as patched:
        for module in (article, links, places, records, workflow):
            patched.setattr(module, "is_folder_index", lambda path, slug: False)
        patched.setattr(workflow, "code_signature", lambda root=None: "an older transpub")
        _compile(root, *args)


@pytest.mark.parametrize(
    ("before", "after"), [("guide.html", "guide/index.html"), ("guide/index.html", "guide.html")]
)
def test_an_article_moved_to_or_from_its_folders_index_leaves_no_page_at_its_old_place(
    tmp_path: Path, before: str, after: str
) -> None:
    """The slug stays ``guide``: its pages move with the article, those at the old place go, and the
    index pages link the new place."""
    root = _project(
        tmp_path / "guides",
        {"a.html": "<p>The start.</p>", before: "<p>The guide.</p>"},
    )
    _compile(root, "--review")
    new = root / "articles" / after
    new.parent.mkdir(exist_ok=True)
    (root / "articles" / before).rename(new)
    output = _compile(root, "--review")
    assert "Warning" not in output, output
    site = root / "site"
    assert [page for page in _pages(site) if "guide" in page] == [
        f"_review/{lang}/{after}" for lang in ("de", "fr")
    ] + [f"{lang}/{after}" for lang in ("de", "en", "fr")]
    assert broken_links(site) == []
    assert not [path for path in site.rglob("*") if path.is_dir() and not any(path.iterdir())]


def test_the_pages_of_a_gone_folder_index_article_are_removed(tmp_path: Path) -> None:
    root = _project(tmp_path / "guides")
    _compile(root)
    (root / "articles" / "howto" / "index.html").unlink()
    output = _compile(root)
    assert "site/de/howto/index.html: removed (its article is gone)" in output
    assert not [page for page in _pages(root / "site") if "howto" in page]
    assert "Warning" not in output


def test_sharded_runs_and_an_out_folder_publish_folder_index_articles_at_their_place(tmp_path: Path) -> None:
    """Each shard writes its articles' pages (a link to another shard's article held back leads to
    its English page), the index run lists them at their place; ``--out`` writes them so too."""
    root = _project(tmp_path / "guides")
    _hold_back(root, "guide", "fr")
    for shard in ("1/2", "2/2"):
        _compile(root, "--shard", shard)
    _compile(root, "--indexes")
    site = root / "site"
    assert '<a href="../en/guide/index.html">the guide</a>' in (site / "fr" / "a.html").read_text(
        encoding="utf-8"
    )
    assert 'href="./howto/index.html"' in (site / "fr" / "index.html").read_text(encoding="utf-8")
    assert broken_links(site) == []
    preview = tmp_path / "preview"
    _compile(root, "--out", str(preview))
    assert (preview / "de" / "guide" / "index.html").is_file() and broken_links(preview) == []


def test_a_run_for_one_language_leaves_the_other_languages_pages_at_their_old_place_until_compiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``-l de`` after the upgrade moves the German pages only: the French guide.html stays published
    (nothing French is rewritten), a note says so, and ``-l fr`` moves it, with no warning."""
    root = _project(tmp_path / "guides")
    _compile_as_before(root, monkeypatch, "--review")
    site = root / "site"
    french = (site / "fr" / "guide.html").read_bytes()
    output = _compile(root, "--review", "-l", "de")
    assert "Warning" not in output, output
    assert (site / "fr" / "guide.html").read_bytes() == french
    assert not (site / "de" / "guide.html").exists() and (site / "de" / "guide" / "index.html").is_file()
    assert (
        "Note: 3 fr pages stay where an earlier compile wrote them (site/fr/faq.html, …) until "
        "`transpub compile -l fr` (or every language) writes them where they go now (site/fr/faq/index.html, …)"
    ) in output
    output = _compile(root, "--review", "-l", "de")  # a run with nothing changed: still there, said again
    assert "3 fr pages stay where an earlier compile wrote them" in output and "4 pages unchanged" in output
    assert (site / "fr" / "guide.html").read_bytes() == french
    output = _compile(root, "--review", "-l", "fr")
    assert "Warning" not in output and "stay" not in output, output
    assert not [page for page in _pages(site) if page.endswith(("/guide.html", "/howto.html", "/faq.html"))]
    assert (site / "fr" / "guide" / "index.html").is_file()
    assert broken_links(site) == []


def test_an_article_deleted_before_its_other_languages_were_compiled_leaves_their_old_pages_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(tmp_path / "guides")
    _compile_as_before(root, monkeypatch)
    _compile(root, "-l", "de")
    (root / "articles" / "guide" / "index.html").unlink()
    output = _compile(root, "-l", "de")
    assert "site/fr/guide.html: removed (its article is gone)" in output
    assert "Warning" not in output, output
    assert not [page for page in _pages(root / "site") if "guide" in page]
    assert not (root / "site" / "de" / "guide").exists()


def test_the_canonical_hreflang_and_og_url_of_a_folder_index_article_are_its_folders_address(
    tmp_path: Path,
) -> None:
    """With ``base_url``, the German guide's canonical link, its hreflang links and og:url name
    ``https://guides.example/de/guide/`` (the address users and search engines know it by), as do
    the other pages' hreflang links to it; a.html's stay ``…/de/a.html``."""
    articles = {
        **ARTICLES,
        "guide/index.html": ARTICLES["guide/index.html"].replace(
            "<p>Look", '<meta property="og:url" content="https://guides.example/en/guide/"><p>Look', 1
        ),
    }
    root = _project(tmp_path / "guides", articles, '[compile]\nbase_url = "https://guides.example/"\n')
    _compile(root)
    site = root / "site"
    guide = (site / "de" / "guide" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://guides.example/de/guide/">' in guide
    assert '<meta property="og:url" content="https://guides.example/de/guide/">' in guide
    for lang in LANGUAGES:
        assert f'hreflang="{lang}" href="https://guides.example/{lang}/guide/"' in guide
    assert 'hreflang="x-default" href="https://guides.example/en/guide/"' in guide
    assert "index.html" not in "".join(re.findall(r"<link [^>]*>|<meta [^>]*>", guide))
    page = (site / "de" / "a.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://guides.example/de/a.html">' in page
    assert broken_links(site) == []
    english = _body(site / "en" / "guide" / "index.html").replace("/en/guide/", "/de/guide/")  # (its og:url)
    assert _body(site / "de" / "guide" / "index.html").replace("⟦", "").replace("⟧", "") == english


def test_a_page_at_the_old_place_the_system_keeps_is_an_error_at_each_run_until_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_compile_dropped_locales import refuse_removing
    from transpub.compile import removal

    root = _project(tmp_path / "guides")
    _compile_as_before(root, monkeypatch)
    kept = root / "site" / "de" / "guide.html"
    refuse_removing(monkeypatch, removal, kept)
    error = "Error: site/de/guide.html: cannot remove: Permission denied"
    result = run_cli(root, "compile")
    assert result.exit_code == 1 and error in result.stderr, result.output
    again = run_cli(root, "compile")  # (the page is still its record's: tried again, said again)
    assert again.exit_code == 1 and error in again.stderr, again.output
    monkeypatch.undo()
    assert "Error" not in _compile(root) and not kept.exists()
    assert (root / "site" / "de" / "guide" / "index.html").is_file()
