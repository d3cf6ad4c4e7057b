"""compile --format markdown and the images raw HTML names relative to the page's URL.

A browser reads a page's relative URLs from the folder the page is published in. With pretty URLs
(MkDocs' ``use_directory_urls``, Hugo's default, Jekyll's ``permalink: pretty``) ``guide/themes.md``
is published as ``guide/themes/index.html``, one folder deeper than its file, and the MkDocs docs write
``<img src="../../img/light.png">`` for ``docs/img/light.png``; with file URLs
(``guide/themes.html``) the same page writes ``../img/light.png``. Markdown images are the same on
Hugo and Jekyll; MkDocs reads them from the file. Each generator builds the site with the pages
transpub writes (a content folder per language), and the pseudo-translated Spanish page must load
the same image bytes as the English one, with no warning.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import unquote, urljoin

import polib
import pytest

from real_renderers import HUGO, JEKYLL, MKDOCS
from test_compile_markdown import compile_md, extract
from transpub.markdown_outputs import RECORD_NAME

LIGHT, DARK = b"\x89PNG light", b"\x89PNG dark"


def page_text(raw: str, image: str) -> str:
    """The English page: a raw HTML image with the URL ``raw``, a Markdown one with ``image``."""
    return (
        "---\ntitle: Themes\n---\n\nChoose a theme.\n\n"
        f'<p><img src="{raw}" alt="Light mode"></p>\n\n![Dark mode]({image})\n'
    )


def pseudo_translate(root: Path) -> None:
    """Every unit of every Spanish catalog ⟦marked⟧."""
    for path in (root / "locales" / "es").rglob("*.po"):
        po = polib.pofile(str(path))
        for entry in po:
            entry.msgstr = f"⟦{entry.msgid}⟧"
        po.save(str(path))


def shown_images(public: Path, page: str) -> list[bytes | None]:
    """The bytes of each file an ``<img>`` of the built ``page`` loads, as a browser resolves its URL
    (None: no such file)."""
    html = (public / page).read_text("utf-8")
    shown: list[bytes | None] = []
    for src in re.findall(r'<img[^>]*\bsrc="([^"]+)"', html):
        path = unquote(urljoin("/" + page, src)).lstrip("/")
        found = public / path
        shown.append(found.read_bytes() if found.is_file() else None)
    return shown


def make_site(site: Path, articles: str, markdown_dir: str, raw: str, image: str) -> Path:
    """A project whose English page is ``<articles>/guide/themes.md`` and its images
    ``<articles>/img/``, written in Spanish below ``<markdown_dir>/es/``, extracted and pseudo-translated."""
    site.mkdir(parents=True)
    (site / "transpub.toml").write_text(
        '[project]\nname = "Docs"\nsource_locale = "en"\nlocales = ["es"]\n\n'
        f'[paths]\narticles = "{articles}"\n\n[compile]\nformat = "markdown"\nlayout = "directory"\n'
        f'markdown_dir = "{markdown_dir}"\ncopy_source = false\n',
        encoding="utf-8",
    )
    folder = site / articles
    (folder / "guide").mkdir(parents=True)
    (folder / "img").mkdir()
    (folder / "img" / "light.png").write_bytes(LIGHT)
    (folder / "img" / "dark.png").write_bytes(DARK)
    (folder / "guide" / "themes.md").write_text(page_text(raw, image), encoding="utf-8")
    extract(site)
    pseudo_translate(site)
    return site


def unmarked(site: Path, spanish: str) -> None:
    """The Spanish page's marks taken out, as the pseudo-translation's source (so the build shows
    what the source shows, text and all)."""
    path = site / spanish
    path.write_text(path.read_text("utf-8").replace("⟦", "").replace("⟧", ""), encoding="utf-8")


def run(command: list[str], cwd: Path) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def build_mkdocs(site: Path, folders: bool) -> tuple[Path, str, str]:
    assert MKDOCS is not None
    (site / "mkdocs.yml").write_text(
        f"site_name: Docs\ndocs_dir: docs\nuse_directory_urls: {str(folders).lower()}\n"
        f"exclude_docs: |\n  {RECORD_NAME}\n",
        encoding="utf-8",
    )
    run([MKDOCS, "build", "--quiet", "--site-dir", str(site / "out")], site)
    page = "guide/themes/index.html" if folders else "guide/themes.html"
    return site / "out", f"en/{page}", f"es/{page}"


def build_hugo(site: Path, folders: bool) -> tuple[Path, str, str]:
    assert HUGO is not None
    (site / "layouts" / "_default").mkdir(parents=True)
    for name in ("single.html", "list.html"):
        (site / "layouts" / "_default" / name).write_text("<main>{{ .Content }}</main>\n", "utf-8")
    (site / "hugo.toml").write_text(
        ("" if folders else "uglyURLs = true\n")
        + 'baseURL = "https://docs.example/"\ndefaultContentLanguage = "en"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
        "[markup.goldmark.renderer]\nunsafe = true\n"
        '[languages.en]\ncontentDir = "content/en"\nweight = 1\n'
        '[languages.es]\ncontentDir = "content/es"\nweight = 2\n',
        encoding="utf-8",
    )
    run(
        [HUGO, "--source", str(site), "--quiet", "--noBuildLock", "--cacheDir", str(site / ".hugo-cache")],
        site,
    )
    page = "guide/themes/index.html" if folders else "guide/themes.html"
    return site / "public", page, f"es/{page}"


def build_jekyll(site: Path, folders: bool) -> tuple[Path, str, str]:
    assert JEKYLL is not None
    (site / "_config.yml").write_text(
        ("permalink: pretty\n" if folders else "")
        + f"exclude: [locales, transpub.toml, {RECORD_NAME}]\ndefaults:\n"
        '  - scope: {path: ""}\n    values: {layout: null}\n',
        encoding="utf-8",
    )
    run([JEKYLL, "build", "--quiet", "--source", str(site), "--destination", str(site / "_site")], site)
    page = "guide/themes/index.html" if folders else "guide/themes.html"
    return site / "_site", f"en/{page}", f"es/{page}"


#: Each generator: the articles folder, markdown_dir, whether it reads Markdown images from the file
#: (else from the page's URL, as raw HTML), how it builds and whether it is installed.
GENERATORS = {
    "mkdocs": ("docs/en", "docs", True, build_mkdocs, MKDOCS is not None),
    "hugo": ("content/en", "content", False, build_hugo, HUGO is not None),
    "jekyll": ("en", ".", False, build_jekyll, JEKYLL is not None),
}
MODES = {"pretty URLs (guide/themes/index.html)": True, "file URLs (guide/themes.html)": False}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("generator", GENERATORS)
def test_a_translated_page_shows_the_images_its_raw_html_names_from_the_pages_url(
    tmp_path: Path, generator: str, mode: str
) -> None:
    articles, markdown_dir, by_file, build, installed = GENERATORS[generator]
    if not installed:
        pytest.skip(f"{generator} is not installed")
    folders = MODES[mode]
    up = "../../" if folders else "../"
    site = make_site(
        tmp_path / "site",
        articles,
        markdown_dir,
        f"{up}img/light.png",
        f"{'../' if by_file else up}img/dark.png",
    )
    report = compile_md(site)
    assert not report.errors
    assert [issue.message for issue in report.warnings] == []
    spanish = f"{markdown_dir}/es/guide/themes.md".removeprefix("./")
    assert "⟦Choose a theme.⟧" in (site / spanish).read_text("utf-8")
    unmarked(site, spanish)
    assert (site / spanish).read_text("utf-8") == (site / articles / "guide" / "themes.md").read_text("utf-8")
    public, english, translated = build(site, folders)
    assert shown_images(public, english) == [LIGHT, DARK]  # (the source page shows them)
    assert shown_images(public, translated) == [LIGHT, DARK]


def test_a_missing_image_named_from_the_pages_url_is_a_warning_naming_where_the_page_looks(
    tmp_path: Path,
) -> None:
    site = make_site(tmp_path / "site", "docs", "out", "../../img/light.png", "../img/dark.png")
    (site / "docs" / "img" / "light.png").unlink()  # (from the file's folder it would be img/light.png)
    report = compile_md(site)
    assert not report.errors
    (warning,) = report.warnings
    assert warning.path == "docs/guide/themes.md" and warning.line == 7
    assert "'../../img/light.png' names no file (docs/img/light.png)" in warning.message


def test_an_image_named_from_the_pages_url_and_added_later_is_copied_on_the_next_run(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site", "docs/en", "docs", "../../img/light.png", "../img/dark.png")
    (site / "docs" / "en" / "img" / "light.png").unlink()
    compile_md(site)
    assert not (site / "docs" / "es" / "img" / "light.png").exists()
    (site / "docs" / "en" / "img" / "light.png").write_bytes(LIGHT)
    report = compile_md(site)
    assert not report.warnings
    assert (site / "docs" / "es" / "img" / "light.png").read_bytes() == LIGHT
