"""How many units real Apertium gets back with broken placeholders, by masking style.

Extracts English pages of the real-page corpus in a temporary project, masks every unit as
transpub does for Spanish (placeholders, localized numbers), sends them through the installed
``apertium eng-spa`` in batches of the engine's size, and judges each reply with transpub's own
restoring (``unmask``). For each style it prints:

- ``rejected``: replies whose placeholders could not be restored (the unit stays untranslated);
- ``words changed``: accepted units whose words (placeholders taken out) differ from Apertium's
  translation of the same text without any markup: the masking changed the translation;
- ``pair words moved``: accepted units where a pair's words share less than half with its text
  translated alone (words Apertium moved into or out of a link);
- ``glued``: accepted units where a placeholder touches a word it was apart from in the source.

Styles: ``token`` (``@@P1@@…@@P1E@@``), ``word`` (``@@Px1@@…@@Px1E@@``: Apertium's), ``bracket`` (``[P1]…[/P1]``, plain text),
``html`` (``<x1>…</x1>`` with ``apertium -f html``: tags are superblanks, kept in place), and
``stream`` (Apertium's stream format with ``-f none``: placeholders' words carry wordbound
blanks, which move with the words when Apertium reorders them). ``--real`` also runs
``translate_project`` on the pages with ``token`` and ``word`` masking and prints the units it
rejected and filled (entries: a text used twice counts twice), and ``--show N``
prints N units where the styles differ, to judge by eye.

    PYTHONPATH=src .venv/bin/python bench/bench_apertium_styles.py [--pages nytimes-1 bbc-1 …] [--real]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from corpus import REAL_PAGES
from transpub.catalog import read_catalog
from transpub.errors import PlaceholderMismatch
from transpub.extract import extract_project
from transpub.masking import PLACEHOLDER, Masked, mask, unmask
from transpub.numberforms import localized_number_spans
from transpub.project import load_project

PAGES = ["nytimes-1", "bbc-1", "cnet", "ars-1", "medium-1", "mozilla-1", "buzzfeed-1", "firefox-nightly-blog"]
MODE = "eng-spa"
BATCH = 200
_GLUED = re.compile(r"\w<\d+/?>|</\d+>\w|<\d+/>\w")


def units(pages: list[str], root: Path) -> list[str]:
    """The distinct msgids of ``pages``, extracted by transpub in a project under ``root``."""
    (root / "articles").mkdir(parents=True)
    for page in pages:
        shutil.copy(REAL_PAGES / f"{page}.html", root / "articles" / f"{page}.html")
    (root / "transpub.toml").write_text(
        '[project]\nname = "bench"\nsource_locale = "en"\nlocales = ["es"]\n\n[translate]\nengine = "apertium"\n',
        encoding="utf-8",
    )
    project = load_project(root)
    extract_project(project, ["es"])
    seen: dict[str, None] = {}
    for catalog in sorted((root / "locales" / "es" / "LC_MESSAGES").glob("*.po")):
        for entry in read_catalog(catalog):
            if entry.msgid and any(ch.isalpha() for ch in PLACEHOLDER.sub("", entry.msgid)):
                seen.setdefault(entry.msgid)
    return list(seen)


def apertium(text: str, fmt: str) -> str:
    """Apertium's output for ``text`` in format ``fmt``."""
    done = subprocess.run(
        ["apertium", "-u", "-f", fmt, MODE], input=text, capture_output=True, text=True, check=True
    )
    return done.stdout


def batched(texts: list[str], fmt: str, sep: str, split: str) -> list[str]:
    """Each text translated, in batches joined by ``sep`` (one text per process if they break)."""
    out: list[str] = []
    for start in range(0, len(texts), BATCH):
        chunk = texts[start : start + BATCH]
        parts = apertium(sep.join(chunk) + end_of(fmt), fmt).split(split)
        if len(parts) != len(chunk):
            parts = [apertium(text + end_of(fmt), fmt) for text in chunk]
        out.extend(parts)
    return out


def end_of(fmt: str) -> str:
    return ".[][\n]" if fmt == "none" else "\n"


_TOKEN = re.compile(r"@@(P|S|G)(\d+)(E?)@@")


def to_bracket(masked: Masked) -> str:
    def one(m: re.Match[str]) -> str:
        kind, number, end = m.groups()
        return f"[/P{number}]" if end else f"[{kind}{number}]"

    return _TOKEN.sub(one, masked.text)


def from_bracket(reply: str) -> str:
    def one(m: re.Match[str]) -> str:
        close, kind, number = m.groups()
        return f"@@P{number}E@@" if close else f"@@{kind}{number}@@"

    return re.sub(r"\[\s?(/?)([PSG])(\d+)\s?\]", one, reply)


