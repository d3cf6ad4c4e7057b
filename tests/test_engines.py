"""MT engines against a local fake server: batching, timeouts, retries, breaker, secrets."""

from __future__ import annotations

import importlib.util

import pytest

from fakeservers import FakeMT
from transpub.engines import BatchOutcome, CircuitBreaker, RetryPolicy, get_engine, list_engines, run_engine
from transpub.engines.base import TransientEngineError
from transpub.errors import EngineError

FAST = RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.05)


@pytest.fixture()
def fake(monkeypatch):
    with FakeMT(api_key="sekrit-key-123") as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        monkeypatch.setenv("TRANSPUB_LIBRE_API_KEY", "sekrit-key-123")
        monkeypatch.setenv("TRANSPUB_DEEPL_API_KEY", "sekrit-key-123")
        monkeypatch.setenv("TRANSPUB_DEEPL_URL", server.url)
        monkeypatch.setenv("TRANSPUB_GOOGLE_API_KEY", "sekrit-key-123")
        monkeypatch.setenv("TRANSPUB_GOOGLE_URL", server.url + "/language/translate/v2")
        yield server


def translate_all(engine, texts, *, sleep=lambda s: None, policy=FAST, breaker=None, concurrency=4):
    done: dict[int, str] = {}
    failed: dict[int, str] = {}

    def on_batch(outcome: BatchOutcome) -> None:
        done.update(outcome.done)
        failed.update(outcome.failed)

    run_engine(engine, texts, "en", "es", on_batch=on_batch, concurrency=concurrency, policy=policy,
               breaker=breaker or CircuitBreaker(), sleep=sleep)
    return done, failed


@pytest.mark.parametrize("name", ["libre", "deepl", "google", "libre-dt"])
def test_every_http_engine_translates_through_the_fake_server(fake, name):
    engine = get_engine(name)
    assert engine.translate_batch(["Hello <x1>world</x1>.", "Bye"], "en", "es") == \
        ["[es] Hello <x1>world</x1>.", "[es] Bye"]


def test_batched_engine_sends_many_texts_per_request(fake):
    texts = [f"Sentence number {i}." for i in range(120)]
    done, failed = translate_all(get_engine("libre"), texts)
    assert not failed and len(done) == 120 and done[7] == "[es] Sentence number 7."
    assert fake.requests <= 3


def test_too_many_requests_waits_for_retry_after_then_succeeds(fake):
    fake.retry_after = 3
    fake.queue("429")
    waits: list[float] = []
    done, failed = translate_all(get_engine("libre"), ["One."], sleep=waits.append)
    assert done == {0: "[es] One."} and not failed
    assert waits and waits[0] >= 3


@pytest.mark.parametrize("name", ["libre", "deepl", "google", "libre-dt"])
@pytest.mark.parametrize("fault", ["500", "malformed", "drop", "429"])
def test_transient_faults_are_retried(fake, name, fault):
    fake.queue(fault, fault)
    done, failed = translate_all(get_engine(name), ["One."])
    assert done == {0: "[es] One."}, failed
    assert fake.requests == 3


def test_deepl_honours_retry_after(fake):
    fake.retry_after = 2
    fake.queue("429")
    waits: list[float] = []
    done, _ = translate_all(get_engine("deepl"), ["One."], sleep=waits.append)
    assert done == {0: "[es] One."} and waits[0] >= 2


def test_slow_reply_times_out_and_is_retried(fake):
    fake.slow_seconds = 1.0
    fake.queue("slow")
    engine = get_engine("libre", project=_Project({"libre": {"timeout": 0.2}}))
    done, failed = translate_all(engine, ["One."])
    assert done == {0: "[es] One."}


def test_deep_translator_service_gets_a_timeout(fake):
    fake.slow_seconds = 1.0
    fake.queue("slow")
    engine = get_engine("libre-dt", project=_Project({"libre-dt": {"timeout": 0.2}}))
    with pytest.raises(TransientEngineError, match="no reply within"):
        engine.translate_batch(["One."], "en", "es")


def test_empty_reply_is_a_failure_not_a_translation(fake):
    fake.queue("empty")
    done, failed = translate_all(get_engine("libre"), ["One."])
    assert not done and "empty" in failed[0]


def test_circuit_breaker_stops_hammering_a_dead_service(fake):
    fake.default_fault = "500"
    texts = [f"Text {i}." for i in range(20)]
    engine = get_engine("libre", project=_Project({"libre": {"batch_size": 1}}))
    done, failed = translate_all(engine, texts, policy=RetryPolicy(attempts=2, base_delay=0, max_delay=0),
                                 breaker=CircuitBreaker(threshold=3, cooldown=60), concurrency=1)
    assert not done and len(failed) == 20
    assert fake.requests <= 4
    assert any("failed repeatedly" in message for message in failed.values())


def test_long_text_is_split_under_the_provider_limit(fake):
    engine = get_engine("libre", project=_Project({"libre": {"max_chars": 40}}))
    text = "This is the first sentence here. " * 6
    done, failed = translate_all(engine, [text.strip()])
    assert not failed
    assert all(len(t) <= 40 for _, texts in fake.request_log for t in texts)
    assert done[0].count("[es]") == 6
    assert fake.repeated() == []   # the six identical pieces were paid for once


@pytest.mark.parametrize("name", ["libre", "libre-dt", "deepl", "google"])
def test_refused_key_never_appears_in_the_message(fake, monkeypatch, name):
    for var in ("TRANSPUB_LIBRE_API_KEY", "TRANSPUB_DEEPL_API_KEY", "TRANSPUB_GOOGLE_API_KEY"):
        monkeypatch.setenv(var, "wrong-secret-999")
    with pytest.raises(EngineError) as caught:
        get_engine(name).translate_batch(["One."], "en", "es")
    assert "wrong-secret-999" not in str(caught.value)
    assert not isinstance(caught.value, TransientEngineError)


def test_engine_list_shows_what_is_configured(monkeypatch):
    monkeypatch.delenv("TRANSPUB_DEEPL_API_KEY", raising=False)
    monkeypatch.setenv("TRANSPUB_LIBRE_URL", "http://127.0.0.1:9")
    infos = {info.name: info for info in list_engines()}
    assert infos["libre"].configured and not infos["deepl"].configured
    assert infos["deepl"].needs == ("TRANSPUB_DEEPL_API_KEY",)
    assert infos["tm"].configured
    assert "es" in (infos["google-free"].languages or [])


@pytest.mark.skipif(importlib.util.find_spec("openai") is not None, reason="openai is installed here")
def test_chatgpt_without_the_openai_package_says_what_to_install(monkeypatch):
    monkeypatch.setenv("TRANSPUB_CHATGPT_API_KEY", "sk-test")
    info = {info.name: info for info in list_engines()}["chatgpt"]
    assert not info.configured and info.needs == ("pip install 'openai<1'",)
    with pytest.raises(EngineError, match="chatgpt: needs the openai package: pip install 'openai<1'"):
        get_engine("chatgpt").translate_batch(["One."], "en", "es")


def test_unknown_engine_is_a_clear_error():
    with pytest.raises(EngineError, match="unknown engine 'nope'"):
        get_engine("nope")


class _Project:
    def __init__(self, engines):
        self.engines = engines
