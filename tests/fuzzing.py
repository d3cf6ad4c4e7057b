"""Mutation fuzzing of transpub's readers (issue 18): shared by the test suite and ``make fuzz``.

Each reader (HTML, Markdown, plain text, PO, CSV glossary) is fed mutated copies of small seed
files. The rule every input must follow: it is either read and round-trips exactly, or it is
refused with transpub's own error naming the file — never another exception.

- Articles: ``render()`` with no translation gives the decoded text back byte for byte (extract →
  identity translation → compile), and a pseudo-translation (each unit ``⟦…⟧``, placeholders kept)
  renders and can be read again by transpub.
- PO: a catalog that reads is written (msgcat's layout) and read back to the same entries (texts,
  contexts, plural forms, fuzzy, obsolete; header fields), and writing that again changes nothing.
- CSV glossary: a glossary that reads is exported and read back equal; TBX export never fails.

Run as a script for a campaign with counts: ``python tests/fuzzing.py --html 20000 --po 5000``.
Minimised crashers go to ``tests/data/fuzz/`` as regression files (see test_fuzz.py).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parent / "src") not in sys.path:  # run as a script from a checkout
    sys.path.insert(0, str(HERE.parent / "src"))

from transpub.catalog import format_catalog, parse_catalog  # noqa: E402
from transpub.errors import TranspubError  # noqa: E402
from transpub.formats import ReadOptions, decode_article, read_article  # noqa: E402
from transpub.formats.document import AttrSlot, Resolution  # noqa: E402
from transpub.formats.encoding import decode_bytes  # noqa: E402
from transpub.formats.html import read_html  # noqa: E402
from transpub.formats.markdown import markdown_to_html, read_markdown, render_markdown_page  # noqa: E402
from transpub.formats.text import text_to_html  # noqa: E402
from transpub.glossary import format_glossary, read_glossary_bytes  # noqa: E402
from transpub.inline import tokenize  # noqa: E402

REGRESSIONS = HERE / "data" / "fuzz"
OPTIONS = ReadOptions()

SEED_HTML = [
    (HERE.parent / "articles" / "jingyue-platinum-industry.html").read_bytes(),
    b'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>A &amp; B</title>'
    b'<meta name="description" content="About skiing."></head>\n<body><h1 id="t">Skiing</h1>\n'
    b'<p>Read <a href="/x?a=1&amp;b=2" title="The report">the report</a> on <b>page <i>4</i></b>.'
    b" Dr. Li arrived.<br>He spoke.</p>\n<!-- note -->\n<ul><li>One</li><li>Two &lt;three&gt;</li></ul>\n"
    b'<pre>  keep\n   this </pre><p translate="no">Vasaloppet</p><img src="a.png" alt="A cat">\n'
    b"<script>var x = '<p>';</script><time datetime=\"2018-01-04\">4 Jan</time>\n"
    b"<table><tr><td>Cell one.</td><td>\xe5\x8c\x97\xe4\xba\xac\xe3\x80\x82</td></tr></table></body></html>\n",
]
SEED_MARKDOWN = [
    b"---\ntitle: Skiing\nsummary: A race.\ntags: [a, b]\n---\n\n# Skiing\n\nRead **the report** on "
    b"[page 4](http://x/).\nSecond line.\n\n- One\n- Two\n\n```\ncode <b>\n```\n\n<div>raw *html*</div>\n",
    *(
        path.read_bytes()
        for path in sorted((HERE / "data" / "markdown").glob("*.md"))
        if ".expect" not in path.name
    ),
]
MD_TOKENS = [
    b"*", b"**", b"_", b"`", b"```\n", b"~~", b"[", b"]", b"](", b")", b"![", b"\\", b"\n", b"\n\n",
    b"> ", b"- ", b"1. ", b"# ", b"|", b"\n|---|\n", b"[^1]", b"\n[^1]: ", b"\n: ", b"{#id}", b"&amp;",
    b"<b>", b"</b>", b"<!--", b"-->", b"{{< x >}}", b"{{% y %}}", b"{{% /y %}}", b"{{<", b">}}", b"{%",
    b"%}", b"{{", b"}}", b'"', b"'", b"\n---\n", b"---\n", b"+++\n", b"{", b"}", b"!!! note \"T\"\n    ",
    b"\t", b"    ", b"\r\n", b"www.x.org", b"https://x.org/a", b"[a]: /b\n", b"  \n", b"\xc3\xa9",
]  # fmt: skip
#: Pages exported from WordPress (``[extract.shortcodes] wordpress``): shortcodes, wpautop's lines.
WORDPRESS_OPTIONS = ReadOptions(wordpress_shortcodes=("caption", "gallery", "embed", "video", "footnote"))
SEED_WORDPRESS = [
    b'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>The harbour</title></head>\n<body>\n'
    b'<p>[caption id="attachment_12" align="alignnone" width="300"]<img src="f.jpg" alt="A ferry" /> The first'
    b' ferry.[/caption]</p>\n<p>Watch: [embed]https://v.example/w?v=a[/embed]</p>\n<p>[gallery ids="1,2"]</p>'
    b'\n[caption id="a14" caption="The old harbour" width="640"]<img src="n.jpg" alt="Lights" />[/caption]\n'
    b"<p>The mayor said [footnote]May 2.[/footnote] it opens. Write [[gallery]]. Prices [1] rose.</p>\n"
    b"</body>\n</html>\n",
    b'---\ntitle: "The harbour"\nexcerpt: "A ferry."\n---\nThe first line.\nThe second line.\n\n'
    b'[caption id="a" caption="A cap"]<img src="x.jpg" alt="Alt"> Cap text.[/caption]\n\nMore [embed]'
    b"https://x/y[/embed] here.<!--more Read on-->\n\n<pre>keep\n\nthis</pre>\nLast &nbsp;\n\n&nbsp;\n"
    b"End.<br />\n<br />\nx\r\ny\r\n\r\nz",
]
#: Hugo's and Jekyll's HTML content pages: front matter, shortcodes and Liquid in HTML.
SEED_CONTENT = [
    b'---\ntitle: "The harbour reopens"\ndescription: A ferry at dawn.\ntags: [port]\n---\n<p>The first '
    b'<b>ferry</b> left.</p>\n{{< figure src="f.jpg" caption="The ferry" alt="A ferry" >}}\n<p>See {{% ref '
    b'"a.md" %}} and {{< x >}}inner{{< /x >}}.</p>\n{% include figure.html caption="Lights" %}\n'
    b"<p>{{ page.title }} {% if a %}Yes{% endif %}</p>\n",
]
WORDPRESS_TOKENS = [
    b"[caption", b"[/caption]", b"[[", b"]]", b"[embed]", b"[/embed]", b"[", b"]", b"/]", b"\n\n", b'="',
    b"='", b"<!--more-->", b"<!--more Read on-->", b"<!--nextpage-->", b"&nbsp;", b"\r\n", b"&#91;",
    b'[gallery ids="1"]', b"[footnote]", b"[/footnote]", b"[video src=x]", b"\\", b"<pre>", b"</pre>",
    b"<br />", b"---\n", b"{{<", b">}}", b"{{%", b"%}}", b"{%", b"%}", b"{{", b"}}", b'caption="',
]  # fmt: skip
SEED_TEXT = [b"The title\n\nFirst paragraph. Two sentences.\n\nSecond & last <1> paragraph.\n"]
SEED_PO = [
    b'# German translation.\nmsgid ""\nmsgstr ""\n"Project-Id-Version: x\\n"\n'
    b'"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
    b'#. Paragraph: Hello.\n#: articles/a.html#body/p(hello)\n#, fuzzy\n#| msgid "Hallo old"\n'
    b'msgid "Hello <1>world</1>."\nmsgstr "Hallo <1>Welt</1>."\n\n'
    b'msgctxt "menu"\nmsgid "File"\nmsgstr "Datei"\n\n'
    b'msgid "One file"\nmsgid_plural "%d files"\nmsgstr[0] "Eine Datei"\nmsgstr[1] "%d Dateien"\n\n'
    b'msgid ""\n"A long line that wraps "\n"and continues \\"quoted\\"\\n"\nmsgstr "Lang\\tTab"\n\n'
    b'#~ msgid "Gone"\n#~ msgstr "Weg"\n',
    *(
        path.read_bytes()
        for path in sorted((HERE.parent / "locales").glob("*/LC_MESSAGES/*.po"))[:2]
        if path.stat().st_size < 200_000
    ),
]
SEED_CSV = [
    (HERE / "data" / "glossary" / "mini.csv").read_bytes(),
    (HERE.parent / "glossary" / "terms.csv").read_bytes(),
    b"term,zh_CN,de,note,case_sensitive,do_not_translate,forbidden\n"
    b'RMB,\xe4\xba\xba\xe6\xb0\x91\xe5\xb8\x81|\xe5\x85\x83,RMB,"Currency, code",yes,de,zh_CN:\xe5\x9d\x97\n'
    b"Vasaloppet,\xe7\x93\xa6\xe8\x90\xa8,Vasaloppets,,,de,\n=SUM(A1),x,'-y,,,,\n",
]

SEED_TBX = [
    (HERE / "data" / "glossary" / "v3.tbx").read_bytes(),
    (HERE / "data" / "glossary" / "weblate.tbx").read_bytes(),
    format_glossary(read_glossary_bytes(SEED_CSV[1], "csv"), "tbx"),
]
TBX_TOKENS = [
    b"<", b">", b"</", b"/>", b"<term>", b"</term>", b"<termSec>", b"</termSec>", b'<langSec xml:lang="de">',
    b"</langSec>", b"<conceptEntry>", b"</conceptEntry>", b'<termNote type="administrativeStatus">',
    b"deprecatedTerm-admn-sts", b"preferredTerm-admn-sts", b'<descrip type="definition">', b"</descrip>",
    b'xml:lang="', b'"', b"&amp;", b"&", b"&lt;", b"&#0;", b"&#x1F600;", b"<![CDATA[", b"]]>", b"<!--",
    b"-->", b'<!DOCTYPE tbx [<!ENTITY e "x">]>', b"&e;", b"<?xml ?>", b"\n", b" ", b"\xff", b"\x00",
    b"zh-CN", b"de", b"en",
]  # fmt: skip

#: Pieces of syntax that mutations insert: what breaks readers is usually a half of a construct.
HTML_TOKENS = [
    b"<",
    b">",
    b"</",
    b"/>",
    b"<p>",
    b"</p>",
    b"<b>",
    b"</b>",
    b"<div>",
    b"</div>",
    b"<br>",
    b"<pre>",
    b"</pre>",
    b"<script>",
    b"</script>",
    b"<style>",
    b"<!--",
    b"-->",
    b"<!DOCTYPE html>",
    b"<?xml ?>",
    b"&",
    b"&amp;",
    b"&lt;",
    b"&#",
    b"&#x",
    b";",
    b'"',
    b"'",
    b"=",
    b" ",
    b"\n",
    b"\r",
    b"\t",
    b"\xc2\xa0",
    b"<a href='x'>",
    b"</a>",
    b' translate="no"',
    b' class="notranslate"',
    b"<1>",
    b"</1>",
    b"<2/>",
    b"&lt;1&gt;",
    b'<time datetime="2020-02-30">',
    b'<meta charset="latin1">',
    b"\xef\xbb\xbf",
    b"\xe4\xb8\xad\xe6\x96\x87\xe3\x80\x82",
    b"Dr. ",
    b"e.g. ",
    b"...",
    b"?",
    b"!",
    b"\xff",
    b"\x80",
    b"<img alt='x'>",
    b"<title>",
    b"</title>",
    b"<textarea>",
    b"<svg>",
    b"<math>",
    b"<template>",
    b"<![",
    b"<![CDATA[",
    b"]]>",
    b"<!",
    b"<?",
    b"</ ",
    b"<a",
    b"='",
    b'<p title="',
    b"&#0;",
    b"&#x110000;",
]
PO_TOKENS = [
    b'msgid "',
    b'msgstr "',
    b"msgctxt ",
    b"msgid_plural ",
    b"msgstr[0] ",
    b"msgstr[1] ",
    b"msgstr[9] ",
    b'"',
    b"\\",
    b"\\n",
    b"\\t",
    b'\\"',
    b"\\x4",
    b"\\777",
    b"\\u",
    b"\n",
    b"\r\n",
    b"#, fuzzy\n",
    b"#, ",
    b"#~ ",
    b"#| ",
    b"#: ",
    b"#. ",
    b"# ",
    b"#",
    b'""',
    b"\n\n",
    b"Plural-Forms: nplurals=",
    b"plural=(n",
    b"charset=",
    b"UTF-8",
    b"latin1",
    b"\xc2\xb2",
    b"\xff",
    b"<1>",
    b"</1>",
    b" ",
    b"\t",
]
CSV_TOKENS = [
    b",",
    b'"',
    b'""',
    b"\n",
    b"\r\n",
    b"|",
    b":",
    b"=",
    b"+",
    b"-",
    b"@",
    b"'",
    b"\x00",
    b"\x1b",
    b"yes",
    b"no",
    b"*",
    b"de",
    b"zh_CN",
    b"term",
    b"note",
    b"\xff",
]


#: How many inputs each check read (``read``) or refused with transpub's own error (``refused``).
OUTCOMES: Counter[str] = Counter()


@dataclass(frozen=True)
class Failure:
    """An input that broke the rule: a crash (exception type and place) or a round-trip mismatch."""

    kind: str  # "crash", "mismatch", "unlocated error"
    detail: str
    data: bytes


def mutate(data: bytes, rng: random.Random, tokens: list[bytes], steps: int | None = None) -> bytes:
    """``data`` after a few random edits: delete, duplicate, insert a token, flip a byte, truncate."""
    out = bytearray(data)
    for _ in range(steps or rng.randint(1, 6)):
        size = len(out)
        choice = rng.random()
        at = rng.randint(0, size)
        if choice < 0.35:
            out[at:at] = rng.choice(tokens)
        elif choice < 0.55 and size:
            end = min(size, at + rng.randint(1, 16))
            del out[at:end]
        elif choice < 0.7 and size:
            start = rng.randint(0, size - 1)
            chunk = out[start : start + rng.randint(1, 64)]
            out[at:at] = chunk * rng.randint(1, 3)
        elif choice < 0.85 and size:
            out[rng.randint(0, size - 1)] = rng.randint(0, 255)
        elif choice < 0.9 and size:
            del out[at:]
        else:
            out[at:at] = bytes(rng.randint(0, 127) for _ in range(rng.randint(1, 4)))
    return bytes(out)


def _mark(msgid: str) -> str:
    """A pseudo-translation: every text piece of ``msgid`` inside ``⟦…⟧``, placeholders where they were."""
    return "".join(f"⟦{t.value}⟧" if t.kind == "text" else t.value for t in tokenize(msgid))


def check_article(data: bytes, suffix: str, folder: Path, options: ReadOptions = OPTIONS) -> Failure | None:
    """Read ``data`` as an article with ``suffix``; the rule above, or the Failure found."""
    path = folder / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        try:
            document = read_article(path, options)
        except TranspubError as exc:
            OUTCOMES["refused"] += 1
            return None if exc.path is not None else Failure("unlocated error", str(exc), data)
        text, _ = decode_article(data, suffix)  # (as read_article decoded it)
        if suffix == ".md" and document.format != "markdown":
            text = markdown_to_html(text.replace("\r\n", "\n").replace("\r", "\n"), "en", str(path))
        elif suffix == ".txt":
            text = text_to_html(text, "en")
        OUTCOMES["read"] += 1
        if document.render() != text:
            return Failure("mismatch", "identity render differs from the source", data)
        translated = document.render(
            lambda slot: Resolution(slot.msgid.upper() if isinstance(slot, AttrSlot) else _mark(slot.msgid))
        )
        try:
            if document.format == "markdown":
                read_markdown(translated, path, "utf-8", OPTIONS)
                render_markdown_page(translated, "es", str(path))
            elif suffix == ".html":  # (read as the page was: WordPress's, a content page's)
                path.write_text(translated, encoding="utf-8")
                read_article(path, options)
            else:
                read_html(translated, path, "utf-8", options)
        except TranspubError as exc:
            return Failure(
                "mismatch", f"the pseudo-translated page is refused when read again ({exc.message})", data
            )
    except Exception as exc:  # any other exception is what fuzzing looks for
        return Failure("crash", describe(exc), data)
    return None


def check_markdown(data: bytes, folder: Path) -> Failure | None:
    """Read ``data`` as Markdown (read as Markdown, not as HTML): the rule above."""
    path = folder / "fuzz.md"
    try:
        try:
            text, _ = decode_bytes(data)
        except UnicodeDecodeError:
            OUTCOMES["not text"] += 1
            return None
        if "\x00" in text:
            return None  # read_article refuses it before any reader
        try:
            document = read_markdown(text, path, "utf-8", OPTIONS)
        except TranspubError as exc:
            OUTCOMES["refused"] += 1
            return None if exc.path is not None else Failure("unlocated error", str(exc), data)
        OUTCOMES["read"] += 1
        if document.render() != text:
            return Failure("mismatch", "identity render differs from the source", data)
        translated = document.render(
            lambda slot: Resolution(slot.msgid.upper() if isinstance(slot, AttrSlot) else _mark(slot.msgid))
        )
        try:
            read_markdown(translated, path, "utf-8", OPTIONS)
            render_markdown_page(translated, "es", str(path))
        except TranspubError as exc:
            return Failure(
                "mismatch", f"the pseudo-translated article is refused when read again ({exc.message})", data
            )
    except Exception as exc:  # any other exception is what fuzzing looks for
        return Failure("crash", describe(exc), data)
    return None


def check_po(data: bytes, folder: Path) -> Failure | None:
    """Read ``data`` as a PO file: CatalogError with a place, or a catalog that round-trips."""
    path = folder / "fuzz.po"
    try:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            OUTCOMES["not utf-8"] += 1
            return None  # read_catalog decodes (and refuses) before parse_catalog
        try:
            po = parse_catalog(text, path)
        except TranspubError as exc:
            OUTCOMES["refused"] += 1
            return None if exc.path is not None else Failure("unlocated error", str(exc), data)
        OUTCOMES["read"] += 1
        written = format_catalog(po)
        again = parse_catalog(written, path)
        if _entries(again) != _entries(po):
            return Failure("mismatch", "entries differ after writing and reading back", data)
        if format_catalog(again) != written:
            return Failure("mismatch", "writing the catalog read back changes it", data)
    except Exception as exc:
        return Failure("crash", describe(exc), data)
    return None


def _entries(po) -> list[tuple]:
    return [
        (
            e.msgctxt,
            e.msgid,
            e.msgid_plural,
            e.msgstr,
            sorted((e.msgstr_plural or {}).items()),
            e.obsolete,
            "fuzzy" in e.flags,
        )  # other flags: msgcat keeps only those it knows, and so does transpub
        for e in po
    ] + [sorted(po.metadata.items())]


def check_glossary(data: bytes, folder: Path) -> Failure | None:
    """Read ``data`` as a CSV glossary: GlossaryError with a place, or CSV and TBX exports that round-trip."""
    path = folder / "terms.csv"
    try:
        try:
            glossary = read_glossary_bytes(data, "csv", path)
        except TranspubError as exc:
            OUTCOMES["refused"] += 1
            return None if exc.path is not None else Failure("unlocated error", str(exc), data)
        OUTCOMES["read"] += 1
        again = read_glossary_bytes(format_glossary(glossary, "csv"), "csv", path)
        if again != glossary:
            return Failure("mismatch", "CSV export reads back as a different glossary", data)
        format_glossary(glossary, "tbx")
    except Exception as exc:
        return Failure("crash", describe(exc), data)
    return None


def check_tbx(data: bytes, folder: Path) -> Failure | None:
    """Read ``data`` as a TBX glossary: GlossaryError with a place, or exports that read back equal."""
    path = folder / "terms.tbx"
    try:
        try:
            glossary = read_glossary_bytes(data, "tbx", path)
        except TranspubError as exc:
            OUTCOMES["refused"] += 1
            return None if exc.path is not None else Failure("unlocated error", str(exc), data)
        OUTCOMES["read"] += 1
        if read_glossary_bytes(format_glossary(glossary, "tbx"), "tbx", path) != glossary:
            return Failure("mismatch", "TBX export reads back as a different glossary", data)
        if read_glossary_bytes(format_glossary(glossary, "csv"), "csv", path) != glossary:
            return Failure("mismatch", "CSV export reads back as a different glossary", data)
    except Exception as exc:
        return Failure("crash", describe(exc), data)
    return None


def describe(exc: BaseException) -> str:
    """``Type at file:line (function)`` of the innermost transpub frame: one crasher per place."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "transpub" in f.filename]
    where = frames[-1] if frames else traceback.extract_tb(exc.__traceback__)[-1]
    return f"{type(exc).__name__} at {Path(where.filename).name}:{where.lineno} ({where.name})"


