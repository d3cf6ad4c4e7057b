"""``transpub translate --compare A B``: a side-by-side HTML report of two engines on a sample,
with the problems of each output; nothing written to the catalogs, the replies paid for kept in the
memory; every text escaped."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html

from fakeservers import FakeMT
from test_browser import ARTIFACTS, CHROMIUM, chromium
from test_compile_helpers import run_cli
from test_translate_helpers import make_project

HOSTILE = "Type <script>alert(1)</script> & <b>bold</b> here."
TERM = "Jingyue Hi-tech Zone grew fast."
PLACEHOLDER = "Read <1>the report</1> today."
UNITS = [HOSTILE, TERM, PLACEHOLDER, "The end."]
GLOSSARY = "term,es\nJingyue Hi-tech Zone,Zona de Alta Tecnología de Jingyue\n"


def news_project(tmp_path):
    """A project of the four units, with the glossary and the llm engine's model set; its root."""
    root = tmp_path / "news"
    root.mkdir()
    (root / "terms.csv").write_text(GLOSSARY, encoding="utf-8")
    make_project(
        root,
        {"story": [(msgid, "") for msgid in UNITS]},
        extra='[paths]\nglossary = "terms.csv"\n\n[engines.llm]\nmodel = "news-mt-1"\n',
    )
    return root


@pytest.fixture()
def compared(tmp_path, monkeypatch):
    """A project of four units compared between libre and llm (which drops placeholders)."""
    root = news_project(tmp_path)
    with FakeMT() as fake:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", fake.url)
        monkeypatch.setenv("TRANSPUB_LLM_URL", fake.url + "/v1")

        def answer(body):
            units = json.loads(body["messages"][-1]["content"])["units"]
            return json.dumps(
                {u["id"]: "[es] " + u["text"].replace("<1>", "").replace("</1>", "") for u in units}
            )

        fake.chat_answer = answer
        before = (root / "locales" / "es" / "LC_MESSAGES" / "story.po").read_bytes()
        report = tmp_path / "compare.html"
        result = run_cli(
            root, "translate", "--compare", "libre", "llm", "-l", "es", "--sample", "3", "--out", str(report)
        )
        yield root, result, report, before


def cells(report: Path) -> list[list[str]]:
    doc = lxml_html.fromstring(report.read_bytes())
    return [[cell.text_content() for cell in row.xpath("td")] for row in doc.xpath("//tbody/tr")]


def test_compare_report_shows_source_and_both_outputs_side_by_side(compared):
    _, result, report, _ = compared
    assert result.exit_code == 0, result.output
    assert "libre: 3 of 3 units without problems" in result.output
    assert "llm news-mt-1: 1 of 3 units without problems" in result.output  # two with problems
    assert f"Wrote {report}" in result.output
    rows = cells(report)
    assert len(rows) == 3
    term_row = next(row for row in rows if TERM in row[0])
    assert "[es] Zona de Alta Tecnología de Jingyue grew fast." in term_row[1]
    assert 'must be rendered as "Zona de Alta Tecnología de Jingyue"' in term_row[2]
    placeholder_row = next(row for row in rows if PLACEHOLDER in row[0])
    assert "placeholders differ from the source: <1> missing" in placeholder_row[2]
    assert "locales/es/LC_MESSAGES/story.po:" in placeholder_row[0]


def test_compare_report_escapes_every_text(compared):
    _, _, report, _ = compared
    doc = lxml_html.fromstring(report.read_bytes())
    assert not doc.xpath("//script") and not doc.xpath("//b")
    text = report.read_text(encoding="utf-8")
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    hostile_row = next(row for row in cells(report) if HOSTILE in row[0])
    assert "[es] " + HOSTILE in hostile_row[1]


def test_compare_writes_no_catalog_and_keeps_the_replies_paid_for_in_the_memory_as_machine_translations(
    compared,
):
    from transpub.memory import TranslationMemory

    root, _, _, before = compared
    assert (root / "locales" / "es" / "LC_MESSAGES" / "story.po").read_bytes() == before
    with TranslationMemory(root / ".transpub" / "memory.sqlite") as memory:
        kept = sorted((entry.origin, entry.source) for entry in memory.entries())
    sample = sorted({source for _, source in kept})
    assert len(sample) == 3 and set(sample) <= set(UNITS)
    assert kept == sorted(
        [("libre", source) for source in sample]
        + [("llm", source) for source in sample if source == HOSTILE]
        + [("llm:rejected", source) for source in sample if source != HOSTILE]  # (the report's problems)
    )  # (none as a translator's: nothing said human work)


def sample_sent(server, route: str = "/translate") -> set[str]:
    return {text for sent_to, texts in server.request_log if sent_to == route for text in texts}


