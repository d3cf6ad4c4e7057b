"""A shortcode's parameters to translate, as slots among the parts of the page that holds it.

A shortcode token is markup (kept as written, or a placeholder inside a sentence), but some of its
parameters are text for readers (``{{< figure alt="…" >}}``, ``[caption caption="…"]``, as
``[extract.shortcodes] translate_params`` names them): :func:`param_parts` makes each such token
parts of its own, its source with those parameters as slots, and :func:`with_param_parts` puts them
where the token stands in a page's parts, in the markup of sentences too.
"""

from __future__ import annotations

import re

from .document import DateSlot, PairedPieces, Part, TextSlot
from .md_templates import Template
from .options import ReadOptions
from .value_slots import shortcode_param_slots

_WORDS = re.compile(r"\w+")


def param_parts(
    text: str, templates: list[Template], options: ReadOptions, definitions: frozenset[str] | None = None
) -> dict[str, list[Part]]:
    """The parts of each shortcode of ``templates`` (by its text as written) that has parameters to
    translate (``[extract.shortcodes] translate_params``): its source, those parameters as slots
    (``definitions``: see :func:`~.value_slots.shortcode_param_slots`)."""
    found: dict[str, list[Part]] = {}
    for template in templates:
        raw = text[template.start : template.end]
        if raw in found:
            continue
        parts: list[Part] = []
        pos = template.start
        # a tab's label is Docsy's tab label wherever it is (the Markdown reader looks for its tabpane)
        labels = ("header", "0") if template.name == "tab" and template.opener != "[" else ()
        for start, end, slot in shortcode_param_slots(
            template, lambda a, b: text[a:b], options, _param_ref, labels=labels, definitions=definitions
        ):
            parts.extend((text[pos:start], slot))
            pos = end
        if parts:
            parts.append(text[pos : template.end])
            found[raw] = [part for part in parts if part != ""]
    return found


def _param_ref(name: str, value: str) -> str:
    """The reference of a shortcode's parameter (without ``@name``): ``glossary_tooltip(containerd)``."""
    return f"{name}({'-'.join(word.lower() for word in _WORDS.findall(value)[:4])})"


def with_param_parts(parts: list[Part], shortcodes: dict[str, list[Part]]) -> list[Part]:
    """``parts``, each shortcode of ``shortcodes`` in a text part as written replaced by its parts
    (in the markup of sentences too: a shortcode inside a sentence is one of its placeholders)."""
    out: list[Part] = []
    firsts = {raw[0] for raw in shortcodes}  # ({ for Hugo's, [ for WordPress's)
    for part in parts:
        if isinstance(part, str):
            out.extend(
                split_at_shortcodes(part, shortcodes) if any(map(part.__contains__, firsts)) else (part,)
            )
            continue
        if isinstance(part, TextSlot):
            part.parts = with_param_parts(part.parts, shortcodes)
            for number, piece in part.pieces.items():
                if isinstance(piece, PairedPieces):
                    piece.open = with_param_parts(piece.open, shortcodes)
                    piece.close = with_param_parts(piece.close, shortcodes)
                    if piece.same is not None:
                        piece.same = with_param_parts(piece.same, shortcodes)
                else:
                    part.pieces[number] = with_param_parts(piece, shortcodes)
        elif isinstance(part, DateSlot):  # (a shortcode inside a start tag keeps its parameters as written)
            part.parts = with_param_parts(part.parts, shortcodes)
        out.append(part)
    return out


def split_at_shortcodes(text: str, shortcodes: dict[str, list[Part]]) -> list[Part]:
    """``text`` with each shortcode of ``shortcodes`` in it replaced by its parts."""
    out: list[Part] = []
    pos = 0
    while True:
        found = min(((at, raw) for raw in shortcodes if (at := text.find(raw, pos)) >= 0), default=None)
        if found is None:
            break
        at, raw = found
        out.extend((text[pos:at], *shortcodes[raw]))
        pos = at + len(raw)
    out.append(text[pos:])
    return [part for part in out if part != ""]
