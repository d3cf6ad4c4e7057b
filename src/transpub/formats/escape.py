"""Escaping text for HTML element content and attribute values."""

from __future__ import annotations

import re


def escape_text(text: str) -> str:
    """Escape text for HTML element content.

    >>> escape_text('<script>alert("x")</script> & co')
    '&lt;script&gt;alert("x")&lt;/script&gt; &amp; co'
    """
    if "&" not in text and "<" not in text and ">" not in text:  # most sentences: nothing to escape
        return text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attribute(text: str) -> str:
    """Escape text for a double-quoted HTML attribute value.

    >>> escape_attribute('"x" onload=1')
    '&quot;x&quot; onload=1'
    """
    return escape_text(text).replace('"', "&quot;")


def escape_text_in_markdown(text: str) -> str:
    r"""Escape text for HTML element content inside a Markdown raw HTML block: as :func:`escape_text`,
    and a line break that would make a blank line (another one or the text's end after it, only
    spaces between; or the text's start before it) written as a character reference, so that a
    translation cannot end the block (what followed would be read as Markdown: an image, a link, a
    heading). A browser reads ``&#10;`` as the line break it stands for, in ``<pre>`` too; other
    line breaks stay as written.

    >>> escape_text_in_markdown("One\n\n![x](https://t.example/p.png)\r\n \r\ntwo\nthree")
    'One&#10;\n![x](https://t.example/p.png)&#13;&#10; \r\ntwo\nthree'
    """
    text = escape_text(text)
    if "\n" not in text and "\r" not in text:
        return text
    pieces = _LINE_BREAK.split(text)  # line, break, line, break, …, line
    last = len(pieces) - 1
    for index in range(1, last, 2):  # (a line of only spaces is blank to Markdown)
        after = pieces[index + 1]
        if not after.strip(" \t") or (index == 1 and not pieces[0].strip(" \t")):
            pieces[index] = pieces[index].replace("\r", "&#13;").replace("\n", "&#10;")
    return "".join(pieces)


_LINE_BREAK = re.compile(r"(\r\n|\r|\n)")


def attribute_in_markdown(text: str) -> str:
    r"""A double-quoted HTML attribute value inside a Markdown raw HTML block (quotes included), line
    breaks as character references (see :func:`escape_text_in_markdown`).

    >>> attribute_in_markdown('a "b"\n\nc')
    '"a &quot;b&quot;&#10;&#10;c"'
    """
    value = escape_attribute(text)
    return '"' + value.replace("\r", "&#13;").replace("\n", "&#10;") + '"'
