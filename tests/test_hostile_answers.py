"""Odd entries and odd engine answers (issue 18, findings 10 and 13)."""

from __future__ import annotations

import json

import pytest

from fakeservers import FakeMT
from test_translate_helpers import make_project
from transpub.catalog import entry_state, read_catalog
from transpub.check import check_project
from transpub.compile import compile_project
from transpub.engines import RetryPolicy
from transpub.masking import mask, unmask
from transpub.translate import translate_project

FAST = RetryPolicy(attempts=2, base_delay=0.0, max_delay=0.0)


def entries(project, slug="a", locale="es"):
    return {e.msgid: e for e in read_catalog(project.catalog_path(locale, slug))}


def test_a_whitespace_only_translation_counts_as_untranslated_everywhere(tmp_path, monkeypatch):
    project = make_project(tmp_path, {"a": [("Hello.", "   "), ("Kept.", "Guardado.")]})
    (tmp_path / "articles" / "a.html").write_text("<p>Hello. Kept.</p>", encoding="utf-8")
    assert entry_state(entries(project)["Hello."]) == "untranslated"
    issues = [i for i in check_project(project, ["es"]).issues if i.msgid == "Hello."]
    assert [i.check for i in issues] == ["untranslated"] and "only whitespace" in issues[0].message
    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        report = translate_project(project, ["es"], policy=FAST)
    assert report.ok, report.failures
    hello = entries(project)["Hello."]
    assert hello.msgstr == "[es] Hello." and entry_state(hello) == "fuzzy"
    assert entries(project)["Kept."].msgstr == "Guardado."


def test_a_whitespace_only_translation_is_not_published(tmp_path):
    project = make_project(tmp_path, {"a": [("Hello.", " "), ("Kept.", "Guardado.")]})
    (tmp_path / "articles" / "a.html").write_text("<p>Hello. Kept.</p>", encoding="utf-8")
    page = next(p for p in compile_project(project, ["es"]).pages if p.locale == "es")
    assert (page.coverage.total, page.coverage.translated) == (2, 1)


@pytest.mark.parametrize(
    "answer",
    [
        '<b>[es]</b> Hola <span class="notranslate">mundo</span>.',
        "<script>alert(1)</script>[es] Hola mundo.",
        "[es] Hola<br> mundo.",
        "<scr<b>ipt>alert(1)</scr</b>ipt>[es] Hola mundo.",  # a tag that removing another would make
        "<<!-- -->script>alert(1)<<b>/script>[es] Hola mundo.",
        "<svg/onload=alert(1)>[es] Hola <br/>mundo.",  # a tag name ended by / instead of a space
    ],
)
def test_markup_in_an_engine_answer_never_reaches_the_catalog(tmp_path, monkeypatch, answer):
    project = make_project(
        tmp_path, {"a": [("Hello world.", "")]}, extra='[engines.libre]\nmarkup = "token"\n'
    )  # a plain-text engine: nothing it answers is read as markup
    with FakeMT(translate=lambda text, target: answer) as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        translate_project(project, ["es"], policy=FAST)
    msgstr = entries(project)["Hello world."].msgstr
    assert "<" not in msgstr and ">" not in msgstr
    assert msgstr.startswith(("[es] Hola", "alert(1)[es] Hola"))


@pytest.mark.parametrize(
    "answer",
    ["[es] Hola\x1b]0;pwned\x07 mundo.", "[es] Hola\u009b2J mundo.", "[es] Hola mundo.\x7f"],
)
@pytest.mark.parametrize("markup", ["token", "xml"])
def test_an_engine_answer_with_a_control_character_is_rejected_not_written_to_the_catalog(
    tmp_path, monkeypatch, answer, markup
):
    """An answer holding ESC (a terminal title sequence), a C1 control or DEL would land in the PO
    file (printed by cat, git diff) and compile would refuse it: it is rejected, like a broken
    placeholder, with the reason, and kept in the memory as rejected (paid, not asked again)."""
    project = make_project(
        tmp_path, {"a": [("Hello world.", "")]}, extra=f'[engines.libre]\nmarkup = "{markup}"\n'
    )
    with FakeMT(translate=lambda text, target: answer) as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        report = translate_project(project, ["es"], policy=FAST)
        again = translate_project(project, ["es"], policy=FAST)
        assert sum(server.paid.values()) == 1
    assert entries(project)["Hello world."].msgstr == ""
    assert not report.ok and "control character U+" in report.failures[0].message
    assert report.counts[("es", "libre")].rejected_placeholders == 1 and not again.ok


@pytest.mark.parametrize("markup", ["token", "xml"])
def test_an_engine_answer_many_times_longer_than_its_source_is_rejected_not_written_to_the_catalog(
    tmp_path, monkeypatch, markup
):
    """A server that answers a 12-character sentence with a megabyte (a broken proxy, a model that
    rambles on): the answer is no translation of it; it is rejected with the reason and kept in the
    memory as rejected (paid, not asked again), the catalog keeps the entry empty. A long but
    plausible answer (a short source, a language that needs more words) is written."""
    project = make_project(
        tmp_path,
        {"a": [("Hello world.", ""), ("Li Wei.", "")]},
        extra=f'[engines.libre]\nmarkup = "{markup}"\n',
    )
    answers = {"Hello world.": "[es] Hola " + "mundo " * 200_000, "Li Wei.": "[es] " + "Li Wei, " * 25}
    with FakeMT(translate=lambda text, target: answers[text]) as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        report = translate_project(project, ["es"], policy=FAST)
        again = translate_project(project, ["es"], policy=FAST)
        assert sum(server.paid.values()) == 2
    found = entries(project)
    assert found["Hello world."].msgstr == ""
    assert found["Li Wei."].msgstr.startswith("[es] Li Wei, Li Wei")
    assert not report.ok and "times as long as the text sent" in report.failures[0].message
    assert report.counts[("es", "libre")].rejected_placeholders == 1 and not again.ok


