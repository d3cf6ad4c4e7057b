"""What ``transpub segment`` shows: the units an article or a plain text is cut into."""

from __future__ import annotations

from pathlib import Path

from .errors import ArticleError
from .formats import ReadOptions, read_article
from .formats.encoding import decode_bytes
from .segment import segment

#: Files read as articles (exactly as ``transpub extract`` reads them).
ARTICLE_SUFFIXES = (".html", ".htm", ".md", ".markdown", ".txt")


def is_article(path: Path) -> bool:
    """Whether ``path`` names an article file rather than plain text.

    >>> is_article(Path("a/story.HTML")), is_article(Path("notes.text"))
    (True, False)
    """
    return path.suffix.lower() in ARTICLE_SUFFIXES


def article_units(path: Path, options: ReadOptions) -> list[str]:
    """The msgids extract writes for the article at ``path`` (placeholders included), in order."""
    return [unit.msgid for unit in read_article(path, options).units()]


def text_units(data: bytes, lang: str, *, paragraph: bool = False, shown: str = "<stdin>") -> list[str]:
    """The sentences (or paragraphs) of plain text in any encoding: blank lines separate paragraphs.

    >>> text_units("Dr. Li arrived. He spoke.\\n\\nNew.".encode(), "en")
    ['Dr. Li arrived.', 'He spoke.', 'New.']
    """
    try:
        text = decode_bytes(data)[0]
    except UnicodeDecodeError as exc:
        reason = exc.reason if "text file" in exc.reason else f"not a text file ({exc.reason})"
        raise ArticleError(reason, shown) from exc
    units: list[str] = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        flat = " ".join(block.split())
        if flat:
            units.extend([flat] if paragraph else segment(flat, lang))
    return units
