"""compile --format markdown skips what did not change: a rerun with nothing changed reads no article and
writes no file; one changed article or catalog redoes that article; a setting that shapes the Markdown
redoes all; files deleted or edited by hand since are seen as in a full run."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

import transpub.compile.article
import transpub.compile.markdown
import transpub.compile.workflow
from test_compile_markdown import CHINESE, SPANISH, compile_md, extract, make_markdown_project, translate
from test_incremental import changed, run, state
from transpub.compile import compile_project
from transpub.project import load_project

RECORD = "site/.transpub-outputs.json"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The articles compile reads (in this process: Markdown output is compiled one article at a time)."""
    read: list[str] = []
    original = transpub.compile.article.load_article

    def counting(project, path, *args, **kwargs):
        read.append(path.relative_to(project.articles_dir).as_posix())
        return original(project, path, *args, **kwargs)

    monkeypatch.setattr(transpub.compile.article, "load_article", counting)
    return read


def compiled_project(root: Path) -> Path:
    """The Markdown project of test_compile_markdown with Spanish and Chinese translated, compiled once."""
    make_markdown_project(root)
    translate(root, "zh_CN", CHINESE)
    assert not compile_md(root).errors
    return root


def test_a_second_markdown_compile_with_nothing_changed_reads_no_article_and_writes_no_file(
    tmp_path: Path, reads: list[str]
) -> None:
    root = compiled_project(tmp_path / "p")
    full = run(root, "compile", "--full")
    before = state(root)
    reads.clear()
    again = run(root, "compile")
    assert reads == []
    assert changed(before, state(root)) == set()
    assert again == full  # and it says what a full run says
    assert "es/posts/harbour.md" not in again[1]  # counted, not listed: -v lists it
    assert "es/posts/harbour.md: 100% translated (unchanged)" in run(root, "compile", "-v")[1]


def test_full_reads_every_article_again(tmp_path: Path, reads: list[str]) -> None:
    root = compiled_project(tmp_path / "p")
    reads.clear()
    run(root, "compile", "--full")
    assert sorted(reads) == ["guide/index.md", "posts/harbour.md"]


def test_one_edited_article_is_the_only_one_read_and_rewritten(tmp_path: Path, reads: list[str]) -> None:
    root = compiled_project(tmp_path / "p")
    article = root / "articles" / "posts" / "harbour.md"
    article.write_text(article.read_text("utf-8").replace("```sh", "```bash"), "utf-8")
    before = state(root)
    reads.clear()
    report = compile_md(root)
    assert reads == ["posts/harbour.md"]
    assert changed(before, state(root)) == {
        "site/en/posts/harbour.md",
        "site/es/posts/harbour.md",
        "site/zh_CN/posts/harbour.md",
        RECORD,
        ".transpub/manifest.sqlite",
    }
    assert "```bash" in (root / "site" / "es" / "posts" / "harbour.md").read_text("utf-8")
    assert sorted((p.locale, p.slug) for p in report.pages if p.written) == [
        ("en", "posts/harbour"),
        ("es", "posts/harbour"),
        ("zh_CN", "posts/harbour"),
    ]
    assert len(report.pages) == 2 * 4  # every page reported, as a full run does


def test_one_edited_catalog_rewrites_that_articles_file_only(tmp_path: Path, reads: list[str]) -> None:
    root = compiled_project(tmp_path / "p")
    before = state(root)
    reads.clear()
    translate(root, "es", {"Visitor guide": "Guía para visitantes"})  # rewrites every es catalog
    reads.clear()
    compile_md(root)
    spanish = root / "site" / "es" / "guide" / "index.md"
    assert spanish.read_text("utf-8").startswith("# Guía para visitantes\n")
    # polib saved both Spanish catalogs (new times), but only the guide's changed: harbour's is
    # compared by content and not read again
    assert reads == ["guide/index.md"]
    assert {name for name in changed(before, state(root)) if not name.startswith("locales/")} == {
        "site/es/guide/index.md",
        RECORD,
        ".transpub/manifest.sqlite",
    }


