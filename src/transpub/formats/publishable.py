"""Whether a translation can be published in place of its source (compile's rule, which ``status``
and ``check`` count coverage by): its placeholders, its template tokens, its control characters."""

from __future__ import annotations

from ..inline import control_problem
from .document import placeholder_check
from .template_guard import template_problem


def problem_of(msgid: str, text: str) -> tuple[str, str] | None:
    """``(check, why)`` when a translation cannot be published: its placeholders or its template
    tokens (Hugo shortcodes, Liquid tags) differ from the source's, or it adds a control character.
    Its unit then shows the source."""
    if "<" not in text and "<" not in msgid and "{" not in text and "{" not in msgid:
        problem = None  # no placeholder and no template token on either side (most translations)
    else:
        problem = compared(msgid, text)
    if problem is None:
        controls = control_problem(msgid, text)
        return ("markup", controls) if controls else None
    return problem


def compared(msgid: str, text: str) -> tuple[str, str] | None:
    """:func:`problem_of` by comparing the placeholders and the template tokens of both texts."""
    problem = placeholder_check(msgid, text)  # remembered for the rendering, which checks again
    if problem:
        return "placeholders", problem
    problem = template_problem(msgid, text)
    return ("template", problem) if problem else None
