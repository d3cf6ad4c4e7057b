"""Many workers, one memory: two translate processes on one PostgreSQL memory pay for each text once."""

from __future__ import annotations

import os
import random
import string
import subprocess
import sys
from pathlib import Path

import pytest

from fakeservers import FakeMT
from pgcluster import fresh_database, postgres_url  # noqa: F401 (fixtures)
from transpub.catalog import entry_state, read_catalog
from transpub.extract import extract_project
from transpub.project import init_project, load_project

#: 24 texts of made-up words, none close enough to another for a memory close match to stand in.
_CHANCE = random.Random(11)
SENTENCES = [
    " ".join("".join(_CHANCE.choice(string.ascii_lowercase) for _ in range(6)) for _ in range(7)).capitalize()
    + "."
    for _ in range(24)
]


def worker_project(root: Path) -> Path:
    """A project as each CI worker checks it out: the same articles, its own folder."""
    init_project(root, source="en", locales=["es"], name="News")
    config = root / "transpub.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + "\n[engines.libre]\nbatch_size = 2\nconcurrency = 1\n",
        encoding="utf-8",
    )
    for article in range(2):
        paragraphs = "".join(f"<p>{s}</p>" for s in SENTENCES[article::2])
        (root / "articles" / f"story-{article}.html").write_text(
            f"<html><body><article>{paragraphs}</article></body></html>", encoding="utf-8"
        )
    extract_project(load_project(root), ["es"])
    return root


