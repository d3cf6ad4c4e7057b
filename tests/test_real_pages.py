"""The real web pages in /work/shared/corpus/real-pages (news, blogs, Wikipedia; several
languages, encodings and broken markup) survive extract → msgstr = msgid → compile.

The pages are read in place and never copied into this repository. Each page must:
read (or fail with an ArticleError naming a line), render back to its decoded source, and
keep its body text and element count when every unit goes through the translation path.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from transpub.errors import ArticleError
from transpub.formats import ReadOptions, read_article
from transpub.formats.document import Resolution, TextSlot
from transpub.formats.encoding import declared_charset, decode_bytes
from transpub.inline import tokenize

CORPUS = Path("/work/shared/corpus/real-pages")
PAGES = sorted(CORPUS.glob("*.htm*")) if CORPUS.is_dir() else []
OPEN, CLOSE, ATTR = "\u27e6", "\u27e7", "\u2063"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not PAGES, reason=f"real-page corpus not present at {CORPUS}"),
]


def marked(slot) -> Resolution:
    """A translation that differs from the source but can be undone: text runs wrapped in markers."""
    if isinstance(slot, TextSlot) and slot.markable:
        return Resolution(
            "".join(OPEN + t.value + CLOSE if t.kind == "text" else t.value for t in tokenize(slot.msgid))
        )
    return Resolution(slot.msgid + ATTR)


def body_text_and_elements(html: str) -> tuple[str, int]:
    root = lxml.html.document_fromstring(html)
    return re.sub(r"\s+", " ", root.text_content()).strip(), sum(1 for _ in root.iter())


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_real_page_survives_extract_and_compile(page: Path) -> None:
    try:
        document = read_article(page, ReadOptions())
    except ArticleError as exc:  # acceptable only as a one-line error naming the place
        assert exc.line and "\n" not in str(exc)
        return
    data = page.read_bytes()
    source, _ = decode_bytes(data, declared=declared_charset(data))
    assert document.render() == source
    assert document.units(page.name)
    compiled = document.render(marked)
    restored = compiled.replace(OPEN, "").replace(CLOSE, "").replace(ATTR, "")
    assert body_text_and_elements(restored) == body_text_and_elements(source)
