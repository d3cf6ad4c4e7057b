"""The copies compile made of the files articles load (``site/_assets/…``) go when no page loads them
any more, at the next compile of every language: an image an article stopped using, the images of a
deleted article, the site's ``_assets/`` once every language is on a host of its own. A copy edited
since, or a file compile never copied, stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from pseudo_catalogs import fill_pseudo
from test_compile_helpers import run_cli
from transpub.discovery import in_shard

PAGE = """<html><head><title>{title}</title></head>
<body><p>{title} at dawn.</p><p><img src="img/{image}" alt="A photo"><img src="img/logo.png" alt="Logo"></p></body></html>
"""


def _newsroom(root: Path, config: str = "") -> Path:
    """Two articles, each loading an image of its own and a logo both load, in German and French
    (pseudo-translated), compiled once."""
    (root / "articles" / "img").mkdir(parents=True)
    (root / "transpub.toml").write_text(
        f'[project]\nname = "News"\nsource_locale = "en"\nlocales = ["de", "fr"]\n{config}', encoding="utf-8"
    )
    for slug, image in (("harbour", "quay.png"), ("ferry", "boat.png")):
        (root / "articles" / f"{slug}.html").write_text(
            PAGE.format(title=slug.title(), image=image), encoding="utf-8"
        )
        (root / "articles" / "img" / image).write_bytes(image.encode())
    (root / "articles" / "img" / "logo.png").write_bytes(b"logo")
    assert run_cli(root, "extract").exit_code == 0
    fill_pseudo(root)
    _compile(root)
    return root


def _compile(root: Path, *args: str) -> str:
    result = run_cli(root, "compile", *args)
    assert result.exit_code == 0, result.output
    return result.output


def _copy(root: Path, name: str, home: str = "") -> Path:
    return root / "site" / home / "_assets" / "articles" / "img" / name


def _stop_using_the_quay(root: Path) -> None:
    harbour = root / "articles" / "harbour.html"
    harbour.write_text(harbour.read_text(encoding="utf-8").replace("img/quay.png", "img/logo.png"))


def test_an_image_an_article_stopped_using_is_taken_off_the_site(tmp_path: Path) -> None:
    root = _newsroom(tmp_path / "news")
    assert _copy(root, "quay.png").is_file()
    _stop_using_the_quay(root)
    output = _compile(root)
    assert "site/_assets/articles/img/quay.png: removed (no page loads it any more)" in output
    assert not _copy(root, "quay.png").exists()
    assert _copy(root, "logo.png").is_file() and _copy(root, "boat.png").is_file()
    manifest = root / ".transpub" / "manifest.sqlite"
    before = manifest.stat().st_mtime_ns
    again = _compile(root)  # (nothing changed: nothing is written or removed)
    assert "removed" not in again and manifest.stat().st_mtime_ns == before


@pytest.mark.parametrize("languages", [[], ["-l", "de"]], ids=["every language", "some languages"])
def test_a_deleted_articles_images_go_but_the_ones_other_articles_load_stay(
    tmp_path: Path, languages: list[str]
) -> None:
    root = _newsroom(tmp_path / "news")
    (root / "articles" / "ferry.html").unlink()
    output = _compile(root, *languages)  # (its pages go in every language: so do its images)
    assert "site/_assets/articles/img/boat.png: removed (no page loads it any more)" in output
    assert not _copy(root, "boat.png").exists()
    assert _copy(root, "logo.png").is_file() and _copy(root, "quay.png").is_file()


def test_a_compile_of_some_languages_keeps_the_image_until_every_language_is_compiled(tmp_path: Path) -> None:
    root = _newsroom(tmp_path / "news")
    _stop_using_the_quay(root)
    output = _compile(root, "-l", "de")
    assert "removed" not in output and _copy(root, "quay.png").is_file()  # (the French page loads it)
    assert "quay.png" in (root / "site" / "fr" / "harbour.html").read_text(encoding="utf-8")
    output = _compile(root)
    assert "site/_assets/articles/img/quay.png: removed (no page loads it any more)" in output
    assert not _copy(root, "quay.png").exists()


def test_a_compile_of_one_shard_keeps_the_image_until_a_compile_of_every_article(tmp_path: Path) -> None:
    root = _newsroom(tmp_path / "news")
    _stop_using_the_quay(root)
    shard = next(index for index in (1, 2) if in_shard("harbour", (index, 2)))
    output = _compile(root, "--shard", f"{shard}/2")
    assert "removed" not in output and _copy(root, "quay.png").is_file()  # (another shard may load it)
    output = _compile(root)
    assert "site/_assets/articles/img/quay.png: removed (no page loads it any more)" in output


def test_an_image_copy_edited_since_stays_with_one_warning(tmp_path: Path) -> None:
    root = _newsroom(tmp_path / "news")
    _copy(root, "quay.png").write_bytes(b"retouched by the photo desk")
    _stop_using_the_quay(root)
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert _copy(root, "quay.png").read_bytes() == b"retouched by the photo desk"
    assert (
        "site/_assets/articles/img/quay.png: left as it is: no page loads this file any more, but it "
        "was changed since compile copied it" in result.stderr
    )
    (root / "articles" / "ferry.html").write_text(PAGE.format(title="Ferry!", image="boat.png"))
    again = run_cli(root, "compile")
    assert again.exit_code == 0 and "quay.png" not in again.stderr + again.output


def test_a_file_compile_did_not_copy_stays_in_the_assets_folder(tmp_path: Path) -> None:
    root = _newsroom(tmp_path / "news")
    own = root / "site" / "_assets" / "articles" / "img" / "banner.png"
    own.write_bytes(b"the web desk's banner")
    _stop_using_the_quay(root)
    _compile(root)
    assert own.read_bytes() == b"the web desk's banner" and not _copy(root, "quay.png").exists()


def test_the_sites_assets_folder_goes_once_every_language_is_on_a_host_of_its_own(tmp_path: Path) -> None:
    root = _newsroom(tmp_path / "news")
    config = root / "transpub.toml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + "".join(
            f'\n[locale.{lang}]\nbase_url = "https://news.example.{tld}/"\n'
            for lang, tld in (("en", "com"), ("de", "de"), ("fr", "fr"))
        ),
        encoding="utf-8",
    )
    output = _compile(root)
    assert "site/_assets/articles/img/logo.png: removed (no page loads it any more)" in output
    assert not (root / "site" / "_assets").exists()
    for home in ("en", "de", "fr"):
        assert _copy(root, "logo.png", home).is_file() and _copy(root, "quay.png", home).is_file()


def test_a_preview_elsewhere_of_a_markdown_site_leaves_the_sites_image_copies_known(tmp_path: Path) -> None:
    """``compile --out`` of a site whose articles are written as Markdown (its HTML articles' pages
    in the site) keeps records of its own: the site's copies stay compile's, and go when unused."""
    root = _newsroom(tmp_path / "news", '\n[compile]\nformat = "markdown"\nmarkdown_dir = "content"\n')
    assert _copy(root, "quay.png").is_file()
    _compile(root, "--out", str(tmp_path / "preview"))
    assert (tmp_path / "preview" / "_assets" / "articles" / "img" / "quay.png").is_file()
    _stop_using_the_quay(root)
    output = _compile(root)
    assert "site/_assets/articles/img/quay.png: removed (no page loads it any more)" in output
    assert not _copy(root, "quay.png").exists() and _copy(root, "logo.png").is_file()