@pytest.mark.parametrize("style", ["token", "xml"])
def test_markup_the_source_holds_as_text_is_kept_in_the_answer(style):
    source = "Write <1>the <b> tag</1> like this."
    masked = mask(source, style)
    reply = masked.text.replace("Write", "Escribe").replace("like this", "así")
    assert unmask(masked, reply) == "Escribe <1>the <b> tag</1> así."


@pytest.mark.parametrize("style", ["token", "xml"])
def test_escaped_markup_in_an_answer_is_not_turned_into_text(style):
    masked = mask("Bold <1>word</1>.", style)
    token = masked.text.replace("Bold", "&lt;i&gt;Negrita&lt;/i&gt;" if style == "xml" else "<i>Negrita</i>")
    assert unmask(masked, token) == "Negrita <1>word</1>."


def test_an_answer_holding_a_lone_surrogate_is_kept_and_written(tmp_path, monkeypatch):
    # JSON may say "\ud800", which no file and no SQLite text can hold: the paid batch was lost to a
    # UnicodeEncodeError traceback
    project = make_project(
        tmp_path,
        {"a": [("Hello world.", ""), ("Good night.", "")]},
        extra='[engines.llm]\nmodel = "news-mt-1"\n',
    )

    def answer(body):
        units = json.loads(body["messages"][-1]["content"])["units"]
        texts = {"Hello world.": "Hola \\ud800mundo.", "Good night.": "Buenas noches."}
        return "{" + ", ".join(f'"{u["id"]}": "{texts[u["text"]]}"' for u in units) + "}"

    with FakeMT() as server:
        server.chat_answer = answer
        monkeypatch.setenv("TRANSPUB_LLM_URL", server.url + "/v1")
        report = translate_project(project, ["es"], engine="llm", policy=FAST)
    assert report.ok, report.failures
    found = entries(project)
    assert found["Hello world."].msgstr == "Hola \ufffdmundo."
    assert found["Good night."].msgstr == "Buenas noches."


def test_terminal_control_sequences_in_a_translation_are_shown_not_sent_to_the_terminal(tmp_path):
    # messages quote translations: ESC ] 52 would write the reader's clipboard, ESC ] 0 their title; a
    # bidi override (U+202E) would show the rest of the line reversed, the file and line it names too
    from test_compile_helpers import run_cli

    evil = "Hola {{< x \x1b]52;c;ZXZpbA==\x07 \u202ey\u2066 >}} \x9b2J mundo."
    make_project(tmp_path, {"a": [("Hello world.", evil)]})
    (tmp_path / "articles" / "a.html").write_text("<p>Hello world.</p>", encoding="utf-8")
    for command in (["compile"], ["check"]):
        result = run_cli(tmp_path, *command)
        output = result.output + (result.stderr if result.stderr_bytes is not None else "")
        assert "{{< x \\x1b]52;c;ZXZpbA==\\x07 \\u202ey\\u2066 >}}" in output, output
        assert not [char for char in output if ord(char) < 32 and char not in "\t\n\r"], output
        assert "\x9b" not in output
        assert "\u202e" not in output and "\u2066" not in output


def test_an_adapter_that_fails_unexpectedly_fails_its_batch_and_the_other_replies_are_kept(
    tmp_path, monkeypatch
):
    """A bug in an adapter (or a library under it) after the engine answered: that batch fails with one
    line, the run goes on, and every reply received is saved and never paid for again."""
    from click.testing import CliRunner

    import transpub.engines.webapi as webapi
    from exchange_project import catalog_of, harbour_project
    from transpub.cli import main

    root = harbour_project(tmp_path / "harbour")
    with (root / "transpub.toml").open("a", encoding="utf-8") as config:
        config.write("\n[engines.libre]\nbatch_size = 1\n")
    answer = webapi.LibreEngine.translate_batch

    def buggy(self, texts, source, target):
        got = answer(self, texts, source, target)  # (paid for)
        if "mayor" in texts[0]:
            raise ValueError("no idea what this is")
        return got

    monkeypatch.setattr(webapi.LibreEngine, "translate_batch", buggy)
    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        result = CliRunner().invoke(
            main, ["--project", str(root), "translate", "-l", "de", "--engine", "libre"]
        )
        assert result.exit_code == 1
        assert "Traceback" not in result.output
        said = [line for line in result.output.splitlines() if "unexpectedly" in line]
        assert len(said) == 1 and "(ValueError: no idea what this is); its reply is not used" in said[0]
        translated = {e.msgid: e.msgstr for e in catalog_of(root, "de")}
        assert translated["Harbour reopens"] == "[de] Harbour reopens"
        assert translated["Nothing else changed."] == "[de] Nothing else changed."
        assert translated["The mayor thanked <1>everyone</1> who helped."] == ""
        monkeypatch.setattr(webapi.LibreEngine, "translate_batch", answer)  # the adapter fixed
        again = CliRunner().invoke(
            main, ["--project", str(root), "translate", "-l", "de", "--engine", "libre"]
        )
        assert again.exit_code == 0, again.output
        mayor = "The mayor thanked <x1>everyone</x1> who helped."
        assert server.paid[mayor] == 2  # (the reply the adapter could not read is sent again)
        assert {text: paid for text, paid in server.paid.items() if text != mayor} == dict.fromkeys(
            [
                "Harbour news",
                "Harbour reopens",
                "Read <x1>the full report</x1> on page<x2/>4 today.",
                "Ships return on Monday.",
                "Nothing else changed.",
            ],
            1,
        )
