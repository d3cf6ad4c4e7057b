"""What transpub keeps in ``.transpub/`` to skip work is signed: a record of the manifest that was
not written with this machine's key (or the key the machines of a CI share, ``TRANSPUB_CACHE_KEY``)
is read as missing, so a crafted or restored one can neither keep a stale page on the site nor put
its own title in the index pages; with the shared key, a manifest restored on a fresh machine still
spares the work."""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import transpub.fsutil
import transpub.signing
from test_compile_helpers import compiled_slugs
from test_incremental import without_whole_run_records
from transpub.cli import main
from transpub.manifest import MANIFEST, content_hash
from transpub.project import init_project


@pytest.fixture(autouse=True)
def this_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine of its own (its own key), with no shared key."""
    machine(tmp_path / "machine-a", monkeypatch)


def machine(home: Path, monkeypatch: pytest.MonkeyPatch, shared: str | None = None) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    if shared is None:
        monkeypatch.delenv("TRANSPUB_CACHE_KEY", raising=False)
    else:
        monkeypatch.setenv("TRANSPUB_CACHE_KEY", shared)
    monkeypatch.setattr(transpub.signing, "_LOCAL_KEY", None)  # (read again)


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The articles compile compiled (not skipped by their record), in this process."""
    return compiled_slugs(monkeypatch)


def run(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--project", str(root), *args, "-j", "1"])
    return result.exit_code, (result.stdout + result.stderr).replace(str(root), "ROOT")


def translated_site(root: Path) -> Path:
    """One article translated into German and compiled."""
    init_project(root, source="en", locales=["de"], name="News")
    (root / "articles" / "bridge.html").write_text(
        "<html><head><title>Bridge</title></head><body><h1>The bridge opened</h1>"
        "<p>It cost a lot.</p></body></html>",
        encoding="utf-8",
    )
    assert run(root, "extract")[0] == 0
    po = root / "locales" / "de" / "LC_MESSAGES" / "bridge.po"
    text = po.read_text(encoding="utf-8")
    for english, german in [
        ("Bridge", "Brücke"),
        ("The bridge opened", "Die Brücke ist offen"),
        ("It cost a lot.", "Sie war teuer."),
    ]:
        text = text.replace(f'msgid "{english}"\nmsgstr ""', f'msgid "{english}"\nmsgstr "{german}"')
    po.write_text(text, encoding="utf-8")
    assert run(root, "compile")[0] == 0
    return root


def edit_records(root: Path, command: str, change: Callable[[list[Any], str], None]) -> None:
    """Change every stored record of ``command`` in place (what it holds after its signature, if any,
    the signature kept as it was)."""
    with sqlite3.connect(root / MANIFEST) as db:
        for slug, locale, data in db.execute(
            "SELECT slug, locale, data FROM records WHERE command = ?", (command,)
        ).fetchall():
            start = data.index("[")
            record = json.loads(data[start:])
            change(record, slug)
            db.execute(
                "UPDATE records SET data = ? WHERE command = ? AND slug = ? AND locale = ?",
                (data[:start] + json.dumps(record, separators=(",", ":")), command, slug, locale),
            )


def test_a_manifest_record_edited_by_hand_cannot_put_its_title_in_the_index_pages(
    tmp_path: Path, compiled: list[str]
) -> None:
    root = translated_site(tmp_path / "news")

    def forge(record: list[Any], slug: str) -> None:
        for page in record[7].get("pages", []):
            page[2] = "FORGED title"

    edit_records(root, "compile", forge)
    without_whole_run_records(
        root
    )  # (which would say the pages are as they are: the article's records decide)
    (root / ".transpub" / "index-rows.sqlite").unlink()
    (root / "site" / "de" / "index.html").unlink()
    compiled.clear()
    code, output = run(root, "compile")
    assert code == 0 and compiled == ["bridge"], output
    for index in ("site/de/index.html", "site/index.html", "site/_review/index.html"):
        text = (root / index).read_text(encoding="utf-8")
        assert "FORGED" not in text
    assert "Brücke" in (root / "site" / "de" / "index.html").read_text(encoding="utf-8")


def test_a_crafted_record_holding_the_files_hashes_cannot_keep_a_stale_page(tmp_path: Path) -> None:
    """The article is edited; a record claiming its new bytes were compiled would keep the old page."""
    root = translated_site(tmp_path / "news")
    article = root / "articles" / "bridge.html"
    article.write_text(article.read_text(encoding="utf-8").replace("It cost a lot.", "It was free."))
    new_hash = content_hash(article.read_bytes())

    def claim(record: list[Any], slug: str) -> None:
        if slug != "bridge":
            return
        present, digests = record[2], record[5].split(",")
        digests[present.index("articles/bridge.html")] = new_hash
        record[5] = ",".join(digests)

    edit_records(root, "compile", claim)
    code, output = run(root, "compile")
    assert code == 0, output
    assert "It was free." in (root / "site" / "en" / "bridge.html").read_text(encoding="utf-8")


def test_a_manifest_from_another_machine_is_a_full_run_and_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiled: list[str]
) -> None:
    root = translated_site(tmp_path / "news")
    before = (root / "site" / "de" / "bridge.html").read_bytes()
    restored = tmp_path / "runner"
    shutil.copytree(root, restored)  # (new times and inodes: compared by content)
    machine(tmp_path / "machine-b", monkeypatch)
    compiled.clear()
    result = CliRunner().invoke(main, ["--project", str(restored), "compile", "-j", "1"])
    assert (result.exit_code, result.stdout) == (
        0,
        f"1 page unchanged (-v lists them)\nSite: {restored}/site/index.html\n",
    )
    assert compiled == ["bridge"]
    assert (restored / "site" / "de" / "bridge.html").read_bytes() == before
    # that machine's own records then spare the work
    compiled.clear()
    assert run(restored, "compile")[0] == 0
    assert compiled == []