_STREAM_SPECIAL = re.compile(r"([\\\[\]^$@/<>{}])")


def to_stream(masked: Masked) -> str:
    """Words inside paired placeholders with wordbound blanks naming the open pairs; singles and
    terms as superblanks; the rest escaped."""
    pieces: list[str] = []
    stack: list[str] = []
    position = 0
    text = masked.text

    def words(run: str) -> None:
        if not run:
            return
        escaped = _STREAM_SPECIAL.sub(r"\\\1", run)
        if not stack:
            pieces.append(escaped)
            return
        label = "t:" + ".".join(stack)
        lead = escaped[: len(escaped) - len(escaped.lstrip())]
        core = escaped.strip()
        trail = escaped[len(lead) + len(core) :]
        pieces.append(lead + (f"[[{label}]]{core}[[/]]" if core else "") + trail)

    for m in _TOKEN.finditer(text):
        words(text[position : m.start()])
        kind, number, end = m.groups()
        if kind == "P" and not end:
            stack.append(number)
            pieces.append(f"[<p{number}>]")
        elif kind == "P":
            if stack:
                stack.pop()
            pieces.append(f"[</p{number}>]")
        else:
            pieces.append(f"[<{kind.lower()}{number}/>]")
        position = m.end()
    words(text[position:])
    return "".join(pieces)


def from_stream(reply: str) -> str:
    """The token form of a stream reply: each pair around the words that carry it."""
    items: list[tuple[str, str, str | None]] = []  # (kind: t/s, text, label)
    i, label, text = 0, None, ""

    def flush() -> None:
        nonlocal text
        if text:
            items.append(("t", text, label))
            text = ""

    while i < len(reply):
        c = reply[i]
        if c == "\\" and i + 1 < len(reply):
            text += reply[i + 1]
            i += 2
        elif reply.startswith("[[", i):
            flush()
            j = reply.index("]]", i)
            content = reply[i + 2 : j]
            label = None if content == "/" else content
            i = j + 2
        elif c == "[":
            flush()
            j = i + 1
            while j < len(reply) and reply[j] != "]":
                j += 2 if reply[j] == "\\" else 1
            items.append(("s", reply[i + 1 : j], None))
            i = j + 1
        else:
            text += c
            i += 1
    flush()
    # the "." Apertium's deformatter adds before each "[]" is taken out, as apertium-retxt does
    cleaned: list[tuple[str, str, str | None]] = []
    for index, (kind, value, lab) in enumerate(items):
        following = items[index + 1] if index + 1 < len(items) else None
        if kind == "t" and following and following[0] == "s" and following[1] == "" and value.endswith("."):
            value = value[:-1]
        if kind == "s" and value == "":
            continue
        cleaned.append((kind, value, lab))
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    for index, (kind, _, lab) in enumerate(cleaned):
        if kind == "t" and lab:
            for number in lab[2:].split("."):
                first.setdefault(number, index)
                last[number] = index
    out: list[str] = []
    for index, (kind, value, _) in enumerate(cleaned):
        opening = sorted((n for n, f in first.items() if f == index), key=lambda n: -last[n])
        out.extend(f"@@P{n}@@" for n in opening)
        if kind == "t":
            out.append(value)
        else:
            m = re.fullmatch(r"<(/?)([psg])(\d+)(/?)>", value)
            if m is None:
                out.append(value)
            elif m.group(2) == "p":
                # an empty pair (no word carried it): kept where it stood
                number = m.group(3)
                if number not in first:
                    out.append(f"@@P{number}E@@" if m.group(1) else f"@@P{number}@@")
            else:
                out.append(f"@@{m.group(2).upper()}{m.group(3)}@@")
        closing = sorted((n for n, f in last.items() if f == index), key=lambda n: first[n], reverse=True)
        out.extend(f"@@P{n}E@@" for n in closing)
    return "".join(out)


STYLES: dict[str, tuple[str, Callable[[Masked], str], Callable[[str], str], str, str]] = {
    # name: (masking style, to engine, back to that style's reply, apertium format, separator)
    "token": ("token", lambda m: m.text, lambda r: r, "txt", "\n\n@@SEP@@\n\n"),
    "bracket": ("token", to_bracket, from_bracket, "txt", "\n\n@@SEP@@\n\n"),
    "word": ("word", lambda m: m.text, lambda r: r, "txt", "\n\n@@SEP@@\n\n"),
    "html": ("xml", lambda m: m.text, lambda r: r, "html", "\n<p>@@SEP@@</p>\n"),
    "stream": ("token", to_stream, from_stream, "none", ".[][\n\n<sep/>\n\n]"),
}