def test_a_translate_run_after_compare_pays_only_for_what_the_sample_did_not_cover(tmp_path, monkeypatch):
    texts = [
        "The ferry leaves at noon.",
        "Snow closed the mountain pass.",
        "Our mayor thanked every volunteer.",
        "Prices rose again in March.",
        "A new library opens downtown.",
        "Fishermen returned before the storm.",
    ]
    make_project(tmp_path, {"story": [(text, "") for text in texts]}, extra='[engines.llm]\nmodel = "m"\n')
    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        monkeypatch.setenv("TRANSPUB_LLM_URL", server.url + "/v1")
        out = str(tmp_path / "compare.html")
        compared = run_cli(
            tmp_path, "translate", "--compare", "libre", "llm", "-l", "es", "--sample", "2", "--out", out
        )
        assert compared.exit_code == 0, compared.output
        sampled = sample_sent(server)
        before = len(server.request_log)
        translated = run_cli(tmp_path, "translate", "-l", "es")
        sent = [text for _, batch in server.request_log[before:] for text in batch]
    assert translated.exit_code == 0, translated.output
    assert len(sampled) == 2 and sorted(sent) == sorted(set(texts) - sampled)
    assert "es via libre: 4 machine-translated, 2 from earlier machine translations" in translated.output
    po = (tmp_path / "locales" / "es" / "LC_MESSAGES" / "story.po").read_text(encoding="utf-8")
    assert all(f'msgstr "[es] {text}"' in po for text in texts)


def test_replies_of_a_compare_the_memory_refuses_are_kept_said_and_not_paid_again(tmp_path, monkeypatch):
    from transpub.errors import MemoryStoreError
    from transpub.memory import TranslationMemory

    texts = ["The ferry leaves at noon.", "The bus leaves at one."]
    make_project(tmp_path, {"story": [(text, "") for text in texts]})
    real = TranslationMemory.add

    def add(self, source, target, pairs, origin="human"):
        if pairs and origin != "human":
            raise MemoryStoreError("the translation memory failed: database or disk is full")
        return real(self, source, target, pairs, origin)

    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        with monkeypatch.context() as down:
            down.setattr(TranslationMemory, "add", add)
            out = str(tmp_path / "compare.html")
            compared = run_cli(
                tmp_path, "translate", "--compare", "libre", "libre-dt", "-l", "es", "--out", out
            )
        before = len(server.request_log)
        translated = run_cli(tmp_path, "translate", "-l", "es")
    assert compared.exit_code == 0, compared.output
    assert "libre: 2 of 2 units without problems" in compared.stdout
    assert (
        "Warning: the translation memory failed: database or disk is full; the replies paid for are not all "
        "in the memory; 4 paid replies are kept in .transpub/unsaved/ (the next translate run stores them in "
        "the memory)"
    ) in compared.stderr
    assert translated.exit_code == 0, translated.output
    assert server.request_log[before:] == []  # (libre's replies came from unsaved/)
    assert "2 from earlier machine translations" in translated.output


def test_compare_needs_one_locale(tmp_path):
    make_project(tmp_path, {"story": [("Hello.", "")]}, locales=("es", "de"))
    result = run_cli(tmp_path, "translate", "--compare", "libre", "llm")
    assert result.exit_code == 2 and "--compare works on one locale: pass -l LOCALE" in result.output


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (make test installs it)")
def test_compare_report_renders_in_a_browser(compared, tmp_path):
    _, _, report, _ = compared
    shot = tmp_path / "compare.png"
    chromium(tmp_path / "profile", f"--screenshot={shot}", "--window-size=1400,700", report.as_uri())
    assert shot.stat().st_size > 5000
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copyfile(shot, ARTIFACTS / "compare-report.png")


def test_a_control_character_from_an_engine_or_a_catalog_still_gives_the_report(tmp_path):
    # lxml refuses such characters: the report of a paid comparison was lost to a traceback
    from transpub.compare_report import ComparedUnit, Comparison, EngineOutput, write_comparison

    unit = ComparedUnit(
        "The mayor thanked everyone.",
        "locales/es/LC_MESSAGES/story.po:7",
        "El alcalde\f agradeció a todos.",  # a translator's catalog may hold \f
        (EngineOutput("El alcalde\x1b[31m agradeció."), EngineOutput("", ("malformed reply: \x00",))),
    )
    report = tmp_path / "compare.html"
    write_comparison(Comparison("News", "en", "es", ("libre", "llm"), (unit,)), report)
    [row] = cells(report)
    assert "El alcalde\\x0c agradeció a todos." in row[0]
    assert "El alcalde\\x1b[31m agradeció." in row[1] and "malformed reply: \\x00" in row[2]


