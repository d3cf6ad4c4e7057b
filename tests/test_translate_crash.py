"""Kill -9 in the middle of a run: nothing received is asked again and no PO file is damaged."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fakeservers import FakeMT
from test_translate_helpers import make_project
from transpub.catalog import read_catalog
from transpub.cli import STOPPING, Terminated
from transpub.translate import translate_project

SCRIPT = """
import sys
from pathlib import Path
from transpub.project import load_project
from transpub.translate import translate_project
translate_project(load_project(Path(sys.argv[1])), ["es"])
"""


def filled(path: Path) -> set[str]:
    return {e.msgid for e in read_catalog(path) if e.msgstr}


def test_killed_run_resumes_without_paying_twice(tmp_path, monkeypatch):
    texts = [f"Sentence number {i}." for i in range(12)]
    project = make_project(
        tmp_path, {"a": [(t, "") for t in texts]}, extra="[engines.libre]\nbatch_size = 2\nconcurrency = 1\n"
    )
    path = project.catalog_path("es", "a")
    with FakeMT(latency=0.15) as server:
        env = {**os.environ, "TRANSPUB_LIBRE_URL": server.url}
        child = subprocess.Popen([sys.executable, "-c", SCRIPT, str(tmp_path)], env=env)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not filled(path):
            time.sleep(0.01)
        child.send_signal(signal.SIGKILL)
        child.wait()
        saved = filled(path)  # the PO still parses after the kill
        assert saved and len(saved) < len(texts)
        before = len(server.request_log)
        server.latency = 0
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        report = translate_project(project, ["es"])
        asked_again = {t for _, batch in server.request_log[before:] for t in batch}
    assert not asked_again & saved
    assert report.ok and filled(path) == set(texts)
    assert not list(path.parent.glob(".*.tmp"))


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_ctrl_c_or_sigterm_mid_run_keeps_every_reply_already_paid_for(tmp_path, sig, code):
    words = [
        "alpha",
        "bravo",
        "charlie",
        "delta",
        "echo",
        "foxtrot",
        "golf",
        "hotel",
        "india",
        "juliet",
        "kilo",
        "lima",
        "mike",
    ]
    texts = [" ".join(random.Random(i).sample(words, 6)).capitalize() + "." for i in range(12)]
    project = make_project(
        tmp_path, {"a": [(t, "") for t in texts]}, extra="[engines.libre]\nbatch_size = 2\nconcurrency = 2\n"
    )
    path = project.catalog_path("es", "a")
    command = [sys.executable, "-m", "transpub", "--project", str(tmp_path), "translate", "-l", "es"]
    with FakeMT(latency=0.5) as server:
        env = {**os.environ, "TRANSPUB_LIBRE_URL": server.url}
        child = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not filled(path):
            time.sleep(0.01)
        time.sleep(0.1)  # the next requests are out (each is answered after 0.5 s)
        child.send_signal(sig)
        _, stderr = child.communicate(timeout=30)
        assert child.returncode == code and "work already saved is kept" in stderr
        # said as the stop came, before the wait for the requests out (a user saw nothing happen)
        assert stderr.count(STOPPING) == 1 and stderr.index(STOPPING) < stderr.index("work already saved")
        assert set(server.paid) <= filled(path)  # the requests out when the signal came are kept too
        server.latency = 0
        rerun = subprocess.run(command, env=env, capture_output=True, text=True)
    assert rerun.returncode == 0 and server.repeated() == []  # nothing paid for is asked again
    assert filled(path) == set(texts)


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_second_ctrl_c_while_the_requests_already_out_are_awaited_keeps_their_replies(tmp_path, sig, code):
    """An impatient user presses Ctrl-C twice (a CI runner sends SIGTERM again): the second stop
    came while the run waited for the replies already paid for, and threw every one of them away."""
    texts = [f"Sentence number {i} of the story." for i in range(8)]
    project = make_project(
        tmp_path, {"a": [(t, "") for t in texts]}, extra="[engines.libre]\nbatch_size = 2\nconcurrency = 4\n"
    )
    path = project.catalog_path("es", "a")
    command = [sys.executable, "-m", "transpub", "--project", str(tmp_path), "translate", "-l", "es"]
    with FakeMT(latency=1.5) as server:
        env = {**os.environ, "TRANSPUB_LIBRE_URL": server.url}
        child = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and sum(h.startswith("POST") for h in list(server.heard)) < 4:
            time.sleep(0.01)
        time.sleep(0.2)  # four requests are out, each answered 1.5 s after it came
        child.send_signal(sig)
        time.sleep(0.3)
        child.send_signal(sig)  # while the run waits for them
        _, stderr = child.communicate(timeout=30)
    assert child.returncode == code, stderr
    assert len(server.paid) == 8 and set(server.paid) <= filled(path)
    assert stderr.count(STOPPING) == 1  # (once, however many stops came)


def test_ctrl_c_while_the_service_asks_to_wait_stops_the_run_without_waiting(tmp_path):
    project = make_project(tmp_path, {"a": [("Hello there.", "")]})
    command = [sys.executable, "-m", "transpub", "--project", str(tmp_path), "translate", "-l", "es"]
    with FakeMT(retry_after=100) as server:  # 429, "Retry-After: 100" to every request
        server.default_fault = "429"
        child = subprocess.Popen(
            command, env={**os.environ, "TRANSPUB_LIBRE_URL": server.url}, stderr=subprocess.PIPE, text=True
        )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not server.requests:
            time.sleep(0.01)
        time.sleep(0.3)  # the run is now waiting the 100 s the service asked for
        child.send_signal(signal.SIGINT)
        try:
            _, stderr = child.communicate(timeout=30)  # well before the 100 s are up
        finally:
            child.kill()
    assert child.returncode == 130 and "Interrupted" in stderr
    assert project.catalog_path("es", "a").is_file()


def _judge_raising(monkeypatch, error: BaseException, at: int) -> None:
    """The check of the ``at``-th reply (from 1) raises ``error`` once."""
    from transpub import translate

    real, calls = translate._judge, []

    def judge(*args):
        calls.append(args)
        if len(calls) == at:
            raise error
        return real(*args)

    monkeypatch.setattr(translate, "_judge", judge)


@pytest.mark.parametrize("stop", [KeyboardInterrupt(), Terminated()], ids=["ctrl-c", "sigterm"])
def test_ctrl_c_or_sigterm_while_a_batch_is_being_checked_keeps_the_whole_batch_and_nothing_is_paid_twice(
    tmp_path, monkeypatch, stop
):
    # (the stop came between the engine's answer and the catalog: the batch was lost, and paid again)
    project = make_project(tmp_path, {"a": [("One.", ""), ("Two.", "")]})
    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        _judge_raising(monkeypatch, stop, at=2)
        with pytest.raises(type(stop)):
            translate_project(project, ["es"])
        monkeypatch.undo()
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        again = translate_project(project, ["es"])
    assert server.repeated() == []
    assert filled(project.catalog_path("es", "a")) == {"One.", "Two."}
    assert again.ok


def test_a_reply_its_check_fails_on_is_rejected_with_why_and_the_rest_of_the_batch_is_kept(
    tmp_path, monkeypatch
):
    # (a fault in a check threw the paid batch away and stopped the run with a traceback)
    project = make_project(tmp_path, {"a": [("One.", ""), ("Two.", "")]})
    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        _judge_raising(monkeypatch, ValueError("a fault"), at=2)
        report = translate_project(project, ["es"])
        monkeypatch.undo()
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        again = translate_project(project, ["es"])
    assert report.failure_lines() == [  # (line 15 once "One." above it is filled)
        'Failed: locales/es/LC_MESSAGES/a.po:15 "Two.": es libre: rejected: the reply could not be checked '
        "(ValueError: a fault)"
    ]
    assert project.catalog_path("es", "a").read_text(encoding="utf-8").splitlines()[14] == 'msgid "Two."'
    assert filled(project.catalog_path("es", "a")) == {"One."}  # (never written unchecked)
    assert server.repeated() == [] and again.counts[("es", "libre")].rejected_placeholders == 1


def disk_full_for(monkeypatch, slug: str, then=lambda: None) -> None:
    """Writing the catalog of article ``slug`` fails as on a full disk (calling ``then`` first)."""
    import errno

    from transpub import catalog

    real = catalog.write_catalog

    def write(po, path, *args, **kwargs):
        if Path(path).stem == slug:
            then()
            raise OSError(errno.ENOSPC, "No space left on device", str(Path(path).parent / f".{slug}.tmp"))
        return real(po, path, *args, **kwargs)

    monkeypatch.setattr(catalog, "write_catalog", write)


def memory_down(monkeypatch, down) -> None:
    """The memory refuses every write of an engine's replies while ``down()`` (a full disk)."""
    from transpub.errors import MemoryStoreError
    from transpub.memory import TranslationMemory

    real = TranslationMemory.add

    def add(self, source, target, pairs, origin="human"):
        if pairs and origin != "human" and down():
            raise MemoryStoreError("the translation memory failed: database or disk is full")
        return real(self, source, target, pairs, origin)

    monkeypatch.setattr(TranslationMemory, "add", add)


