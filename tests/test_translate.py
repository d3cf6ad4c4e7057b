"""The translate workflow: memory first, MT once per segment, safe PO writes, honest reports."""

from __future__ import annotations

import pytest

from fakeservers import FakeMT
from test_translate_helpers import make_project, po_text
from transpub.catalog import entry_state, read_catalog
from transpub.engines import RetryPolicy
from transpub.errors import EngineError
from transpub.translate import translate_project

FAST = RetryPolicy(attempts=2, base_delay=0.0, max_delay=0.0)


@pytest.fixture()
def fake(monkeypatch):
    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        yield server


def entries(project, slug, locale="es"):
    po = read_catalog(project.catalog_path(locale, slug))
    return {e.msgid: e for e in po}


def test_empty_entries_are_filled_by_mt_as_fuzzy_with_provenance(tmp_path, fake):
    project = make_project(tmp_path, {"intro": [("Hello <1>world</1>.", ""), ("Kept.", "Guardado.")]})
    report = translate_project(project, ["es"], policy=FAST)
    got = entries(project, "intro")
    hello = got["Hello <1>world</1>."]
    assert hello.msgstr == "[es] Hello <1>world</1>."
    assert entry_state(hello) == "fuzzy"
    assert "transpub: machine translation by libre (en→es) on" in hello.tcomment
    assert got["Kept."].msgstr == "Guardado." and entry_state(got["Kept."]) == "translated"
    assert report.ok and report.counts[("es", "libre")].filled_mt == 1


def test_a_sentence_in_two_articles_is_sent_once(tmp_path, fake):
    project = make_project(tmp_path, {"a": [("Shared sentence.", "")], "b": [("Shared sentence.", "")]})
    report = translate_project(project, ["es"], policy=FAST)
    assert fake.paid["Shared sentence."] == 1
    assert entries(project, "b")["Shared sentence."].msgstr == "[es] Shared sentence."
    assert report.counts[("es", "libre")].filled_mt == 2


def test_nothing_paid_for_is_requested_again_in_a_later_run(tmp_path, fake):
    project = make_project(tmp_path, {"a": [("Once only.", "")]})
    translate_project(project, ["es"], policy=FAST)
    make_project(tmp_path, {"b": [("Once only.", "")]})  # a new article repeats the sentence
    report = translate_project(project, ["es"], policy=FAST)
    assert fake.paid["Once only."] == 1
    assert entries(project, "b")["Once only."].msgstr == "[es] Once only."
    assert report.counts[("es", "libre")].reused_mt == 1


def test_reviewed_translation_feeds_other_articles_exactly_and_fuzzily(tmp_path, fake):
    project = make_project(
        tmp_path,
        {
            "a": [("Click the button to save your work.", "Pulsa el botón para guardar tu trabajo.")],
            "b": [("Click the button to save your work.", ""), ("Click the button to save your file.", "")],
        },
    )
    report = translate_project(project, ["es"], policy=FAST)
    got = entries(project, "b")
    exact = got["Click the button to save your work."]
    close = got["Click the button to save your file."]
    assert exact.msgstr == close.msgstr == "Pulsa el botón para guardar tu trabajo."
    assert "translation memory exact match" in exact.tcomment
    assert "% match on" in close.tcomment and entry_state(close) == "fuzzy"
    assert "machine translation" not in exact.tcomment + close.tcomment  # (a reviewer's work)
    assert fake.requests == 0
    counts = report.counts[("es", "libre")]
    assert (counts.filled_tm, counts.filled_fuzzy_tm) == (1, 1)


def test_a_close_match_of_the_engines_own_output_is_marked_machine_translation(tmp_path, fake):
    """compile's notice says "machine-translated" by this comment: a like sentence's machine
    translation is machine output, a like sentence's reviewed translation is not."""
    project = make_project(tmp_path, {"a": [("Click the button to save your work.", "")]})
    translate_project(project, ["es"], policy=FAST)
    make_project(tmp_path, {"b": [("Click the button to save your file.", "")]})
    report = translate_project(project, ["es"], policy=FAST)
    close = entries(project, "b")["Click the button to save your file."]
    assert close.msgstr == "[es] Click the button to save your work." and entry_state(close) == "fuzzy"
    assert "transpub: machine translation by libre (en→es), translation memory " in close.tcomment
    assert "% match on" in close.tcomment
    assert fake.paid["Click the button to save your file."] == 0
    assert report.counts[("es", "libre")].filled_fuzzy_tm == 1


