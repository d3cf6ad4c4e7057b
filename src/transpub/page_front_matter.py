"""A static-site page's front matter as the generators read it (Hugo's rules): what ``transpub init``
reads of a site's pages, and compile of the URL a page is published at (see compile/links.py)."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

#: How much of a page is read for its front matter.
_FRONT_MATTER_BYTES = 65536


def page_front_matter(path: Path, keys: tuple[str, ...] = ()) -> dict[str, Any] | None:
    """The front matter of the page at ``path`` as Hugo reads it (see :func:`_front_matter`), its keys
    in lower case; None: it has none, or it cannot be read. ``keys``: only these matter, and a page
    whose first bytes name none of them is not parsed (None: a compile looks at every page's URL on
    every run, and most pages set none).

    >>> import tempfile, pathlib
    >>> page = pathlib.Path(tempfile.mkdtemp()) / "a.md"
    >>> _ = page.write_text("---\\ntitle: A\\nSlug: b\\n---\\nText", encoding="utf-8")
    >>> page_front_matter(page, ("slug",)), page_front_matter(page, ("url",))
    ({'title': 'A', 'slug': 'b'}, None)
    """
    try:
        with path.open(encoding="utf-8", errors="replace") as file:
            text = file.read(_FRONT_MATTER_BYTES)
    except OSError:
        return None
    if keys:
        lowered = text.lower()
        if not any(key in lowered for key in keys):
            return None
    return _front_matter(text)


#: Front matter between ``---`` (YAML) or ``+++`` (TOML) lines.
_DELIMITED = re.compile(r"(---|\+\+\+)[ \t]*\r?\n(.*?)^\1[ \t]*\r?$", re.S | re.M)


def _front_matter(text: str) -> dict[str, Any] | None:
    """The settings of a page's front matter as Hugo reads it, its keys in lower case: YAML between
    ``---`` lines, TOML between ``+++`` lines, or a JSON object, after any blank space. None: the
    page has none, or it cannot be read.

    >>> _front_matter('\\n{ "Slug": "a}", "params": {"url": "b"} }\\nText {x}'), _front_matter("# Text\\n")
    ({'slug': 'a}', 'params': {'url': 'b'}}, None)
    >>> _front_matter("---\\ntitle: A\\n---\\n"), _front_matter('+++\\nslug = "a"\\n+++\\n')
    ({'title': 'A'}, {'slug': 'a'})
    """
    import yaml

    head = text.lstrip("\ufeff \t\r\n")
    try:
        if head.startswith("{"):
            end = _json_end(head)
            front: Any = json.loads(head[:end]) if end else None
        elif match := _DELIMITED.match(head):
            body = match.group(2)
            front = tomllib.loads(body) if match.group(1) == "+++" else yaml.safe_load(body)
        else:
            return None
    except (ValueError, yaml.YAMLError, RecursionError):
        return None
    return lower_keys(front) if isinstance(front, dict) else None


def _json_end(text: str) -> int | None:
    """Where the JSON object that opens ``text`` ends, found as Hugo finds it (its braces counted
    outside strings); None when it does not.

    >>> _json_end('{"a": {"b": "}"}} text'), _json_end('{"a": "\\\\"}"} text'), _json_end('{"a": 1')
    (17, 12, None)
    """
    level, quoted, escaped = 0, False, False
    for index, char in enumerate(text):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif not quoted and char in "{}":
            level += 1 if char == "{" else -1
            if level == 0:
                return index + 1
    return None


def lower_keys(value: Any) -> Any:
    """``value`` with the keys of its mappings in lower case (Hugo's keys are case-insensitive).

    >>> lower_keys({"contentDir": "c", "Languages": {"EN": {"weight": 1}}})
    {'contentdir': 'c', 'languages': {'en': {'weight': 1}}}
    """
    if isinstance(value, dict):
        return {str(key).lower(): lower_keys(item) for key, item in value.items()}
    return value
