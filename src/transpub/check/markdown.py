"""The ``markdown`` check: Markdown typed into a translation of a Markdown article is shown as text.

Emphasis, strong emphasis and code in a Markdown article reach translators as placeholders
(``<1>…</1>``); compile writes everything else of a translation as text, escaping Markdown's marks
(``*Hafenbüro*`` is written ``\\*Hafenbüro\\*``), so readers would see the asterisks. A mark that
cannot open or close a span is not reported: ``5 * 3``, ``file_name``, a lone ``*`` after a word
(a footnote marker), nor marks the source itself has as text, as often as it has them.
"""

from __future__ import annotations

import re
from collections import Counter

from transpub.check.markup import use_source_placeholders
from transpub.inline import PLACEHOLDER_RE

#: A placeholder, for the spans below: neither a space nor a word character, so that
#: ``*<1>online</1>*`` is a span and ``a_<1>b</1>_c`` is not.
_CODE = "\ufffc"
#: Emphasis (``*x*``, ``_x_``) and strong emphasis (``**x**``, ``__x__``) at word edges, and code
#: (`` `x` ``); the marks in group ``mark`` (not a file name's ``__init__.py``).
#: (A span is looked for over 300 characters at most: a line of openers without an end costs
#: linear time, not a search of the rest of the line from each.)
_SPAN = re.compile(
    r"(?<![\w\\*])(?P<mark>\*\*|__|\*|_)(?=[^\s*_])[^\n]{0,300}?(?<=[^\s\\*_])(?P=mark)(?![\w*]|\.\w)"
    r"|(?<![\\`])`(?P<code>[^`\n]+)`(?!`)"
)
_NAMES = {"*": "asterisks", "_": "underscores", "`": "backticks"}


def markdown_spans(text: str) -> list[str]:
    """Markdown emphasis, strong emphasis and code spans typed in ``text`` (outside placeholders).

    >>> markdown_spans("Tickets im *Hafenbüro*, **heute**, `ferry --help` und <1>__online__</1>.")
    ['*Hafenbüro*', '**heute**', '`ferry --help`', '__online__']
    >>> markdown_spans("5 * 3 = 15, file_name, 5*3*4, Preis* und \\\\*nicht\\\\*, __init__.py")
    []
    """
    masked = PLACEHOLDER_RE.sub(lambda match: _CODE * len(match.group(0)), text)
    return [
        text[match.start() : match.end()]
        for match in _SPAN.finditer(masked)
        if match.group("code") is None or match.group("code").strip()
    ]


def markdown_problem(source: str, translation: str) -> str | None:
    """Why ``translation`` (of a unit of a Markdown article) holds Markdown that would be shown as
    text, or None. Spans of a mark the source has as text (an article about Markdown) are allowed as
    often as the source has spans of that mark.

    >>> markdown_problem("Tickets at the <1>harbour office</1>.", "Tickets im *Hafenbüro*.")
    'Markdown *Hafenbüro* would be shown as text, asterisks and all; for emphasis, use the placeholders of the source (<1>…</1>)'
    >>> markdown_problem("Type `*word*` for *emphasis*.", "Tippe `*Wort*` für *Betonung*.") is None
    True
    >>> markdown_problem("5 * 3 is 15.", "5 * 3 ist 15.") is None
    True
    """
    allowed = Counter(_mark(span) for span in markdown_spans(source))
    extra: list[str] = []
    for span in markdown_spans(translation):
        if allowed[_mark(span)] > 0:
            allowed[_mark(span)] -= 1
        else:
            extra.append(span)
    if not extra:
        return None
    marks = " and ".join(dict.fromkeys(_NAMES[span[0]] for span in extra))
    wanted = " or ".join(dict.fromkeys("code" if span[0] == "`" else "emphasis" for span in extra))
    hint = use_source_placeholders(source)
    how = (
        f"for {wanted}, {hint}" if hint.startswith("use") else f"{hint} ({wanted} comes only as the source's)"
    )
    return f"Markdown {', '.join(dict.fromkeys(extra))} would be shown as text, {marks} and all; {how}"


def _mark(span: str) -> str:
    """The mark that opens ``span``: ``*``, ``**``, ``_``, ``__`` or a backtick."""
    return span[:2] if span[:2] in ("**", "__") else span[0]