def test_compare_finds_the_catalogs_of_articles_in_folders_and_says_tm_has_nothing_to_compare(
    tmp_path, monkeypatch
):
    # articles/news/story.html has the catalog news/story.po: compare looked for story.po, found none
    root = tmp_path / "news"
    (root / "articles" / "news").mkdir(parents=True)
    make_project(root, {"news/story": [("The ferry leaves at noon.", "")]})
    with FakeMT() as fake:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", fake.url)
        report = tmp_path / "compare.html"
        result = run_cli(
            root, "translate", "--compare", "libre", "libre-dt", "-l", "es", "--out", str(report)
        )
        assert result.exit_code == 0, result.output
        [row] = cells(report)
        assert "news/story.po" in row[0] and "The ferry leaves at noon." in row[0]
        result = run_cli(root, "translate", "--compare", "libre", "tm", "-l", "es")
    assert result.exit_code == 2
    assert (
        "engine tm fills from the memory only: it has no translations of its own to compare" in result.output
    )


def test_compare_with_the_memory_only_engine_tm_is_a_command_line_mistake_exit_2(tmp_path) -> None:
    # (it exited 1, as for work that failed, while an unknown engine name exited 2)
    root = tmp_path / "news"
    (root / "articles").mkdir(parents=True)
    make_project(root, {"story": [("The ferry leaves at noon.", "")]})
    result = run_cli(root, "translate", "--compare", "tm", "libre", "-l", "es")
    assert result.exit_code == 2, result.output
    assert result.output.splitlines() == [
        "Error: engine tm fills from the memory only: it has no translations of its own to compare "
        "(compare machine-translation engines)"
    ]
    assert not list(tmp_path.rglob("compare-*.html"))


def test_compare_naming_one_engine_twice_is_a_command_line_mistake_and_pays_nothing(tmp_path, monkeypatch):
    # (it paid the engine once per unit for a report of two identical columns)
    root = news_project(tmp_path)
    monkeypatch.chdir(tmp_path)  # (where the report would go)
    with FakeMT() as fake:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", fake.url)
        result = run_cli(root, "translate", "--compare", "libre", "libre", "-l", "es")
        assert result.exit_code == 2, result.output
        assert result.output.splitlines() == [
            "Error: engine libre is named twice: compare two different engines (`transpub engines` lists "
            "the engines and their language pairs)"
        ]
        assert not fake.requests and not list(tmp_path.rglob("compare-*.html"))


def test_compare_with_an_engine_lacking_the_language_pair_is_refused_before_anything_is_sent(
    tmp_path, monkeypatch
) -> None:
    # (apertium without en→de, or libre-dt into Swedish: a report of "no translation" in every row,
    # exit 0, where translate refuses the same engine for that locale with exit 2)
    root = tmp_path / "news"
    make_project(root, {"story": [("The ferry leaves at noon.", "")]}, locales=("sv",))
    with FakeMT() as fake:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", fake.url)
        result = run_cli(root, "translate", "--compare", "libre", "libre-dt", "-l", "sv")
        assert fake.requests == 0
    assert result.exit_code == 2, result.output
    assert result.output.splitlines() == [
        "Error: cannot compare sv: no language pair en→sv in engine libre-dt; compare two engines that "
        "have it (`transpub engines` lists the engines and their language pairs)"
    ]
    assert not list(tmp_path.rglob("compare-*.html"))


def chat_sent(server, since: int = 0) -> list[str]:
    """The texts the LLM engine sent in the chat requests after the first ``since``."""
    return [
        unit["text"]
        for body in server.chat_requests[since:]
        for unit in json.loads(body["messages"][-1]["content"])["units"]
    ]


