"""The translation memory behaves the same in a SQLite file and in a shared PostgreSQL database."""

from __future__ import annotations

import random
import sqlite3
import string
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pgcluster import fresh_database, password_role, postgres_url  # noqa: F401 (fixtures)
from transpub.errors import ConfigError, MemoryStoreError
from transpub.memory import (
    HUMAN,
    SCHEMA_VERSION,
    MemoryEntry,
    MemoryStore,
    TranslationMemory,
    open_memory,
)
from transpub.memory import sqlite as sqlite_memory
from transpub.memory.base import CANDIDATES, length_window, probes
from transpub.project import init_project, load_project

Opener = Callable[..., MemoryStore]


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str | Path]:
    """Where a memory lives: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield tmp_path / ".transpub" / "memory.sqlite"
    else:
        yield request.getfixturevalue("fresh_database")


def test_a_translation_survives_reopening(location: str | Path) -> None:
    with open_memory(location) as memory:
        memory.add("en", "es", [("The cat sleeps.", "El gato duerme.")], "apertium")
    with open_memory(location) as memory:
        match = memory.exact("en", "es", "The cat sleeps.", origins=("apertium",))
    assert match is not None and match.target == "El gato duerme."


def test_reviewed_work_wins_over_machine_translation(location: str | Path) -> None:
    with open_memory(location) as memory:
        memory.add("en", "es", [("Hello.", "Hola (MT).")], "deepl")
        memory.add("en", "es", [("Hello.", "¡Hola!")], HUMAN)
        match = memory.exact("en", "es", "Hello.")
        assert match is not None and match.target == "¡Hola!"
        assert memory.exact("en", "fr", "Hello.") is None
        assert memory.lookup("en", "es", ["Hello.", "Bye."], "deepl") == {"Hello.": "Hola (MT)."}


def test_a_long_paragraph_is_stored_and_found_exactly(location: str | Path) -> None:
    paragraph = "The zone grew again this year. " * 400  # past what a B-tree index entry holds
    with open_memory(location) as memory:
        memory.add("en", "de", [(paragraph, "Die Zone wuchs.")], HUMAN)
        match = memory.exact("en", "de", paragraph)
    assert match is not None and match.target == "Die Zone wuchs."


def test_close_matches_are_scored_the_same_on_both_stores(location: str | Path) -> None:
    with open_memory(location) as memory:
        memory.add(
            "en",
            "es",
            [
                ("The park opened in March 2018.", "El parque abrió en marzo de 2018."),
                ("The park opened in May 2019.", "El parque abrió en mayo de 2019."),
                ("Completely unrelated sentence here.", "Frase sin relación."),
            ],
            HUMAN,
        )
        for index in range(300):  # noise of the same pair and length
            memory.add("en", "es", [(f"Row {index:04d} of the archive index", f"Fila {index}")], "deepl")
        matches = memory.close_matches("en", "es", "The park opened in March 2019.", min_score=75)
    assert [m.target for m in matches][:2] == [
        "El parque abrió en marzo de 2018.",
        "El parque abrió en mayo de 2019.",
    ]
    assert matches[0].score == pytest.approx(96.7, abs=0.1)
    assert all(m.score >= 75 for m in matches)


def test_close_matches_come_from_the_trigram_index_not_a_scan(location: str | Path) -> None:
    with open_memory(location) as memory:
        rows = [(sentence, f"Frase {i}") for i, sentence in enumerate(varied_sentences(3000))]
        memory.add("en", "es", rows, HUMAN)
    query = rows[42][0].replace(" ", "  ", 1)
    low, high = length_window(len(query), 75)
    if isinstance(location, Path):
        db = sqlite3.connect(location)
        trigram_query = " OR ".join(f'"{piece}"' for piece in probes(query))
        sql = sqlite_memory.CLOSE_BY_TRIGRAMS.format(only="", candidates=CANDIDATES)
        plan = [
            row[-1]
            for row in db.execute("EXPLAIN QUERY PLAN " + sql, (trigram_query, "en", "es", low, high, query))
        ]
        db.close()
        assert plan[0].startswith("SCAN memory_trigrams VIRTUAL TABLE INDEX")  # the index drives the search
        assert not any(step == "SCAN m" or "(source_lang=?)" in step for step in plan)
    else:
        import psycopg

        from transpub.memory import postgresql as memory_postgresql

        pieces = probes(query)
        patterns = [memory_postgresql.like_pattern(piece) for piece in pieces]
        sql = memory_postgresql.close_match_query(pieces)
        with psycopg.connect(str(location), autocommit=True) as db:
            db.execute("ANALYZE memory")
            db.execute("SET enable_seqscan = off")  # as close_matches runs it
            plan = " ".join(
                row[0]
                for row in db.execute("EXPLAIN " + sql, (*patterns, "en", "es", low, high, query, *patterns))
            )
        assert "memory_source_trgm" in plan and "Seq Scan" not in plan, plan


def varied_sentences(count: int, seed: int = 7) -> list[str]:
    """``count`` sentences of made-up words, as varied as a real archive's."""
    chance = random.Random(seed)
    words = [
        "".join(chance.choice(string.ascii_lowercase) for _ in range(chance.randint(3, 9)))
        for _ in range(800)
    ]
    return [" ".join(chance.choice(words) for _ in range(8)).capitalize() + "." for _ in range(count)]


