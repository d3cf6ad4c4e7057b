"""Article formats: read a source file into a :class:`Document`, render it back.

``read_article`` is the one entry point: it decodes the bytes (BOM, declared charset,
UTF-8, detection) and picks the reader by suffix.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ArticleError
from .document import Document
from .encoding import declared_charset, decode_bytes
from .options import ReadOptions

#: YAML or TOML front matter, as Hugo finds it at the top of a content file (HTML too).
_FRONT_MATTER = re.compile(r"\ufeff?(?:---|\+\+\+)[ \t]*\r?\n")
#: The same, in the file's bytes (before they are decoded).
_FRONT_MATTER_BYTES = re.compile(rb"(?:\xef\xbb\xbf)?(?:---|\+\+\+)[ \t]*\r?\n")


def decode_article(data: bytes, suffix: str) -> tuple[str, str]:
    r"""The text of an article's bytes and its encoding, as :func:`read_article` decodes them: an HTML
    page by its BOM, its declared charset or detection; a content page with front matter (an HTML
    file too) and any other file without a declared charset (a ``<meta charset>`` in its body is a
    code sample's, a post's own content). UnicodeDecodeError when it is no text.

    >>> decode_article(b'<meta charset="latin1">\xe9', ".html")[0][-1]
    'é'
    >>> decode_article(b"---\n<meta charset=latin1>\xc3\xa9", ".html")[0][-1]
    'é'
    """
    html_page = suffix in (".html", ".htm") and not _FRONT_MATTER_BYTES.match(data)
    return decode_bytes(data, declared=declared_charset(data) if html_page else None)


def publishes_html_page(path: Path) -> bool:
    """Whether the article at ``path`` is published as an HTML page of the site in Markdown output
    too: a ``.txt`` article, or an HTML one that is no static-site generator's content page (no
    front matter); False for one that cannot be read (compile says why).

    >>> publishes_html_page(Path("a.md")), publishes_html_page(Path("a.txt"))
    (False, True)
    """
    suffix = path.suffix.lower()
    if suffix not in (".html", ".htm"):
        return suffix == ".txt"
    try:
        with open(path, "rb") as file:
            start = file.read(16)
    except OSError:
        return False
    return not _FRONT_MATTER_BYTES.match(start)


def read_article(
    path: Path, options: ReadOptions, *, display_path: str | None = None, data: bytes | None = None
) -> Document:
    """Read and parse the article at ``path`` (``data``: its bytes, when the caller has read them);
    ArticleError (with file and line) when it cannot be."""
    shown = display_path or str(path)
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ArticleError(f"cannot read: {exc.strerror}", shown) from exc
    suffix = path.suffix.lower()
    try:
        text, encoding = decode_article(data, suffix)
    except UnicodeDecodeError as exc:  # (the reason may say it already: "NUL bytes: this is not a text file")
        reason = exc.reason if "text file" in exc.reason else f"not a text file ({exc.reason})"
        raise ArticleError(reason, shown) from exc
    if "\x00" in text:
        raise ArticleError(
            "not a text file (NUL characters)", shown, text.count("\n", 0, text.index("\x00")) + 1
        )
    from .html import read_html

    if suffix in (".html", ".htm"):
        if _FRONT_MATTER.match(text):  # a static-site generator's content page
            from .html_content import read_html_content

            return read_html_content(text, path, encoding, options, display_path=shown)
        if options.wordpress_shortcodes:  # a page exported from WordPress
            from .html_wordpress import read_wordpress_html

            return read_wordpress_html(text, path, encoding, options, display_path=shown)
        document = read_html(text, path, encoding, options, display_path=shown)
        if "[" in text:
            from .wp_shortcodes import wordpress_hint

            hint = wordpress_hint(text, shown)
            if hint is not None:
                document.warnings.append(hint)
        return document
    if suffix in options.markdown_suffixes:
        from .markdown import read_markdown

        return read_markdown(text, path, encoding, options, display_path=shown)
    if suffix == ".txt":
        from .text import text_to_html

        return read_html(
            text_to_html(text, options.source_locale), path, encoding, options, display_path=shown
        )
    raise ArticleError(f"unknown article format {suffix!r} (use .html, .md or .txt)", shown)


__all__ = ["Document", "ReadOptions", "read_article"]
