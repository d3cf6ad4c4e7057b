"""Sharded runs: CI jobs split the articles by a stable hash of the slug, and the indexes come last."""

from __future__ import annotations

import re
from pathlib import Path

import polib
from click.testing import CliRunner

from transpub.cli import main
from transpub.discovery import in_shard
from transpub.project import init_project

SLUGS = [f"2024/story-{i}" for i in range(12)] + ["my-post", "index-of-things"]


def test_every_article_is_in_exactly_one_shard_and_the_split_is_even() -> None:
    slugs = [f"archive/{year}/article-{i}" for year in range(2000, 2025) for i in range(20)]
    for count in (2, 3, 7):
        owners = [[i for i in range(1, count + 1) if in_shard(slug, (i, count))] for slug in slugs]
        assert all(len(owner) == 1 for owner in owners)
        sizes = [sum(owner == [i] for owner in owners) for i in range(1, count + 1)]
        assert min(sizes) > 0.7 * len(slugs) / count  # no shard gets much less than its share


def newsroom(root: Path) -> Path:
    init_project(root, source="en", locales=["es"], name="News")
    for slug in SLUGS:
        path = root / "articles" / f"{slug}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        title = slug.replace("/", " ").replace("-", " ")
        path.write_text(
            f"<html><head><title>{title}</title></head><body><article><p>The story of {title}.</p>"
            "</article></body></html>",
            encoding="utf-8",
        )
    return root