def test_a_text_claimed_by_one_worker_is_not_claimed_by_another(location: str | Path) -> None:
    with open_memory(location) as first, open_memory(location) as second:
        assert first.claim("en", "es", "deepl", ["A.", "B."]) == {"A.", "B."}
        assert second.claim("en", "es", "deepl", ["B.", "C."]) == {"C."}
        first.release("en", "es", "deepl", ["B."])
        assert second.claim("en", "es", "deepl", ["B."]) == {"B."}
        assert first.claim("en", "es", "deepl", ["A."]) == {"A."}  # a holder renews its own claim


def test_an_expired_claim_of_a_killed_worker_blocks_nobody(location: str | Path) -> None:
    with open_memory(location) as killed, open_memory(location) as survivor:
        assert killed.claim("en", "es", "deepl", ["A."], seconds=-1) == {"A."}  # already expired
        assert survivor.claim("en", "es", "deepl", ["A."]) == {"A."}


def _claim_rows(location: str | Path) -> list[str]:
    """The owners of the claims left in the memory, as its administrator sees them."""
    if isinstance(location, Path):
        with sqlite3.connect(location) as db:
            return [owner for (owner,) in db.execute("SELECT owner FROM claims")]
    import psycopg

    with psycopg.connect(location) as db:
        return [owner for (owner,) in db.execute("SELECT owner FROM claims").fetchall()]


def test_the_expired_claims_of_a_killed_worker_are_removed_when_another_worker_claims(
    location: str | Path,
) -> None:
    """A worker killed after claiming leaves rows that only expire: the next claim removes them, so
    the memory does not fill up with claims nobody holds."""
    with open_memory(location) as killed, open_memory(location) as survivor:
        assert killed.claim("en", "es", "deepl", ["A.", "B."], seconds=-1) == {"A.", "B."}  # expired
        killed.claim("en", "de", "libre", ["A."], seconds=-1)  # (any pair and engine)
        assert survivor.claim("en", "fr", "deepl", ["C."]) == {"C."}
        assert _claim_rows(location) == [survivor.owner]  # type: ignore[attr-defined]
        survivor.release("en", "fr", "deepl", ["C."])
        assert _claim_rows(location) == []


def test_a_dry_run_writes_nothing_to_the_memory(location: str | Path) -> None:
    with open_memory(location) as memory:
        memory.add("en", "es", [("Kept.", "Guardado.")], HUMAN)
    with open_memory(location, dry_run=True) as dry:
        dry.add("en", "es", [("Only in the dry run.", "Solo aquí.")], HUMAN)
        seen = dry.exact("en", "es", "Only in the dry run.")
        assert seen is not None and seen.target == "Solo aquí."
        dry.claim("en", "es", "deepl", ["X."])
    with open_memory(location) as memory:
        assert memory.exact("en", "es", "Only in the dry run.") is None
        assert memory.count() == 1


def test_a_memory_made_before_schema_versions_is_upgraded_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE memory (source_lang TEXT NOT NULL, target_lang TEXT NOT NULL, origin TEXT NOT NULL, "
        "source TEXT NOT NULL, target TEXT NOT NULL, created REAL NOT NULL, "
        "PRIMARY KEY (source_lang, target_lang, origin, source));"
        "INSERT INTO memory VALUES ('en', 'es', 'human', 'The park opened in March.', 'El parque abrió en marzo.', 0);"
    )
    db.commit()
    db.close()
    with TranslationMemory(path) as memory:
        assert memory.schema_version() == SCHEMA_VERSION
        matches = memory.close_matches("en", "es", "The park opened in May.", min_score=70)
    assert [m.target for m in matches] == ["El parque abrió en marzo."]


