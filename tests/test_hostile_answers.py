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
    # messages quote translations: ESC ] 52 would write the reader's clipboard, ESC ] 0 their title
    from test_compile_helpers import run_cli

    evil = "Hola {{< x \x1b]52;c;ZXZpbA==\x07 >}} \x9b2J mundo."
    make_project(tmp_path, {"a": [("Hello world.", evil)]})
    (tmp_path / "articles" / "a.html").write_text("<p>Hello world.</p>", encoding="utf-8")
    for command in (["compile"], ["check"]):
        result = run_cli(tmp_path, *command)
        output = result.output + (result.stderr if result.stderr_bytes is not None else "")
        assert "{{< x \\x1b]52;c;ZXZpbA==\\x07 >}}" in output, output
        assert not [char for char in output if ord(char) < 32 and char not in "\t\n\r"], output
        assert "\x9b" not in output
