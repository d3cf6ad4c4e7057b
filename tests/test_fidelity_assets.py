"""An article's images, stylesheets and scripts load on every compiled page (issue 12, finding 6).

Each file a relative URL names is copied once into ``site/_assets/`` and the URL points there
from every page; a missing file is a warning naming article and line.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest

from transpub.compile import CompileOptions, compile_project
from transpub.extract import extract_project
from transpub.project import load_project

CONFIG = """[project]
name = "Assets"
source_locale = "en"
locales = ["es"]
"""

BODY = """<html><head><title>Story</title><link rel="stylesheet" href="style.css">
<script src="js/app.js"></script></head><body>
<p><img src="img/a.png" srcset="img/a.png 1x, img/a%402x.png 2x" alt="A lake"> The lake froze.</p>
<picture><source srcset="img/a.webp"><img src="img/a.png" alt="The lake"></picture>
<video poster="img/poster.jpg" src="https://cdn.example/v.mp4"></video>
<div style="background: url('img/bg.jpg') no-repeat">Winter came early.</div>
<p><a href="other.html">Other</a> <img src="https://example.com/x.png" alt="Remote"></p>
</body></html>
"""
FILES = ["style.css", "js/app.js", "img/a.png", "img/a@2x.png", "img/a.webp", "img/poster.jpg", "img/bg.jpg"]


def make(root: Path, body: str = BODY, files: list[str] = FILES, name: str = "2024/story.html") -> Path:
    articles = root / "articles"
    (articles / name).parent.mkdir(parents=True)
    (root / "transpub.toml").write_text(CONFIG, encoding="utf-8")
    (articles / name).write_text(body, encoding="utf-8")
    for file in files:
        path = (articles / name).parent / file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(f"content of {file}".encode())
    return root


def loaded_urls(html: str) -> list[str]:
    """Every relative file URL a browser would load from the page."""
    found = re.findall(r'(?:src|href|poster)="([^"]+)"', html)
    found += [u.split()[0] for s in re.findall(r'srcset="([^"]+)"', html) for u in s.split(",")]
    found += re.findall(r"url\('([^']+)'\)", html)
    return [u for u in found if not u.startswith(("https:", "#")) and not u.endswith(".html")]


def test_every_page_loads_the_articles_files_from_the_site(tmp_path: Path) -> None:
    root = make(tmp_path / "p")
    extract_project(load_project(root), ["es"])
    compile_project(load_project(root), ["es"], CompileOptions(threshold=0, review=True))
    for page in ["es/2024/story.html", "en/2024/story.html", "_review/es/2024/story.html"]:
        html = (root / "site" / page).read_text(encoding="utf-8")
        urls = loaded_urls(html)
        assert len(urls) == 9, (page, urls)
        for url in urls:
            resolved = Path(unquote(urljoin(f"file:///site/{page}", url)[len("file:///") :]))
            loaded = root / resolved
            assert loaded.is_file(), (page, url)
            assert loaded.read_bytes().startswith(b"content of "), (page, url)
    assert 'href="https://cdn.example/v.mp4"' not in html and 'src="https://cdn.example/v.mp4"' in html
    assert (root / "site/_assets/articles/2024/img/a.png").is_file()


def test_a_srcset_url_holding_commas_is_one_url_as_browsers_read_it(tmp_path: Path) -> None:
    # (a CDN's resize parameters: the commas were taken for the ends of candidates, "0" and "93_.jpg"
    # warned of as missing files, and the relative image was not copied for the localized page)
    body = (
        '<html><body><p><img src="img/a.png" alt="A" srcset="img/w_140,h_93/a.png 1x,'
        '//cdn.example/x_extract=0,0,1959_resize=280,187_.jpg 2x"> The lake froze.</p></body></html>\n'
    )
    root = make(tmp_path / "p", body=body, files=["img/a.png", "img/w_140,h_93/a.png"])
    extract_project(load_project(root), ["es"])
    report = compile_project(load_project(root), ["es"], CompileOptions(threshold=0))
    assert [f"{w.location}: {w.message}" for w in report.warnings] == []
    html = (root / "site/es/2024/story.html").read_text(encoding="utf-8")
    (srcset,) = re.findall(r'srcset="([^"]+)"', html)
    local, remote = srcset.split(" 1x,")
    assert remote == "//cdn.example/x_extract=0,0,1959_resize=280,187_.jpg 2x"
    loaded = root / unquote(urljoin("file:///site/es/2024/story.html", local)[len("file:///") :])
    assert loaded.read_bytes() == b"content of img/w_140,h_93/a.png"


def test_a_missing_file_is_a_warning_naming_article_and_line_and_the_url_is_kept(tmp_path: Path) -> None:
    root = make(tmp_path / "p", files=[f for f in FILES if f != "img/poster.jpg"])
    report = compile_project(load_project(root), ["es"], CompileOptions(threshold=0))
    warnings = [f"{w.location}: {w.message}" for w in report.warnings]
    assert len(warnings) == 1 and warnings[0].startswith("articles/2024/story.html:5: ")
    assert "img/poster.jpg" in warnings[0]
    assert 'poster="img/poster.jpg"' in (root / "site/es/2024/story.html").read_text(encoding="utf-8")
    assert (root / "site/es/2024/story.html").is_file()  # the page is still published


def test_an_article_naming_a_hidden_or_transpubs_own_file_does_not_publish_it(tmp_path: Path) -> None:
    """An article is anyone's text: ``<link href="../../.env">`` must not copy the project's secrets
    (or its .git, its catalogs, its configuration) into the public site. Each is a warning naming
    the article and line, and its URL is kept as written."""
    body = (
        '<html><head><title>Story</title><link rel="stylesheet" href="../../.env">\n'
        '<script src="../../.git/config"></script></head><body>\n'
        '<p><img src="../../transpub.toml" alt="A"> <img src="../../locales/es/LC_MESSAGES/2024/story.po"'
        ' alt="B"> <img src="img/a.png" alt="C"> The lake froze.</p></body></html>\n'
    )
    root = make(tmp_path / "p", body=body, files=["img/a.png"])
    (root / ".env").write_text("ENGINE_KEY=secret\n", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("[remote]\nurl = https://token@example.com/x\n", encoding="utf-8")
    extract_project(load_project(root), ["es"])
    report = compile_project(load_project(root), ["es"], CompileOptions(threshold=0))
    copied = sorted(
        p.relative_to(root / "site").as_posix() for p in (root / "site").rglob("*") if p.is_file()
    )
    assert [name for name in copied if name.startswith("_assets/")] == ["_assets/articles/2024/img/a.png"]
    warnings = sorted(f"{w.location}: {w.message}" for w in report.warnings)
    assert len(warnings) == 4 and all("never copied; the URL is kept as written" in w for w in warnings)
    assert 'href="../../.env"' in (root / "site/es/2024/story.html").read_text(encoding="utf-8")


def test_an_article_naming_the_memory_set_by_environment_does_not_publish_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``TRANSPUB_MEMORY_URL`` wins over ``[paths] memory``: the memory file it names in the project is
    as much transpub's own as the configured one, and an article naming it must not publish it."""
    body = '<html><body><p><img src="../../tm.sqlite" alt="A"> The lake froze.</p></body></html>\n'
    root = make(tmp_path / "p", body=body, files=[])
    (root / "tm.sqlite").write_bytes(b"SQLite format 3\x00 every translation the team paid for")
    monkeypatch.setenv("TRANSPUB_MEMORY_URL", "tm.sqlite")
    report = compile_project(load_project(root), ["es"], CompileOptions(threshold=0))
    assert not (root / "site" / "_assets" / "tm.sqlite").exists()
    warnings = [f"{w.location}: {w.message}" for w in report.warnings]
    assert len(warnings) == 1 and "never copied; the URL is kept as written" in warnings[0], warnings


@pytest.mark.parametrize(
    "name, text, line",
    [
        ("story.md", "---\ntitle: Story\n---\n\nThe lake froze.\n\n![A lake](img/missing.png)\n", 7),
        (
            "story.html",
            '---\ntitle: Story\n---\n<p>The lake froze.</p>\n\n<img src="img/missing.png" alt="A">\n',
            6,
        ),
    ],
)
def test_a_missing_file_of_a_markdown_or_content_page_is_a_warning_naming_the_articles_own_line(
    tmp_path: Path, name: str, text: str, line: int
) -> None:
    """compile makes an HTML page of a Markdown (or front matter HTML) article: the warning names the
    line of the article where the image is written (it named the made page's line 11)."""
    root = make(tmp_path / "p", body=text, files=[], name=name)
    extract_project(load_project(root), ["es"])
    report = compile_project(load_project(root), ["es"], CompileOptions(threshold=0))
    warnings = [f"{w.location}: {w.message}" for w in report.warnings]
    assert warnings == [
        f"articles/{name}:{line}: src 'img/missing.png': no such file articles/img/missing.png; "
        "the URL is kept as written"
    ], warnings