def test_a_second_compare_pays_for_no_reply_the_memory_holds_and_says_which_came_from_it(
    tmp_path, monkeypatch
):
    root = news_project(tmp_path)
    report = tmp_path / "compare.html"
    compare = ("translate", "--compare", "libre", "llm", "-l", "es", "--out", str(report))
    with FakeMT() as fake:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", fake.url)
        monkeypatch.setenv("TRANSPUB_LLM_URL", fake.url + "/v1")
        fake.chat_answer = lambda body: json.dumps(
            {
                u["id"]: "[es] " + u["text"].replace("<1>", "").replace("</1>", "")
                for u in json.loads(body["messages"][-1]["content"])["units"]
            }
        )
        first = run_cli(root, *compare, "--sample", "3")
        assert first.exit_code == 0, first.output
        assert "from the memory" not in first.output + report.read_text("utf-8")
        paid = {"libre": sample_sent(fake), "llm": set(chat_sent(fake))}
        assert len(paid["libre"]) == len(paid["llm"]) == 3
        logged, chats = len(fake.request_log), len(fake.chat_requests)
        second = run_cli(root, *compare, "--sample", "4")  # the three again, and one more
        sent = {
            "libre": [t for _, texts in fake.request_log[logged:] for t in texts],
            "llm": chat_sent(fake, chats),
        }
        logged_again, chats_again = len(fake.request_log), len(fake.chat_requests)
        retried = run_cli(
            root, *compare, "--sample", "4", "--retry-rejected", "--out", str(tmp_path / "r.html")
        )
        asked_again = {
            "libre": [t for _, texts in fake.request_log[logged_again:] for t in texts],
            "llm": chat_sent(fake, chats_again),
        }
    assert second.exit_code == 0, second.output
    assert sent["libre"] == ["The end."] and sent["llm"] == ["The end."]  # (none of the three again)
    assert "libre: 4 of 4 units without problems (3 replies from the memory)" in second.output
    assert "llm news-mt-1: 2 of 4 units without problems (3 replies from the memory)" in second.output
    rows = cells(report)
    for row in rows:
        stored = "The end." not in row[0]
        assert all(("from the memory: the reply to an earlier run" in cell) == stored for cell in row[1:])
    placeholder_row = next(row for row in rows if PLACEHOLDER in row[0])
    assert "placeholders differ from the source: <1> missing" in placeholder_row[2]  # (rejected before)
    term_row = next(row for row in rows if TERM in row[0])
    assert "[es] Zona de Alta Tecnología de Jingyue grew fast." in term_row[1]
    assert 'must be rendered as "Zona de Alta Tecnología de Jingyue"' in term_row[2]
    assert retried.exit_code == 0, retried.output
    assert asked_again["libre"] == []
    assert set(asked_again["llm"]) == paid["llm"] - {HOSTILE}  # the two it rejected


def test_a_compare_pays_for_no_text_another_worker_is_sending_to_the_same_engine(tmp_path, monkeypatch):
    # (compare claimed nothing: a translate run sending the same text to the same engine on the shared
    # memory at that moment, and this compare, both paid for it)
    import threading
    import time

    from transpub import translate
    from transpub.memory import open_memory
    from transpub.project import load_project

    root = news_project(tmp_path)
    memory = load_project(root).memory_location
    monkeypatch.setattr(translate, "CLAIM_POLL_SECONDS", 0.05)
    with open_memory(memory) as worker:  # another worker is sending "The end." to libre
        assert worker.claim("en", "es", "libre", ["The end."], seconds=60) == {"The end."}

    def its_reply_arrives() -> None:
        time.sleep(0.5)
        with open_memory(memory) as worker:
            worker.add("en", "es", [("The end.", "El fin.")], "libre")
            worker.release("en", "es", "libre", ["The end."])

    report = tmp_path / "compare.html"
    with FakeMT() as fake:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", fake.url)
        monkeypatch.setenv("TRANSPUB_LLM_URL", fake.url + "/v1")
        fake.chat_answer = lambda body: json.dumps(
            {u["id"]: "[es] " + u["text"] for u in json.loads(body["messages"][-1]["content"])["units"]}
        )
        worker = threading.Thread(target=its_reply_arrives)
        worker.start()
        result = run_cli(root, "translate", "--compare", "libre", "llm", "-l", "es", "--out", str(report))
        worker.join()
    assert result.exit_code == 0, result.output
    assert "The end." not in sample_sent(fake) and len(sample_sent(fake)) == len(UNITS) - 1
    assert "The end." in chat_sent(fake)  # (claimed for libre only: the llm engine's reply is its own)
    end_row = next(row for row in cells(report) if "The end." in row[0])
    assert "El fin." in end_row[1] and "from the memory" in end_row[1]


def test_a_compare_report_named_in_the_articles_folder_is_refused_before_any_engine_is_paid(
    tmp_path, monkeypatch
):
    # written there, the report was read as an article by the next extract (and translated, published)
    root = news_project(tmp_path)
    with FakeMT() as fake:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", fake.url)
        monkeypatch.setenv("TRANSPUB_LLM_URL", fake.url + "/v1")
        out = root / "articles" / "compare.html"
        result = run_cli(root, "translate", "--compare", "libre", "llm", "-l", "es", "--out", str(out))
        assert result.exit_code == 2, result.output
        assert result.output.splitlines()[-1] == (
            f"Error: --out {out} is in the articles folder (articles/): the next extract would read the "
            "report as an article; write it elsewhere"
        )
        assert not out.exists() and not fake.requests