def test_a_reviewed_translation_that_lost_its_placeholders_is_not_reused_elsewhere(tmp_path, fake):
    # article a's reviewer dropped the link; article b still gets a translation that keeps it
    project = make_project(
        tmp_path,
        {
            "a": [("Read <1>the report</1> now.", "Lee el informe ahora.")],
            "b": [("Read <1>the report</1> now.", "")],
        },
    )
    report = translate_project(project, ["es"], policy=FAST)
    assert entries(project, "b")["Read <1>the report</1> now."].msgstr == "[es] Read <1>the report</1> now."
    assert report.counts[("es", "libre")].filled_tm == 0


def test_memory_score_100_on_the_command_line_sends_close_matches_to_mt(tmp_path, fake):
    from click.testing import CliRunner

    from transpub.cli import main

    make_project(
        tmp_path,
        {
            "a": [("Click the button to save your work.", "Pulsa el botón para guardar tu trabajo.")],
            "b": [("Click the button to save your file.", "")],
        },
    )
    result = CliRunner().invoke(
        main, ["--project", str(tmp_path), "translate", "-l", "es", "--memory-score", "100"]
    )
    assert result.exit_code == 0, result.output
    project = make_project(tmp_path, {})
    assert (
        entries(project, "b")["Click the button to save your file."].msgstr
        == "[es] Click the button to save your file."
    )
    assert fake.paid["Click the button to save your file."] == 1


def test_dry_run_estimates_units_characters_and_cost_and_sends_nothing(tmp_path, fake):
    project = make_project(
        tmp_path,
        {"a": [("Twelve chars", ""), ("Four", "")], "b": [("Four", "")]},
        extra="[engines.libre]\nprice_per_million = 20\n",
    )
    report = translate_project(project, ["es"], dry_run=True)
    [estimate] = report.estimates
    assert (estimate.units, estimate.chars) == (2, 16)
    assert estimate.cost == pytest.approx(16 * 20 / 1e6)
    assert fake.requests == 0
    assert entries(project, "a")["Four"].msgstr == ""


def test_failures_are_counted_and_the_report_is_not_ok(tmp_path, fake):
    fake.default_fault = "500"
    project = make_project(tmp_path, {"a": [("One.", ""), ("Two.", "")]})
    report = translate_project(project, ["es"], policy=FAST)
    assert not report.ok and report.failed == 2
    assert all("HTTP 500" in f.message for f in report.failures)
    assert entries(project, "a")["One."].msgstr == ""


def test_reply_breaking_placeholders_is_rejected_and_not_asked_again(tmp_path, monkeypatch):
    with FakeMT(translate=lambda text, target: "sin etiquetas") as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        project = make_project(tmp_path, {"a": [("Click <1>here</1>.", "")]})
        report = translate_project(project, ["es"], policy=FAST)
        assert report.counts[("es", "libre")].rejected_placeholders == 1 and not report.ok
        assert entries(project, "a")["Click <1>here</1>."].msgstr == ""
        again = translate_project(project, ["es"], policy=FAST)
        assert server.requests == 1 and not again.ok


def test_translator_saving_during_a_run_is_never_overwritten(tmp_path, fake):
    project = make_project(
        tmp_path,
        {"a": [("First.", ""), ("Second.", "")]},
        extra="[engines.libre]\nbatch_size = 1\nconcurrency = 1\n",
    )
    path = project.catalog_path("es", "a")

    def translator_saves(event):
        if event.kind == "batch" and event.units_done == 1:
            path.write_text(
                po_text("es", [("First.", "Primero (humano)."), ("Second.", "Segundo (humano).")]),
                encoding="utf-8",
            )

    translate_project(project, ["es"], progress=translator_saves, policy=FAST)
    got = entries(project, "a")
    assert got["First."].msgstr == "Primero (humano)."
    assert got["Second."].msgstr == "Segundo (humano)."


def test_progress_reports_units_and_characters(tmp_path, fake):
    project = make_project(
        tmp_path, {"a": [(f"Sentence {i}.", "") for i in range(5)]}, extra="[engines.libre]\nbatch_size = 2\n"
    )
    events = []
    translate_project(project, ["es"], progress=events.append, policy=FAST)
    assert events[0].kind == "start" and events[-1].kind == "finish"
    assert events[-1].units_done == events[-1].units_total == 5
    assert events[-1].chars_done == events[-1].chars_total


