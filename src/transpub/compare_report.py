"""Which engine did better: the outcome of ``transpub translate --compare`` and its HTML report.

The report is a self-contained page (inline CSS, no scripts): one row per sampled unit with the
source, each engine's output, the problems found in it (placeholders, glossary terms, script,
failures) and the reviewed translation where there is one. It is built with lxml's element
builder, so every text — source, engine output, messages — is escaped: nothing an engine or an
article says can become markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html
from lxml.html import builder as E

from .fsutil import atomic_write_bytes
from .locales import bcp47_tag, text_direction


@dataclass(frozen=True)
class EngineOutput:
    """One engine's translation of one unit (``""`` when it gave none) and what is wrong with it."""

    text: str
    problems: tuple[str, ...] = ()
    #: Whether it is the engine's reply to an earlier run, from the memory (not paid for again).
    from_memory: bool = False


@dataclass(frozen=True)
class ComparedUnit:
    """One sampled unit: its source, where it is used, the reviewed translation if any, and
    the output of each compared engine (in the order of :attr:`Comparison.engines`)."""

    source: str
    where: str
    reviewed: str
    outputs: tuple[EngineOutput, ...]


@dataclass(frozen=True)
class Comparison:
    """The outcome of comparing engines on a sample of one locale's units."""

    project: str
    source_locale: str
    locale: str
    engines: tuple[str, ...]
    units: tuple[ComparedUnit, ...]
    #: What went wrong keeping the replies paid for (the memory refused them), for the user.
    warnings: tuple[str, ...] = ()

    def summary(self) -> list[str]:
        """One line per engine: units without problems, with problems, failed; the replies taken
        from the memory (paid for by an earlier run).

        >>> unit = ComparedUnit("Hi.", "a.po:3", "", (EngineOutput("Hola.", from_memory=True), EngineOutput("", ("timeout",))))
        >>> Comparison("demo", "en", "es", ("libre", "llm"), (unit,)).summary()
        ['libre: 1 of 1 units without problems (1 reply from the memory)', 'llm: 0 of 1 units without problems, 1 without a translation']
        """
        lines = []
        for index, engine in enumerate(self.engines):
            outputs = [unit.outputs[index] for unit in self.units]
            clean = sum(1 for o in outputs if o.text and not o.problems)
            empty = sum(1 for o in outputs if not o.text)
            stored = sum(1 for o in outputs if o.from_memory)
            line = f"{engine}: {clean} of {len(outputs)} units without problems"
            if empty:
                line += f", {empty} without a translation"
            if stored:
                line += f" ({stored} {'reply' if stored == 1 else 'replies'} from the memory)"
            lines.append(line)
        return lines


STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5rem; color: #1b1b1b; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #c8c8c8; padding: .45rem .6rem; vertical-align: top; text-align: start; }
thead th { background: #f0f0f0; }
.where { font: 12px ui-monospace, monospace; color: #555; padding: 0 0 .3rem; }
td.ok { background: #f3faf3; }
td.bad { background: #fdf3f2; }
ul.problems { margin: .4rem 0 0; padding-left: 1.1rem; color: #9b1c1c; font-size: 13px; }
p.reviewed, p.memory { margin: .4rem 0 0; color: #555; font-size: 13px; }
.summary li { margin: .1rem 0; }
"""


#: What XML (so lxml) cannot hold: control characters but tab and line breaks, lone surrogates, U+FFFE/F.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _shown(text: str) -> str:
    r"""``text`` as the page can hold it: a character XML cannot hold (an engine's or a catalog's
    ``\x1b``, ``\f``) written as its ``\x`` code, so the report of a paid comparison is written anyway.

    >>> _shown("El alcalde\x0c agradeció\x1b.")
    'El alcalde\\x0c agradeció\\x1b.'
    """
    if not _NOT_XML.search(text):
        return text
    return _NOT_XML.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


#: What the report says of a reply taken from the memory.
MEMORY_NOTE = "from the memory: the reply to an earlier run, not paid for again"


def _output_cell(output: EngineOutput, lang: str, direction: str) -> E.HtmlElement:
    cell = E.TD(E.CLASS("ok" if output.text and not output.problems else "bad"))
    if output.text:
        cell.append(E.DIV(_shown(output.text), lang=lang, dir=direction))
    else:
        cell.append(E.DIV(E.EM("no translation")))
    if output.problems:
        cell.append(E.UL(E.CLASS("problems"), *(E.LI(_shown(problem)) for problem in output.problems)))
    if output.from_memory:
        cell.append(E.P(E.CLASS("memory"), MEMORY_NOTE))
    return cell


def render_comparison(comparison: Comparison) -> str:
    """The report page for ``comparison`` (every text escaped by the builder)."""
    lang, direction = bcp47_tag(comparison.locale), text_direction(comparison.locale)
    source_lang = bcp47_tag(comparison.source_locale)
    title = f"{' vs '.join(comparison.engines)}: {comparison.source_locale}→{comparison.locale}"
    header = E.TR(E.TH("source", scope="col"), *(E.TH(engine, scope="col") for engine in comparison.engines))
    rows = []
    for unit in comparison.units:
        source = E.TD(
            E.DIV(E.CLASS("where"), _shown(unit.where)), E.DIV(_shown(unit.source), lang=source_lang)
        )
        if unit.reviewed:
            source.append(
                E.P(
                    E.CLASS("reviewed"), "reviewed: ", E.SPAN(_shown(unit.reviewed), lang=lang, dir=direction)
                )
            )
        rows.append(E.TR(source, *(_output_cell(output, lang, direction) for output in unit.outputs)))
    page = E.HTML(
        E.HEAD(
            E.META(charset="utf-8"),
            E.META(name="viewport", content="width=device-width, initial-scale=1"),
            E.TITLE(f"Engine comparison: {title}"),
            E.STYLE(STYLE),
        ),
        E.BODY(
            E.H1(f"Engine comparison: {title}"),
            E.P(f"{_shown(comparison.project)}: {len(comparison.units)} sampled units."),
            E.UL(E.CLASS("summary"), *(E.LI(line) for line in comparison.summary())),
            E.TABLE(E.THEAD(header), E.TBODY(*rows)) if rows else E.P("No units to compare."),
        ),
        lang="en",
    )
    return lxml_html.tostring(page, doctype="<!DOCTYPE html>", encoding="unicode", pretty_print=True)


def write_comparison(comparison: Comparison, path: Path) -> None:
    """Write :func:`render_comparison` to ``path`` atomically."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(Path(path), render_comparison(comparison).encode("utf-8"))
