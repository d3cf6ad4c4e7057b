"""Long texts cut for a provider's limit: pieces paid once, markup never cut apart."""

from __future__ import annotations

import re
import threading

import pytest

from fakeservers import FakeMT
from test_translate_helpers import make_project
from transpub.catalog import read_catalog
from transpub.engines import RetryPolicy
from transpub.translate import translate_project

FAST = RetryPolicy(attempts=2, base_delay=0.0, max_delay=0.0)
LONG = "First sentence is right here. Second sentence is right here. Third sentence is right here."
SMALL = "[engines.libre]\nmax_chars = 32\nbatch_size = 1\nconcurrency = 1\n"


def msgstr(project, msgid, slug="a", locale="es"):
    return {e.msgid: e.msgstr for e in read_catalog(project.catalog_path(locale, slug))}[msgid]


def test_pieces_already_translated_are_not_paid_again_when_another_piece_failed(tmp_path, monkeypatch):
    project = make_project(tmp_path, {"a": [(LONG, "")]}, extra=SMALL)
    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        server.fail_if = lambda texts: any("Second" in t for t in texts)
        first = translate_project(project, ["es"], policy=FAST)
        assert not first.ok and msgstr(project, LONG) == ""
        assert server.paid["First sentence is right here."] == 1
        server.fail_if = None
        again = translate_project(project, ["es"], policy=FAST)
        assert again.ok
        assert server.repeated() == []
        assert [t for _, texts in server.request_log for t in texts].count(
            "First sentence is right here."
        ) == 1
    assert msgstr(project, LONG) == (
        "[es] First sentence is right here. [es] Second sentence is right here. "
        "[es] Third sentence is right here."
    )


def test_a_run_stopped_between_pieces_does_not_pay_the_finished_pieces_again(tmp_path, monkeypatch):
    project = make_project(tmp_path, {"a": [(LONG, "")]}, extra=SMALL)

    def stop_after_first_batch(event):
        if event.kind == "batch":
            raise KeyboardInterrupt

    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        with pytest.raises(KeyboardInterrupt):
            translate_project(project, ["es"], policy=FAST, progress=stop_after_first_batch, concurrency=1)
        assert msgstr(project, LONG) == ""
        report = translate_project(project, ["es"], policy=FAST)
        sent = [t for _, texts in server.request_log for t in texts]
    assert report.ok
    assert sent.count("First sentence is right here.") == 1  # its batch was back before the stop
    assert msgstr(project, LONG).count("[es]") == 3


def memory_that_fails(monkeypatch) -> threading.Event:
    """The project's memory stops storing (as a server that closed the connection) once the event
    returned is set."""
    from transpub.errors import MemoryStoreError
    from transpub.memory import TranslationMemory

    down = threading.Event()
    real_add = TranslationMemory.add

    def add(self, *args, **kwargs):
        if down.is_set():
            raise MemoryStoreError("the translation memory failed: server closed the connection")
        return real_add(self, *args, **kwargs)

    monkeypatch.setattr(TranslationMemory, "add", add)
    return down


def test_pieces_paid_before_the_memory_failed_are_said_to_be_kept_and_not_paid_again(tmp_path, monkeypatch):
    """The memory stops answering once the first piece is out: the run stops with an error saying
    the pieces paid for are kept, and the next run (the memory back) does not pay for them again."""
    from transpub.errors import MemoryStoreError

    project = make_project(tmp_path, {"a": [(LONG, "")]}, extra=SMALL)
    down = memory_that_fails(monkeypatch)

    def translate(text, target):
        down.set()  # the memory drops while the first piece is out
        return f"[{target.lower()}] {text}"

    with FakeMT(translate=translate) as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        with pytest.raises(MemoryStoreError) as failed:
            translate_project(project, ["es"], policy=FAST, concurrency=1)
        assert (
            "2 paid pieces of texts cut for the engine's length limit are kept in .transpub/unsaved/"
            in str(failed.value)
        )  # (the second piece was out when the memory failed)
        assert msgstr(project, LONG) == ""
        down.clear()
        [estimate] = translate_project(project, ["es"], dry_run=True).estimates  # (it keeps them kept)
        assert estimate.chars == len("Third sentence is right here.")
        server.translate = lambda text, target: f"[{target.lower()}] {text}"
        again = translate_project(project, ["es"], policy=FAST)
        sent = [t for _, texts in server.request_log for t in texts]
    assert again.ok, again.failures
    assert again.notes == [
        "2 machine translations an earlier run paid for and kept in .transpub/unsaved/ "
        "(the memory had failed) stored in the memory"
    ]
    assert sent.count("First sentence is right here.") == 1 and server.repeated() == []
    assert msgstr(project, LONG).count("[es]") == 3