def test_unconfigured_engine_is_an_error_before_anything_is_sent(tmp_path, monkeypatch):
    monkeypatch.delenv("TRANSPUB_DEEPL_API_KEY", raising=False)
    project = make_project(tmp_path, {"a": [("One.", "")]}, engine="deepl")
    with pytest.raises(EngineError, match="not configured"):
        translate_project(project, ["es"])


def test_translate_with_an_engine_lacking_its_key_names_the_variable_to_set(tmp_path, monkeypatch):
    monkeypatch.delenv("TRANSPUB_DEEPL_API_KEY", raising=False)
    project = make_project(tmp_path, {"a": [("One.", "")]}, engine="deepl")
    with pytest.raises(
        EngineError, match=r"engine deepl is not configured: it needs TRANSPUB_DEEPL_API_KEY;"
    ):
        translate_project(project, ["es"])


def test_translate_with_llm_and_a_server_of_ones_own_but_no_model_says_to_set_the_model(
    tmp_path, monkeypatch
):
    monkeypatch.delenv("TRANSPUB_LLM_API_KEY", raising=False)
    monkeypatch.delenv("TRANSPUB_LLM_URL", raising=False)
    extra = '[engines.llm]\nbase_url = "http://127.0.0.1:8080/v1"\n'
    project = make_project(tmp_path, {"a": [("One.", "")]}, engine="llm", extra=extra)
    with pytest.raises(EngineError, match=r"it needs a model in \[engines.llm\];"):
        translate_project(project, ["es"])


def test_translate_with_apertium_not_installed_says_what_to_install(tmp_path):
    extra = '[engines.apertium]\nbinary = "no-such-apertium-here"\n'
    project = make_project(tmp_path, {"a": [("One.", "")]}, engine="apertium", extra=extra)
    with pytest.raises(
        EngineError, match=r"it needs the no-such-apertium-here command \(Debian: apt-get install"
    ):
        translate_project(project, ["es"])


def test_tm_engine_fills_from_memory_only(tmp_path):
    project = make_project(
        tmp_path, {"a": [("Known.", "Conocido.")], "b": [("Known.", ""), ("New.", "")]}, engine="tm"
    )
    report = translate_project(project, ["es"])
    got = entries(project, "b")
    assert got["Known."].msgstr == "Conocido." and got["New."].msgstr == ""
    counts = report.counts[("es", "tm")]
    assert (counts.filled_tm, counts.unmatched) == (1, 1) and report.ok


def test_glossary_term_comes_out_as_the_required_target_term(tmp_path, fake, monkeypatch):
    class Term:
        def required(self, locale):
            return "Panel de control"

    class Match:
        def __init__(self, start, end):
            self.start, self.end, self.term = start, end, Term()

    class Glossary:
        def find(self, text, lang):
            at = text.find("Dashboard")
            return [Match(at, at + 9)] if at >= 0 else []

    monkeypatch.setattr("transpub.translate._load_glossary", lambda project: Glossary())
    project = make_project(tmp_path, {"a": [("Open the Dashboard.", "")]})
    translate_project(project, ["es"], policy=FAST)
    assert "Dashboard" not in "".join(t for _, texts in fake.request_log for t in texts)
    assert entries(project, "a")["Open the Dashboard."].msgstr == "[es] Open the Panel de control."


def test_progress_printer_is_quiet_when_not_a_terminal():
    import io

    from transpub.progress import make_progress_printer
    from transpub.translate_report import ProgressEvent

    stream = io.StringIO()
    make_progress_printer(stream)(ProgressEvent("batch", "es", "libre", 1, 2, 10, 20))
    assert stream.getvalue() == ""


def test_a_ci_log_gets_one_line_when_other_workers_claims_hold_the_run_up():
    import io

    from transpub.progress import make_progress_printer
    from transpub.translate_report import ProgressEvent

    stream = io.StringIO()  # (not a terminal: no progress bar)
    make_progress_printer(stream)(ProgressEvent("waiting", "de", "libre", 0, 230, 0, 0))
    assert stream.getvalue() == (
        "Note: de via libre: waiting for 230 texts other workers are translating now (claimed in the "
        "shared memory; the claims of a worker that was stopped run out within a minute)\n"
    )


