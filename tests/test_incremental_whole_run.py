"""A rerun of extract or compile with nothing changed reports what the last run did from one
whole-run record (see transpub.whole_run), without loading the articles' records; with anything
changed that those records watch, or anything else the run depends on, the articles' records decide
as before."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

import transpub.fsutil
import transpub.manifest
import transpub.signing
import transpub.whole_run
from test_incremental import (
    changed,
    clock_ahead,
    newsroom,
    reads,
    run,
    state,
    translate_all,
    without_whole_run_records,
)
from test_incremental_orphans import settled
from transpub.manifest import MANIFEST

__all__ = ["reads"]  # (a fixture)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The commands whose articles' records a run loaded from the manifest."""
    loaded: list[str] = []
    original = transpub.manifest.Manifest._load

    def counting(self: transpub.manifest.Manifest, *args: object, **kwargs: object) -> object:
        loaded.append(self.command)
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(transpub.manifest.Manifest, "_load", counting)
    return loaded


def warned_newsroom(tmp_path: Path) -> Path:
    """The newsroom, translated, with a reader's warning in one article and one article removed
    (its catalogs are orphans), extracted until its records settled."""
    root = newsroom(tmp_path / "news")
    story = root / "articles" / "story-2.html"
    text = story.read_text(encoding="utf-8")
    story.write_text(
        text.replace("<h1>", '<p><time datetime="soon-ish">Soon</time></p><h1>'), encoding="utf-8"
    )
    assert run(root, "extract")[0] == 0
    translate_all(root)
    (root / "articles" / "story-5.html").unlink()
    assert run(root, "extract")[0] == 0
    settled(root)
    return root


def test_a_rerun_with_nothing_changed_says_what_the_articles_records_say_without_loading_them(
    tmp_path: Path, opened: list[str], reads: list[str]
) -> None:
    root = warned_newsroom(tmp_path)
    opened.clear()
    looked = run(root, "extract", "-v")  # (the folders' times were put back: their records are looked at)
    assert opened == ["extract"]
    assert "story-2.html:1: <time datetime> 'soon-ish' is not a date" in looked[2]
    assert "orphan catalogs for removed article story-5" in looked[2]
    opened.clear()
    reads.clear()
    again = run(root, "extract", "-v")
    assert (opened, reads) == ([], [])
    assert again == looked
    assert again[0] == 0 and again[1].count("template unchanged; catalogs unchanged") == 5


def change(root: Path, what: str) -> None:
    """One change of what extract depends on."""
    articles, catalogs = root / "articles", root / "locales"
    if what == "an article edited":
        story = articles / "story-1.html"
        story.write_text(story.read_text(encoding="utf-8").replace("At dawn.", "At dusk."), encoding="utf-8")
    elif what == "an article touched":
        os.utime(articles / "story-1.html")
    elif what == "a catalog edited":
        po = catalogs / "de" / "LC_MESSAGES" / "story-1.po"
        po.write_text(
            po.read_text(encoding="utf-8").replace("⟦At dawn.⟧", "Im Morgengrauen."), encoding="utf-8"
        )
    elif what == "a catalog deleted":
        (catalogs / "fr" / "LC_MESSAGES" / "story-3.po").unlink()
    elif what == "an article added":
        (articles / "story-9.html").write_text("<html><body><h1>Nine</h1></body></html>", encoding="utf-8")
    elif what == "an orphan catalog added":
        (catalogs / "de" / "LC_MESSAGES" / "gone.po").write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    elif what == "the glossary edited":
        with (root / "glossary" / "terms.csv").open("a", encoding="utf-8") as terms:
            terms.write("dawn,Morgengrauen,aube,\n")
    elif what == "the configuration edited":
        config = root / "transpub.toml"
        config.write_text(
            config.read_text(encoding="utf-8").replace('name = "News"', 'name = "Daily"'), "utf-8"
        )
    else:
        raise AssertionError(what)