def test_a_rejected_reply_paid_for_when_the_memory_failed_is_kept_and_not_asked_again(tmp_path, monkeypatch):
    """The memory fails while a batch holding a good reply and a rejected one (its placeholder
    dropped) is stored: both are kept, and the next run does not pay for the rejected text again."""
    from transpub.errors import MemoryStoreError

    broken = "Press <1>this</1> now."
    project = make_project(tmp_path, {"a": [("Good morning.", ""), (broken, "")]})
    down = memory_that_fails(monkeypatch)

    def translate(text, target):
        down.set()
        return re.sub(r"<[^>]*>", "", f"[{target.lower()}] {text}")  # (drops the placeholder)

    with FakeMT(translate=translate) as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        with pytest.raises(MemoryStoreError) as failed:
            translate_project(project, ["es"], policy=FAST)
        assert "1 rejected reply is kept in .transpub/unsaved/" in str(failed.value)
        down.clear()
        again = translate_project(project, ["es"], policy=FAST)
        sent = [t for _, texts in server.request_log for t in texts]
    assert msgstr(project, "Good morning.") == "[es] Good morning."
    assert sent.count("Good morning.") == 1
    assert sum(broken in t or "Press" in t for t in sent) == 1, sent
    assert [f.kind for f in again.failures] == ["rejected earlier"]  # (said, not sent again)


def test_dry_run_leaves_out_pieces_already_paid(tmp_path, monkeypatch):
    project = make_project(tmp_path, {"a": [(LONG, "")]}, extra=SMALL)
    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        server.fail_if = lambda texts: any("Second" in t for t in texts)
        translate_project(project, ["es"], policy=FAST)
    [estimate] = translate_project(project, ["es"], dry_run=True).estimates
    assert (estimate.units, estimate.chars) == (1, len("Second sentence is right here."))


def test_a_damaged_file_of_kept_replies_is_a_warning_naming_it_and_is_left_as_it_is(tmp_path, monkeypatch):
    project = make_project(tmp_path, {"a": [(LONG, "")]}, extra=SMALL)
    damaged = tmp_path / ".transpub" / "unsaved" / "1-cut-short.json"
    damaged.parent.mkdir(parents=True)
    damaged.write_text('{"source_lang": "en", "pai', encoding="utf-8")
    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        report = translate_project(project, ["es"], policy=FAST)
    assert report.ok and msgstr(project, LONG).count("[es]") == 3
    assert [w for w in report.warnings if str(damaged) in w and "left as it is" in w], report.warnings
    assert damaged.exists()


def test_a_kept_file_claiming_human_work_is_not_stored_as_a_translators(tmp_path, monkeypatch):
    # .transpub/unsaved/ may come back from a CI cache: it holds engines' replies, never a translator's
    import json

    project = make_project(tmp_path, {"a": [("Good morning.", "")]})
    planted = tmp_path / ".transpub" / "unsaved" / "1-planted.json"
    planted.parent.mkdir(parents=True)
    record = {
        "source_lang": "en",
        "target_lang": "es",
        "origin": "human",
        "pairs": [["Good morning.", "Evil."]],
    }
    planted.write_text(json.dumps(record), encoding="utf-8")
    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        report = translate_project(project, ["es"], policy=FAST)
    assert msgstr(project, "Good morning.") == "[es] Good morning."
    assert [w for w in report.warnings if str(planted) in w and "not an engine's reply" in w], report.warnings
    assert not report.notes and planted.exists()


MARKUP = "The festival is <1>wonderful and in winter time</1> and many people come to see it."