def run(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--project", str(root), *args])
    return result.exit_code, result.output


def test_three_shards_extract_and_compile_every_article_once_then_indexes_list_them_all(
    tmp_path: Path,
) -> None:
    root = newsroom(tmp_path / "news")
    for index in (1, 2, 3):
        code, output = run(root, "extract", "--shard", f"{index}/3")
        assert code == 0, output
        assert "orphan" not in output  # another shard's catalogs are not an article's leftovers
    catalogs = sorted(
        p.relative_to(root / "locales" / "es" / "LC_MESSAGES").as_posix() for p in root.rglob("*.po")
    )
    assert catalogs == sorted(f"{slug}.po" for slug in SLUGS)
    for index in (1, 2, 3):
        code, output = run(root, "compile", "--shard", f"{index}/3", "--threshold", "0")
        assert code == 0, output
    assert sorted(
        p.relative_to(root / "site" / "es").with_suffix("").as_posix()
        for p in (root / "site" / "es").rglob("*.html")
    ) == sorted(SLUGS)
    assert not (root / "site" / "index.html").exists()  # no shard sees every article
    code, output = run(root, "compile", "--indexes", "--threshold", "0")
    assert code == 0, output
    index = (root / "site" / "es" / "index.html").read_text(encoding="utf-8")
    assert all(slug.replace("/", " ").replace("-", " ") in index for slug in SLUGS)
    checked: list[set[str]] = []
    for index in (1, 2, 3):
        code, output = run(root, "check", "--shard", f"{index}/3", "--min-translated", "0")
        named = set(re.findall(r"LC_MESSAGES/(.+?)\.po:", output))
        assert named == {slug for slug in SLUGS if in_shard(slug, (index, 3))}
        checked.append(named)
    assert set().union(*checked) == set(SLUGS)


def first_of_two_shards_compiled(root: Path) -> str:
    """The newsroom extracted in ``root``, and the first of two shards compiled (every page
    published): what that compile printed."""
    newsroom(root)
    assert run(root, "extract")[0] == 0
    code, output = run(root, "compile", "--shard", "1/2", "--threshold", "0")
    assert code == 0, output
    return output


def test_the_index_run_leaves_out_and_names_the_pages_of_a_shard_that_are_not_in_the_site(
    tmp_path: Path,
) -> None:
    # a shard whose pages were not put in place: the indexes linked pages that do not exist
    root = tmp_path / "news"
    first_of_two_shards_compiled(root)
    code, output = run(root, "compile", "--indexes", "--threshold", "0")
    assert code == 0, output
    missing = [slug for slug in SLUGS if not in_shard(slug, (1, 2))]
    for slug in missing:
        assert f"Warning: site/es/{slug}.html: a page to publish that is not in the site" in output, output
    index = (root / "site" / "es" / "index.html").read_text(encoding="utf-8")
    for slug in SLUGS:
        assert (f'href="{slug.rsplit("/", 1)[-1]}.html"' in index or f"{slug}.html" in index) != (
            slug in missing
        )


def test_a_shard_outside_its_range_is_a_usage_error(tmp_path: Path) -> None:
    root = newsroom(tmp_path / "news")
    # digits that are not ASCII ("²".isdigit() holds, int("²") fails) and a number too long for int()
    for bad in ("4/3", "0/2", "two/3", "3", "²/4", "1/" + "9" * 5000, " 1/2", "1/2\n"):
        code, output = run(root, "extract", "--shard", bad)
        assert code == 2 and "I/N" in output and "Traceback" not in output


def test_a_sharded_compile_says_the_index_pages_are_still_to_be_made_and_names_no_missing_page(
    tmp_path: Path,
) -> None:
    root = tmp_path / "news"
    output = first_of_two_shards_compiled(root)
    assert not (root / "site" / "index.html").exists()
    assert "index.html" not in output
    assert "transpub compile --indexes" in output
    code, output = run(root, "compile", "--indexes")
    assert code == 0, output
    assert f"Site: {root / 'site' / 'index.html'}" in output and (root / "site" / "index.html").is_file()


def test_the_index_run_after_the_shards_does_not_repeat_their_warnings(tmp_path: Path) -> None:
    root = newsroom(tmp_path / "news")
    story = root / "articles" / "2024" / "story-1.html"
    story.write_text(
        story.read_text(encoding="utf-8").replace("The story", 'The <img src="gone.png" alt="A map"> story'),
        encoding="utf-8",
    )
    assert run(root, "extract")[0] == 0
    po = polib.pofile(str(root / "locales" / "es" / "LC_MESSAGES" / "2024" / "story-1.po"))
    [entry] = [e for e in po if "<1/>" in e.msgid]
    entry.msgstr = "La historia, sin su imagen."  # the image's placeholder dropped: the page keeps the source
    po.save()
    warned = []
    for index in (1, 2):
        code, output = run(root, "compile", "--shard", f"{index}/2", "--threshold", "0")
        assert code == 0, output
        warned += [line for line in output.splitlines() if line.startswith("Warning:")]
    assert len(warned) == 2 and "gone.png" in warned[0] and "placeholder <1/> is missing" in warned[1], warned
    code, output = run(root, "compile", "--indexes", "--threshold", "0")
    assert code == 0, output
    assert "Warning:" not in output


def test_the_index_run_warns_of_pages_the_shards_published_that_its_options_would_not(tmp_path: Path) -> None:
    root = newsroom(tmp_path / "news")
    assert run(root, "extract")[0] == 0
    for index in (1, 2):
        code, output = run(root, "compile", "--shard", f"{index}/2", "--threshold", "0")
        assert code == 0, output
    code, output = run(root, "compile", "--indexes")  # without the shards' --threshold 0
    assert code == 0, output
    warned = [line for line in output.splitlines() if line.startswith("Warning:")]
    assert len(warned) == len(SLUGS), output
    assert (
        "Warning: site/es/my-post.html: a page from an earlier run that these options do not publish ("
        in output
    )
    assert "give `transpub compile --indexes` the shards' options" in warned[0]
    code, output = run(root, "compile", "--indexes", "--threshold", "0")
    assert code == 0 and "Warning:" not in output, output


def test_the_index_run_warns_of_a_catalog_older_than_its_article_as_another_shards_checkout_has_it(
    tmp_path: Path,
) -> None:
    root = newsroom(tmp_path / "news")
    assert run(root, "extract")[0] == 0
    story = root / "articles" / "2024" / "story-1.html"
    catalog = root / "locales" / "es" / "LC_MESSAGES" / "2024" / "story-1.po"
    checked_out = catalog.read_bytes()  # as every shard's checkout has it before the run
    story.write_text(story.read_text(encoding="utf-8").replace("</p>", " The ferry resumed.</p>"), "utf-8")
    for index in (1, 2):
        assert run(root, "extract", "--shard", f"{index}/2")[0] == 0
        assert run(root, "compile", "--shard", f"{index}/2", "--threshold", "0")[0] == 0
    code, output = run(root, "compile", "--indexes", "--threshold", "0")
    assert code == 0 and "Warning:" not in output, output  # every shard's files in place
    catalog.write_bytes(checked_out)  # the other shard's copy, merged over the one the article's shard wrote
    code, output = run(root, "compile", "--indexes", "--threshold", "0")
    assert code == 0, output
    warned = [line for line in output.splitlines() if line.startswith("Warning:")]
    assert warned == [
        "Warning: locales/es/LC_MESSAGES/2024/story-1.po: lacks 1 of the article's 3 units: the catalog is "
        "older than the article, and so may be the pages the index pages list; put in place the catalogs "
        "and pages the article's shard wrote (not its folders as another shard's checkout has them), or "
        "run `transpub extract`"
    ], output