def test_a_reply_whose_catalog_and_memory_both_refused_it_is_said_to_be_kept_where_it_is_and_not_paid_twice(
    tmp_path, monkeypatch
):
    # (the error said "what the engine answered until then is in the catalogs" of a reply in none)
    from transpub.errors import MemoryStoreError

    project = make_project(
        tmp_path,
        {"a": [("One.", "")], "b": [("Two.", "")]},
        extra="[engines.libre]\nbatch_size = 1\nconcurrency = 1\n",
    )
    full = []
    disk_full_for(monkeypatch, "b", then=lambda: full.append(True))
    memory_down(monkeypatch, lambda: bool(full))
    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        with pytest.raises(MemoryStoreError) as failed:
            translate_project(project, ["es"])
        assert filled(project.catalog_path("es", "b")) == set()
        monkeypatch.undo()  # (room on the disk again, the memory back)
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        again = translate_project(project, ["es"])
    assert str(failed.value) == (
        "the translation memory failed: database or disk is full; what the engine answered until then "
        "is in the catalogs; 1 paid reply could not be written to its catalog "
        "(locales/es/LC_MESSAGES/b.po: No space left on device) and is kept in .transpub/unsaved/ "
        "(the next run stores it in the memory and fills the catalogs from it): run again once the memory answers"
    )
    assert server.repeated() == [] and again.ok
    assert filled(project.catalog_path("es", "b")) == {"Two."}


