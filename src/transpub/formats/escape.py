"""Escaping text for HTML element content and attribute values."""

from __future__ import annotations


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