def test_progress_printer_draws_units_characters_and_eta_on_a_terminal():
    import io

    from transpub.progress import make_progress_printer
    from transpub.translate_report import ProgressEvent

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    ticks = iter([0.0, 4.0])
    stream = Terminal()
    show = make_progress_printer(stream, clock=lambda: next(ticks))
    show(ProgressEvent("start", "es", "libre", 0, 2, 0, 20))
    show(ProgressEvent("batch", "es", "libre", 1, 2, 10, 20))
    assert "1/2 units, 10/20 chars, ETA 0:04" in stream.getvalue()


def test_real_glossary_terms_are_enforced(tmp_path, fake, monkeypatch):
    from transpub.glossary import Glossary
    from transpub.glossary.terms import Term

    monkeypatch.setattr(
        "transpub.translate._load_glossary", lambda project: Glossary([Term("Dashboard", {"es": "Panel"})])
    )
    project = make_project(tmp_path, {"a": [("Open the <1>Dashboard</1> now.", "")]})
    translate_project(project, ["es"], policy=FAST)
    assert entries(project, "a")["Open the <1>Dashboard</1> now."].msgstr == "[es] Open the <1>Panel</1> now."


@pytest.mark.parametrize("markup", ["xml", "token"])
@pytest.mark.parametrize("rendering", ["Vec<T>", "AT&amp;T", "<head>-Element"])
def test_a_required_glossary_rendering_is_written_exactly_as_the_glossary_has_it(
    tmp_path, fake, monkeypatch, markup, rendering
):
    """The glossary's rendering is text: its ``<T>`` was removed as markup the engine had added
    (Vec), and its ``&amp;`` read as an entity (AT&T), so the catalog got another term."""
    from transpub.glossary import Glossary
    from transpub.glossary.terms import Term

    glossary = Glossary([Term("vector", {"es": rendering})])
    monkeypatch.setattr("transpub.translate._load_glossary", lambda project: glossary)
    project = make_project(
        tmp_path, {"a": [("Use a vector here.", "")]}, extra=f'[engines.libre]\nmarkup = "{markup}"\n'
    )
    translate_project(project, ["es"], policy=FAST)
    assert entries(project, "a")["Use a vector here."].msgstr == f"[es] Use a {rendering} here."


def test_machine_output_writes_decimal_numbers_the_target_locale_way(tmp_path, fake):
    sentence = "Sales reached RMB31.36 billion and 20,000 jobs in 2018."
    project = make_project(tmp_path, {"a": [(sentence, "")]}, locales=("de", "zh_CN"))
    translate_project(project, ["de", "zh_CN"], policy=FAST)
    assert (
        entries(project, "a", "de")[sentence].msgstr
        == "[de] Sales reached RMB31,36 billion and 20.000 jobs in 2018."
    )
    assert entries(project, "a", "zh_CN")[sentence].msgstr == f"[zh] {sentence}"  # the same form there


# -- dry run: what is really sent, and nothing written -------------------------------------------


def test_dry_run_counts_the_masked_text_that_would_be_sent(tmp_path, fake):
    msgid = "Click <1>here</1> & read."
    project = make_project(tmp_path, {"a": [(msgid, "")]})
    [estimate] = translate_project(project, ["es"], dry_run=True).estimates
    assert estimate.chars == len("Click <x1>here</x1> &amp; read.") != len(msgid)
    translate_project(project, ["es"], policy=FAST)
    assert report_chars(fake) == estimate.chars


def report_chars(fake):
    return sum(len(t) for _, texts in fake.request_log for t in texts)


def test_dry_run_creates_no_memory_file(tmp_path, fake):
    project = make_project(tmp_path, {"a": [("Hello.", ""), ("Kept.", "Guardado.")]})
    translate_project(project, ["es"], dry_run=True)
    assert not project.memory_path.exists() and not project.memory_path.parent.exists()


