"""A server that answers far too much (a URL pointing at a huge file, a broken proxy, a gzip bomb)
cannot fill the memory: the reply is read up to a limit, then the batch fails with one line."""

from __future__ import annotations

import re
import tracemalloc

import pytest
from click.testing import CliRunner

from exchange_project import catalog_of, harbour_project
from fakeservers import FLOOD_BYTES, FakeMT
from transpub.cli import main
from transpub.engines import get_engine
from transpub.engines.base import TransientEngineError
from transpub.engines.deepl import DeepLEngine
from transpub.engines.llm import LLMEngine
from transpub.engines.webapi import GoogleCloudEngine, LibreEngine
from transpub.errors import EngineError

KEY = "sekrit-key-123"


def engine_at(name: str, url: str, monkeypatch: pytest.MonkeyPatch):
    """The engine ``name`` configured (in transpub.toml's way) to use the server at ``url``."""
    monkeypatch.setenv("TRANSPUB_GOOGLE_API_KEY", KEY)
    monkeypatch.setenv("TRANSPUB_DEEPL_API_KEY", KEY)
    if name == "libre":
        return LibreEngine({"url": url})
    if name == "google":
        return GoogleCloudEngine({"url": url + "/language/translate/v2"})
    if name == "llm":
        return LLMEngine({"model": "test-model", "base_url": url + "/v1"})
    return DeepLEngine({"server_url": url})


def failure_and_peak(engine) -> tuple[EngineError, int]:
    """The error ``engine`` fails a batch with, and the most memory (bytes) the attempt took."""
    tracemalloc.start()
    try:
        with pytest.raises(EngineError) as raised:
            engine.translate_batch(["Hello world."], "en", "es")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return raised.value, peak


@pytest.mark.parametrize("fault", ["endless", "bomb"])
@pytest.mark.parametrize("name", ["libre", "google", "deepl", "llm"])
def test_a_reply_far_too_long_fails_its_batch_naming_the_server_without_filling_the_memory(
    monkeypatch, name, fault
):
    with FakeMT() as server:
        server.default_fault = fault
        error, peak = failure_and_peak(engine_at(name, server.url, monkeypatch))
        message = str(error)
        named = f"{server.url} ([engines.llm] base_url)" if name == "llm" else server.url
        assert re.match(
            rf"{name}: {re.escape(named)} sent more than 8\.[01] MiB in reply to [\d,]+ bytes;", message
        )
        assert "check the address configured" in message and "\n" not in message
        assert peak < 48 * 2**20  # (without the limit: well over FLOOD_BYTES = 128 MiB)
        if fault == "endless":
            assert server.flooded < FLOOD_BYTES / 2  # the client hung up long before the end
        assert KEY not in message


def test_a_reply_far_too_long_names_the_environment_variable_not_a_secret_address(monkeypatch):
    with FakeMT() as server:
        server.default_fault = "endless"
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url + "/token-1234")
        with pytest.raises(EngineError) as raised:
            LibreEngine().translate_batch(["Hello world."], "en", "es")
    message = str(raised.value)
    assert message.startswith("libre: the server of TRANSPUB_LIBRE_URL sent more than 8.0 MiB")
    assert "127.0.0.1" not in message and "token-1234" not in message


def test_translate_exits_non_zero_on_a_flood_and_keeps_the_replies_of_the_other_batches(
    tmp_path, monkeypatch
):
    root = harbour_project(tmp_path / "harbour")
    with (root / "transpub.toml").open("a", encoding="utf-8") as config:
        config.write("\n[engines.libre]\nbatch_size = 1\n")
    with FakeMT() as server:
        server.fault_for = lambda texts: "bomb" if "mayor" in texts[0] else None
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        result = CliRunner().invoke(
            main, ["--project", str(root), "translate", "-l", "de", "--engine", "libre"]
        )
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        said = [line for line in result.output.splitlines() if "sent more than" in line]
        assert len(said) == 1 and "the server of TRANSPUB_LIBRE_URL sent more than 8.0 MiB" in said[0]
        translated = {e.msgid: e.msgstr for e in catalog_of(root, "de")}
        assert translated["Harbour reopens"] == "[de] Harbour reopens"
        assert translated["Nothing else changed."] == "[de] Nothing else changed."
        assert translated["The mayor thanked <1>everyone</1> who helped."] == ""
        paid = dict(server.paid)
        again = CliRunner().invoke(
            main, ["--project", str(root), "translate", "-l", "de", "--engine", "libre"]
        )
        assert again.exit_code == 1
        assert dict(server.paid) == paid  # nothing already answered was asked (and paid for) again


@pytest.mark.parametrize("fault", ["endless", "bomb"])
def test_a_deep_translator_service_stops_reading_a_reply_far_too_long(monkeypatch, fault):
    with FakeMT() as server:
        server.default_fault = fault
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        error, peak = failure_and_peak(get_engine("libre-dt"))
    message = str(error)
    assert message.startswith("libre-dt: the server of TRANSPUB_LIBRE_URL sent more than 8.0 MiB"), message
    assert "127.0.0.1" not in message and "\n" not in message
    assert not isinstance(error, TransientEngineError)  # (not asked again: it would answer the same)
    assert peak < 48 * 2**20