def test_a_memory_from_a_newer_transpub_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(MemoryStoreError, match="newer transpub"):
        TranslationMemory(path)


def test_an_older_postgresql_schema_waits_for_transpub_memory_migrate(fresh_database: str) -> None:  # noqa: F811
    import psycopg

    from transpub.memory.postgresql import PostgresMemory

    with psycopg.connect(fresh_database, autocommit=True) as db:
        db.execute(
            "CREATE TABLE transpub_schema (version integer NOT NULL); INSERT INTO transpub_schema VALUES (1)"
        )
        db.execute(
            "CREATE TABLE memory (source_lang text NOT NULL, target_lang text NOT NULL, origin text NOT NULL, "
            "source_hash bytea NOT NULL, source text NOT NULL, target text NOT NULL, "
            "created double precision NOT NULL, PRIMARY KEY (source_hash, source_lang, target_lang, origin))"
        )
    with pytest.raises(MemoryStoreError, match="run `transpub memory migrate`"):
        open_memory(fresh_database)
    with PostgresMemory(fresh_database, migrating=True) as memory:
        assert memory.migrate() == (1, SCHEMA_VERSION)
    with open_memory(fresh_database) as memory:
        assert memory.claim("en", "es", "deepl", ["A."]) == {"A."}


def test_memory_migrate_on_a_new_database_says_it_set_the_schema_up(
    tmp_path: Path,
    fresh_database: str,  # noqa: F811
) -> None:
    # it said "schema version 2, up to date": the connection had set it up before migrate looked
    from click.testing import CliRunner

    from transpub.cli import main

    init_project(tmp_path, source="en", locales=["es"], name="News")
    command = ["--project", str(tmp_path), "memory", "migrate"]
    result = CliRunner(env={"TRANSPUB_MEMORY_URL": fresh_database}).invoke(main, command)
    assert result.exit_code == 0, result.output
    assert f"schema version 0 → {SCHEMA_VERSION}" in result.output
    again = CliRunner(env={"TRANSPUB_MEMORY_URL": fresh_database}).invoke(main, command)
    assert f"schema version {SCHEMA_VERSION}, up to date" in again.output


@pytest.mark.parametrize(
    ("url", "pieces"),
    [
        ("postgresql://tm:s3cret@/nowhere?host={dir}", ["s3cret"]),
        ("postgresql://:s3cret@/nowhere?host={dir}", ["s3cret"]),  # no user name
        ("postgresql://tm@/nowhere?host={dir}&password=s3cret", ["s3cret"]),  # libpq reads it there too
        ("postgresql://tm:s3cr@t@/nowhere?host={dir}", ["s3cr", "@t@"]),  # an @ not percent-encoded
        ("postgresql://tm:s3/cret@/nowhere?host={dir}", ["s3", "cret"]),  # libpq takes s3 for a port
    ],
    ids=["user-and-password", "password-only", "query-password", "password-with-at", "password-with-slash"],
)
def test_an_unreachable_database_is_one_clear_error_without_its_password(
    tmp_path: Path, url: str, pieces: list[str]
) -> None:
    with pytest.raises((MemoryStoreError, ConfigError)) as caught:
        open_memory(url.format(dir=tmp_path))
    # libpq takes a password's "s3" before a slash for a port that is no number: a URL to write again
    said = "cannot be read" if "s3/" in url else "cannot connect to the translation memory"
    assert said in str(caught.value)
    assert not [piece for piece in pieces if piece in str(caught.value)], str(caught.value)