def test_dry_run_changes_nothing_in_an_existing_memory(tmp_path, fake):
    project = make_project(tmp_path, {"a": [("Hello.", "")]})
    translate_project(project, ["es"], policy=FAST)
    make_project(tmp_path, {"b": [("Reviewed.", "Revisado."), ("Reviewed.x", "")]})
    folder = project.memory_path.parent

    def files():
        return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    before = files()
    report = translate_project(project, ["es"], dry_run=True)
    assert files() == before
    assert report.counts[("es", "libre")].filled_fuzzy_tm == 1  # the reviewed entry still counted
    from transpub.memory import TranslationMemory

    with TranslationMemory(project.memory_path) as memory:
        assert memory.exact("en", "es", "Reviewed.") is None


def test_dry_run_with_nothing_to_send_says_so_without_a_price(tmp_path, fake):
    project = make_project(
        tmp_path, {"a": [("Kept.", "Guardado.")]}, extra="[engines.libre]\nprice_per_million = 20\n"
    )
    [estimate] = translate_project(project, ["es"], dry_run=True).estimates
    assert estimate.units == 0 and estimate.cost is None
    assert estimate.describe() == "es via libre: nothing to send"


def test_dry_run_without_a_configured_price_says_no_price_is_configured(tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSPUB_DEEPL_API_KEY", "k")
    project = make_project(tmp_path, {"a": [("Hello.", "")]}, engine="deepl")
    [estimate] = translate_project(project, ["es"], dry_run=True).estimates
    assert estimate.cost is None
    assert "no price configured (price_per_million in [engines.deepl])" in estimate.describe()


# -- rejected replies: a way out, and consistent advice -------------------------------------------


def test_rejected_reply_is_asked_again_with_retry_rejected(tmp_path, monkeypatch):
    replies = {"reply": "sin etiquetas"}
    with FakeMT(translate=lambda text, target: replies["reply"]) as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        project = make_project(tmp_path, {"a": [("Click <1>here</1>.", "")]})
        translate_project(project, ["es"], policy=FAST)
        again = translate_project(project, ["es"], policy=FAST)
        assert server.requests == 1 and not again.ok
        assert "--retry-rejected" in again.failures[0].message and "--retry-rejected" in again.advice()
        assert "run again to retry" not in again.advice()
        replies["reply"] = "Pulsa <x1>aquí</x1>."
        retried = translate_project(project, ["es"], policy=FAST, retry_rejected=True)
        assert server.requests == 2 and retried.ok
        assert entries(project, "a")["Click <1>here</1>."].msgstr == "Pulsa <1>aquí</1>."
        later = translate_project(project, ["es"], policy=FAST)
        assert later.ok and server.requests == 2


# -- failure lines: which unit, where, and no walls of repeats ------------------------------------


def test_failure_lines_name_the_po_line_and_msgid_and_collapse_repeats(tmp_path, fake):
    fake.default_fault = "500"
    texts = [f"Sentence number {i} is long enough to be cut short in the message." for i in range(6)]
    project = make_project(
        tmp_path,
        {"a": [(t, "") for t in texts]},
        extra="[engines.libre]\nbatch_size = 1\nbreaker_threshold = 100\n",
    )
    report = translate_project(project, ["es"], policy=FAST)
    po = read_catalog(project.catalog_path("es", "a"))
    line = {e.msgid: e.linenum for e in po}[texts[0]]
    assert f"locales/es/LC_MESSAGES/a.po:{line}" in [f.where[0] for f in report.failures]
    lines = report.failure_lines()
    assert len(lines) < len(texts)
    assert lines[0].startswith("Failed (6 units): es libre: HTTP 500")
    assert lines[1] == f'  locales/es/LC_MESSAGES/a.po:{line} "Sentence number 0 is long enough to be…"'
    assert lines[-1] == "  ... and 3 more (--all-failures lists every one)"


def test_translate_with_all_failures_lists_every_unit_that_failed(tmp_path, fake):
    """Cut short at 3 units of a kind ("... and 3 more", with no way to see them), the failures
    say how to see them all, and ``--all-failures`` lists each."""
    from click.testing import CliRunner

    from transpub.cli import main

    fake.default_fault = "500"
    texts = [f"Sentence number {i}." for i in range(6)]
    project = make_project(
        tmp_path,
        {"a": [(t, "") for t in texts]},
        extra="[engines.libre]\nbatch_size = 1\nbreaker_threshold = 100\n",
    )
    lines = {e.msgid: e.linenum for e in read_catalog(project.catalog_path("es", "a"))}
    command = ["--project", str(tmp_path), "translate", "-l", "es"]
    short = CliRunner().invoke(main, command)
    assert short.exit_code == 1
    assert "  ... and 3 more (--all-failures lists every one)" in short.output.splitlines()
    every = CliRunner().invoke(main, [*command, "--all-failures"])
    assert every.exit_code == 1
    listed = [line for line in every.output.splitlines() if line.startswith("  locales/")]
    assert listed == [f'  locales/es/LC_MESSAGES/a.po:{lines[text]} "{text}"' for text in texts]
    assert "more" not in every.output


def test_a_broken_catalog_is_one_error_line_and_the_other_articles_are_still_translated(tmp_path, fake):
    from click.testing import CliRunner

    from transpub.cli import main

    project = make_project(tmp_path, {"a": [("Broken here.", "")], "b": [("Still translated.", "")]})
    broken = project.catalog_path("es", "a")
    text = broken.read_text(encoding="utf-8")
    broken.write_text(text.replace('msgid "Broken here."', 'msgid "Broken here.'), encoding="utf-8")
    line = text.splitlines().index('msgid "Broken here."') + 1
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "translate", "-l", "es"])
    assert result.exit_code == 1, result.output
    errors = [ln for ln in result.output.splitlines() if ln.startswith("Error:")]
    assert len(errors) == 1 and errors[0].startswith(f"Error: locales/es/LC_MESSAGES/a.po:{line}: "), errors
    assert entries(project, "b")["Still translated."].msgstr == "[es] Still translated."
    assert broken.read_text(encoding="utf-8") == text.replace('msgid "Broken here."', 'msgid "Broken here.')
    assert "Traceback" not in result.output


