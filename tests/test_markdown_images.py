"""compile --format markdown and the images a post names by a relative path.

A translation written in another folder than its source (the directory layout, Hugo's and MkDocs'
content folders per language, Jekyll's ``_posts/es/``, a suffix tree moved by ``markdown_dir``) must
still show the post's images: every relative image reference in a written file leads to a file with
the source image's bytes. Nothing in the Markdown changes but its translated text (pseudo-translation:
with the marks taken out, the file is the source). Where no file can be put (an image out of the
articles folder, a missing one), one warning names the article's line.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import polib
import pytest

from test_compile_markdown import compile_md, extract
from test_hugo_site import build_with_hugo, needs_hugo
from test_incremental import changed, run, state
from transpub.compile import compile_project
from transpub.markdown_outputs import RECORD_NAME, OutputRecord
from transpub.project import load_project

POST = """---
title: The harbour reopens
image: images/cover.jpg
---

# The harbour reopens

The ferry runs again. ![The harbour at dawn](images/harbour.jpg "The north dock")

The old map ![An old map](../img/map%20old.png) shows the dock.

<figure><img src="images/dock.png" alt="The dock"></figure>

See ![the logo][logo] and the [timetable](timetable.md#today) ([as PDF](files/timetable.pdf), [older news](../archive/)).

Keep these: ![remote](https://cdn.example/x.png) ![inline](data:image/png;base64,AAAA) [top](#top) `![code](images/code.png)`

```md
![fenced](images/fenced.png)
```

[logo]: images/logo.svg
"""
IMAGES = {
    "posts/images/cover.jpg": b"cover",
    "posts/images/harbour.jpg": b"harbour",
    "img/map old.png": b"map",
    "posts/images/dock.png": b"dock",
    "posts/images/logo.svg": b"<svg/>",
    "posts/images/code.png": b"code",
    "posts/images/fenced.png": b"fenced",
    "posts/files/timetable.pdf": b"%PDF",
}
SPANISH = {
    "The harbour reopens": "El puerto reabre",
    "The ferry runs again.": "El ferry vuelve a funcionar.",
    "The harbour at dawn": "El puerto al amanecer",
}

#: Each layout: its [compile] settings, the articles folder, and where the Spanish post is written.
LAYOUTS = {
    "directory (site/es/)": ("", "articles", "site/es/posts/harbour.md"),
    "Hugo or MkDocs, a content folder per language": (
        'markdown_dir = "content"\n',
        "content/en",
        "content/es/posts/harbour.md",
    ),
    "Jekyll polyglot (_posts/es/)": (
        'markdown_dir = "_posts"\ncopy_source = false\n',
        "_posts",
        "_posts/es/posts/harbour.md",
    ),
    "suffix, moved by markdown_dir": (
        'layout = "suffix"\nmarkdown_dir = "build/content"\n',
        "articles",
        "build/content/posts/harbour.es.md",
    ),
}

_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")
_DEFINITION = re.compile(r"^\[[^\]]+\]:\s*(\S+)", re.M)
_SRC = re.compile(r'<img src="([^"]+)"')
_FRONT = re.compile(r"^image: (\S+)$", re.M)
_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)


def relative_images(markdown: str) -> list[str]:
    """The relative image paths a reader of ``markdown`` loads (code left out), decoded."""
    text = _CODE.sub("", markdown)
    found = [*_IMAGE.findall(text), *_DEFINITION.findall(text), *_SRC.findall(text), *_FRONT.findall(text)]
    return [
        unquote(url)
        for url in found
        if not re.match(r"[a-z]+:|/|#", url) and not url.endswith(".md") and not url.startswith("timetable")
    ]


def make_post_project(root: Path, compile_extra: str, articles: str) -> Path:
    root.mkdir(parents=True)
    (root / "transpub.toml").write_text(
        '[project]\nname = "Harbour"\nsource_locale = "en"\nlocales = ["es", "de"]\n\n'
        f'[paths]\narticles = "{articles}"\n\n[compile]\nformat = "markdown"\n{compile_extra}',
        encoding="utf-8",
    )
    folder = root / articles
    (folder / "posts").mkdir(parents=True)
    (folder / "posts" / "harbour.md").write_text(POST, encoding="utf-8")
    for name, data in IMAGES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    extract(root)
    translate_all(root)
    return root


def translate_all(root: Path) -> None:
    """Spanish for every unit (the known ones in Spanish, the others marked ``(es)``)."""
    for path in (root / "locales" / "es").rglob("*.po"):
        po = polib.pofile(str(path))
        for entry in po:
            entry.msgstr = SPANISH.get(entry.msgid, f"(es) {entry.msgid}")
        po.save(str(path))


def broken_images(written: Path) -> list[str]:
    """The relative images of the written file that lead to no file, or not to the source's bytes."""
    text = written.read_text("utf-8")
    images = relative_images(text)
    assert len(images) == 5, images
    wanted = {Path(name).name: data for name, data in IMAGES.items()}
    return [
        url
        for url in images
        if not (written.parent / url).is_file()
        or (written.parent / url).read_bytes() != wanted[Path(url).name]
    ]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_translation_in_another_folder_shows_the_posts_images(tmp_path: Path, layout: str) -> None:
    extra, articles, spanish = LAYOUTS[layout]
    root = make_post_project(tmp_path / "p", extra, articles)
    report = compile_md(root)
    assert not report.errors
    assert not report.warnings
    assert broken_images(root / spanish) == []
    assert (root / spanish).parent.joinpath("files", "timetable.pdf").read_bytes() == b"%PDF"  # a linked file
    source_copies = [p for p in report.pages if p.locale == "en" and p.output is not None]
    for page in source_copies:  # the source's copy in the output tree shows them too
        assert broken_images(page.output) == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_translated_markdown_is_the_source_but_for_its_text(tmp_path: Path, layout: str) -> None:
    extra, articles, spanish = LAYOUTS[layout]
    root = make_post_project(tmp_path / "p", extra, articles)
    for path in (root / "locales" / "es").rglob("*.po"):  # a pseudo-translation: every unit ⟦marked⟧
        po = polib.pofile(str(path))
        for entry in po:
            entry.msgstr = f"⟦{entry.msgid}⟧"
        po.save(str(path))
    assert not compile_md(root).errors
    written = (root / spanish).read_text("utf-8")
    assert "⟦The ferry runs again.⟧" in written
    assert written.replace("⟦", "").replace("⟧", "") == POST


def test_code_pages_and_absolute_urls_are_not_copied(tmp_path: Path) -> None:
    root = make_post_project(tmp_path / "p", "", "articles")
    compile_md(root)
    spanish = root / "site" / "es"
    copied = sorted(p.relative_to(spanish).as_posix() for p in spanish.rglob("*") if p.is_file())
    assert copied == [  # not the page it links to, nor the folder of older news
        "img/map old.png",
        "posts/files/timetable.pdf",
        "posts/harbour.md",
        "posts/images/cover.jpg",
        "posts/images/dock.png",
        "posts/images/harbour.jpg",
        "posts/images/logo.svg",
    ]


def test_the_suffix_layout_beside_the_sources_copies_nothing(tmp_path: Path) -> None:
    root = make_post_project(tmp_path / "p", 'layout = "suffix"\n', "articles")
    before = sorted(p.relative_to(root).as_posix() for p in (root / "articles").rglob("*"))
    report = compile_md(root)
    assert not report.errors and not report.warnings
    after = sorted(p.relative_to(root).as_posix() for p in (root / "articles").rglob("*"))
    assert set(after) - set(before) == {"articles/posts/harbour.es.md", f"articles/{RECORD_NAME}"}
    assert broken_images(root / "articles" / "posts" / "harbour.es.md") == []


def test_an_image_out_of_the_articles_folder_is_one_warning_naming_its_line(tmp_path: Path) -> None:
    root = make_post_project(tmp_path / "p", "", "articles")
    (root / "static").mkdir()
    (root / "static" / "logo.png").write_bytes(b"logo")
    post = root / "articles" / "posts" / "harbour.md"
    post.write_text(
        POST + "\nOur logo: ![logo](../../static/logo.png) and ![gone](images/gone.png)\n", "utf-8"
    )
    extract(root)
    translate_all(root)
    exit_code, stdout, stderr = run(root, "compile")
    assert exit_code == 0, stdout + stderr
    lines = [line for line in (stdout + stderr).splitlines() if line.startswith("Warning:")]
    line = POST.count("\n") + 2
    assert len(lines) == 2, stdout + stderr
    assert f"articles/posts/harbour.md:{line}:" in lines[0] and "'../../static/logo.png'" in lines[0]
    assert "out of the articles folder (static/logo.png)" in lines[0]
    assert f"articles/posts/harbour.md:{line}:" in lines[1] and "'images/gone.png'" in lines[1]
    assert "no file (articles/posts/images/gone.png)" in lines[1]
    assert not (root / "site" / "static").exists()


def test_an_image_in_a_kramdown_comment_on_a_jekyll_site_is_neither_copied_nor_missed(tmp_path: Path) -> None:
    """On a Jekyll site a ``{::comment}``…``{:/comment}`` in a paragraph is kept as written, never shown:
    an image in it was copied beside each translation, or, deleted since, a warning of no file. The
    raw HTML of ``{::nomarkdown}``…``{:/nomarkdown}`` is shown: its images are copied."""
    root = make_post_project(tmp_path / "p", 'heading_ids = "jekyll"\n', "articles")
    images = root / "articles" / "posts" / "images"
    for name in ("old", "warm", "crew"):
        (images / f"{name}.png").write_bytes(name.encode())
    comment = "{::comment}![Old](images/old.png) ![Gone](images/gone.png){:/comment}"
    raw = "{::nomarkdown}<img src='images/warm.png' alt=''>{:/nomarkdown}"
    (root / "articles" / "posts" / "harbour.md").write_text(
        POST + f"\nThe dock {comment} is new.\n\nCabins are {raw} at night.\n\n"
        "{::nomarkdown}\n<p><img src='images/crew.png' alt=''></p>\n{:/nomarkdown}\n",
        "utf-8",
    )
    extract(root)
    translate_all(root)
    exit_code, stdout, stderr = run(root, "compile")
    assert exit_code == 0 and "Warning:" not in stdout + stderr, stdout + stderr
    copied = root / "site" / "es" / "posts" / "images"
    assert (copied / "dock.png").read_bytes() == b"dock"
    assert (copied / "warm.png").read_bytes() == b"warm"
    assert (copied / "crew.png").read_bytes() == b"crew"
    assert not (copied / "old.png").exists()


def test_a_localized_image_put_beside_the_translation_is_kept(tmp_path: Path) -> None:
    root = make_post_project(tmp_path / "p", "", "articles")
    localized = root / "site" / "es" / "posts" / "images" / "harbour.jpg"
    localized.parent.mkdir(parents=True)
    localized.write_bytes(b"el puerto")
    report = compile_md(root)
    assert not report.errors
    assert localized.read_bytes() == b"el puerto"
    (root / "articles" / "posts" / "harbour.md").unlink()
    assert not compile_md(root).errors
    assert localized.read_bytes() == b"el puerto"  # never removed either
    assert not (root / "site" / "es" / "posts" / "images" / "dock.png").exists()


# --- incremental ----------------------------------------------------------------------------------


def test_a_second_run_with_nothing_changed_writes_nothing(tmp_path: Path) -> None:
    root = make_post_project(tmp_path / "p", "", "articles")
    run(root, "compile")
    before = state(root)
    assert run(root, "compile")[0] == 0
    assert changed(before, state(root)) == set()


def test_a_copy_deleted_by_hand_comes_back(tmp_path: Path) -> None:
    root = make_post_project(tmp_path / "p", "", "articles")
    run(root, "compile")
    copy = root / "site" / "es" / "posts" / "images" / "harbour.jpg"
    copy.unlink()
    before = state(root)
    assert run(root, "compile")[0] == 0
    assert copy.read_bytes() == b"harbour"
    assert changed(before, state(root)) == {"site/es/posts/images/harbour.jpg", ".transpub/manifest.sqlite"}


def test_a_changed_image_is_copied_again(tmp_path: Path) -> None:
    root = make_post_project(tmp_path / "p", "", "articles")
    run(root, "compile")
    (root / "articles" / "posts" / "images" / "dock.png").write_bytes(b"new dock")
    assert run(root, "compile")[0] == 0
    assert (root / "site" / "es" / "posts" / "images" / "dock.png").read_bytes() == b"new dock"
    assert (root / "site" / "en" / "posts" / "images" / "dock.png").read_bytes() == b"new dock"


def test_copies_go_with_the_last_post_that_shows_them(tmp_path: Path) -> None:
    root = make_post_project(tmp_path / "p", "", "articles")
    second = root / "articles" / "posts" / "ferry.md"
    second.write_text("# The ferry\n\n![The harbour at dawn](images/harbour.jpg)\n", encoding="utf-8")
    extract(root)
    translate_all(root)
    assert not compile_md(root).errors
    images = root / "site" / "es" / "posts" / "images"
    (root / "articles" / "posts" / "harbour.md").unlink()
    assert not compile_md(root).errors
    assert sorted(p.name for p in images.iterdir()) == ["harbour.jpg"]  # ferry.md still shows it
    assert not (root / "site" / "es" / "img").exists()
    second.unlink()
    assert not compile_md(root).errors
    assert not (root / "site" / "es").exists()
    assert list((root / "site").iterdir()) == [root / "site" / RECORD_NAME]


def test_an_unpublished_translation_takes_its_copies_with_it(tmp_path: Path) -> None:
    root = make_post_project(tmp_path / "p", "", "articles")
    assert not compile_md(root).errors
    assert (root / "site" / "es" / "posts" / "images" / "harbour.jpg").is_file()
    for path in (root / "locales" / "es").rglob("*.po"):  # the Spanish translation withdrawn
        po = polib.pofile(str(path))
        for entry in po:
            entry.msgstr = ""
        po.save(str(path))
    assert not compile_md(root).errors
    assert not (root / "site" / "es").exists()
    assert (root / "site" / "en" / "posts" / "images" / "harbour.jpg").is_file()


# --- the real hugo --------------------------------------------------------------------------------

HUGO_CONFIG = """baseURL = "https://harbour.example/"
defaultContentLanguage = "en"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]

[languages.en]
contentDir = "content/en"
weight = 1

[languages.es]
contentDir = "content/es"
weight = 2
"""


def built_image(public: Path, page: str) -> bytes | None:
    """The bytes of the file the first <img> of the built ``page`` loads (None: no such file)."""
    html = (public / page).read_text("utf-8")
    (src,) = re.findall(r'<img src="([^"]+)"', html)
    found = public / Path(page).parent / unquote(src)
    return found.read_bytes() if found.is_file() else None


#: Where the post is below content/en, and its page in the built site: a page, whose relative URLs
#: resolve in its folder with uglyURLs (posts/harbour.html), and a page bundle (posts/harbour/).
HUGO_POSTS = {
    "a page, uglyURLs": ("posts/harbour.md", "posts/harbour.html", "uglyURLs = true\n"),
    "a page bundle": ("posts/harbour/index.md", "posts/harbour/index.html", ""),
}


@needs_hugo
@pytest.mark.parametrize("kind", HUGO_POSTS)
def test_hugo_by_content_folder_shows_the_image_on_the_spanish_page(tmp_path: Path, kind: str) -> None:
    post, page, extra = HUGO_POSTS[kind]
    site = tmp_path / "site"
    (site / "layouts" / "_default").mkdir(parents=True)
    for name in ("single.html", "list.html"):
        (site / "layouts" / "_default" / name).write_text("<main>{{ .Content }}</main>\n", "utf-8")
    (site / "hugo.toml").write_text(extra + HUGO_CONFIG, "utf-8")
    (site / "transpub.toml").write_text(
        '[project]\nname = "Harbour"\nsource_locale = "en"\nlocales = ["es"]\n\n[paths]\narticles = "content/en"\n\n'
        '[compile]\nformat = "markdown"\nlayout = "directory"\nmarkdown_dir = "content"\n',
        encoding="utf-8",
    )
    post_path = site / "content" / "en" / post
    (post_path.parent / "images").mkdir(parents=True)
    (post_path.parent / "images" / "harbour.png").write_bytes(b"\x89PNG the harbour")
    post_path.write_text(
        "---\ntitle: The harbour reopens\n---\n\nThe ferry runs again.\n\n![The harbour](images/harbour.png)\n",
        encoding="utf-8",
    )
    extract(site)
    translate_all(site)
    assert not compile_md(site).errors
    public = build_with_hugo(site)
    assert built_image(public, page) == b"\x89PNG the harbour"
    assert "El ferry vuelve a funcionar." in (public / "es" / page).read_text("utf-8")
    assert built_image(public, f"es/{page}") == b"\x89PNG the harbour"


def test_posts_sharing_an_image_compiled_by_several_processes_both_keep_it(tmp_path: Path) -> None:
    root = make_post_project(tmp_path / "p", "", "articles")
    (root / "articles" / "posts" / "ferry.md").write_text(
        "# The ferry\n\n![Dock](images/dock.png)\n", "utf-8"
    )
    extract(root)
    translate_all(root)
    project = load_project(root)
    assert not compile_project(project, list(project.locales), jobs=2).errors
    record = json.loads((root / "site" / RECORD_NAME).read_text("utf-8"))["files"]
    assert record["es/posts/images/dock.png"]["used_by"] == ["es:posts/ferry", "es:posts/harbour"]
    (root / "articles" / "posts" / "harbour.md").unlink()
    assert not compile_project(project, list(project.locales), jobs=2).errors
    assert (root / "site" / "es" / "posts" / "images" / "dock.png").read_bytes() == b"dock"
    assert not (root / "site" / "es" / "posts" / "images" / "harbour.jpg").exists()


def test_two_shards_recording_one_copy_at_once_keep_both_users(tmp_path: Path) -> None:
    root = tmp_path / "site"
    root.mkdir()
    first, second = OutputRecord.load(root), OutputRecord.load(root)  # two runs at once
    copy = root / "es" / "posts" / "images" / "dock.png"
    first.copy(copy, b"dock", "es", "posts/harbour")
    second.copy(copy, b"dock", "es", "posts/ferry")
    first.save()
    second.save()
    assert OutputRecord.load(root).files["es/posts/images/dock.png"].users == (
        ("es", "posts/ferry"),
        ("es", "posts/harbour"),
    )


def test_an_image_linked_to_a_file_out_of_the_project_is_not_copied(tmp_path: Path) -> None:
    root = make_post_project(tmp_path / "p", "", "articles")
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"not for the site")
    dock = root / "articles" / "posts" / "images" / "dock.png"
    dock.unlink()
    dock.symlink_to(secret)  # a symbolic link in the articles folder that leads out of the project
    report = compile_md(root)
    assert not report.errors
    (warning,) = [w for w in report.warnings if w.check == "images"]
    assert (warning.path, warning.line) == (
        "articles/posts/harbour.md",
        POST.splitlines().index('<figure><img src="images/dock.png" alt="The dock"></figure>') + 1,
    )
    assert "'images/dock.png' leads out of the project" in warning.message
    assert not (root / "site" / "es" / "posts" / "images" / "dock.png").exists()
    assert not (root / "site" / "en" / "posts" / "images" / "dock.png").exists()


def test_an_image_naming_transpubs_own_files_is_not_copied_beside_the_translations(tmp_path: Path) -> None:
    """The articles folder is the project's own (articles = "."): an article is anyone's text, and
    naming transpub.toml, a catalog or the memory must not publish them, as on the HTML site."""
    root = make_post_project(tmp_path / "p", "", ".")
    config = root / "transpub.toml"
    config.write_text(
        config.read_text("utf-8").replace('articles = "."', 'articles = "."\nmemory = "tm/memory.sqlite"')
    )
    (root / "tm").mkdir()
    (root / "tm" / "memory.sqlite").write_bytes(b"SQLite format 3")
    post = root / "posts" / "harbour.md"
    post.write_text(
        POST + "\nSee ![a](../transpub.toml), ![b](../locales/es/LC_MESSAGES/posts/harbour.po) and "
        "![c](../tm/memory.sqlite).\n",
        "utf-8",
    )
    extract(root)
    translate_all(root)
    report = compile_md(root)
    assert not report.errors
    messages = sorted(w.message for w in report.warnings if w.check == "images")
    assert len(messages) == 3 and all("names a hidden file or transpub's own" in m for m in messages), (
        messages
    )
    copied = {p.relative_to(root / "site").as_posix() for p in (root / "site").rglob("*") if p.is_file()}
    assert not {name for name in copied if name.endswith((".toml", ".po", ".sqlite"))}, copied


def test_an_image_naming_a_hidden_file_is_not_copied(tmp_path: Path) -> None:
    root = make_post_project(tmp_path / "p", "", "articles")
    (root / "articles" / "posts" / ".env").write_bytes(b"ENGINE_KEY=secret")
    dock = root / "articles" / "posts" / "images" / "dock.png"
    dock.unlink()
    (root / ".git").mkdir()
    (root / ".git" / "config").write_bytes(b"url = https://token@example.com/x")
    dock.symlink_to(root / ".git" / "config")  # an innocent name for a hidden file
    post = root / "articles" / "posts" / "harbour.md"
    post.write_text(POST + "\nSee ![env](.env).\n", "utf-8")
    extract(root)
    translate_all(root)
    report = compile_md(root)
    assert not report.errors
    messages = sorted(w.message for w in report.warnings if w.check == "images")
    assert len(messages) == 2 and all("names a hidden file" in m for m in messages), messages
    assert not (root / "site" / "es" / "posts" / ".env").exists()
    assert not (root / "site" / "es" / "posts" / "images" / "dock.png").exists()


def test_compile_out_to_a_relative_folder_copies_the_posts_images_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `transpub compile --out preview` (a folder named from the project's root) ended in a traceback
    # ("…/preview/es/posts/images/cover.jpg is not in the subpath of 'preview'") and wrote no page
    from click.testing import CliRunner

    from transpub.cli import main

    root = make_post_project(tmp_path / "p", "", "articles")
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["compile", "--out", "preview"])
    assert result.exit_code == 0, result.output
    assert broken_images(root / "preview" / "es" / "posts" / "harbour.md") == []