@pytest.mark.parametrize(
    "setting",
    [
        '[compile.links]\n"/docs/" = "/{lang}/docs/"\n',
        'layout = "suffix"\nmarkdown_dir = "site"\n',
        'locale_dirs = { es = "espanol" }\n',
        "publish_threshold = 100\n",
    ],
)
def test_a_setting_that_shapes_the_markdown_redoes_every_article(
    tmp_path: Path, reads: list[str], setting: str
) -> None:
    root = compiled_project(tmp_path / "p")
    config = root / "transpub.toml"
    config.write_text(
        config.read_text("utf-8").replace('format = "markdown"\n', f'format = "markdown"\n{setting}')
    )
    reads.clear()
    report = compile_md(root)
    assert not report.errors
    assert sorted(reads) == ["guide/index.md", "posts/harbour.md"]
    site = root / "site"
    if "links" in setting:
        assert "[el horario](/es/docs/ferries/)" in (site / "es" / "posts" / "harbour.md").read_text("utf-8")
    elif "suffix" in setting:
        assert (site / "posts" / "harbour.es.md").is_file() and not (site / "es").exists()
    elif "espanol" in setting:
        assert (site / "espanol" / "posts" / "harbour.md").is_file() and not (site / "es").exists()


def test_a_new_version_of_transpub_redoes_every_article(
    tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = compiled_project(tmp_path / "p")
    monkeypatch.setattr(transpub.compile.workflow, "code_signature", lambda root=None: "another transpub")
    reads.clear()
    compile_md(root)
    assert sorted(reads) == ["guide/index.md", "posts/harbour.md"]


def test_a_markdown_file_deleted_by_hand_is_written_again(tmp_path: Path, reads: list[str]) -> None:
    root = compiled_project(tmp_path / "p")
    spanish = root / "site" / "es" / "posts" / "harbour.md"
    expected = spanish.read_bytes()
    spanish.unlink()
    reads.clear()
    report = compile_md(root)
    assert not report.errors
    assert reads == ["posts/harbour.md"]
    assert spanish.read_bytes() == expected


def test_a_markdown_file_edited_by_hand_is_refused_on_every_run(tmp_path: Path) -> None:
    root = compiled_project(tmp_path / "p")
    written = root / "site" / "es" / "posts" / "harbour.md"
    written.write_text(written.read_text("utf-8") + "Nota del editor.\n", "utf-8")
    message = (
        f"{written}: not replaced: this file was changed since transpub compile wrote it "
        "(put the change into the catalog, or delete the file)"
    )
    for _ in range(2):  # nothing else changed: still refused, not skipped as compiled
        assert [str(e) for e in compile_md(root).errors] == [message]
        assert written.read_text("utf-8").endswith("Nota del editor.\n")


def test_a_hand_written_file_where_an_unpublished_translation_would_go_is_reported(tmp_path: Path) -> None:
    root = compiled_project(tmp_path / "p")
    own = root / "site" / "de" / "posts" / "harbour.md"  # German is not translated: compile writes none
    own.parent.mkdir(parents=True)
    own.write_text("Meine eigene Übersetzung.\n", "utf-8")
    translate(root, "de", {"The harbour reopens": "Der Hafen öffnet wieder"})  # still below the threshold
    report = compile_md(root)
    assert [str(e) for e in report.errors] == [
        f"{own}: not removed: this file was not written by transpub compile (move it away, or bring its "
        "translation into the catalog with `transpub align`)"
    ]
    assert own.read_text("utf-8") == "Meine eigene Übersetzung.\n"


def test_a_deleted_record_of_written_files_is_made_again(tmp_path: Path, reads: list[str]) -> None:
    """A fresh checkout of committed translations without the record: compile takes its files back."""
    root = compiled_project(tmp_path / "p")
    record = root / RECORD
    listed = json.loads(record.read_text("utf-8"))["files"]
    record.unlink()
    reads.clear()
    assert not compile_md(root).errors
    assert sorted(reads) == ["guide/index.md", "posts/harbour.md"]
    assert json.loads(record.read_text("utf-8"))["files"] == listed


def test_an_html_preview_between_two_markdown_runs_keeps_them_incremental(
    tmp_path: Path, reads: list[str]
) -> None:
    root = compiled_project(tmp_path / "p")
    assert run(root, "compile", "--format", "html")[0] == 0
    assert (root / "site" / "es" / "posts" / "harbour.html").is_file()
    before = state(root)
    reads.clear()
    compile_md(root)
    assert reads == []
    assert changed(before, state(root)) == set()


def test_a_fresh_checkout_of_committed_markdown_with_the_manifest_restored_reads_no_article(
    tmp_path: Path, reads: list[str]
) -> None:
    """As in CI: a new clone (new times and inodes, same bytes) with .transpub/ restored from a cache."""
    root = compiled_project(tmp_path / "p")
    clone = tmp_path / "clone"
    shutil.copytree(root, clone)
    for path in clone.rglob("*"):
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    before = state(clone)
    reads.clear()
    report = compile_md(clone)
    assert reads == []
    assert not report.errors and not any(page.written for page in report.pages)
    assert changed(before, state(clone)) == {".transpub/manifest.sqlite"}  # the new signatures kept


def test_an_article_renamed_to_another_markdown_suffix_is_written_under_its_new_name(
    tmp_path: Path, reads: list[str]
) -> None:
    """Same slug, same bytes, new file name: the Markdown files take the new name."""
    root = compiled_project(tmp_path / "p")
    (root / "articles" / "posts" / "harbour.md").rename(root / "articles" / "posts" / "harbour.markdown")
    reads.clear()
    assert not compile_md(root).errors
    assert reads == ["posts/harbour.markdown"]
    spanish = root / "site" / "es" / "posts"
    assert sorted(p.name for p in spanish.iterdir()) == ["harbour.markdown"]


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_markdown_output_is_written_by_several_processes_as_by_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """-j 2: worker processes write the Markdown (and remove it), the files and the record as with -j 1."""
    pids = tmp_path / "pids"
    original = transpub.compile.markdown._localized_markdown

    def noting(*args, **kwargs):
        with open(pids, "a") as handle:  # a forked worker has this function too
            handle.write(f"{os.getpid()}\n")
        return original(*args, **kwargs)

    monkeypatch.setattr(transpub.compile.markdown, "_localized_markdown", noting)
    notes = {f"The ferry leaves at {n} o'clock.": f"Die Fähre fährt um {n} Uhr." for n in range(12)}
    sites = []
    for jobs in (1, 2):
        root = make_markdown_project(tmp_path / f"j{jobs}")
        (root / "articles" / "notes").mkdir()
        for n, text in enumerate(notes):
            (root / "articles" / "notes" / f"note-{n:02d}.md").write_text(f"{text}\n", "utf-8")
        extract(root)
        translate(root, "es", SPANISH)
        translate(root, "de", notes)
        project = load_project(root)
        pids.write_text("")
        first = compile_project(project, project.locales, jobs=jobs)
        assert (root / "site" / "de" / "notes" / "note-03.md").read_text(
            "utf-8"
        ) == "Die Fähre fährt um 3 Uhr.\n"
        translate(root, "de", dict.fromkeys(notes, ""))  # German withdrawn: its files and folders go
        second = compile_project(project, project.locales, jobs=jobs)
        assert not first.errors and not second.errors
        assert not (root / "site" / "de").exists()
        workers = {int(line) for line in pids.read_text().split()}
        assert (os.getpid() not in workers) if jobs == 2 else (workers == {os.getpid()})
        sites.append(
            (
                _files(root / "site"),
                [(p.locale, p.slug, p.published, p.written) for p in first.pages + second.pages],
            )
        )
    assert sites[0] == sites[1]