def test_articles_without_a_catalog_yet_are_a_warning_saying_to_extract_first(tmp_path, fake):
    # a CI job that forgot extract printed "es via libre: nothing to do" and went green
    from click.testing import CliRunner

    from transpub.cli import main

    make_project(tmp_path, {"a": [("Translated here.", "")]})
    for slug in ("b", "c", "d", "e"):
        (tmp_path / "articles" / f"{slug}.html").write_text("<p>Not extracted.</p>", encoding="utf-8")
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "translate", "-l", "es"])
    assert result.exit_code == 0, result.output
    assert (
        "Warning: 4 articles (b, c, d, …) have no es catalog yet, so nothing of them is translated: "
        "run `transpub extract` first (it says why, for an article it cannot read)" in result.output
    )
    assert "es via libre: 1 machine-translated" in result.output
    # an article extract cannot read has no catalog after it either: extract's error says why
    (tmp_path / "articles" / "b.html").write_bytes(b"<p>\x00\xff</p>")
    extracted = CliRunner().invoke(main, ["--project", str(tmp_path), "extract"])
    assert extracted.exit_code == 1 and "articles/b.html" in extracted.output, extracted.output
    again = CliRunner().invoke(main, ["--project", str(tmp_path), "translate", "-l", "es"])
    assert "1 article (b) has no es catalog yet" in again.output, again.output


def test_a_dry_run_says_what_the_memory_would_fill_not_that_it_filled_it(tmp_path, fake):
    from click.testing import CliRunner

    from transpub.cli import main

    make_project(tmp_path, {"a": [("Kept.", "Guardado.")], "b": [("Kept.", ""), ("New.", "")]})
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "translate", "-l", "es", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "es via libre: would send 1 unit" in result.output
    assert "es via libre: would fill 1 entry from the translation memory" in result.output, result.output
    assert entries(make_project(tmp_path, {}), "b")["Kept."].msgstr == ""


def test_a_dry_run_says_each_locale_s_sending_and_filling_together(tmp_path, fake):
    # "es: would send", "de: would send", then "de: would fill", "es: would fill": each locale's
    # lines apart, in two orders
    from click.testing import CliRunner

    from transpub.cli import main

    articles = {"a": [("Kept.", "Guardado.")], "b": [("Kept.", ""), ("New.", "")]}
    make_project(tmp_path, articles, locales=("es", "de"))
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "translate", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert [line.split(":")[0] for line in result.output.splitlines() if " via " in line] == [
        "de via libre",
        "de via libre",
        "es via libre",
        "es via libre",
    ], result.output


