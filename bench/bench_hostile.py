"""Cost growth of every reader and writer on hostile input: the time ratio per doubling of n.

Run: .venv/bin/python bench/bench_hostile.py [--quick] [--only SUBSTRING] [--sizes 2000,4000]

For each reader (an HTML page, an HTML content page with front matter, a WordPress page, a
Markdown article in a paragraph, at a line's start, in front matter, in a shortcode, in Liquid,
in MkDocs' syntax, a PO catalog, an XLIFF file) and each pattern (openers without closers,
nested openers, runs of one character…, about n characters), it times what ``extract`` does for
one article (read it, collect its units, format its template: the library, not the CLI) and what
``compile`` does with a translation of the pattern (the article's pseudo-translation with every
msgstr replaced by ``"Hi " + pattern``), at n = 2k, 4k, 8k and 16k, and prints the CPU time at the
largest size and the ratio per doubling (about 2 when linear, 4 when quadratic). A row whose last
ratio passes 2.3 is marked ``<<``. Sizes after one that took more than 4 s are not run; a run
is stopped after 20 s.
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from transpub.catalog import build_template, format_catalog  # noqa: E402
from transpub.catalog.reader import parse_catalog, parse_translations  # noqa: E402
from transpub.errors import TranspubError  # noqa: E402
from transpub.exchange.xliff import read_xliff  # noqa: E402
from transpub.formats import ReadOptions, read_article  # noqa: E402
from transpub.formats.document import Document, Resolution  # noqa: E402

SIZES = (2_000, 4_000, 8_000, 16_000)
LIMIT = 4.0  # seconds: larger sizes are skipped after a run this long
TIMEOUT = 20  # seconds: a run this long is stopped (a row then ends in "stopped")


def _times(unit: str, n: int) -> str:
    """``unit`` repeated to about ``n`` characters."""
    return unit * max(1, n // len(unit))


#: Each pattern: about n characters of hostile text.
PATTERNS: dict[str, Callable[[int], str]] = {
    "[": lambda n: _times("[", n),
    "![": lambda n: _times("![", n),
    "[a](": lambda n: _times("[a](", n),
    "nested [": lambda n: "[" * (n // 5) + "a" + "](b)" * (n // 5),
    "[^": lambda n: _times("[^", n),
    "<": lambda n: _times("<", n),
    "<a": lambda n: _times("<a", n),
    "<a ": lambda n: _times("<a ", n),
    "<!--": lambda n: _times("<!--", n),
    "<![CDATA[": lambda n: _times("<![CDATA[", n),
    "<?": lambda n: _times("<?", n),
    "<!X": lambda n: _times("<!X", n),
    "<http:": lambda n: _times("<http:", n),
    "<b>": lambda n: _times("<b>", n),
    "<div>": lambda n: _times("<div>", n),
    '<a title="': lambda n: _times('<a title="', n),
    "&": lambda n: _times("&", n),
    "&#": lambda n: _times("&#", n),
    "&#x": lambda n: _times("&#x", n),
    "&amp": lambda n: _times("&amp", n),
    "{{<": lambda n: _times("{{<", n),
    "{{< a": lambda n: _times("{{< a ", n),
    "{{%": lambda n: _times("{{%", n),
    "{{": lambda n: _times("{{", n),
    "{%": lambda n: _times("{%", n),
    "{:": lambda n: _times("{:", n),
    "{": lambda n: _times("{", n),
    "x{k=a": lambda n: "x" + _times("{k=a", n) + " k=b !}",
    # each opener's body read on to a character none may hold, a closing delimiter after it
    '{{ .. "}}': lambda n: _times("{{", n) + '"}}',
    '{% .. "%}': lambda n: _times("{%", n) + '"%}',
    '{{< a .. "}}': lambda n: _times("{{< a ", n) + '" >}}',
    "\\( .. `\\)": lambda n: _times("\\(", n) + "`\\)",
    "$$ .. blank $$": lambda n: _times("$$ a", n) + "\n\n$$",
    "x{.a": lambda n: "x" + _times("{.a ", n) + "!}",
    "$$": lambda n: _times("$$", n),
    "$a": lambda n: _times("$a", n),
    "\\(": lambda n: _times("\\(", n),
    "{++": lambda n: _times("{++", n),
    "[[": lambda n: _times("[[", n),
    "[x ": lambda n: _times("[x ", n),
    "`": lambda n: _times("`", n),
    "`ladder": lambda n: "".join("`" * i + "a" for i in range(1, int((2 * n) ** 0.5))),
    "*": lambda n: _times("*", n),
    "*a ": lambda n: _times("*a ", n),
    "**a": lambda n: _times("**a", n),
    "_": lambda n: _times("_", n),
    "_a ": lambda n: _times("_a ", n),
    "~~a": lambda n: _times("~~a", n),
    "==a": lambda n: _times("==a", n),
    "\\": lambda n: _times("\\", n),
    "\"'": lambda n: _times("\"'", n),
    "|": lambda n: _times("|", n),
    "| rows": lambda n: "| a | b |\n|---|---|\n" + _times("| x | y |\n", n),
    "deep list": lambda n: _times("- ", n) + "a",
    "deep ol": lambda n: _times("1. ", n) + "a",
    "deep quote": lambda n: _times("> ", n) + "a",
    "> lines": lambda n: _times(">", n // 2) + "\n" + _times(">", n // 2),
    "indent list": lambda n: "".join("  " * i + "- a\n" for i in range(int(n**0.5))),
    "# ": lambda n: _times("#", n),
    ":": lambda n: _times(":", n),
    "http:": lambda n: _times("http:", n),
    "www.": lambda n: _times("www.", n),
    "a@": lambda n: _times("a@", n),
    "---": lambda n: _times("-", n),
}


def _html_page(body: str) -> str:
    return f'<!DOCTYPE html>\n<html lang="en"><head><title>T</title></head><body>\n{body}\n</body></html>\n'


#: Each reader: the article's suffix, its options, and where the pattern goes.
_WP = ReadOptions(wordpress_shortcodes=("caption", "gallery", "audio", "embed"))
READERS: dict[str, tuple[str, ReadOptions, Callable[[str], str]]] = {
    "html p": (".html", ReadOptions(), lambda p: _html_page(f"<p>Hi {p}</p>")),
    "html body": (".html", ReadOptions(), lambda p: _html_page(p)),
    "html h1": (".html", ReadOptions(), lambda p: _html_page(f"<h1>x</h1>\n\n<h1 {p}</h1>")),
    "html content": (".html", ReadOptions(), lambda p: f"---\ntitle: T\n---\n<p>Hi {p}</p>\n"),
    "wordpress": (".html", _WP, lambda p: f"<p>Hi {p}</p>\n\n[caption]A {p}[/caption]\n"),
    "md para": (".md", ReadOptions(), lambda p: f"Hi {p}\n"),
    "md line": (".md", ReadOptions(), lambda p: f"{p}\n"),
    "md list": (".md", ReadOptions(), lambda p: f"- Hi {p}\n- b\n"),
    "md table": (".md", ReadOptions(), lambda p: f"| a |\n|---|\n| Hi {p} |\n"),
    "md html": (".md", ReadOptions(), lambda p: f"<div>\n{p}\n</div>\n\nText.\n"),
    "md fm yaml": (
        ".md",
        ReadOptions(),
        lambda p: f"---\ntitle: Hi {p}\ndescription: |\n  Hi {p}\n---\nBody.\n",
    ),
    "md fm toml": (".md", ReadOptions(), lambda p: f"+++\ntitle = '''Hi {p}'''\n+++\nBody.\n"),
    "md shortcode": (".md", ReadOptions(), lambda p: f"{{{{% note %}}}}\nHi {p}\n{{{{% /note %}}}}\n"),
    "md sc param": (
        ".md",
        ReadOptions(),
        lambda p: f'{{{{< figure src="a.png" alt="Hi {p}" >}}}}\n\nText.\n',
    ),
    "md liquid": (".md", ReadOptions(), lambda p: f"{{% if a %}}\nHi {p}\n{{% endif %}}\n"),
    "md mkdocs": (
        ".md",
        ReadOptions(),
        lambda p: f'!!! note "Hi {p}"\n    Hi {p}\n\n/// tip | Hi {p}\n///\n',
    ),
    "md tabs": (".md", ReadOptions(), lambda p: f'=== "Tab"\n\n    Hi {p}\n'),
    "txt": (".txt", ReadOptions(), lambda p: f"Title\n\nHi {p}\n"),
}


def _read(article: str, suffix: str, options: ReadOptions) -> Document | None:
    """The article read as ``extract`` reads it; None when it is refused."""
    try:
        return read_article(Path("articles/a" + suffix), options, data=article.encode(), display_path="a")
    except TranspubError:
        return None


def extract(article: str, suffix: str, options: ReadOptions) -> object:
    """What extract does for one article: read it, collect its units, format its template."""
    document = _read(article, suffix, options)
    if document is None:
        return None
    return format_catalog(build_template(document.units("articles/a" + suffix), project_name="p"))


def compile_with(document: Document, translation: str) -> str:
    """The article written with every msgstr ``translation``."""
    return document.render(lambda slot: Resolution(translation))


def _po(pattern: str) -> str:
    escaped = pattern.replace("\\", "\\\\").replace('"', '\\"')
    return f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "Hi {escaped}"\n'


def _xliff(pattern: str) -> str:
    escaped = pattern.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
        '<file original="articles/a.md" source-language="en" target-language="de" datatype="x-transpub">'
        '<body><trans-unit id="u-1" xml:space="preserve"><source>Hello.</source>'
        f"<target>Hi {escaped}</target></trans-unit></body></file></xliff>\n"
    )


def _read_xliff(text: str) -> object:
    with tempfile.NamedTemporaryFile("w", suffix=".xlf", encoding="utf-8", delete=False) as file:
        file.write(text)
    try:
        return read_xliff(Path(file.name))
    except TranspubError:
        return None
    finally:
        Path(file.name).unlink()


class _Stopped(Exception):
    """A run took longer than :data:`TIMEOUT`."""


def _stop(*_: object) -> None:
    raise _Stopped


def cpu(work: Callable[[], object], repeat: int) -> float:
    """The fastest CPU time of ``repeat`` runs of ``work`` (one when a run takes over 0.2 s);
    infinity when one is stopped after :data:`TIMEOUT` seconds (a regular expression's search
    included: ``re`` looks at signals)."""
    best = float("inf")
    signal.signal(signal.SIGALRM, _stop)
    for _ in range(repeat):
        signal.alarm(TIMEOUT)
        started = time.process_time()
        try:
            work()
        except _Stopped:
            return float("inf")
        finally:
            signal.alarm(0)
        best = min(best, time.process_time() - started)
        if best > 0.2:
            break
    return best


def row(name: str, job: Callable[[int], Callable[[], object]], sizes: tuple[int, ...], repeat: int) -> None:
    """Time ``job(n)`` at each size; print the largest time and the ratios."""
    times: list[float] = []
    for size in sizes:
        work = job(size)
        times.append(cpu(work, repeat))
        if times[-1] > LIMIT:
            break
    if times[-1] == float("inf"):
        print(f"{name:<44}  stopped after {TIMEOUT} s at n = {sizes[len(times) - 1]}  <<", flush=True)
        return
    ratios = [b / a if a > 1e-4 else 0.0 for a, b in zip(times, times[1:])]
    flag = "  <<" if ratios and ratios[-1] > 2.3 and times[-1] > 0.005 else ""
    cells = " ".join(f"{r:4.1f}" for r in ratios)
    print(f"{name:<44} {times[-1]:8.4f} s @{sizes[len(times) - 1]:>6}   {cells}{flag}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", default="")
    parser.add_argument("--sizes", default="")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    repeat = 1 if args.quick else 3
    sizes = tuple(int(s) for s in args.sizes.split(",")) if args.sizes else SIZES
    print(f"{'reader / pattern':<44} {'largest':>10}          ratios per doubling")
    for reader, (suffix, options, wrap) in READERS.items():
        for name, pattern in PATTERNS.items():
            label = f"read  {reader} | {name}"
            if args.only and args.only not in label:
                continue
            row(
                label,
                lambda n, p=pattern, w=wrap, s=suffix, o=options: lambda: extract(w(p(n)), s, o),
                sizes,
                repeat,
            )
    if not args.no_write:
        for reader, (suffix, options, wrap) in READERS.items():
            document = _read(wrap("Hello world."), suffix, options)
            if document is None:
                continue
            for name, pattern in PATTERNS.items():
                label = f"write {reader} | {name}"
                if args.only and args.only not in label:
                    continue
                row(
                    label,
                    lambda n, p=pattern, d=document: lambda: compile_with(d, "Hi " + p(n)),
                    sizes,
                    repeat,
                )
    for name, pattern in PATTERNS.items():
        for label, job in (
            (f"read  po | {name}", lambda n, p=pattern: lambda: parse_catalog(_po(p(n)))),
            (
                f"read  po fast | {name}",
                lambda n, p=pattern: lambda: parse_translations(_po(p(n)).encode(), Path("a.po")),
            ),
            (f"read  xliff | {name}", lambda n, p=pattern: lambda: _read_xliff(_xliff(p(n)))),
        ):
            if args.only and args.only not in label:
                continue
            row(label, job, sizes, repeat)


if __name__ == "__main__":
    main()
