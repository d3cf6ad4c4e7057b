"""Hugo's ``aliases`` (a page's old addresses, where Hugo writes a redirect to it) in a translation:
one with a leading slash is one address in every language, where Hugo wrote each language's redirect
over the others, so compile writes the translation's under its language's folder. (The real hugo
builds such a site in test_init_site.py and test_hugo_language_permalinks.py.)"""

from __future__ import annotations

from pathlib import Path

from test_compile_markdown import compile_md, extract, make_markdown_project, translate

TOML_PAGE = '+++\r\ntitle = "The ferry"\r\naliases = ["/old/ferry/", \'/posts/ferry-2023/\', "ferry-2022/"]\r\n+++\r\nThe ferry runs.\r\n'


def spanish_ferry(root: Path, text: str) -> str:
    """The ferry page written as ``text``, compiled in Spanish (translated): the Spanish file."""
    (root / "articles" / "posts" / "ferry.md").write_bytes(text.encode("utf-8"))
    extract(root)
    translate(root, "es", {"The ferry": "El ferry", "The ferry runs.": "El ferry sale."})
    assert not compile_md(root, ["es"]).errors
    return (root / "site" / "es" / "posts" / "ferry.md").read_bytes().decode("utf-8")


def in_spanish(text: str) -> str:
    return text.replace('"The ferry"', '"El ferry"').replace("The ferry runs.", "El ferry sale.")


def test_a_spanish_pages_old_addresses_in_toml_front_matter_are_under_es_its_lines_as_written(
    tmp_path: Path,
) -> None:
    """[compile.links] leads /posts/… to /es/posts/…, the language's folder any other old address; an
    alias without the slash is under the page's folder already; the file's CRLF lines stay."""
    root = make_markdown_project(tmp_path / "p", '[compile.links]\n"/posts/" = "/{lang}/posts/"\n')
    spanish = spanish_ferry(root, TOML_PAGE)
    assert spanish == in_spanish(TOML_PAGE).replace('"/old/', '"/es/old/').replace("'/posts/", "'/es/posts/")
    assert (root / "site" / "en" / "posts" / "ferry.md").read_bytes() == TOML_PAGE.encode("utf-8")


def test_a_jekyll_pages_aliases_stay_as_written(tmp_path: Path) -> None:
    """Hugo's key, not Jekyll's (whose jekyll-redirect-from reads redirect_from)."""
    root = make_markdown_project(tmp_path / "p", 'heading_ids = "jekyll"\n')
    page = TOML_PAGE.replace("\r\n", "\n")
    assert spanish_ferry(root, page) == in_spanish(page)