@pytest.mark.parametrize(
    "what",
    [
        "an article edited",
        "an article touched",
        "a catalog edited",
        "a catalog deleted",
        "an article added",
        "an orphan catalog added",
        "the glossary edited",
        "the configuration edited",
    ],
)
def test_after_any_change_the_articles_records_decide(
    tmp_path: Path, opened: list[str], reads: list[str], what: str
) -> None:
    root = warned_newsroom(tmp_path)
    run(root, "extract")
    opened.clear()
    assert run(root, "extract")[0] == 0 and opened == []  # (the whole-run record is there)
    change(root, what)
    reads.clear()
    code, _, errors = run(root, "extract")
    assert code == 0 and opened == ["extract"]
    if what in ("an article edited", "an article added"):
        assert reads == ["story-1" if what == "an article edited" else "story-9"]
    if what == "a catalog edited":
        assert "Im Morgengrauen." in (root / "locales" / "de" / "LC_MESSAGES" / "story-1.po").read_text(
            "utf-8"
        )
    if what == "a catalog deleted":
        assert (root / "locales" / "fr" / "LC_MESSAGES" / "story-3.po").is_file()
    if what == "an orphan catalog added":
        assert "orphan catalogs for removed article gone: locales/de/LC_MESSAGES/gone.po" in errors
    if what == "the glossary edited":
        assert "Morgengrauen" in (root / "locales" / "de" / "LC_MESSAGES" / "story-1.po").read_text("utf-8")
    opened.clear()
    settled(root)
    run(root, "extract")  # (the folders' times were put back: their records are looked at once more)
    opened.clear()
    assert run(root, "extract")[0] == 0 and opened == []  # a whole-run record again