def split_of(name: str) -> str:
    return {
        "token": "\n@@SEP@@\n",
        "word": "\n@@SEP@@\n",
        "bracket": "\n@@SEP@@\n",
        "html": "<p>@@SEP@@</p>",
    }.get(name, "[\n\n<sep/>\n\n]")


def run_style(name: str, texts: list[str]) -> list[tuple[str, str | None]]:
    """(reply as sent back, restored text or None when rejected) per text."""
    style, send, back, fmt, sep = STYLES[name]
    masked = [mask(t, style, localized_number_spans(t, "en", "es")) for t in texts]
    replies = batched([send(m) for m in masked], fmt, sep, split_of(name))
    results: list[tuple[str, str | None]] = []
    for m, reply in zip(masked, replies):
        reply = reply.strip()
        try:
            results.append((reply, unmask(m, back(reply)) if reply else None))
        except PlaceholderMismatch:
            results.append((reply, None))
    return results


def real_rejected(pages: list[str], style: str) -> str:
    """Rejected and filled units of transpub's own ``translate`` with Apertium masking in ``style``."""
    from transpub.engines.apertium import ApertiumEngine
    from transpub.translate import translate_project

    kept = ApertiumEngine.markup
    ApertiumEngine.markup = style
    try:
        with tempfile.TemporaryDirectory() as tmp:
            units(pages, Path(tmp))
            report = translate_project(load_project(Path(tmp)), ["es"])
    finally:
        ApertiumEngine.markup = kept
    counts = report.counts[("es", "apertium")]
    return f"{counts.rejected_placeholders} rejected, {counts.filled_mt} filled"


_PAIR = re.compile(r"<(\d+)>(.*?)</\1>", re.S)


def pair_texts(text: str) -> dict[str, str]:
    """Each paired placeholder's content (placeholders inside taken out), by number."""
    found: dict[str, str] = {}
    for m in re.finditer(r"<(\d+)>", text):
        inner = re.search(rf"<{m.group(1)}>(.*?)</{m.group(1)}>", text, re.S)
        if inner is not None:
            found[m.group(1)] = " ".join(PLACEHOLDER.sub(" ", inner.group(1)).split())
    return found


def wordset(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w+", text)}


def misplaced(source: str, restored: str, alone: dict[str, str]) -> bool:
    """True when a pair's content shares less than half its words with its text translated alone."""
    got = pair_texts(restored)
    for number, inner in pair_texts(source).items():
        expected = wordset(alone.get(inner, ""))
        if not expected:
            continue
        have = wordset(got.get(number, ""))
        if len(expected & have) * 2 < len(expected | have):
            return True
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="*", default=PAGES)
    parser.add_argument("--styles", nargs="*", default=list(STYLES))
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--real", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        texts = units(args.pages, Path(tmp))
        plain = batched(
            [PLACEHOLDER.sub("", t).strip() for t in texts], "txt", "\n\n@@SEP@@\n\n", "\n@@SEP@@\n"
        )
        plain = [p.strip() for p in plain]
        inners = sorted({i for t in texts for i in pair_texts(t).values() if any(c.isalpha() for c in i)})
        alone = dict(
            zip(inners, (a.strip() for a in batched(inners, "txt", "\n\n@@SEP@@\n\n", "\n@@SEP@@\n")))
        )
        tagged = sum(bool(PLACEHOLDER.search(t)) for t in texts)
        print(f"{len(args.pages)} pages, {len(texts)} distinct units, {tagged} with placeholders")
        outcomes: dict[str, list[tuple[str, str | None]]] = {}
        for name in args.styles:
            outcomes[name] = results = run_style(name, texts)
            rejected = sum(r is None for _, r in results)
            changed = glued = moved = 0
            for source, bare, (_, restored) in zip(texts, plain, results):
                if restored is None or not PLACEHOLDER.search(source):
                    continue
                changed += " ".join(PLACEHOLDER.sub("", restored).split()) != " ".join(bare.split())
                moved += misplaced(source, restored, alone)
                glued += len(_GLUED.findall(restored)) > len(_GLUED.findall(source))
            print(
                f"{name:8} rejected {rejected:3}   words changed {changed:3}   glued {glued:3}   pair words moved {moved:3}"
            )
        if args.real:
            for style in ("token", "word"):
                print(f"translate with {style!r} masking:", real_rejected(args.pages, style))
        shown = 0
        for index, source in enumerate(texts):
            if shown >= args.show or not PLACEHOLDER.search(source):
                continue
            got = {name: outcomes[name][index][1] for name in outcomes}
            if len(set(got.values())) == 1:
                continue
            shown += 1
            print(f"\nsource : {source}\nplain  : {plain[index]}")
            for name, text in got.items():
                print(f"{name:7}: {text if text is not None else 'REJECTED ' + outcomes[name][index][0]}")


if __name__ == "__main__":
    main()
