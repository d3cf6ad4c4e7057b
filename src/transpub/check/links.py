"""The ``links`` check: the addresses in a unit's text are the source's, as written.

A link's target inside a sentence reaches translators as a placeholder, but some text holds its
addresses as text: a bare ``https://…`` or e-mail address, or a Markdown link ``[text](url)`` in a value a site
renders as Markdown (GitHub Docs' ``intro`` in the front matter). A translation that drops one,
changes it (``https://evil.example``) or adds one would send readers elsewhere; a translator who
means it (a localized page of the same site) silences the check on that entry.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from transpub.inline import PLACEHOLDER_RE
from transpub.model import EMAIL_ADDRESS

#: An absolute address (``https://…``, ``ftp://…``, ``www.…``), an e-mail address or a Markdown link's destination.
_ADDRESS = re.compile(
    r"\]\(\s*<?([^\s()<>]+)>?(?:\s+[\"'(][^\n]*?[\"')])?\s*\)"  # [text](destination "title")
    r"|\b(?:https?|ftp)://[^\s<>\"'`]+"
    r"|\bwww\.[^\s<>\"'`]+"
    rf"|{EMAIL_ADDRESS}"
)
#: The kinds of punctuation that end a sentence after an address (``.``, ``)``, ``»``), never its end…
_CLOSING = frozenset({"Po", "Pe", "Pf"})
#: … but for these, which an address may end with.
_IN_ADDRESSES = frozenset("/#%&*@\\")


def addresses_in(text: str) -> list[str]:
    """The addresses of ``text`` (outside placeholders), in order.

    >>> addresses_in("See [Chrome](https://www.google.com/chrome) or https://a.example/x. Also www.b.example!")
    ['https://www.google.com/chrome', 'https://a.example/x', 'www.b.example']
    >>> addresses_in("Read <1>the report</1> at [the docs](/docs/start \\"Start\\").")
    ['/docs/start']
    >>> addresses_in("Write to press@port.example.")
    ['press@port.example']
    """
    found = []
    for match in _ADDRESS.finditer(PLACEHOLDER_RE.sub(" ", text)):
        found.append(match.group(1) or _without_trailing(match.group()))
    return found


def _without_trailing(address: str) -> str:
    """``address`` without the punctuation that ends its sentence after it (``.``, ``)``, ``»``, ``⟧``).

    >>> _without_trailing("https://a.example/x?q=1)."), _without_trailing("https://a.example/#top")
    ('https://a.example/x?q=1', 'https://a.example/#top')
    """
    end = len(address)
    while (
        end and unicodedata.category(address[end - 1]) in _CLOSING and address[end - 1] not in _IN_ADDRESSES
    ):
        end -= 1
    return address[:end]


def links_problem(source: str, translation: str) -> str | None:
    """Why ``translation`` does not keep the addresses of ``source`` as written, or None.

    >>> links_problem("Use [Chrome](https://www.google.com/chrome).", "Nutze [Chrome](https://evil.example).")
    'address https://www.google.com/chrome of the source is not in the translation; it adds https://evil.example'
    >>> links_problem("See https://a.example.", "Siehe https://a.example.") is None
    True
    >>> links_problem("Write to press@port.example.", "Schreiben Sie an presse@port.example.")
    'address press@port.example of the source is not in the translation; it adds presse@port.example'
    """
    both = source + translation
    if "://" not in both and "](" not in both and "www." not in both and "@" not in both:
        return None
    source_addresses, translated = Counter(addresses_in(source)), Counter(addresses_in(translation))
    missing = list((source_addresses - translated).elements())
    added = list((translated - source_addresses).elements())
    if not missing and not added:
        return None
    parts = []
    if missing:
        parts.append(f"address {', '.join(missing)} of the source is not in the translation")
    if added:
        parts.append(
            f"it adds {', '.join(added)}"
            if missing
            else f"the translation adds {', '.join(added)}, which the source does not have"
        )
    return "; ".join(parts)
