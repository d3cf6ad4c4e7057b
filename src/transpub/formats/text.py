"""Plain-text articles (like the seed): the first line is the title, blank lines separate paragraphs.

A plain-text article is turned into a small HTML page first, so extraction, placeholders and
compile work on it exactly as on any HTML article.
"""

from __future__ import annotations

import re

from .document import escape_text

_PARAGRAPHS = re.compile(r"\n[ \t]*\n\s*")


def text_to_html(text: str, lang: str) -> str:
    """The HTML page of a plain-text article.

    >>> print(text_to_html("Title\\n\\nOne & two.\\nStill one.\\n\\nThree.", "en"))
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <title>Title</title>
    </head>
    <body>
    <article>
    <h1>Title</h1>
    <p>One &amp; two.
    Still one.</p>
    <p>Three.</p>
    </article>
    </body>
    </html>
    <BLANKLINE>
    """
    text = text.replace("\r\n", "\n").strip("\n")
    first, _, rest = text.partition("\n")
    title = first.strip()
    paragraphs = [p.strip() for p in _PARAGRAPHS.split(rest.strip("\n")) if p.strip()]
    body = "".join(f"<p>{escape_text(p)}</p>\n" for p in paragraphs)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n<title>{escape_text(title)}</title>\n</head>\n'
        f"<body>\n<article>\n<h1>{escape_text(title)}</h1>\n{body}</article>\n</body>\n</html>\n"
    )