def test_a_catalog_rewritten_within_the_clock_tick_of_the_record_is_seen(
    tmp_path: Path, opened: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file changed just before the record was kept is compared by its content: a second change
    within the same tick of the file system's clock would not show in its signature."""
    root = newsroom(tmp_path / "news")
    run(root, "extract")  # every catalog written just before the records were kept
    po = root / "locales" / "de" / "LC_MESSAGES" / "story-1.po"
    recorded = transpub.manifest.current_stamps(str(root) + os.sep, ["locales/de/LC_MESSAGES/story-1.po"])
    looked = transpub.whole_run.current_stamps

    def unmoved(prefix: str, names: list[str]) -> str:  # the catalog's signature as recorded
        return ";".join(
            recorded if name == "locales/de/LC_MESSAGES/story-1.po" else looked(prefix, [name])
            for name in names
        )

    monkeypatch.setattr(transpub.whole_run, "current_stamps", unmoved)
    po.write_text(
        po.read_text(encoding="utf-8").replace('msgstr ""\n\n', 'msgstr "Im Morgengrauen."\n\n', 1), "utf-8"
    )
    opened.clear()
    assert run(root, "extract")[0] == 0
    assert opened == ["extract"]


def test_an_orphan_catalog_that_appears_within_the_clock_tick_of_the_record_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = newsroom(tmp_path / "news")
    run(root, "extract")  # the catalog folders changed just before the records were kept
    folder = "locales/de/LC_MESSAGES"
    recorded = transpub.manifest.current_stamps(str(root) + os.sep, [folder])
    looked = transpub.whole_run.current_stamps

    def unmoved(prefix: str, names: list[str]) -> str:  # the folder's signature as recorded
        return ";".join(recorded if name == folder else looked(prefix, [name]) for name in names)

    monkeypatch.setattr(transpub.whole_run, "current_stamps", unmoved)
    (root / folder / "gone.po").write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    code, _, errors = run(root, "extract")
    assert code == 0
    assert "orphan catalogs for removed article gone: locales/de/LC_MESSAGES/gone.po" in errors


def test_a_whole_run_record_signed_with_another_key_is_not_used(
    tmp_path: Path, opened: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = warned_newsroom(tmp_path)
    run(root, "extract")
    monkeypatch.setenv("TRANSPUB_CACHE_KEY", "another machine's")
    monkeypatch.setattr(transpub.signing, "_LOCAL_KEY", None)  # (read again)
    opened.clear()
    assert run(root, "extract")[0] == 0
    assert opened == ["extract"]


def test_a_damaged_whole_run_record_is_looked_past(tmp_path: Path, opened: list[str]) -> None:
    root = warned_newsroom(tmp_path)
    run(root, "extract")
    with sqlite3.connect(root / MANIFEST) as db:
        (data,) = db.execute("SELECT data FROM records WHERE command = 'extract (whole run)'").fetchone()
        db.execute("UPDATE records SET data = ? WHERE command = 'extract (whole run)'", (data[:-40],))
    opened.clear()
    code, _, errors = run(root, "extract")
    assert code == 0 and opened == ["extract"]
    assert "orphan catalogs for removed article story-5" in errors


def test_each_shard_keeps_its_own_whole_run_record(tmp_path: Path, opened: list[str]) -> None:
    root = warned_newsroom(tmp_path)
    for shard in ("1/2", "2/2", "1/2", "2/2"):
        run(root, "extract", "--shard", shard)
    opened.clear()
    for shard in ("1/2", "2/2"):
        assert run(root, "extract", "--shard", shard)[0] == 0
    assert opened == []


def test_the_first_rerun_after_a_full_run_takes_the_whole_run_record(
    tmp_path: Path, opened: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The catalogs a run wrote, and their folders, changed just before its records were kept: the
    whole-run record keeps their content (the folders' names), so the next run needs no more."""
    root = newsroom(tmp_path / "news")
    run(root, "extract")
    clock_ahead(monkeypatch, 3)
    opened.clear()
    assert run(root, "extract")[0] == 0
    assert opened == []


def published(tmp_path: Path) -> Path:
    """The warned newsroom compiled, and compiled again until its records settled."""
    root = warned_newsroom(tmp_path)
    assert run(root, "extract")[0] == 0
    assert run(root, "compile")[0] == 0
    return root


def test_a_compile_with_nothing_changed_says_what_the_pages_records_say_without_loading_them(
    tmp_path: Path, opened: list[str], reads: list[str]
) -> None:
    root = published(tmp_path)
    with sqlite3.connect(root / MANIFEST) as db:  # the articles' records decide once
        db.execute("DELETE FROM records WHERE command = 'compile (whole run)'")
    opened.clear()
    looked = run(root, "compile", "-v")
    assert opened == ["compile"] and "story-2.html:1: <time datetime>" in looked[2]
    before = state(root)
    opened.clear()
    reads.clear()
    again = run(root, "compile", "-v")
    assert (opened, reads) == ([], [])
    assert again == looked and again[0] == 0
    assert changed(before, state(root)) == set()


def change_site(root: Path, what: str) -> None:
    """One change of what compile depends on, or of what it wrote."""
    site = root / "site"
    if what == "a page deleted":
        (site / "fr" / "story-4.html").unlink()
    elif what == "a page edited by hand":
        page = site / "de" / "story-1.html"
        page.write_text(page.read_text(encoding="utf-8").replace("⟦", "[", 1), encoding="utf-8")
    elif what == "an index page deleted":
        (site / "de" / "index.html").unlink()
    elif what == "an index page edited by hand":
        index = site / "fr" / "index.html"
        index.write_text(index.read_text(encoding="utf-8").replace("</body>", "<p>hand</p></body>"), "utf-8")
    elif what == "a review copy of no article":
        (site / "_review" / "fr").mkdir(parents=True, exist_ok=True)
        (site / "_review" / "fr" / "nothing.html").write_text("<p>old</p>", encoding="utf-8")
    elif what in ("a killed run's temporary file", "a killed run's temporary file in the site's folder"):
        temporary = (site if what.endswith("folder") else site / "de") / ".story-1.html.abcd1234.tmp"
        temporary.write_text("<p>half</p>", encoding="utf-8")
        os.utime(temporary, ns=(1_000_000_000, 1_000_000_000))  # long ago: a run removes it
    elif what == "an image changed":
        (root / "articles" / "img" / "bridge.jpg").write_bytes(b"\xff\xd8 another bridge")
    elif what == "a catalog translated anew":
        po = root / "locales" / "de" / "LC_MESSAGES" / "story-3.po"
        po.write_text(po.read_text(encoding="utf-8").replace("⟦At dawn.⟧", "Im Morgengrauen."), "utf-8")
    else:
        change(root, what)


@pytest.mark.parametrize(
    "what",
    [
        "a page deleted",
        "a page edited by hand",
        "an index page deleted",
        "an index page edited by hand",
        "a review copy of no article",
        "a killed run's temporary file",
        "a killed run's temporary file in the site's folder",
        "an image changed",
        "a catalog translated anew",
        "an article edited",
        "the configuration edited",
    ],
)
def test_after_any_change_compile_looks_at_the_pages_records(
    tmp_path: Path, opened: list[str], what: str
) -> None:
    root = published(tmp_path)
    run(root, "compile")
    opened.clear()
    expected = run(root, "compile")
    assert expected[0] == 0 and opened == []  # (the whole-run record is there)
    change_site(root, what)
    transpub.fsutil.start_run()  # (as a new process does: temporary files are swept again)
    code, _, errors = run(root, "compile")
    assert code == 0 and opened == ["compile"]
    site = root / "site"
    if what == "a page deleted":
        assert (site / "fr" / "story-4.html").is_file()
    if what == "a page edited by hand":
        assert "⟦" in (site / "de" / "story-1.html").read_text(encoding="utf-8")
    if what == "an index page deleted":
        assert (site / "de" / "index.html").is_file()
    if what == "an index page edited by hand":
        assert "<p>hand</p>" not in (site / "fr" / "index.html").read_text(encoding="utf-8")
    if what == "a review copy of no article":  # (not one compile wrote: it stays, said so)
        assert (site / "_review" / "fr" / "nothing.html").read_text(encoding="utf-8") == "<p>old</p>"
        assert "site/_review/fr/nothing.html: left as it is" in errors
    if what.startswith("a killed run's temporary file"):
        assert not list(site.rglob("*.tmp"))
    if what == "an image changed":
        assert [path.read_bytes() for path in site.rglob("bridge*.jpg")] == [b"\xff\xd8 another bridge"]
    if what == "a catalog translated anew":
        assert "Im Morgengrauen." in (site / "de" / "story-3.html").read_text(encoding="utf-8")
    opened.clear()
    run(root, "compile")
    opened.clear()
    assert run(root, "compile")[0] == 0 and opened == []  # a whole-run record again


def test_no_whole_run_record_is_kept_while_a_killed_runs_temporary_file_is_too_new_to_remove(
    tmp_path: Path, opened: list[str]
) -> None:
    """A run removes a killed run's temporary file only once it is old enough (another run's may be
    in the middle of being written): until then every run looks, so that one of them removes it."""
    root = published(tmp_path)
    temporary = root / "site" / "de" / ".story-1.html.abcd1234.tmp"
    temporary.write_text("<p>half</p>", encoding="utf-8")
    for _ in range(2):
        transpub.fsutil.start_run()
        opened.clear()
        assert run(root, "compile")[0] == 0 and opened == ["compile"]
    assert temporary.exists()


def test_markdown_output_keeps_no_whole_run_record(tmp_path: Path, opened: list[str]) -> None:
    root = published(tmp_path)
    for _ in range(2):
        opened.clear()
        assert run(root, "compile", "--format", "markdown")[0] == 0
    assert opened == ["compile-markdown"]


def test_an_edited_article_rewrites_only_its_part_of_the_whole_run_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transpub.whole_run, "PART_SIZE", 2)
    root = published(tmp_path)
    run(root, "extract")

    def parts() -> dict[str, str]:
        with sqlite3.connect(root / MANIFEST) as db:
            rows = db.execute("SELECT slug, data FROM records WHERE command = 'extract (whole run)'")
            return dict(rows.fetchall())

    before = parts()
    assert sorted(before) == ["", "0", "1", "2"]  # the head, and five articles in parts of two
    change(root, "an article edited")  # story-1: the first part
    run(root, "extract")
    after = parts()
    assert after["0"] != before["0"] and after[""] != before[""]
    assert (after["1"], after["2"]) == (before["1"], before["2"])


def test_a_part_of_the_whole_run_record_lost_is_kept_again_by_the_next_run(
    tmp_path: Path, opened: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transpub.whole_run, "PART_SIZE", 2)
    root = published(tmp_path)
    run(root, "extract")
    with sqlite3.connect(root / MANIFEST) as db:
        db.execute("DELETE FROM records WHERE command = 'extract (whole run)' AND slug = '1'")
    opened.clear()
    assert run(root, "extract")[0] == 0 and opened == ["extract"]
    opened.clear()
    assert run(root, "extract")[0] == 0 and opened == []


@pytest.fixture
def loaded(monkeypatch: pytest.MonkeyPatch) -> list[list[str] | None]:
    """The slugs whose records each run loaded from the manifest (None: all of them)."""
    slugs: list[list[str] | None] = []
    original = transpub.manifest.Manifest._load

    def counting(
        self: transpub.manifest.Manifest, only: list[str] | None = None, *, own: bool = True
    ) -> object:
        slugs.append(None if only is None else sorted(only))
        return original(self, only, own=own)

    monkeypatch.setattr(transpub.manifest.Manifest, "_load", counting)
    return slugs


def parts_of_two(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The whole-run record of ``root``'s extract kept anew in parts of two articles: their slugs."""
    monkeypatch.setattr(transpub.whole_run, "PART_SIZE", 2)
    run(root, "extract", "--full")
    settled(root)
    run(root, "extract")
    slugs = sorted(path.stem for path in (root / "articles").glob("*.html"))
    return [slugs[start : start + 2] for start in range(0, len(slugs), 2)]


def edited_in_place(story: Path) -> None:
    """``story`` with its caption changed, written in place as some editors do (its folder as it was)."""
    with story.open("r+", encoding="utf-8") as file:
        text = file.read().replace("At dawn.", "At dusk.")
        file.seek(0)
        file.write(text)
        file.truncate()


@pytest.mark.parametrize("how", ["written anew", "written in place"])
def test_an_edited_article_loads_the_records_of_its_part_alone_and_says_what_they_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loaded: list[list[str] | None], how: str
) -> None:
    root = published(tmp_path)
    parts = parts_of_two(root, monkeypatch)
    story = root / "articles" / f"{parts[-1][0]}.html"  # the last part's
    if how == "written in place":
        edited_in_place(story)
    else:
        story.write_text(story.read_text("utf-8").replace("At dawn.", "At dusk."), encoding="utf-8")
    alike = tmp_path / "alike"  # the same project, without its whole-run record
    shutil.copytree(root, alike, symlinks=True)
    without_whole_run_records(alike)
    loaded.clear()
    code, said, warned = run(root, "extract", "-v")
    assert loaded == [parts[-1]]
    assert (code, said, warned) == run(alike, "extract", "-v")
    assert "At dusk." in (root / "locales" / "templates" / f"{story.stem}.pot").read_text(encoding="utf-8")
    loaded.clear()
    assert run(root, "extract")[0] == 0 and loaded == []  # the whole record holds again


def test_changes_in_two_parts_are_both_redone_and_the_other_parts_articles_are_not_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loaded: list[list[str] | None]
) -> None:
    root = published(tmp_path)
    parts = parts_of_two(root, monkeypatch)
    assert len(parts) >= 3
    first, last = parts[0][0], parts[-1][-1]
    edited_in_place(root / "articles" / f"{first}.html")
    (root / "locales" / "fr" / "LC_MESSAGES" / f"{last}.po").unlink()
    loaded.clear()
    assert run(root, "extract")[0] == 0
    assert loaded == [sorted(parts[0] + parts[-1])]
    assert "At dusk." in (root / "locales" / "de" / "LC_MESSAGES" / f"{first}.po").read_text("utf-8")
    assert (root / "locales" / "fr" / "LC_MESSAGES" / f"{last}.po").is_file()


def test_with_most_parts_changed_every_articles_records_are_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loaded: list[list[str] | None]
) -> None:
    """A checkout or a restore changes every file's signature: the parts would all be looked at for
    nothing, so the articles' records decide, all loaded at once."""
    root = published(tmp_path)
    parts_of_two(root, monkeypatch)
    for story in (root / "articles").glob("*.html"):
        os.utime(story)
    loaded.clear()
    assert run(root, "extract")[0] == 0 and loaded == [None]


def linked_newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The newsroom, translated and compiled, story-1 linking to story-4 (another part of a whole-run
    record in parts of two articles), with compile's whole-run record kept in such parts."""
    monkeypatch.setattr(transpub.whole_run, "PART_SIZE", 2)
    root = newsroom(tmp_path / "news")
    story = root / "articles" / "story-1.html"
    text = story.read_text(encoding="utf-8").replace(
        "It cost", 'See <a href="story-4.html">four</a>. It cost'
    )
    story.write_text(text, encoding="utf-8")
    assert run(root, "extract")[0] == 0
    translate_all(root)
    assert run(root, "extract")[0] == 0
    assert run(root, "compile")[0] == 0
    settled(root)
    assert run(root, "compile")[0] == 0
    return root


def site(root: Path) -> dict[str, bytes]:
    """Every file of the project's site, by its path there."""
    return {
        path.relative_to(root / "site").as_posix(): path.read_bytes()
        for path in sorted((root / "site").rglob("*"))
        if path.is_file()
    }


def compile_change(root: Path, what: str) -> None:
    """One change of what compile depends on, in one article."""
    german = root / "locales" / "de" / "LC_MESSAGES"
    if what == "a catalog translated anew":
        po = german / "story-2.po"
        po.write_text(po.read_text("utf-8").replace("⟦At dawn.⟧", "Im Morgengrauen."), encoding="utf-8")
    elif what == "a linked article withdrawn in German":
        po = german / "story-4.po"
        po.write_text(re.sub(r'msgstr "⟦[^"]*⟧"', 'msgstr ""', po.read_text("utf-8")), encoding="utf-8")
    elif what == "a page deleted":
        (root / "site" / "fr" / "story-3.html").unlink()
    else:
        raise AssertionError(what)


@pytest.mark.parametrize(
    "what", ["a catalog translated anew", "a linked article withdrawn in German", "a page deleted"]
)
def test_a_compile_with_one_article_changed_loads_its_parts_records_and_writes_what_they_would(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    loaded: list[list[str] | None],
    reads: list[str],
    what: str,
) -> None:
    root = linked_newsroom(tmp_path, monkeypatch)
    alike = tmp_path / "alike"  # the same project, without its whole-run record
    shutil.copytree(root, alike, symlinks=True)
    without_whole_run_records(alike)
    for project in (root, alike):
        compile_change(project, what)
    loaded.clear()
    reads.clear()
    done = run(root, "compile", "-v")
    changed = {"a catalog translated anew": "story-2", "a page deleted": "story-3"}.get(what, "story-4")
    part = [f"story-{number}" for number in range(6)[int(changed[-1]) // 2 * 2 :][:2]]
    linking = (root / "site" / "de" / "story-1.html").read_text(encoding="utf-8")
    if what == "a linked article withdrawn in German":  # (story-1 links to it: compiled again)
        assert (loaded, reads) == ([part, ["story-1"]], ["story-1", "story-4"])
        assert 'href="../en/story-4.html"' in linking
    else:
        assert (loaded, reads) == ([part], [changed])
        assert 'href="story-4.html"' in linking
    assert done == run(alike, "compile", "-v")
    assert site(root) == site(alike)


def test_with_an_article_left_out_a_rerun_still_takes_the_whole_run_record_and_its_pages_go_with_its_file(
    tmp_path: Path, opened: list[str]
) -> None:
    """An article left out by ``[paths] exclude`` keeps its pages while its file is there; the
    whole-run record watches its record's files (in a folder of no other article here), so the run
    that should remove them still does."""
    root = published(tmp_path)
    (root / "articles" / "drafts").mkdir()
    draft = root / "articles" / "drafts" / "note.html"
    draft.write_text("<html><body><h1>A note</h1><p>At dawn.</p></body></html>", encoding="utf-8")
    assert run(root, "extract")[0] == 0
    translate_all(root)
    assert run(root, "extract")[0] == 0
    assert run(root, "compile")[0] == 0
    config = root / "transpub.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("[paths]\n", '[paths]\nexclude = ["drafts/*"]\n', 1), "utf-8")
    assert run(root, "compile")[0] == 0
    opened.clear()
    assert run(root, "compile")[0] == 0 and opened == []  # (the whole-run record)
    assert (root / "site" / "de" / "drafts" / "note.html").is_file()
    po = root / "locales" / "de" / "LC_MESSAGES" / "drafts" / "note.po"  # (never compiled while left out)
    po.write_text(po.read_text("utf-8").replace("⟦At dawn.⟧", "Im Morgengrauen."), encoding="utf-8")
    assert run(root, "compile")[0] == 0
    opened.clear()
    assert run(root, "compile")[0] == 0 and opened == []
    draft.unlink()
    code, said, warned = run(root, "compile")
    assert code == 0 and "compile" in opened, warned  # (the articles' records decide)
    assert not (root / "site" / "de" / "drafts" / "note.html").exists()
    assert "site/de/drafts/note.html: removed (its article is gone)" in said
    opened.clear()
    assert run(root, "compile")[0] == 0
    opened.clear()
    assert run(root, "compile")[0] == 0 and opened == []
