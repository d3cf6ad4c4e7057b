"""Template tokens a translation must keep: Hugo shortcodes and Liquid tags are markup, never text.

The Markdown reader turns the template tokens inside a unit into placeholders, so a translation
cannot change them. A catalog made before that (where ``{{< figure src="a.svg" >}}`` was text in a
msgid), or an engine inventing one, can still put a token into a msgstr: ``{{< cifra src="a.svg" >}}``
would reach readers as a broken shortcode. A translation passes only when it holds exactly the
tokens of its source, as written, in any order. Tokens are found by the reader's own scanner
(:func:`~transpub.formats.md_templates.template_tokens`).
"""

from __future__ import annotations

from collections import Counter

from .md_templates import template_tokens

_OPENING = ("{{", "{%")
_SHOWN = 60


def template_problem(source: str, translation: str) -> str | None:
    """Why ``translation`` adds, drops or changes a template token of ``source``, or None.

    >>> template_problem("A skier {{< figure src=\\"a.svg\\" >}}", "Un esquiador {{< figure src=\\"a.svg\\" >}}") is None
    True
    >>> template_problem("See {{% note %}}", "Vea {{% nota %}}")
    'template token {{% nota %}} is not in the source, {{% note %}} of the source is missing or changed (shortcodes and template tags are copied exactly as written, never translated)'
    """
    if "{{" not in translation and "{%" not in translation and "{{" not in source and "{%" not in source:
        return None  # (the marks of _OPENING, looked for without a generator: asked of every translation)
    expected = Counter(template_tokens(source))
    found = Counter(template_tokens(translation))
    if expected == found:
        return None
    problems = []
    extra = list(dict.fromkeys((found - expected).elements()))
    if extra:
        problems.append(
            f"template token {_list(extra)} {'is' if len(extra) == 1 else 'are'} not in the source"
        )
    missing = list(dict.fromkeys((expected - found).elements()))
    if missing:
        problems.append(
            f"{_list(missing)} of the source {'is' if len(missing) == 1 else 'are'} missing or changed"
        )
    return (
        ", ".join(problems)
        + " (shortcodes and template tags are copied exactly as written, never translated)"
    )


def _list(tokens: list[str]) -> str:
    return ", ".join(token if len(token) <= _SHOWN else token[: _SHOWN - 1] + "…" for token in tokens)