def test_a_memory_the_server_refuses_for_its_settings_exits_2_and_one_no_server_answers_for_exits_1(
    tmp_path: Path,
    postgres_url: str,  # noqa: F811
    password_role: str,  # noqa: F811
) -> None:
    """A wrong password, role or database is a mistake in the settings, as an engine without its key
    (exit 2); a server that is down or out of reach is work that failed (exit 1), as before."""
    from click.testing import CliRunner

    from transpub.cli import main

    init_project(tmp_path, source="en", locales=["es"], name="News")

    def stats(url: str):
        return CliRunner(env={"TRANSPUB_MEMORY_URL": url, "PGPASSWORD": None}).invoke(
            main, ["--project", str(tmp_path), "memory", "stats"]
        )

    assert stats(password_role.replace("@/", ":right@/", 1)).exit_code == 0  # (the role is sound)
    refused = {
        "wrong password": password_role.replace("@/", ":wr0ng@/", 1),
        "no password": password_role,
        "unknown role": postgres_url.replace("postgres@", "nobody@", 1),
        "unknown database": postgres_url.replace("/postgres?", "/no_such_memory?", 1),
    }
    for why, url in refused.items():
        result = stats(url)
        assert result.exit_code == 2, (why, result.output)
        assert "cannot connect to the translation memory" in result.output, (why, result.output)
        assert "wr0ng" not in result.output
    result = stats(f"postgresql://tm@/tm?host={tmp_path}")  # no server listens there
    assert result.exit_code == 1, result.output
    assert "cannot connect to the translation memory" in result.output


def test_a_memory_url_that_cannot_be_read_is_a_configuration_error_without_its_password(
    tmp_path: Path,
) -> None:
    """Exit 2, as for other mistakes in the settings (it was 1, as for a database that is down)."""
    from click.testing import CliRunner

    from transpub.cli import main

    init_project(tmp_path, source="en", locales=["es"], name="News")
    values = ("sslmode=bogus", "port=abc", "port=99999", "target_session_attrs=zz")  # read by libpq later
    for url in (
        "postgresql://tm:s3cret@db.example/tm?bogus=1",
        "postgresql://tm:s3cret@[db/tm",
        *(f"postgresql://tm:s3cret@/tm?host={tmp_path}&{value}" for value in values),
    ):
        result = CliRunner(env={"TRANSPUB_MEMORY_URL": url}).invoke(
            main, ["--project", str(tmp_path), "memory", "stats"]
        )
        assert result.exit_code == 2, result.output
        assert "the memory URL" in result.output and "cannot be read" in result.output, result.output
        assert "s3cret" not in result.output


def test_the_memory_url_variable_wins_over_the_configured_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    init_project(tmp_path, source="en", locales=["es"], name="News")
    assert load_project(tmp_path).memory_location == tmp_path / ".transpub" / "memory.sqlite"
    config = tmp_path / "transpub.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            'memory = ".transpub/memory.sqlite"', 'memory = "postgresql://tm@db.example/tm"'
        ),
        encoding="utf-8",
    )
    assert load_project(tmp_path).memory_location == "postgresql://tm@db.example/tm"
    monkeypatch.setenv("TRANSPUB_MEMORY_URL", "postgresql://ci@db.internal/tm")
    assert load_project(tmp_path).memory_location == "postgresql://ci@db.internal/tm"
    # a SQLite path is from the project's folder, as in [paths] memory (it was from the current one)
    monkeypatch.setenv("TRANSPUB_MEMORY_URL", "ci/memory.sqlite")
    assert load_project(tmp_path).memory_location == tmp_path / "ci" / "memory.sqlite"


@pytest.mark.parametrize(
    "location",
    [
        "postgresql+psycopg://tm:hunter2@db.example/tm",
        "mysql://tm:hunter2@db/tm",
        "host=db user=tm password=hunter2",
    ],
)
def test_a_memory_location_that_is_no_postgresql_url_nor_a_path_is_a_configuration_error(
    tmp_path: Path, location: str
) -> None:
    """It was taken for a file name: a SQLite file in a folder named after the URL, password included,
    and each CI worker with a private memory (every text paid for once per worker)."""
    from click.testing import CliRunner

    from transpub.cli import main

    init_project(tmp_path, source="en", locales=["es"], name="News")
    config = tmp_path / "transpub.toml"
    text = config.read_text(encoding="utf-8")
    for environment in ({"TRANSPUB_MEMORY_URL": location}, {}):
        if not environment:
            config.write_text(text.replace('".transpub/memory.sqlite"', f'"{location}"'), encoding="utf-8")
        result = CliRunner(env=environment).invoke(main, ["--project", str(tmp_path), "memory", "stats"])
        assert result.exit_code == 2, result.output
        where = "TRANSPUB_MEMORY_URL" if environment else "transpub.toml:"
        assert where in result.output and "no memory transpub can open" in result.output, result.output
        assert "hunter2" not in result.output
        assert not [p for p in tmp_path.rglob("*") if "hunter2" in str(p) or p.suffix == ".sqlite"]


