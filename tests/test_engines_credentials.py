"""Keys and credentials never leave for another host, and never show in a message in any form."""

from __future__ import annotations

import base64

import pytest

from fakeservers import FakeMT
from transpub.engines import BatchOutcome, CircuitBreaker, RetryPolicy, get_engine, run_engine
from transpub.engines.llm import LLMEngine
from transpub.errors import EngineError

KEY = "sekrit-key-123"


@pytest.fixture()
def servers(monkeypatch):
    """A server that answers every request with a redirect to a second server, on another port."""
    with FakeMT(api_key=KEY) as elsewhere, FakeMT(api_key=KEY) as first:
        first.redirect_to = elsewhere.url
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", first.url)
        monkeypatch.setenv("TRANSPUB_LIBRE_API_KEY", KEY)
        monkeypatch.setenv("TRANSPUB_DEEPL_API_KEY", KEY)
        monkeypatch.setenv("TRANSPUB_DEEPL_URL", first.url)
        monkeypatch.setenv("TRANSPUB_GOOGLE_API_KEY", KEY)
        monkeypatch.setenv("TRANSPUB_GOOGLE_URL", first.url + "/language/translate/v2")
        monkeypatch.setenv("TRANSPUB_LLM_URL", first.url + "/v1")
        monkeypatch.setenv("TRANSPUB_LLM_API_KEY", KEY)
        yield first, elsewhere


@pytest.mark.parametrize("name", ["libre", "google", "deepl", "libre-dt", "llm"])
def test_a_redirect_to_another_host_is_an_error_and_the_key_stays_home(servers, name):
    first, elsewhere = servers
    engine = LLMEngine({"model": "test-model"}) if name == "llm" else get_engine(name)
    with pytest.raises(EngineError, match="redirect") as raised:
        engine.translate_batch(["Hello."], "en", "es")
    assert elsewhere.heard == []  # neither the key nor the text went to the other host
    assert first.heard  # the request did reach the configured server
    assert KEY not in str(raised.value)
    assert "not retried" not in str(raised.value)


def test_a_redirect_is_not_retried(servers):
    first, elsewhere = servers
    failed: dict[int, str] = {}

    def on_batch(outcome: BatchOutcome) -> None:
        failed.update(outcome.failed)

    run_engine(
        get_engine("libre"),
        ["Hello."],
        "en",
        "es",
        on_batch=on_batch,
        concurrency=1,
        policy=RetryPolicy(attempts=4, base_delay=0, max_delay=0),
        breaker=CircuitBreaker(),
        sleep=lambda seconds: None,
    )
    assert "redirect" in failed[0]
    assert len(first.heard) == 1 and elsewhere.heard == []


USER, PASSWORD_IN_URL, PASSWORD = "newsdesk", "s3cr%40t!x", "s3cr@t!x"


@pytest.fixture()
def echoing(monkeypatch):
    """A LibreTranslate server reached through a URL with credentials, echoing headers in errors."""
    with FakeMT() as server:
        host = server.url.removeprefix("http://")
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", f"http://{USER}:{PASSWORD_IN_URL}@{host}")
        monkeypatch.delenv("TRANSPUB_LIBRE_API_KEY", raising=False)
        yield server


def _forms_of_the_secret() -> list[str]:
    basic = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    return [PASSWORD, PASSWORD_IN_URL, basic, basic.rstrip("="), f"{USER}:{PASSWORD}"]


def test_credentials_in_the_server_url_never_show_in_an_error_in_any_form(echoing):
    echoing.queue("echo")
    with pytest.raises(EngineError) as raised:
        get_engine("libre").translate_batch(["Hello."], "en", "es")
    message = str(raised.value)
    assert "HTTP 400" in message
    assert "Authorization" in echoing.heard[0]  # the server did get (and echo) the credentials
    for form in _forms_of_the_secret():
        assert form not in message, form