def test_a_reply_no_catalog_memory_or_folder_could_take_is_said_to_be_lost_not_in_the_catalogs(
    tmp_path, monkeypatch
):
    import errno

    from transpub import translate
    from transpub.errors import MemoryStoreError

    def no_room(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    project = make_project(tmp_path, {"a": [("One.", "")]})
    disk_full_for(monkeypatch, "a")
    memory_down(monkeypatch, lambda: True)
    monkeypatch.setattr(translate, "keep", no_room)
    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        with pytest.raises(MemoryStoreError) as failed:
            translate_project(project, ["es"])
    assert str(failed.value) == (
        "the translation memory failed: database or disk is full; 1 paid reply could not be written to "
        "its catalog (locales/es/LC_MESSAGES/a.po: No space left on device) nor kept "
        "([Errno 28] No space left on device) and will be paid for again: run again once the memory answers"
    )


def test_ctrl_c_between_an_engines_answer_and_its_hand_over_loses_no_batch_and_nothing_is_paid_twice(
    tmp_path, monkeypatch
):
    # (the runner dropped a request from those to hand over before handing it: the batch was lost)
    from transpub.engines import runner

    project = make_project(
        tmp_path,
        {"a": [("One.", ""), ("Two.", ""), ("Three.", "")]},
        extra="[engines.libre]\nbatch_size = 1\nconcurrency = 1\n",
    )
    real, joined = runner.join_replies, []

    def join(*args):
        joined.append(args)
        if len(joined) == 1:
            raise KeyboardInterrupt  # the answer to "One." read, not handed over yet
        return real(*args)

    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        monkeypatch.setattr(runner, "join_replies", join)
        with pytest.raises(KeyboardInterrupt):
            translate_project(project, ["es"])
        assert "One." in filled(project.catalog_path("es", "a"))
        monkeypatch.undo()
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        again = translate_project(project, ["es"])
    assert server.repeated() == [] and again.ok
    assert filled(project.catalog_path("es", "a")) == {"One.", "Two.", "Three."}


def test_a_catalog_a_full_disk_refused_is_named_and_its_paid_replies_are_said_to_be_in_the_memory(
    tmp_path, monkeypatch
):
    # (the error was the bare "b.po: cannot write: No space left on device": the user could not tell
    # that what was paid for is safe, nor that the next run fills the catalog without paying again)
    from transpub.errors import TranspubError

    project = make_project(
        tmp_path,
        {"a": [("One.", "")], "b": [("Two.", "")]},
        extra="[engines.libre]\nbatch_size = 1\nconcurrency = 1\n",
    )
    disk_full_for(monkeypatch, "b")
    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        with pytest.raises(TranspubError) as failed:
            translate_project(project, ["es"])
        monkeypatch.undo()  # (room on the disk again)
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        again = translate_project(project, ["es"])
    assert str(failed.value) == (
        "stopped: what the engine answered until then is in the catalogs; 1 paid reply could not be "
        "written to its catalog (locales/es/LC_MESSAGES/b.po: No space left on device) and is in the "
        "memory (the next run fills the catalogs from it): run again once the catalogs can be written"
    )
    assert server.repeated() == [] and again.ok
    assert filled(project.catalog_path("es", "b")) == {"Two."}


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_ctrl_c_or_sigterm_landing_as_a_batch_is_handed_over_loses_no_paid_reply(
    tmp_path, monkeypatch, sig
):
    # (a signal landing before on_batch's own guard, where Python may raise at any bytecode, lost the
    # batch: it was marked handed over, and its replies reached neither the catalog nor the memory)
    from transpub import cli, translate

    project = make_project(
        tmp_path,
        {"a": [("One.", ""), ("Two.", "")]},
        extra="[engines.libre]\nbatch_size = 1\nconcurrency = 1\n",
    )
    real, calls = translate._judged_batch, []

    def judged_batch(*args):
        calls.append(args)
        if len(calls) == 1:
            signal.raise_signal(sig)  # the signal lands here: Python raises at the next bytecode
            for _ in range(3):  # (those bytecodes, before the batch is judged)
                pass
        return real(*args)

    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        monkeypatch.setattr(translate, "_judged_batch", judged_batch)
        with cli._stops_like_ctrl_c(), pytest.raises(KeyboardInterrupt):
            translate_project(project, ["es"])
        assert "One." in filled(project.catalog_path("es", "a"))
        monkeypatch.undo()
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        again = translate_project(project, ["es"])
    assert server.repeated() == [] and again.ok
    assert filled(project.catalog_path("es", "a")) == {"One.", "Two."}
