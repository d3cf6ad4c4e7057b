"""Hostile or odd files (issue 18): a clear error naming file and line, never a traceback or a bomb."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from transpub.catalog import read_catalog, write_catalog
from transpub.cli import main
from transpub.errors import ArticleError, CatalogError, GlossaryError
from transpub.formats import ReadOptions, read_article
from transpub.formats.markdown import read_markdown
from transpub.glossary import load_glossary, render_glossary
from transpub.project import init_project

PO_HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: {forms}\\n"\n\n'
    'msgid "Hello."\nmsgstr "Hallo."\n'
)


@pytest.mark.parametrize(
    "forms",
    [
        "nplurals=\u00b2; plural=(n != 1);",
        "nplurals=\u0662; plural=(n != 1);",
        "nplurals=2; plural=(n != \u0661);",
    ],
)
def test_plural_forms_with_a_unicode_digit_is_refused_on_its_line(tmp_path: Path, forms: str) -> None:
    refused = refusal_of_plural_forms(tmp_path, forms)
    assert refused.line == 4
    assert "Plural-Forms" in str(refused)


def refusal_of_plural_forms(tmp_path: Path, forms: str) -> CatalogError:
    """The error reading a catalog whose Plural-Forms header (line 4) says ``forms``."""
    path = tmp_path / "de.po"
    path.write_text(PO_HEADER.format(forms=forms), encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        read_catalog(path)
    return caught.value


def test_a_catalog_whose_lines_end_in_cr_alone_is_one_error_saying_so_with_file_and_line(
    tmp_path: Path,
) -> None:
    """A catalog saved with classic Mac OS line ends (CR alone) reads in gettext's tools as one
    line: msgfmt takes the first ``#:`` comment to run to the end of the file and drops every entry
    after it. compile's error says what is wrong, not that the header is missing."""
    root = tmp_path / "p"
    init_project(root, source="en", locales=["de"])
    (root / "articles" / "a.md").write_text("Hello.\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["--project", str(root), "extract"]).exit_code == 0
    catalog = root / "locales" / "de" / "LC_MESSAGES" / "a.po"
    text = catalog.read_text(encoding="utf-8").replace('msgstr ""\n\n', 'msgstr "Hallo."\n\n')
    catalog.write_bytes(text.replace("\n", "\r").encode("utf-8"))
    result = CliRunner().invoke(main, ["--project", str(root), "compile"])
    assert result.exit_code == 1
    (error,) = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert error.startswith("Error: locales/de/LC_MESSAGES/a.po:1: ")
    assert "carriage return" in error and "LF" in error and "header" not in error


@pytest.mark.parametrize(
    "forms",
    [
        "nplurals=" + "9" * 5000 + "; plural=0;",  # int() refuses more than 4,300 digits: a traceback
        "nplurals=999999999; plural=0;",  # a list per form: gigabytes for one plural entry
    ],
    ids=["5000-digits", "a-billion-forms"],
)
def test_plural_forms_with_more_forms_than_any_language_is_refused_on_its_line(
    tmp_path: Path, forms: str
) -> None:
    refused = refusal_of_plural_forms(tmp_path, forms)
    assert refused.line == 4
    assert "more plural forms than any language has" in str(refused)


def test_yaml_alias_bomb_in_front_matter_is_refused_quickly(tmp_path: Path) -> None:
    bomb = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        bomb.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    bomb += ["title: Boom", "---", "", "Some text."]
    path = tmp_path / "bomb.md"
    path.write_text("\n".join(bomb) + "\n", encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(ArticleError) as caught:
        read_article(path, ReadOptions())
    assert time.monotonic() - started < 5
    assert caught.value.path is not None and Path(caught.value.path).name == "bomb.md"
    assert caught.value.line == 3 and "alias" in caught.value.message


def test_front_matter_without_aliases_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "ok.md"
    path.write_text("---\ntitle: Fine\ntags: [a, b]\n---\n\nSome text.\n", encoding="utf-8")
    document = read_markdown(path.read_text(encoding="utf-8"), path, "utf-8", ReadOptions())
    assert [u.msgid for u in document.units()] == ["Fine", "a", "b", "Some text."]


def test_csv_export_quotes_cells_a_spreadsheet_would_run_as_formulas(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_text(
        'term,de,note\n=HYPERLINK("http://evil.example"),+Term,-1 dollar\n@SUM(A1),Plain,ok\n',
        encoding="utf-8",
    )
    lines = render_glossary(load_glossary(path), "csv").splitlines()
    assert lines[1].startswith('"\'=HYPERLINK(""http://evil.example"")",\'+Term,\'-1 dollar,')
    assert lines[2].startswith("'@SUM(A1),Plain,ok,")


def test_csv_export_with_quoted_formulas_reads_back_as_the_same_glossary(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_text("term,de,note\n=A1,''=B1,'plain\n", encoding="utf-8")
    glossary = load_glossary(path)
    exported = tmp_path / "exported.csv"
    exported.write_text(render_glossary(glossary, "csv"), encoding="utf-8")
    assert exported.read_text(encoding="utf-8").splitlines()[1].startswith("'=A1,''=B1,'plain,")
    again = load_glossary(exported)
    assert again == glossary
    term = again.terms[0]
    assert (term.source, term.translations["de"], term.note) == ("=A1", "'=B1", "'plain")


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\ufffe"])
def test_csv_glossary_cell_with_a_control_character_is_refused_on_its_line(tmp_path: Path, char: str) -> None:
    path = tmp_path / "terms.csv"
    path.write_text(f"term,de\nGood,Gut\nBad{char}term,Schlecht\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        load_glossary(path)
    assert caught.value.line == 3 and "control character" in caught.value.message


def compiled_with_title(root: Path, title: str, form: str, *, also: str = "") -> Result:
    """``transpub compile --format form`` of a new project at ``root`` whose Markdown article
    ``a.md`` has its title translated as ``title`` in German (``also``: an HTML article beside it)."""
    init_project(root, source="en", locales=["de"])
    (root / "articles" / "a.md").write_text("---\ntitle: Harbour\n---\n\nThe harbour.\n", encoding="utf-8")
    if also:
        (root / "articles" / "b.html").write_text(also, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["--project", str(root), "extract", "-j", "1"]).exit_code == 0
    path = root / "locales" / "de" / "LC_MESSAGES" / "a.po"
    po = read_catalog(path)
    for entry in po:
        entry.msgstr = title if entry.msgid == "Harbour" else "Der Hafen."
    write_catalog(po, path)
    return runner.invoke(main, ["--project", str(root), "compile", "--format", form, "-j", "1"])


@pytest.mark.parametrize("form", ["html", "markdown"])
def test_a_front_matter_translation_of_a_thousand_brackets_is_written_as_text_not_a_crash(
    tmp_path: Path, form: str
) -> None:
    """A plain YAML value's translation is tried as plain YAML before it is written so: ``[[[[…``
    nested past Python's recursion limit stopped the whole compile with a traceback, every page unwritten."""
    result = compiled_with_title(tmp_path, "[" * 3000, form, also="<p>Another page.</p>")
    assert result.exit_code == 0 and result.exception is None, result.output
    written = tmp_path / "site" / "de" / ("a.md" if form == "markdown" else "a.html")
    assert "[" * 3000 in written.read_text(encoding="utf-8")


def test_a_front_matter_translation_of_thousands_of_digits_is_written_as_text_not_a_crash(
    tmp_path: Path,
) -> None:
    """Tried as plain YAML, a translation of more digits than Python turns into a number (4300) stopped
    the whole compile with a ValueError traceback, every page unwritten."""
    result = compiled_with_title(tmp_path, "9" * 5000, "markdown")
    assert result.exit_code == 0 and result.exception is None, result.output
    written = (tmp_path / "site" / "de" / "a.md").read_text(encoding="utf-8")
    assert f'title: "{"9" * 5000}"' in written or f"title: '{'9' * 5000}'" in written


@pytest.mark.parametrize(
    "front, line",
    [
        ("---\ntitle: Harbour\nweight: {number}\n---\n", 3),
        ("+++\ntitle = 'Harbour'\nweight = {number}\n+++\n", 3),
        ('{{\n"title": "Harbour",\n"weight": {number}\n}}\n', 3),
    ],
    ids=["yaml", "toml", "json"],
)
def test_front_matter_holding_a_number_of_thousands_of_digits_is_one_error_naming_the_article(
    tmp_path: Path, front: str, line: int
) -> None:
    path = tmp_path / "a.md"
    path.write_text(front.format(number="9" * 5000) + "\nThe harbour.\n", encoding="utf-8")
    with pytest.raises(ArticleError) as caught:
        read_article(path, ReadOptions())
    assert caught.value.path is not None and Path(caught.value.path).name == "a.md"
    assert caught.value.line == line and "a number of 5000 digits (at most 4300)" in caught.value.message


def test_a_config_holding_a_number_of_thousands_of_digits_is_the_one_invalid_toml_error(
    tmp_path: Path,
) -> None:
    init_project(tmp_path, source="en", locales=["de"])
    config = tmp_path / "transpub.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "publish_threshold = 80", f"publish_threshold = {'9' * 5000}"
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "compile"])
    assert result.exit_code == 2 and not isinstance(result.exception, ValueError), result.output
    assert result.output.startswith("Error: ") and "not valid TOML" in result.output
    assert result.output.count("\n") == 1


def test_a_markdown_outputs_record_nested_thousands_deep_is_one_error_naming_it(tmp_path: Path) -> None:
    """``.transpub-outputs.json`` is committed with the translations: one nested past Python's recursion
    limit (a crafted pull request) is the damaged record it is, not a traceback."""
    init_project(tmp_path, source="en", locales=["de"])
    (tmp_path / "articles" / "a.md").write_text("The harbour.\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["--project", str(tmp_path), "extract", "-j", "1"]).exit_code == 0
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / ".transpub-outputs.json").write_text(
        '{"version": 1, "files": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8"
    )
    result = runner.invoke(main, ["--project", str(tmp_path), "compile", "--format", "markdown", "-j", "1"])
    assert result.exit_code == 1 and isinstance(result.exception, (SystemExit, type(None))), result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "site/.transpub-outputs.json" in errors[0] and "damaged" in errors[0]


def test_a_kept_translations_file_nested_thousands_deep_is_named_unreadable_not_a_traceback(
    tmp_path: Path,
) -> None:
    from transpub.memory.unsaved import store_kept

    (tmp_path / "a.json").write_text("[" * 100_000)
    stored = store_kept(None, tmp_path)  # type: ignore[arg-type]  # (nothing readable reaches it)
    assert stored.translations == 0
    assert len(stored.unreadable) == 1 and "nested too deep" in stored.unreadable[0]
    assert (tmp_path / "a.json").exists()


def test_a_config_nesting_a_value_thousands_deep_is_the_one_invalid_toml_error(tmp_path: Path) -> None:
    from transpub.errors import ConfigError
    from transpub.project import load_project

    (tmp_path / "transpub.toml").write_text("[project]\nname = " + "[" * 100_000 + "\n")
    with pytest.raises(ConfigError, match="not valid TOML: a value nested too deep"):
        load_project(tmp_path)


#: Entities a document declares, each holding markup that never closes: libxml frees the elements it
#: made of them when it finds that, and lxml's iterparse had already handed some out.
BROKEN_ENTITIES = {
    "an-element-never-closed": "<script>",
    "a-unit-never-closed": "<unit xmlns='urn:oasis:names:tc:xliff:document:2.0'>",
    "a-file-never-closed": "<file xmlns='urn:oasis:names:tc:xliff:document:2.0'>",
    "a-tu-never-closed": "<tu><tuv>",
}


def _run_in_a_process(project: Path, *args: str) -> tuple[int, list[str]]:
    """transpub ``args`` run in its own process (what lxml prints as it frees its elements is seen):
    the exit code and the lines on standard error."""
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent / "src"))
    done = subprocess.run(
        [sys.executable, "-m", "transpub", "--project", str(project), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    return done.returncode, done.stderr.splitlines()


@pytest.mark.parametrize("entity", BROKEN_ENTITIES.values(), ids=BROKEN_ENTITIES.keys())
def test_an_xliff_declaring_an_entity_of_broken_markup_is_one_error_line_and_no_traceback(
    tmp_path: Path, entity: str
) -> None:
    project = tmp_path / "news"
    init_project(project, source="en", locales=["es"])
    (project / "articles" / "story.html").write_text("<p>Hello there.</p>", encoding="utf-8")
    assert CliRunner().invoke(main, ["--project", str(project), "extract"]).exit_code == 0
    result = CliRunner().invoke(
        main, ["--project", str(project), "xliff", "export", "-l", "es", "-o", str(project / "out")]
    )
    assert result.exit_code == 0, result.output
    path = project / "out" / "story.es.xlf"
    text = path.read_text(encoding="utf-8")
    text = text.replace("?>\n", f'?>\n<!DOCTYPE xliff [<!ENTITY e "{entity}">]>\n', 1)
    path.write_text(
        text.replace("<source>Hello there.</source>", "<source>Hello there.</source><target>&e;</target>"),
        encoding="utf-8",
    )
    catalog = (project / "locales" / "es" / "LC_MESSAGES" / "story.po").read_bytes()
    code, lines = _run_in_a_process(project, "xliff", "import", str(path))
    assert code == 1
    assert (
        lines[0].startswith("Error: ") and f"{path.name}:" in lines[0] and "not well-formed XML" in lines[0]
    ), lines
    assert lines[1:] == ["Nothing was written."]
    assert (project / "locales" / "es" / "LC_MESSAGES" / "story.po").read_bytes() == catalog


@pytest.mark.parametrize("entity", BROKEN_ENTITIES.values(), ids=BROKEN_ENTITIES.keys())
def test_a_tmx_declaring_an_entity_of_broken_markup_is_one_error_line_and_no_traceback(
    tmp_path: Path, entity: str
) -> None:
    project = tmp_path / "news"
    init_project(project, source="en", locales=["es"])
    path = tmp_path / "agency.tmx"
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx [<!ENTITY e "{entity}">]>\n'
        '<tmx version="1.4"><header srclang="en" segtype="sentence" o-tmf="x" adminlang="en" datatype="xml"'
        ' creationtool="x" creationtoolversion="1"/><body>\n'
        '<tu><tuv xml:lang="en"><seg>Hello there.</seg></tuv><tuv xml:lang="es"><seg>Hola &e;</seg></tuv></tu>\n'
        "</body></tmx>\n",
        encoding="utf-8",
    )
    code, lines = _run_in_a_process(project, "memory", "import", str(path))
    assert code == 1
    assert (
        lines[0].startswith("Error: ") and f"{path.name}:" in lines[0] and "not well-formed XML" in lines[0]
    ), lines
    assert lines[1:] == ["Nothing was stored."]


@pytest.mark.parametrize("number", ["9" * 5000, "\u00b2"], ids=["5000-digits", "superscript-two"])
def test_an_xliff_code_numbered_past_any_placeholder_is_that_units_error_not_a_traceback(
    tmp_path: Path, number: str
) -> None:
    project = tmp_path / "news"
    init_project(project, source="en", locales=["es"])
    (project / "articles" / "story.html").write_text("<p>Hello <b>there</b>.</p>", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["--project", str(project), "extract"]).exit_code == 0
    result = runner.invoke(
        main, ["--project", str(project), "xliff", "export", "-l", "es", "-o", str(project / "out")]
    )
    assert result.exit_code == 0, result.output
    path = project / "out" / "story.es.xlf"
    text = path.read_text(encoding="utf-8")
    source = text[text.index("<source>") : text.index("</source>") + len("</source>")]
    target = source.replace("source>", "target>").replace("</pc>.", f'</pc><ph id="{number}"/>.')
    path.write_text(text.replace(source, source + target), encoding="utf-8")
    result = runner.invoke(main, ["--project", str(project), "xliff", "import", str(path)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert "not imported" in result.output and "is not a transpub placeholder" in result.output


@pytest.mark.parametrize("number", ["9" * 5000, "\u00b2"], ids=["5000-digits", "superscript-two"])
def test_a_tmx_code_numbered_past_any_placeholder_is_read_as_an_unnumbered_one(
    tmp_path: Path, number: str
) -> None:
    project = tmp_path / "news"
    init_project(project, source="en", locales=["es"])
    path = tmp_path / "agency.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" segtype="sentence"'
        ' o-tmf="x" adminlang="en" datatype="xml" creationtool="x" creationtoolversion="1"/><body>\n'
        f'<tu><tuv xml:lang="en"><seg>Hello <bpt i="1" x="{number}">&lt;b&gt;</bpt>there<ept i="1">&lt;/b&gt;</ept>'
        f'<ph x="{number}"/>.</seg></tuv>'
        f'<tuv xml:lang="es"><seg>Hola <bpt i="1" x="{number}">&lt;b&gt;</bpt>ahí<ept i="1">&lt;/b&gt;</ept>'
        f'<ph x="{number}"/>.</seg></tuv></tu>\n'
        "</body></tmx>\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["--project", str(project), "memory", "import", str(path)])
    assert result.exit_code == 0 and result.exception is None, result.output
    assert "1 added" in result.output