def test_a_merged_memory_keeps_the_newer_of_two_translations(location: str | Path) -> None:
    older = MemoryEntry("en", "de", HUMAN, "Harbour.", "Hafen (alt).", created=100.0)
    newer = MemoryEntry(
        "en", "de", HUMAN, "Harbour.", "Hafen.", created=100.0, changed=200.0, creator="agency"
    )
    with open_memory(location) as memory:
        assert memory.merge([older]) == (1, 0)
        assert memory.merge([newer]) == (0, 1)
        assert memory.merge([older, newer]) == (0, 0)  # older, and then the same text
        [stored] = memory.entries("de")
        assert (stored.target, stored.creator) == ("Hafen.", "agency")
        assert [(s.origin, s.entries) for s in memory.stats()] == [(HUMAN, 1)]


def test_memory_stats_shows_the_space_the_memory_takes_on_either_database(
    location: str | Path, tmp_path: Path
) -> None:
    """PostgreSQL too: its tables and indexes, not the size of a local file that does not exist (0 KiB)."""
    from click.testing import CliRunner

    from transpub.cli import main

    project = tmp_path / "news"
    init_project(project, source="en", locales=["de"], name="News")
    with open_memory(
        location if isinstance(location, str) else project / ".transpub" / "memory.sqlite"
    ) as memory:
        memory.add("en", "de", [(f"Sentence number {n} of the archive.", f"Satz {n}.") for n in range(2000)])
        assert memory.size() > 100_000
    environment = {"TRANSPUB_MEMORY_URL": location} if isinstance(location, str) else {}
    result = CliRunner(env=environment).invoke(main, ["--project", str(project), "memory", "stats"])
    assert result.exit_code == 0, result.output
    kib = int(result.output.strip().splitlines()[-1].split(", ")[1].removesuffix(" KiB"))
    assert kib > 100


def test_a_large_import_finds_close_matches_of_every_new_row_and_keeps_indexing_later_ones(
    tmp_path: Path,
) -> None:
    """A batch of many rows is indexed at once, after the rows; what comes later is indexed as before."""
    path = tmp_path / "memory.sqlite"
    batch = [(f"Sentence {n:05d} of the big archive of harbour news.", f"Satz {n}.") for n in range(500)]
    with open_memory(path) as memory:
        memory.add("en", "de", [("An early sentence about the harbour.", "Früh.")])
        assert memory.add("en", "de", batch) == 500
        memory.merge(
            [MemoryEntry("en", "de", HUMAN, "A merged sentence about the harbour.", "M.", created=1.0)]
        )
        memory.add("en", "de", [("A late sentence about the harbour.", "Spät.")])
        found = {
            m.target
            for m in memory.close_matches("en", "de", "Sentence 00417 of the big archive of harbor news.", 75)
        }
        assert "Satz 417." in found
        for text, target in (("An early", "Früh."), ("A merged", "M."), ("A late", "Spät.")):
            query = f"{text} sentence about the harbours."
            assert target in {m.target for m in memory.close_matches("en", "de", query, 75)}
    count = sqlite3.connect(path).execute("SELECT count(*) FROM memory_trigrams_docsize").fetchone()[0]
    assert count == 503  # every row indexed once