def test_with_the_shared_key_a_manifest_restored_on_a_fresh_machine_skips_what_did_not_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiled: list[str]
) -> None:
    machine(tmp_path / "runner-1", monkeypatch, shared="a secret of the CI")
    root = translated_site(tmp_path / "news")
    restored = tmp_path / "runner"
    shutil.copytree(root, restored)
    machine(tmp_path / "runner-2", monkeypatch, shared="a secret of the CI")
    assert run(restored, "extract")[1] == "1 article unchanged (-v lists them)\n"
    compiled.clear()
    assert run(restored, "compile") == (0, "1 page unchanged (-v lists them)\nSite: ROOT/site/index.html\n")
    assert compiled == []
    # another secret is another key
    machine(tmp_path / "runner-3", monkeypatch, shared="another secret")
    assert run(restored, "compile")[0] == 0
    assert compiled == ["bridge"]


def test_a_manifest_written_before_records_were_signed_is_a_full_run(
    tmp_path: Path, compiled: list[str]
) -> None:
    root = translated_site(tmp_path / "news")
    with sqlite3.connect(root / MANIFEST) as db:  # each record as it was stored before: no signature
        db.execute("UPDATE records SET data = substr(data, instr(data, '['))")
    compiled.clear()
    assert run(root, "compile")[0] == 0
    assert compiled == ["bridge"]


#: What extract and compile say when the manifest's records were signed on another machine.
NOT_USED = (
    "Note: the records of 1 article in .transpub/manifest.sqlite were signed with another key and not used"
)


def test_a_manifest_restored_without_the_shared_key_says_in_one_line_why_it_did_not_spare_the_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = translated_site(tmp_path / "news")
    restored = tmp_path / "runner"
    shutil.copytree(root, restored)
    machine(tmp_path / "machine-b", monkeypatch)  # a fresh CI runner, no TRANSPUB_CACHE_KEY
    for command, done in (("extract", "1 article read again"), ("compile", "1 article compiled again")):
        result = CliRunner().invoke(main, ["--project", str(restored), command, "-j", "1"])
        assert result.exit_code == 0, result.output
        assert result.stderr.splitlines() == [
            f"{NOT_USED} ({done}): set TRANSPUB_CACHE_KEY (the same secret on every CI runner) "
            "to use a cache restored from another machine"
        ]
        assert NOT_USED not in result.stdout
    # the records this machine wrote then are its own: nothing more to say
    for command in ("extract", "compile"):
        assert NOT_USED not in run(restored, command)[1]


def test_a_manifest_signed_with_another_shared_key_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    machine(tmp_path / "runner-1", monkeypatch, shared="a secret of the CI")
    root = translated_site(tmp_path / "news")
    machine(tmp_path / "runner-2", monkeypatch, shared="another secret")
    code, output = run(root, "compile")
    assert code == 0
    assert (
        f"{NOT_USED} (1 article compiled again): TRANSPUB_CACHE_KEY is set, so they were written with "
        "another key or none\n" in output
    )


def test_a_machine_with_no_key_says_nothing_of_records_signed_with_another_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiled: list[str]
) -> None:
    # no folder to keep a key in (a relative XDG_CACHE_HOME), no shared key: no record is trusted,
    # and the records this machine wrote itself are not another machine's
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    monkeypatch.setattr(transpub.signing, "_LOCAL_KEY", None)
    assert transpub.signing.local_key() is None
    root = translated_site(tmp_path / "news")
    compiled.clear()
    for command in ("extract", "compile"):
        code, output = run(root, command)
        assert code == 0 and "Note:" not in output, output
    assert compiled == ["bridge"]  # (done again: no record is trusted)
    manifest = root / ".transpub" / "manifest.sqlite"  # (nor written: none could be trusted)
    if manifest.exists():
        with contextlib.closing(sqlite3.connect(manifest)) as db:
            assert db.execute("SELECT count(*) FROM records WHERE data IS NOT NULL").fetchone() == (0,)
