"""The ``llm`` engine against a local OpenAI-compatible fake server: what each request carries,
and what happens to answers that are malformed, incomplete, in the wrong language or late."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from fakeservers import FakeMT
from test_translate_helpers import HEADER
from transpub.catalog import entry_state, read_catalog
from transpub.engines import BatchOutcome, CircuitBreaker, RetryPolicy, get_engine, run_engine
from transpub.project import load_project
from transpub.translate import translate_project
from transpub.translate_report import REJECTED

FAST = RetryPolicy(attempts=3, base_delay=0.0, max_delay=0.0)
PARAGRAPH = (
    "The signing ceremony of the festival was held on January 4. "
    "Jingyue Hi-tech Zone signed <1>16 projects</1> at the ceremony."
)
TITLE = "Platinum Industry Adds Splendor"
SENTENCE = "Jingyue Hi-tech Zone signed <1>16 projects</1> at the ceremony."
GLOSSARY = (
    "term,de,zh_CN,note,forbidden\n"
    'Jingyue Hi-tech Zone,Hightech-Zone Jingyue,净月高新区,"official name, 2018",de:Jingyue-Hightechzone|zh_CN:静月高新区\n'
)


def make_llm_project(root: Path, locale: str = "de", extra: str = "", entries: list[str] | None = None):
    """A project with one article whose PO has a title unit and a sentence with a paragraph note."""
    (root / "articles").mkdir(parents=True)
    (root / "articles" / "platinum.html").write_text("<p>x</p>", encoding="utf-8")
    (root / "glossary").mkdir()
    (root / "glossary" / "terms.csv").write_text(GLOSSARY, encoding="utf-8")
    (root / "transpub.toml").write_text(
        f'[project]\nname = "demo"\nsource_locale = "en"\nlocales = ["{locale}"]\n\n'
        '[paths]\nglossary = "glossary/terms.csv"\n\n[translate]\nengine = "llm"\n\n'
        '[engines.llm]\nmodel = "news-mt-1"\nprice_per_million_input = 2\nprice_per_million_output = 8\n'
        f"{extra}\n",
        encoding="utf-8",
    )
    body = HEADER.format(locale=locale)
    body += f'#: articles/platinum.html#head/title(platinum)\nmsgid "{TITLE}"\nmsgstr "Platin"\n\n'
    body += f'#. Paragraph: {PARAGRAPH}\n#: articles/platinum.html#story/p(the-signing)\nmsgid "{SENTENCE}"\nmsgstr ""\n\n'
    for msgid in entries or []:
        body += f'#: articles/platinum.html#story/p({len(body)})\nmsgid "{msgid}"\nmsgstr ""\n\n'
    path = root / "locales" / locale / "LC_MESSAGES" / "platinum.po"
    path.parent.mkdir(parents=True)
    path.write_text(body, encoding="utf-8")
    return load_project(root)


@pytest.fixture()
def fake(monkeypatch):
    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LLM_URL", server.url + "/v1")
        monkeypatch.setenv("TRANSPUB_LLM_API_KEY", "sk-test-123")
        yield server


def units_of(body: dict) -> dict:
    return json.loads(body["messages"][-1]["content"])


def answer_with(mapping):
    """A chat_answer giving ``mapping(text)`` for every unit of the request."""

    def answer(body):
        return json.dumps({u["id"]: mapping(u["text"]) for u in units_of(body)["units"]}, ensure_ascii=False)

    return answer


GOOD_DE = "Die Hightech-Zone Jingyue unterzeichnete <1>16 Projekte</1> bei der Zeremonie."


def msgstr(project, locale="de"):
    po = read_catalog(project.catalog_path(locale, "platinum"))
    return {e.msgid: e for e in po}[SENTENCE]


def test_request_carries_languages_title_paragraph_glossary_placeholder_rule_and_style(tmp_path, fake):
    project = make_llm_project(
        tmp_path, extra='[locale.de]\nformality = "more"\nstyle = "Write Hightech with a capital H."\n'
    )
    fake.chat_answer = answer_with(lambda text: GOOD_DE)
    report = translate_project(project, ["de"], policy=FAST)
    assert report.ok, report.failure_lines()
    body = fake.chat_requests[0]
    assert body["model"] == "news-mt-1"
    system, user = body["messages"][0]["content"], units_of(body)
    assert "<1>…</1> and <2/>" in system and "Copy every placeholder exactly" in system
    assert "formal register" in system and "Write Hightech with a capital H." in system
    assert user["source"] == {"code": "en", "name": "English"}
    assert user["target"] == {"code": "de", "name": "German"}
    [unit] = user["units"]
    assert unit["text"] == SENTENCE and unit["id"] == "u1"
    assert user["articles"][unit["article"]] == TITLE
    assert user["paragraphs"][unit["paragraph"]] == PARAGRAPH
    assert user["glossary"] == [
        {
            "term": "Jingyue Hi-tech Zone",
            "required": "Hightech-Zone Jingyue",
            "forbidden": ["Jingyue-Hightechzone"],
            "note": "official name, 2018",
        }
    ]
    schema = body["response_format"]["json_schema"]["schema"]
    assert body["response_format"]["type"] == "json_schema" and schema["required"] == ["u1"]


def test_the_glossary_note_in_the_request_says_only_what_it_says_for_the_target_language(tmp_path, fake):
    project = make_llm_project(tmp_path)
    (tmp_path / "glossary" / "terms.csv").write_text(
        GLOSSARY.replace(
            '"official name, 2018"',
            '"Official name. de: Hightech with a capital H. zh_CN: 净月高新区 is short."',
        ),
        encoding="utf-8",
    )
    fake.chat_answer = answer_with(lambda text: GOOD_DE)
    assert translate_project(project, ["de"], policy=FAST).ok
    [term] = units_of(fake.chat_requests[0])["glossary"]
    assert term["note"] == "Official name. de: Hightech with a capital H."


def test_answer_is_written_fuzzy_with_engine_and_model_in_the_provenance(tmp_path, fake):
    project = make_llm_project(tmp_path)
    fake.chat_answer = answer_with(lambda text: GOOD_DE)
    translate_project(project, ["de"], policy=FAST)
    entry = msgstr(project)
    assert entry.msgstr == GOOD_DE and entry_state(entry) == "fuzzy"
    assert "transpub: machine translation by llm news-mt-1 (en→de) on" in entry.tcomment


def test_missing_id_is_asked_again_once_stating_the_problem(tmp_path, fake):
    project = make_llm_project(tmp_path, entries=["The ceremony ended."])
    answers = iter(
        [
            json.dumps({"u1": GOOD_DE}),  # u2 missing
            json.dumps({"u2": "Die Zeremonie endete."}),
        ]
    )
    fake.chat_answer = lambda body: next(answers)
    report = translate_project(project, ["de"], policy=FAST)
    assert report.ok, report.failure_lines()
    assert len(fake.chat_requests) == 2
    [again] = units_of(fake.chat_requests[1])["units"]
    assert again["text"] == "The ceremony ended." and again["problems"] == ["no translation for unit u2"]
    assert fake.chat_requests[1]["response_format"]["json_schema"]["schema"]["required"] == ["u2"]
    po = {e.msgid: e.msgstr for e in read_catalog(project.catalog_path("de", "platinum"))}
    assert po["The ceremony ended."] == "Die Zeremonie endete."


def test_ctrl_c_while_an_answer_is_awaited_sends_no_request_to_ask_again(tmp_path, fake):
    """The run promises to send nothing more once stopped: the answer already out (missing u2) is
    kept as far as it goes, and its flaw is not asked about again (a second paid request)."""
    import os
    import signal
    import time

    project = make_llm_project(tmp_path, entries=["The ceremony ended."])

    def answer(body):
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C while this request is out
        time.sleep(0.5)  # (the run has stopped before the answer is read)
        return json.dumps({"u1": GOOD_DE})

    fake.chat_answer = answer
    with pytest.raises(KeyboardInterrupt):
        translate_project(project, ["de"], policy=FAST)
    assert len(fake.chat_requests) == 1
    assert msgstr(project).msgstr == GOOD_DE  # the paid answer is kept


def test_unit_missing_from_both_answers_fails_saying_so(tmp_path, fake):
    project = make_llm_project(tmp_path, entries=["The ceremony ended."])
    fake.chat_answer = lambda body: json.dumps({"u1": GOOD_DE})  # never u2
    report = translate_project(project, ["de"], policy=FAST)
    [failure] = report.failures
    assert failure.msgid == "The ceremony ended." and failure.kind == "failed"
    assert failure.message == "llm: no translation for unit u2 (also when asked again)"
    assert failure.where[0].startswith("locales/de/LC_MESSAGES/platinum.po:")
    assert report.counts[("de", "llm")].failed == 1 and msgstr(project).msgstr == GOOD_DE


def test_failed_repair_request_keeps_the_good_units_and_pays_nothing_twice(tmp_path, fake):
    project = make_llm_project(tmp_path, entries=["The ceremony ended."])
    fake.chat_answer = lambda body: json.dumps({"u1": GOOD_DE})
    fake.queue("ok", "500")  # the first request is answered, asking again fails
    report = translate_project(project, ["de"], policy=FAST)
    assert fake.requests == 2 and msgstr(project).msgstr == GOOD_DE  # the first request is not sent again
    [failure] = report.failures
    assert failure.message.startswith("llm: no translation for unit u2 (asking again failed: llm: HTTP 500")


def test_dropped_placeholder_is_retried_once_then_rejected_left_empty_with_file_and_line(tmp_path, fake):
    project = make_llm_project(tmp_path)
    fake.chat_answer = answer_with(lambda text: "Die Hightech-Zone Jingyue unterzeichnete 16 Projekte.")
    report = translate_project(project, ["de"], policy=FAST)
    assert len(fake.chat_requests) == 2
    [again] = units_of(fake.chat_requests[1])["units"]
    assert again["previous_answer"] == "Die Hightech-Zone Jingyue unterzeichnete 16 Projekte."
    assert again["problems"] == ["placeholders differ from the source: <1> missing"]
    assert msgstr(project).msgstr == "" and not report.ok
    [failure] = report.failures
    assert failure.kind == REJECTED and "<1> missing" in failure.message
    assert failure.where[0].startswith("locales/de/LC_MESSAGES/platinum.po:")
    assert report.counts[("de", "llm")].rejected_placeholders == 1
    translate_project(project, ["de"], policy=FAST)  # a rejected (paid) answer is not asked for again
    assert len(fake.chat_requests) == 2


def test_answer_in_the_wrong_language_is_rejected(tmp_path, fake):
    project = make_llm_project(tmp_path, locale="zh_CN")
    fake.chat_answer = answer_with(lambda text: text)  # echoes the English
    report = translate_project(project, ["zh_CN"], policy=FAST)
    assert msgstr(project, "zh_CN").msgstr == ""
    [failure] = report.failures
    assert "not written in Han script (zh_CN)" in failure.message


def test_answer_left_in_english_for_a_latin_script_target_is_rejected(tmp_path, fake):
    project = make_llm_project(tmp_path, entries=["The ceremony ended in the evening."])
    fake.chat_answer = answer_with(lambda text: text if "ceremony ended" in text else GOOD_DE)
    report = translate_project(project, ["de"], policy=FAST)
    [again] = units_of(fake.chat_requests[1])["units"]
    assert again["problems"] == ["the translation is the source text unchanged"]
    [failure] = report.failures
    assert failure.msgid == "The ceremony ended in the evening." and failure.kind == REJECTED


def test_chinese_answer_with_the_required_term_is_accepted(tmp_path, fake):
    project = make_llm_project(tmp_path, locale="zh_CN")
    fake.chat_answer = answer_with(lambda text: "净月高新区在仪式上签约了<1>16个项目</1>。")
    report = translate_project(project, ["zh_CN"], policy=FAST)
    assert report.ok, report.failure_lines()
    assert msgstr(project, "zh_CN").msgstr == "净月高新区在仪式上签约了<1>16个项目</1>。"
    assert len(fake.chat_requests) == 1


def test_forbidden_variant_and_missing_required_term_are_stated_then_rejected(tmp_path, fake):
    project = make_llm_project(tmp_path, locale="zh_CN")
    fake.chat_answer = answer_with(lambda text: "静月高新区在仪式上签约了<1>16个项目</1>。")
    report = translate_project(project, ["zh_CN"], policy=FAST)
    [again] = units_of(fake.chat_requests[1])["units"]
    assert any('must be rendered as "净月高新区"' in p for p in again["problems"])
    assert any('forbidden rendering "静月高新区"' in p for p in again["problems"])
    assert report.failures[0].kind == REJECTED and msgstr(project, "zh_CN").msgstr == ""


def test_invalid_json_is_asked_again_and_a_good_second_answer_is_kept(tmp_path, fake):
    project = make_llm_project(tmp_path)
    answers = iter(["Sure! Here is the translation: Die Hightech-Zone…", json.dumps({"u1": GOOD_DE})])
    fake.chat_answer = lambda body: next(answers)
    report = translate_project(project, ["de"], policy=FAST)
    assert report.ok and msgstr(project).msgstr == GOOD_DE
    [again] = units_of(fake.chat_requests[1])["units"]
    assert again["problems"] == ["the answer was not a JSON object keyed by unit id"]


def test_fenced_json_answer_is_read(tmp_path, fake):
    project = make_llm_project(tmp_path)
    fake.chat_answer = lambda body: "```json\n" + json.dumps({"u1": GOOD_DE}) + "\n```"
    report = translate_project(project, ["de"], policy=FAST)
    assert report.ok and msgstr(project).msgstr == GOOD_DE and len(fake.chat_requests) == 1


def test_unit_answered_twice_is_asked_again(tmp_path, fake):
    project = make_llm_project(tmp_path)
    answers = iter(['{"u1": "Erste.", "u1": "Zweite."}', json.dumps({"u1": GOOD_DE})])
    fake.chat_answer = lambda body: next(answers)
    translate_project(project, ["de"], policy=FAST)
    [again] = units_of(fake.chat_requests[1])["units"]
    assert "unit u1 was translated more than once" in again["problems"]
    assert msgstr(project).msgstr == GOOD_DE


def test_server_without_structured_output_is_asked_for_a_json_object(tmp_path, fake):
    project = make_llm_project(tmp_path)
    fake.refuse_json_schema = True
    fake.chat_answer = answer_with(lambda text: GOOD_DE)
    report = translate_project(project, ["de"], policy=FAST)
    assert report.ok and msgstr(project).msgstr == GOOD_DE
    kinds = [body["response_format"]["type"] for body in fake.chat_requests]
    assert kinds == ["json_schema", "json_object"]


def run(engine, texts, sleep=lambda s: None, breaker=None, policy=FAST, concurrency=1):
    done: dict[int, str] = {}
    failed: dict[int, str] = {}

    def on_batch(outcome: BatchOutcome) -> None:
        done.update(outcome.done)
        failed.update(outcome.failed)

    run_engine(
        engine,
        texts,
        "en",
        "es",
        on_batch=on_batch,
        policy=policy,
        breaker=breaker or CircuitBreaker(),
        sleep=sleep,
        concurrency=concurrency,
    )
    return done, failed


def test_too_many_requests_waits_for_retry_after_then_succeeds(fake):
    fake.retry_after = 3
    fake.queue("429")
    slept: list[float] = []
    done, failed = run(get_engine("llm", _Project({"model": "m"})), ["Hello."], sleep=slept.append)
    assert done == {0: "[es] Hello."} and not failed
    assert slept and slept[0] >= 3


def test_slow_server_times_out_and_is_retried(fake):
    fake.slow_seconds = 1.5
    fake.queue("slow")
    done, failed = run(get_engine("llm", _Project({"model": "m", "timeout": 0.3})), ["Hello."])
    assert done == {0: "[es] Hello."} and not failed
    assert fake.requests == 2


def test_dead_server_opens_the_circuit_breaker(fake):
    fake.default_fault = "500"
    breaker = CircuitBreaker(threshold=2, cooldown=60)
    engine = get_engine("llm", _Project({"model": "m", "batch_size": 1}))
    done, failed = run(engine, ["One.", "Two.", "Three."], breaker=breaker, policy=RetryPolicy(attempts=1))
    assert not done and len(failed) == 3
    assert fake.requests == 2  # the third request was never sent
    assert any("failed repeatedly" in message for message in failed.values())


def test_a_model_that_never_answers_in_json_opens_the_circuit_breaker_and_the_rest_is_not_paid_for(fake):
    """Each batch is asked once more when its answer is no JSON; a model that answers so every
    time (the wrong model, a proxy's text) stops the run as a dead server does, not after paying
    twice for every batch of it."""
    fake.chat_answer = lambda body: "Sure! Here are your translations: Hola."
    breaker = CircuitBreaker(threshold=2, cooldown=60)
    engine = get_engine("llm", _Project({"model": "m", "batch_size": 1}))
    done, failed = run(engine, ["One.", "Two.", "Three.", "Four."], breaker=breaker)
    assert not done and len(failed) == 4
    assert len(fake.chat_requests) == 4  # two batches, each asked twice; the others never sent
    assert "not a JSON object keyed by unit id (also when asked again)" in failed[0]
    assert "failed repeatedly" in failed[3] and "not a JSON object" in failed[3]


def test_key_never_appears_in_a_message(fake, monkeypatch):
    monkeypatch.setenv("TRANSPUB_LLM_API_KEY", "sk-very-secret-999")
    fake.default_fault = "500"
    _done, failed = run(
        get_engine("llm", _Project({"model": "m"})), ["Hello."], policy=RetryPolicy(attempts=1)
    )
    assert failed and "sk-very-secret-999" not in failed[0] and fake.url not in failed[0]


def _closed_port() -> int:
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        return free.getsockname()[1]


def test_a_server_that_is_not_running_is_named_by_the_base_url_of_transpub_toml(monkeypatch):
    monkeypatch.delenv("TRANSPUB_LLM_URL", raising=False)
    port = _closed_port()
    engine = get_engine("llm", _Project({"model": "m", "base_url": f"http://127.0.0.1:{port}/v1"}))
    _done, failed = run(engine, ["Hello."], policy=RetryPolicy(attempts=1))
    assert f"llm: connection failed to http://127.0.0.1:{port} ([engines.llm] base_url)" in failed[0]


def test_a_server_of_transpub_llm_url_that_is_not_running_is_not_named(monkeypatch):
    port = _closed_port()
    monkeypatch.setenv("TRANSPUB_LLM_URL", f"http://127.0.0.1:{port}/v1")
    _done, failed = run(
        get_engine("llm", _Project({"model": "m"})), ["Hello."], policy=RetryPolicy(attempts=1)
    )
    assert "llm: connection failed to the server of TRANSPUB_LLM_URL" in failed[0]
    assert str(port) not in failed[0]


def test_batches_are_sized_by_tokens(fake):
    engine = get_engine("llm", _Project({"model": "m", "batch_tokens": 60}))
    texts = [f"Sentence number {i} is about forty characters long." for i in range(6)]
    done, failed = run(engine, texts)
    assert len(done) == 6 and not failed
    sizes = [len(units_of(body)["units"]) for body in fake.chat_requests]
    assert sizes == [2, 2, 2]


def test_dry_run_estimates_tokens_and_cost_and_says_how_it_counted(tmp_path, fake):
    project = make_llm_project(tmp_path, entries=["The ceremony ended."])
    report = translate_project(project, ["de"], dry_run=True)
    assert not fake.chat_requests
    [estimate] = report.estimates
    line = estimate.describe()
    assert estimate.units == 2 and estimate.tokens_in > estimate.tokens_out > 0
    assert "1 per CJK character and 1 per 4 other characters" in line
    expected = (estimate.tokens_in * 2 + estimate.tokens_out * 8) / 1_000_000
    assert f"about {expected:.4f} at 2 input / 8 output per million tokens" in line


def test_unknown_formality_is_a_configuration_error(tmp_path):
    from transpub.errors import ConfigError

    with pytest.raises(
        ConfigError, match=r"transpub.toml:\d+: locale\.de\.formality must be \"default\", \"more\""
    ):
        make_llm_project(tmp_path, extra='[locale.de]\nformality = "polite"\n')


def test_dry_run_expects_more_output_tokens_for_a_chinese_target(tmp_path, fake):
    german = translate_project(make_llm_project(tmp_path / "de"), ["de"], dry_run=True).estimates[0]
    chinese = translate_project(make_llm_project(tmp_path / "zh", locale="zh_CN"), ["zh_CN"], dry_run=True)
    assert chinese.estimates[0].tokens_out > german.tokens_out


class _Project:
    def __init__(self, llm):
        self.engines = {"llm": llm}