CHECKS = {
    "html": (SEED_HTML, HTML_TOKENS, lambda data, folder: check_article(data, ".html", folder)),
    "markdown": (SEED_MARKDOWN, MD_TOKENS, lambda data, folder: check_article(data, ".md", folder)),
    "markdown-native": (SEED_MARKDOWN, MD_TOKENS, lambda data, folder: check_markdown(data, folder)),
    "text": (SEED_TEXT, HTML_TOKENS, lambda data, folder: check_article(data, ".txt", folder)),
    "wordpress": (
        SEED_WORDPRESS,
        HTML_TOKENS + WORDPRESS_TOKENS,
        lambda data, folder: check_article(data, ".html", folder, WORDPRESS_OPTIONS),
    ),
    "content": (
        SEED_CONTENT,
        HTML_TOKENS + WORDPRESS_TOKENS,
        lambda data, folder: check_article(data, ".html", folder),
    ),
    "po": (SEED_PO, PO_TOKENS, check_po),
    "glossary": (SEED_CSV, CSV_TOKENS, check_glossary),
    "tbx": (SEED_TBX, TBX_TOKENS, check_tbx),
}


def same_failure(check, detail: str, folder: Path):
    """A test for :func:`minimise`: does an input still fail ``check`` at the same place?"""
    return lambda data: (found := check(data, folder)) is not None and found.detail == detail