def test_two_workers_on_one_postgresql_memory_send_each_text_once(
    tmp_path: Path,
    fresh_database: str,  # noqa: F811
) -> None:
    workers = [worker_project(tmp_path / name) for name in ("worker-a", "worker-b")]
    with FakeMT(latency=0.05) as engine:
        environment = dict(os.environ, TRANSPUB_LIBRE_URL=engine.url, TRANSPUB_MEMORY_URL=fresh_database)
        command = [sys.executable, "-m", "transpub", "translate", "-l", "es", "--engine", "libre"]
        runs = [
            subprocess.Popen(
                command, cwd=root, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
            )
            for root in workers
        ]
        outputs = [run.communicate(timeout=120)[0].decode() for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert engine.repeated() == [], (engine.request_log, outputs)  # no text paid for twice
    assert sum(engine.paid.values()) == len(SENTENCES)  # characters sent = unique characters
    for root in workers:
        for article in range(2):
            po = read_catalog(root / "locales" / "es" / "LC_MESSAGES" / f"story-{article}.po")
            assert {entry_state(e) for e in po if e.msgid} == {"fuzzy"}
            assert [e.msgstr for e in po if e.msgid] == [f"[es] {e.msgid}" for e in po if e.msgid]


def test_two_translate_shards_on_one_project_pay_each_shared_text_once(
    tmp_path: Path,
    fresh_database: str,  # noqa: F811
) -> None:
    root = tmp_path / "newsroom"
    init_project(root, source="en", locales=["es"], name="News")
    config = root / "transpub.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + "\n[engines.libre]\nbatch_size = 2\nconcurrency = 1\n",
        encoding="utf-8",
    )
    for article in range(8):  # every article repeats the same paragraphs: both shards want every text
        paragraphs = "".join(f"<p>{s}</p>" for s in SENTENCES)
        (root / "articles" / f"story-{article}.html").write_text(
            f"<html><body><article>{paragraphs}</article></body></html>", encoding="utf-8"
        )
    extract_project(load_project(root), ["es"])
    with FakeMT(latency=0.05) as engine:
        environment = dict(os.environ, TRANSPUB_LIBRE_URL=engine.url, TRANSPUB_MEMORY_URL=fresh_database)
        command = [sys.executable, "-m", "transpub", "translate", "-l", "es", "--engine", "libre", "--shard"]
        runs = [
            subprocess.Popen(
                [*command, shard], cwd=root, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
            )
            for shard in ("1/2", "2/2")
        ]
        outputs = [run.communicate(timeout=120)[0].decode() for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert engine.repeated() == [], (engine.request_log, outputs)
    assert sum(len(text) for text in engine.paid) == sum(len(text) for text in SENTENCES)  # sent = unique
    for article in range(8):
        po = read_catalog(root / "locales" / "es" / "LC_MESSAGES" / f"story-{article}.po")
        assert [e.msgstr for e in po if e.msgid] == [f"[es] {e.msgid}" for e in po if e.msgid]


@pytest.mark.parametrize(
    ("database", "exit_code"), [("no_such_memory", 2), ("down", 1)], ids=["refused", "unreachable"]
)
def test_translate_with_a_memory_it_cannot_open_stops_before_anything_is_sent(
    tmp_path: Path,
    postgres_url: str,  # noqa: F811
    database: str,
    exit_code: int,
) -> None:
    """Exit 2 for a database the server does not have (a mistake in the settings), 1 for a server
    that does not answer; either way no text is sent to the engine, and no catalog is written."""
    from click.testing import CliRunner

    from transpub.cli import main

    root = worker_project(tmp_path / "worker")
    catalogs = {path: path.read_bytes() for path in root.glob("locales/es/LC_MESSAGES/*.po")}
    url = postgres_url.replace("/postgres?", f"/{database}?", 1)
    if database == "down":
        url = f"postgresql://tm@/tm?host={tmp_path}"  # no server listens there
    with FakeMT() as engine:
        result = CliRunner(env={"TRANSPUB_LIBRE_URL": engine.url, "TRANSPUB_MEMORY_URL": url}).invoke(
            main, ["--project", str(root), "translate", "-l", "es", "--engine", "libre"]
        )
    assert result.exit_code == exit_code, result.output
    assert "cannot connect to the translation memory" in result.output
    assert engine.request_log == []
    assert {path: path.read_bytes() for path in catalogs} == catalogs


def filled_units(root: Path) -> list[str]:
    """The msgids the worker's catalogs hold a translation of."""
    return [
        e.msgid
        for article in range(2)
        for e in read_catalog(root / "locales" / "es" / "LC_MESSAGES" / f"story-{article}.po")
        if e.msgid and e.msgstr
    ]


def test_a_memory_that_drops_mid_run_is_one_error_and_every_reply_paid_for_is_in_the_catalogs(
    tmp_path: Path,
    fresh_database: str,  # noqa: F811
) -> None:
    """The database restarts (a failover, the network) while the engine answers: the run stops with
    one Error line, and what the engine answered is in the catalogs, not paid for again."""
    import psycopg

    root = worker_project(tmp_path / "worker")
    answered: list[str] = []

    def translate(text: str, target: str) -> str:
        if len(answered) == 4:  # the server drops this worker's connection mid-run
            with psycopg.connect(fresh_database, autocommit=True) as admin:
                admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
        answered.append(text)
        return f"[{target.lower()}] {text}"

    with FakeMT(translate=translate) as engine:
        environment = dict(os.environ, TRANSPUB_LIBRE_URL=engine.url, TRANSPUB_MEMORY_URL=fresh_database)
        command = [sys.executable, "-m", "transpub", "translate", "-l", "es", "--engine", "libre"]
        run = subprocess.run(command, cwd=root, env=environment, capture_output=True, text=True, timeout=120)
    assert run.returncode != 0 and "Traceback" not in run.stderr, run.stderr
    errors = [line for line in run.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "failed" in errors[0] and "is in the catalogs" in errors[0], run.stderr
    filled = filled_units(root)
    assert sorted(filled) == sorted(answered) and len(answered) > 4, (run.stderr, len(filled), len(answered))


def test_a_sqlite_memory_locked_mid_run_is_one_error_and_every_reply_paid_for_is_in_the_catalogs(
    tmp_path: Path, monkeypatch
) -> None:
    """Another process holds the SQLite memory's write lock longer than a worker waits (a backup, a
    second run on a network share): the run stops with one Error line naming the memory, and what the
    engine answered until then is in the catalogs."""
    import sqlite3

    from click.testing import CliRunner

    import transpub.memory.sqlite
    from transpub.cli import main

    root = worker_project(tmp_path / "worker")
    monkeypatch.setattr(transpub.memory.sqlite, "BUSY_SECONDS", 0.2)
    holder = sqlite3.connect(
        str(root / ".transpub" / "memory.sqlite"), isolation_level=None, check_same_thread=False
    )
    answered: list[str] = []

    def translate(text: str, target: str) -> str:
        if len(answered) == 4:  # another process takes the write lock and keeps it
            holder.execute("BEGIN EXCLUSIVE")
        answered.append(text)
        return f"[{target.lower()}] {text}"

    try:
        with FakeMT(translate=translate) as engine:
            monkeypatch.setenv("TRANSPUB_LIBRE_URL", engine.url)
            monkeypatch.chdir(root)
            run = CliRunner().invoke(main, ["translate", "-l", "es", "--engine", "libre"])
    finally:
        holder.close()
    assert run.exit_code != 0 and not isinstance(run.exception, sqlite3.Error), run.output
    errors = [line for line in run.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "memory.sqlite" in errors[0] and "locked" in errors[0], run.output
    assert "is in the catalogs" in errors[0], run.output
    filled = filled_units(root)
    assert sorted(filled) == sorted(answered) and len(answered) > 4, (run.output, len(filled), len(answered))
