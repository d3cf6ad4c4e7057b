"""The translation memory remembers reviewed work and every paid MT reply."""

from __future__ import annotations

import pytest

from transpub.memory import HUMAN, TranslationMemory


def test_memory_survives_reopening(tmp_path):
    path = tmp_path / ".transpub" / "memory.sqlite"
    with TranslationMemory(path) as memory:
        memory.add("en", "es", [("The cat sleeps.", "El gato duerme.")], "apertium")
    with TranslationMemory(path) as memory:
        match = memory.exact("en", "es", "The cat sleeps.", origins=("apertium",))
    assert match is not None and match.target == "El gato duerme."


def test_reviewed_translation_wins_over_machine_translation(tmp_path):
    with TranslationMemory(tmp_path / "m.sqlite") as memory:
        memory.add("en", "es", [("Hello.", "Hola (MT).")], "deepl")
        memory.add("en", "es", [("Hello.", "¡Hola!")], HUMAN)
        assert memory.exact("en", "es", "Hello.").target == "¡Hola!"
        assert memory.exact("en", "fr", "Hello.") is None


def test_close_match_reports_its_score(tmp_path):
    with TranslationMemory(tmp_path / "m.sqlite") as memory:
        memory.add(
            "en",
            "es",
            [
                ("Click the button to save your work.", "Pulsa el botón para guardar tu trabajo."),
                ("Something else entirely.", "Otra cosa."),
            ],
        )
        matches = memory.close_matches("en", "es", "Click the button to save your file.", 75)
    assert [m.target for m in matches] == ["Pulsa el botón para guardar tu trabajo."]
    assert 75 <= matches[0].score < 100


def test_nothing_below_the_score_is_offered(tmp_path):
    with TranslationMemory(tmp_path / "m.sqlite") as memory:
        memory.add("en", "es", [("Completely different words here.", "x")])
        assert memory.close_matches("en", "es", "Click the button.", 75) == []


@pytest.mark.parametrize(
    "command",
    [
        ["translate", "-l", "es", "--engine", "tm"],
        ["translate", "-l", "es", "--engine", "tm", "--dry-run"],
        ["memory", "stats"],
        ["memory", "migrate"],
        ["memory", "export", "-o", "MEMORY.tmx"],
    ],
)
def test_a_damaged_memory_file_is_one_error_line_and_is_kept_as_it_is(tmp_path, command) -> None:
    from click.testing import CliRunner

    from test_translate_helpers import make_project
    from transpub.cli import main

    make_project(tmp_path, {"a": [("Hello.", "")]}, engine="tm")
    damaged = tmp_path / ".transpub" / "memory.sqlite"
    damaged.parent.mkdir(parents=True, exist_ok=True)
    damaged.write_bytes(b"not a database, but someone's paid translations may be in here" * 100)
    before = damaged.read_bytes()
    args = [str(tmp_path / "m.tmx") if arg == "MEMORY.tmx" else arg for arg in command]
    result = CliRunner().invoke(main, ["--project", str(tmp_path), *args])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception  # no traceback
    [line] = [ln for ln in result.output.splitlines() if ln.startswith("Error:")]
    assert "memory.sqlite" in line and "not a database" in line
    assert damaged.read_bytes() == before


def test_a_memory_another_process_keeps_locked_is_one_error_line_for_translate_and_is_kept_as_it_is(
    tmp_path, monkeypatch
) -> None:
    # (readers are not kept out: memory stats and export read a locked memory as it was)
    import sqlite3

    from click.testing import CliRunner

    import transpub.memory.sqlite
    from test_translate_helpers import make_project
    from transpub.cli import main
    from transpub.memory import TranslationMemory

    make_project(tmp_path, {"a": [("Hello.", "")]}, engine="tm")
    path = tmp_path / ".transpub" / "memory.sqlite"
    with TranslationMemory(path) as memory:
        memory.add("en", "es", [("Hello.", "Hola.")], "human")
    monkeypatch.setattr(transpub.memory.sqlite, "BUSY_SECONDS", 0.2)
    holder = sqlite3.connect(str(path), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = CliRunner().invoke(
            main, ["--project", str(tmp_path), "translate", "-l", "es", "--engine", "tm"]
        )
    finally:
        holder.close()
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception  # no traceback
    [line] = [ln for ln in result.output.splitlines() if ln.startswith("Error:")]
    assert "memory.sqlite" in line and "locked" in line, line
    with TranslationMemory(path) as memory:
        assert memory.lookup("en", "es", ["Hello."], "human") == {"Hello.": "Hola."}


@pytest.mark.parametrize(
    "command",
    [
        ["translate", "-l", "es", "--engine", "tm"],
        ["memory", "stats"],
        ["memory", "import", "MEMORY.tmx"],
    ],
)
def test_a_memory_path_naming_a_folder_is_one_error_line_and_exit_2_as_a_mistake_in_the_settings(
    tmp_path, command
) -> None:
    # [paths] memory = ".transpub" crashed with sqlite3's "unable to open database file"; stats said 0 entries;
    # then it exited 1, as for a damaged memory, though the mistake is in transpub.toml
    from click.testing import CliRunner

    from test_translate_helpers import make_project
    from transpub.cli import main

    make_project(tmp_path, {"a": [("Hello.", "")]}, engine="tm", extra='[paths]\nmemory = ".transpub"')
    (tmp_path / ".transpub").mkdir(exist_ok=True)
    (tmp_path / "m.tmx").write_text(
        '<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" '
        'creationtool="t" creationtoolversion="1" o-tmf="t"/><body/></tmx>'
    )
    args = [str(tmp_path / "m.tmx") if arg == "MEMORY.tmx" else arg for arg in command]
    result = CliRunner().invoke(main, ["--project", str(tmp_path), *args])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit), result.exception  # no traceback
    [line] = [ln for ln in result.output.splitlines() if ln.startswith("Error:")]
    assert ".transpub is a folder" in line


def test_a_busy_memory_is_not_called_damaged(tmp_path, monkeypatch) -> None:
    # "database is locked" says nothing of the file: being told to move it away would lose it
    import sqlite3

    import transpub.memory as memory_package
    from transpub.errors import MemoryStoreError

    def busy(location):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(memory_package, "TranslationMemory", busy)
    with pytest.raises(MemoryStoreError) as raised:
        memory_package.open_memory(tmp_path / "memory.sqlite")
    assert "locked" in str(raised.value) and "move it away" not in str(raised.value)
    assert "another process is writing it" in str(raised.value)