def minimise(data: bytes, still_fails, budget: int = 400) -> bytes:
    """A smaller input that still fails the same way (delta debugging over byte chunks)."""
    chunk = max(1, len(data) // 2)
    tries = 0
    while chunk >= 1 and tries < budget:
        start, shrunk = 0, False
        while start < len(data) and tries < budget:
            candidate = data[:start] + data[start + chunk :]
            tries += 1
            if candidate and still_fails(candidate):
                data, shrunk = candidate, True
            else:
                start += chunk
        if not shrunk:
            chunk //= 2
    return data


def campaign(
    kind: str, count: int, seed: int = 18, folder: Path | None = None
) -> tuple[int, dict[str, Failure]]:
    """Run ``count`` mutations of the ``kind`` seeds; the failures found, one per distinct place."""
    seeds, tokens, check = CHECKS[kind]
    rng = random.Random(f"{seed}-{kind}")
    found: dict[str, Failure] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = folder or Path(tmp)
        for _ in range(count):
            data = mutate(rng.choice(seeds), rng, tokens)
            failure = check(data, work)
            if failure is not None and failure.detail not in found:
                found[failure.detail] = failure
    return count, found


def main(argv: list[str] | None = None) -> int:
    """``make fuzz``: run the campaign, print counts, failures and time; save minimised crashers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for kind, default in (
        ("html", 20000),
        ("po", 5000),
        ("markdown", 1000),
        ("markdown-native", 3000),
        ("text", 500),
        ("wordpress", 3000),
        ("content", 2000),
        ("glossary", 2000),
        ("tbx", 2000),
    ):
        parser.add_argument(f"--{kind}", type=int, default=default, metavar="N", dest=kind.replace("-", "_"))
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--save", action="store_true", help="write minimised crashers to tests/data/fuzz/")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        known = {
            failure.detail: reason
            for name, reason in known_failures().items()
            if (failure := check_regression(REGRESSIONS / name, Path(tmp))) is not None
        }
    total_failures = 0
    for kind in CHECKS:
        started = time.monotonic()
        OUTCOMES.clear()
        count, found = campaign(kind, getattr(args, kind.replace("-", "_")), args.seed)
        seconds = time.monotonic() - started
        outcomes = ", ".join(f"{n} {what}" for what, n in sorted(OUTCOMES.items()))
        print(
            f"{kind:9} {count:6} mutations ({outcomes}): {len(found)} distinct failures, {seconds:.1f} s",
            flush=True,
        )
        total_failures += sum(1 for detail in found if detail not in known)
        for failure in found.values():
            _, _, check = CHECKS[kind]
            with tempfile.TemporaryDirectory() as tmp:
                small = minimise(failure.data, same_failure(check, failure.detail, Path(tmp)))
            note = f" [known: {known[failure.detail]}]" if failure.detail in known else ""
            print(f"    {failure.kind}: {failure.detail}{note}: {small[:120]!r}")
            if args.save:
                save_regression(kind, small)
    print(f"new failures: {total_failures} (known ones, listed in tests/data/fuzz/XFAIL, not counted)")
    return 1 if total_failures else 0


SUFFIXES = {
    "html": ".html",
    "markdown": ".md",
    "markdown-native": ".md",
    "text": ".txt",
    "wordpress": ".html",
    "content": ".html",
    "po": ".po",
    "glossary": ".csv",
    "tbx": ".tbx",
}


def save_regression(kind: str, data: bytes) -> Path:
    """Keep a minimised crasher as ``tests/data/fuzz/<kind>-<n><suffix>``."""
    REGRESSIONS.mkdir(parents=True, exist_ok=True)
    number = len(list(REGRESSIONS.glob(f"{kind}-*"))) + 1
    path = REGRESSIONS / f"{kind}-{number:03}{SUFFIXES[kind]}"
    path.write_bytes(data)
    return path


def known_failures() -> dict[str, str]:
    """Regression files that still fail, with the reason (``tests/data/fuzz/XFAIL``: ``name: reason``)."""
    listing = REGRESSIONS / "XFAIL"
    lines = listing.read_text(encoding="utf-8").splitlines() if listing.exists() else []
    return dict(line.split(": ", 1) for line in lines if line.strip() and not line.startswith("#"))


def check_regression(path: Path, folder: Path) -> Failure | None:
    """Run the check a regression file's name asks for."""
    kind = path.name.split("-", 1)[0]
    return CHECKS[kind][2](path.read_bytes(), folder)


if __name__ == "__main__":
    sys.exit(main())