def test_credentials_in_the_server_url_bring_a_warning_naming_the_key_variable(echoing):
    warnings = get_engine("libre").warnings
    assert len(warnings) == 1
    assert "TRANSPUB_LIBRE_URL" in warnings[0] and "TRANSPUB_LIBRE_API_KEY" in warnings[0]
    for form in _forms_of_the_secret():
        assert form not in warnings[0]


def test_a_server_url_without_credentials_brings_no_warning(monkeypatch):
    monkeypatch.setenv("TRANSPUB_LIBRE_URL", "http://127.0.0.1:9/")
    assert get_engine("libre").warnings == []


@pytest.mark.parametrize(
    "fault, cause",
    [("429", "HTTP 429"), ("500", "HTTP 500"), ("malformed", "not valid JSON"), ("slow", "no reply within")],
)
def test_an_open_circuit_breaker_still_says_why_the_service_failed(monkeypatch, fault, cause):
    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        server.default_fault = fault
        server.slow_seconds = 0.3
        server.retry_after = 0
        failed: dict[int, str] = {}

        def on_batch(outcome: BatchOutcome) -> None:
            failed.update(outcome.failed)

        engine = get_engine("libre")
        engine.batch_size = 1
        engine.timeout = 0.1
        run_engine(
            engine,
            [f"Text {i}." for i in range(6)],
            "en",
            "es",
            on_batch=on_batch,
            concurrency=1,
            policy=RetryPolicy(attempts=2, base_delay=0, max_delay=0),
            breaker=CircuitBreaker(threshold=2, cooldown=60),
            sleep=lambda seconds: None,
        )
    refused = [message for message in failed.values() if "failed repeatedly" in message]
    assert refused, failed
    assert all(cause in message for message in refused), refused


@pytest.mark.parametrize("name", ["libre", "google", "deepl", "llm"])
def test_a_key_echoed_late_in_a_long_error_never_shows_even_in_part(monkeypatch, name):
    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        monkeypatch.setenv("TRANSPUB_LIBRE_API_KEY", KEY)
        monkeypatch.setenv("TRANSPUB_GOOGLE_API_KEY", KEY)
        monkeypatch.setenv("TRANSPUB_GOOGLE_URL", server.url + "/language/translate/v2")
        monkeypatch.setenv("TRANSPUB_DEEPL_API_KEY", KEY)
        monkeypatch.setenv("TRANSPUB_DEEPL_URL", server.url)
        monkeypatch.setenv("TRANSPUB_LLM_API_KEY", KEY)
        server.default_fault = "echo_late"
        engine = (
            LLMEngine({"model": "m", "base_url": server.url + "/v1"}) if name == "llm" else get_engine(name)
        )
        with pytest.raises(EngineError) as raised:
            engine.translate_batch(["Hello."], "en", "es")
    message = str(raised.value)
    assert KEY[:6] not in message, message  # not the key, nor the start of it cut off at a length limit
    assert "\n" not in message


@pytest.mark.parametrize("name", ["libre", "google", "deepl", "llm"])
def test_an_html_error_page_instead_of_json_is_one_line_naming_the_page(monkeypatch, name):
    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        monkeypatch.setenv("TRANSPUB_GOOGLE_API_KEY", KEY)
        monkeypatch.setenv("TRANSPUB_GOOGLE_URL", server.url + "/language/translate/v2")
        monkeypatch.setenv("TRANSPUB_DEEPL_API_KEY", KEY)
        monkeypatch.setenv("TRANSPUB_DEEPL_URL", server.url)
        engine = (
            LLMEngine({"model": "m", "base_url": server.url + "/v1"}) if name == "llm" else get_engine(name)
        )
        for fault in ("html", "html200"):  # the page with HTTP 502, and with HTTP 200
            server.queue(fault)
            with pytest.raises(EngineError) as raised:
                engine.translate_batch(["Hello."], "en", "es")
            message = str(raised.value)
            assert "\n" not in message and "<" not in message, message
            assert "HTML page" in message or "HTTP 502" in message, message