def test_a_text_another_worker_sent_and_let_go_of_in_the_meantime_is_taken_from_the_memory(
    location: str | Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seen in bench/bench_shards.py: worker B lists what the memory lacks; worker A then sends one of
    those texts, stores the reply and releases its claim; B's claim then succeeds. B must not pay again."""
    import transpub.translate as translate
    from transpub.translate_report import Counts

    filled: dict[Path, dict[str, tuple[str, str]]] = {}
    monkeypatch.setattr(translate, "_apply", lambda path, fills: filled.setdefault(path, {}).update(fills))
    page = Path("locales/de/LC_MESSAGES/story.po")
    pending = {
        text: translate._Pending(text, paths={page}, entries=1)
        for text in ("By Anna Berg, <1/>", "The bridge.")
    }
    sent: list[str] = []
    with open_memory(location) as memory:
        memory.add("en", "de", [("By Anna Berg, <1/>", "Von Anna Berg, <1/>")], "libre")  # worker A, done
        counts = Counts()
        translate._send_claimed(
            memory, "en", "de", "libre", pending, lambda claimed: sent.extend(claimed), "today", counts
        )
    assert sent == ["The bridge."]
    assert filled[page]["By Anna Berg, <1/>"][0] == "Von Anna Berg, <1/>"
    assert counts.reused_mt == 1


def test_a_worker_sending_for_longer_than_a_claim_lasts_keeps_its_texts_from_the_others(
    location: str | Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big shard on a slow model outlasts a claim: the worker still sending renews it, so the other
    worker (polling the memory) does not take the texts over and pay for them a second time."""
    import time

    import transpub.translate as translate
    from transpub.translate_report import Counts

    monkeypatch.setattr(translate, "CLAIM_HOLD_SECONDS", 1.2, raising=False)  # a claim lasts 1.2 s
    pending = {text: translate._Pending(text, entries=1) for text in ("The bridge.", "The harbour.")}
    taken_over: list[set[str]] = []

    def slow_send(claimed: dict) -> None:  # the requests take three times as long as a claim lasts
        end = time.monotonic() + 3.6
        while time.monotonic() < end:
            with open_memory(location) as other:  # another worker, looking for texts to send
                taken_over.append(other.claim("en", "de", "libre", list(pending), seconds=60))
            time.sleep(0.2)

    with open_memory(location) as memory:
        claim = memory.claim
        monkeypatch.setattr(
            memory, "claim", lambda *args, seconds=1.2: claim(*args, seconds=min(seconds, 1.2))
        )
        translate._send_claimed(memory, "en", "de", "libre", pending, slow_send, "today", Counts())
    assert taken_over and not any(taken_over), taken_over


def test_a_worker_held_up_by_another_worker_s_claims_says_so_once_then_sends_them(
    location: str | Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker killed mid-run holds its claims for a minute: the next job waited that long and said
    nothing, a CI log that read as a hung job. It says so once, after CLAIM_WAIT_NOTE_SECONDS."""
    import threading

    import transpub.translate as translate
    from transpub.translate_report import Counts

    monkeypatch.setattr(translate, "CLAIM_WAIT_NOTE_SECONDS", 0.2)
    monkeypatch.setattr(translate, "CLAIM_POLL_SECONDS", 0.05)
    pending = {text: translate._Pending(text, entries=1) for text in ("The bridge.", "The harbour.")}
    events: list = []
    sent: list[str] = []
    with open_memory(location) as other, open_memory(location) as memory:
        assert other.claim("en", "de", "libre", list(pending), seconds=60) == set(pending)
        letting_go = threading.Timer(1.0, other.release, ("en", "de", "libre", list(pending)))
        letting_go.start()
        try:
            translate._send_claimed(
                memory,
                "en",
                "de",
                "libre",
                pending,
                lambda claimed: sent.extend(claimed),
                "today",
                Counts(),
                events.append,
            )
        finally:
            letting_go.join()
    assert [(event.kind, event.locale, event.engine, event.units_total) for event in events] == [
        ("waiting", "de", "libre", 2)
    ]
    assert sorted(sent) == sorted(pending)


def test_ctrl_c_while_sending_stops_the_run_even_when_the_memory_cannot_let_the_claims_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The user pressed Ctrl-C during the requests and the shared memory failed as the claims were let
    go: the run stops as interrupted (the claims expire), not with the memory's error in its place."""
    import transpub.translate as translate
    from transpub.translate_report import Counts

    pending = {"The bridge.": translate._Pending("The bridge.", entries=1)}

    def interrupted_send(claimed: dict) -> None:
        raise KeyboardInterrupt

    def failing_release(*args: object) -> None:
        raise MemoryStoreError("the memory server went away")

    with open_memory(tmp_path / "memory.sqlite") as memory:
        monkeypatch.setattr(memory, "release", failing_release)
        with pytest.raises(KeyboardInterrupt):
            translate._send_claimed(memory, "en", "de", "libre", pending, interrupted_send, "today", Counts())
        # without an interruption, the memory's failure is the run's error
        with pytest.raises(MemoryStoreError):
            translate._send_claimed(
                memory, "en", "de", "libre", pending, lambda claimed: None, "today", Counts()
            )