def test_a_dry_run_says_in_words_that_plural_entries_would_be_left_empty(tmp_path, fake):
    from click.testing import CliRunner

    from transpub.cli import main

    project = make_project(tmp_path, {"a": [("Kept.", "Guardado.")], "b": [("Kept.", "")]})
    with project.catalog_path("es", "b").open("a", encoding="utf-8") as po:
        po.write('\nmsgid "One ferry"\nmsgid_plural "%d ferries"\nmsgstr[0] ""\nmsgstr[1] ""\n')
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "translate", "-l", "es", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert (
        "es via libre: would fill 1 entry from the translation memory; would leave 1 plural entry empty "
        "(plural entries are not filled)"
    ) in result.output.splitlines(), result.output


@pytest.mark.parametrize("engine", ["libre", "deepl"])
@pytest.mark.parametrize("fault", ["short", "long"])
def test_a_reply_with_fewer_or_more_translations_than_texts_fails_its_batch_once_and_keeps_the_rest(
    tmp_path, monkeypatch, engine, fault
):
    texts = [f"Text {word} is here." for word in ("alpha", "bravo", "charlie", "delta")]
    extra = f"[engines.{engine}]\nbatch_size = 2\nconcurrency = 1\n"
    project = make_project(tmp_path, {"a": [(t, "") for t in texts]}, engine=engine, extra=extra)
    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        monkeypatch.setenv("TRANSPUB_DEEPL_URL", server.url)
        monkeypatch.setenv("TRANSPUB_DEEPL_API_KEY", "key")
        server.queue(fault)
        report = translate_project(project, ["es"], policy=RetryPolicy(attempts=3, base_delay=0, max_delay=0))
    assert server.repeated() == []  # a server that counts wrong is not paid again and again
    failed = [line for line in report.failure_lines() if "for 2 texts" in line]
    assert not report.ok and failed and all("\n" not in line for line in failed)
    assert sum(1 for e in entries(project, "a").values() if e.msgstr) == 2  # the other batch is kept


def test_a_tmx_unit_filed_under_the_engines_name_that_lost_its_placeholders_is_not_reused(tmp_path, fake):
    from click.testing import CliRunner

    from transpub.cli import main

    project = make_project(tmp_path, {"a": [("Click <1>here</1>.", "")]})
    (tmp_path / "agency.tmx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" segtype="sentence" '
        'creationtool="x" creationtoolversion="1" o-tmf="x" adminlang="en" datatype="plaintext"/><body>'
        '<tu><prop type="x-origin">libre</prop><tuv xml:lang="en"><seg>Click <bpt i="1">&lt;g id="1"&gt;</bpt>'
        'here<ept i="1">&lt;/g&gt;</ept>.</seg></tuv><tuv xml:lang="es"><seg>Pulsa aquí.</seg></tuv></tu>'
        "</body></tmx>\n",
        encoding="utf-8",
    )
    imported = CliRunner().invoke(
        main, ["--project", str(tmp_path), "memory", "import", str(tmp_path / "agency.tmx")]
    )
    assert imported.exit_code == 0 and "1 added" in imported.output, imported.output
    report = translate_project(project, ["es"], policy=FAST)
    assert entries(project, "a")["Click <1>here</1>."].msgstr == "[es] Click <1>here</1>."
    assert report.ok and sum(fake.paid.values()) == 1  # asked of the engine once


def test_a_catalog_a_translator_breaks_during_a_run_is_one_error_and_the_rest_is_still_filled(tmp_path):
    texts = [f"Text {word} is here." for word in ("alpha", "bravo", "charlie", "delta")]
    extra = "[engines.libre]\nbatch_size = 1\nconcurrency = 1\n"
    project = make_project(
        tmp_path,
        {"a": [(texts[0], ""), (texts[1], "")], "z": [(texts[2], "")]},
        locales=("es", "de"),
        extra=extra,
    )
    broken = project.catalog_path("es", "z")

    def translate(text, target):  # a translator saves z.po broken while the run is on (before its turn)
        if target == "es" and "alpha" in text:
            broken.write_text(broken.read_text(encoding="utf-8") + '\nmsgid "unfinished\n', encoding="utf-8")
        return f"[{target}] {text}"

    with FakeMT(translate=translate) as server, pytest.MonkeyPatch.context() as patch:
        patch.setenv("TRANSPUB_LIBRE_URL", server.url)
        report = translate_project(project, ["es", "de"], policy=FAST)
    assert len(server.request_log) == 6  # three texts, two locales, each sent once
    assert len(report.errors) == 1 and report.errors[0].startswith("locales/es/LC_MESSAGES/z.po:")
    assert not report.ok
    assert entries(project, "a")[texts[1]].msgstr == f"[es] {texts[1]}"  # the other catalogs are filled,
    assert entries(project, "z", "de")[texts[2]].msgstr == f"[de] {texts[2]}"  # and the next locale too