def _balanced(text: str) -> bool:
    stack = []
    for closing, number in re.findall(r"<(/?)x(\d+)>", text):
        if closing:
            if not stack or stack.pop() != number:
                return False
        else:
            stack.append(number)
    return not stack


def test_long_text_is_never_cut_through_a_tag_pair(tmp_path, monkeypatch):
    project = make_project(tmp_path, {"a": [(MARKUP, "")]}, extra=SMALL.replace("32", "40"))
    with FakeMT(translate=lambda text, target: text.replace("winter", "invierno")) as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        report = translate_project(project, ["es"], policy=FAST)
        sent = [t for _, texts in server.request_log for t in texts]
    assert report.ok, report.failures
    assert len(sent) > 1 and all(len(t) <= 40 and _balanced(t) for t in sent)
    assert not any(t.endswith("and") and "<x1>" in t and "</x1>" not in t for t in sent)
    assert msgstr(project, MARKUP) == MARKUP.replace("winter", "invierno")


def test_pair_too_long_for_one_piece_is_closed_and_reopened_and_comes_back_whole(tmp_path, monkeypatch):
    project = make_project(tmp_path, {"a": [(MARKUP, "")]}, extra=SMALL.replace("32", "28"))
    with FakeMT(translate=lambda text, target: text.replace("winter", "invierno")) as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        report = translate_project(project, ["es"], policy=FAST)
        sent = [t for _, texts in server.request_log for t in texts]
    assert report.ok, report.failures
    assert all(len(t) <= 28 and _balanced(t) for t in sent)
    assert sum("<x1>" in t for t in sent) >= 2  # the pair was cut, each piece well formed
    assert msgstr(project, MARKUP) == MARKUP.replace("winter", "invierno")


def test_engine_that_moves_a_reopened_tag_gets_the_unit_rejected_not_garbled(tmp_path, monkeypatch):
    project = make_project(tmp_path, {"a": [(MARKUP, "")]}, extra=SMALL.replace("32", "28"))
    with FakeMT(translate=lambda text, target: "[es] " + text) as server:  # the prefix pushes <x1> inward
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        report = translate_project(project, ["es"], policy=FAST)
    assert not report.ok and report.counts[("es", "libre")].rejected_placeholders == 1
    assert msgstr(project, MARKUP) == ""


def test_a_pair_of_apertiums_tokens_too_long_for_one_piece_is_closed_and_reopened():
    from transpub.engines.runner import join_replies, split_text
    from transpub.masking import mask, unmask

    masked = mask("<1>wonderful and in winter time</1> it was.", "word")
    pieces = split_text(masked.text, 34)
    assert len(pieces) > 1
    assert all(p.text.count("@@Px1@@") == p.text.count("@@Px1E@@") for p in pieces)
    joined = join_replies(pieces, [p.text.replace("winter", "invierno") for p in pieces])
    assert unmask(masked, joined) == "<1>wonderful and in invierno time</1> it was."


def test_a_link_in_place_of_the_unsaved_folder_leading_out_of_the_project_is_one_error_and_takes_nothing_there(
    tmp_path, monkeypatch
):
    """``.transpub/unsaved`` as a link (a CI cache restored) had translate read every record-shaped
    JSON file where it led into the memory, as paid machine translations, and delete it."""
    from transpub.errors import UnsafePathError

    project = make_project(tmp_path / "news", {"a": [("Good morning.", "")]})
    elsewhere = tmp_path / "home-of-someone"
    elsewhere.mkdir()
    theirs = elsewhere / "theirs.json"
    theirs.write_text(
        '{"source_lang": "en", "target_lang": "es", "origin": "deepl", "pairs": [["Good morning.", "Adiós."]]}',
        encoding="utf-8",
    )
    (tmp_path / "news" / ".transpub").mkdir(exist_ok=True)
    (tmp_path / "news" / ".transpub" / "unsaved").symlink_to(elsewhere, target_is_directory=True)
    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        with pytest.raises(UnsafePathError) as refused:
            translate_project(project, ["es"], policy=FAST)
    assert ".transpub/unsaved" in str(refused.value) and "symbolic link" in str(refused.value)
    assert theirs.is_file() and msgstr(project, "Good morning.") == ""