def _cli(project_root, *args):
    from click.testing import CliRunner

    from transpub.cli import main

    return CliRunner().invoke(main, ["--project", str(project_root), *args])


def test_the_summary_of_a_memory_only_run_says_what_was_left_empty_and_why(tmp_path):
    make_project(tmp_path, {"a": [("Known.", "Conocido.")], "b": [("Known.", ""), ("New.", "")]}, engine="tm")
    result = _cli(tmp_path, "translate", "-l", "es")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "es via tm: 1 from the memory, 1 left empty (no reviewed translation in the memory)"
    ]


def test_a_failed_unit_is_named_once_with_the_engine_and_the_advice_counts_it_in_the_singular(tmp_path, fake):
    fake.default_fault = "500"
    make_project(tmp_path, {"a": [("One.", "")]}, extra="[engines.libre]\nattempts = 1\n")
    result = _cli(tmp_path, "translate", "-l", "es")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "es via libre: 1 failed"
    assert lines[1].startswith('Failed: locales/es/LC_MESSAGES/a.po:10 "One.": es libre: HTTP 500')
    assert lines[2] == (
        "1 unit could not be translated: 1 failed (run again to retry them; nothing already received is "
        "requested again)."
    )


def test_a_reply_missing_a_translation_is_counted_in_words(tmp_path, fake):
    fake.queue("short")
    make_project(tmp_path, {"a": [("One.", ""), ("Two.", "")]}, extra="[engines.libre]\nbatch_size = 2\n")
    result = _cli(tmp_path, "translate", "-l", "es")
    assert "es libre: 1 reply for 2 texts" in result.output, result.output


def test_memory_migrate_names_the_memory_as_the_other_commands_do(tmp_path):
    make_project(tmp_path, {"a": [("One.", "")]}, engine="tm")
    assert _cli(tmp_path, "translate", "-l", "es").exit_code == 0  # (the memory made)
    result = _cli(tmp_path, "memory", "migrate")
    assert result.exit_code == 0, result.output
    (line,) = result.output.splitlines()
    assert line.startswith(".transpub/memory.sqlite: schema version ") and line.endswith(", up to date")


def test_an_export_of_one_unit_says_unit(tmp_path):
    make_project(tmp_path, {"a": [("One.", "Uno.")]}, engine="tm")
    result = _cli(tmp_path, "xliff", "export", "-l", "es", "-o", str(tmp_path / "out"))
    assert result.output == "Wrote out/a.es.xlf (1 unit)\n", result.output
    assert _cli(tmp_path, "translate", "-l", "es").exit_code == 0  # (the memory gets the reviewed unit)
    result = _cli(tmp_path, "memory", "export", "-o", str(tmp_path / "m.tmx"))
    assert result.output == f"Wrote {tmp_path / 'm.tmx'} (1 unit)\n", result.output


def test_a_failed_unit_is_named_at_its_line_in_the_catalog_as_the_run_left_it(tmp_path, fake):
    """The run writes the units above it with their provenance and fuzzy flag, which moves it down:
    the line printed is where the translator finds it after the run, not where it was before."""
    fake.fail_if = lambda texts: "Three." in texts
    make_project(
        tmp_path,
        {"a": [("One.", ""), ("Two.", ""), ("Three.", "")]},
        extra="[engines.libre]\nattempts = 1\nbatch_size = 1\nconcurrency = 1\n",
    )
    result = _cli(tmp_path, "translate", "-l", "es")
    assert result.exit_code == 1
    text = (tmp_path / "locales" / "es" / "LC_MESSAGES" / "a.po").read_text(encoding="utf-8")
    line = text.splitlines().index('msgid "Three."') + 1
    assert line > 16  # (it was line 16 before the run)
    assert f'Failed: locales/es/LC_MESSAGES/a.po:{line} "Three.": es libre: HTTP 500' in result.output
