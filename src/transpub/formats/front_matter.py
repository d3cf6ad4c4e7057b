"""Front matter of Markdown articles: YAML (``---``), TOML (``+++``) and JSON (``{ … }``), as Hugo reads them.

:func:`read_front_matter` finds the block, parses it (refusing YAML aliases, which can expand a
few bytes into gigabytes) and locates the values of the keys to translate (strings, and strings
in lists) in the source text, with a writer for each that quotes a translation the way its
format needs. Everything else in the block is kept as written.
"""

from __future__ import annotations

import datetime
import json
import re
import tomllib
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass, field
from functools import cache, partial
from typing import TYPE_CHECKING

from ..errors import ArticleError

if TYPE_CHECKING:
    import yaml  # (imported where YAML is read: an HTML project never loads it)

_YAML = re.compile(r"\A(\ufeff?)---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_TOML = re.compile(r"\A(\ufeff?)\+\+\+[ \t]*\n(.*?\n)?\+\+\+[ \t]*(?:\n|\Z)", re.S)
_JSON_START = re.compile(r"\A\ufeff?(?=\{\s*[\"}])")
#: Front matter opened (its first line a YAML or TOML key) that no line closes: not a thematic break.
_UNCLOSED = re.compile(
    r"\A\ufeff?(---|\+\+\+)[ \t]*\n[ \t]*([A-Za-z_][\w-]*)[ \t]*(?::(?:[ \t]|$)|=)[^\n]*\n?"
    r"([ \t]*[A-Za-z_][\w-]*[ \t]*(?::(?:[ \t]|$)|=))?",
    re.M,
)
#: Keys that open most front matter (one of them first says a page's front matter is not closed).
_COMMON_KEYS = frozenset(
    ["title", "date", "draft", "layout", "description", "slug", "tags", "categories", "author", "weight"]
)
_DATED = re.compile(r"\s*\d{4}-\d{2}-\d{2}")
_STR_TAG = "tag:yaml.org,2002:str"
#: Keys whose value says when an article was published, in order of preference.
DATE_KEYS = ("date", "publishDate", "published")


@dataclass(frozen=True)
class FrontValue:
    """A translatable string in the front matter: where it is written and how to write another."""

    key: str
    index: int | None  # its position in a list, or None
    start: int
    end: int
    value: str
    write: Callable[[str], str]
    #: Whether its line breaks are part of its value (a YAML literal block scalar of several lines:
    #: an address, a poem), so translators get them and a translation is written line by line.
    lines: bool = False


@dataclass
class FrontMatter:
    """A parsed front matter block."""

    kind: str  # yaml, toml, json
    end: int  # where the body starts
    data: dict
    values: list[FrontValue] = field(default_factory=list)
    date: str | None = None

    @property
    def title(self) -> str | None:
        """The ``title`` as written, when it is a string."""
        title = self.data.get("title")
        return title.strip() or None if isinstance(title, str) else None


@cache
def _no_alias_loader() -> type[yaml.SafeLoader]:
    """YAML's safe loader without aliases, made at the first YAML front matter read."""
    import yaml

    class _NoAliasLoader(yaml.SafeLoader):
        """YAML's safe loader without aliases (``*name``): a few bytes of aliases can expand to gigabytes."""

        def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
            if self.check_event(yaml.AliasEvent):
                raise yaml.composer.ComposerError(
                    None,
                    None,
                    "aliases (*name) are not allowed in front matter",
                    self.peek_event().start_mark,
                )
            return super().compose_node(parent, index)

        def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> datetime.date:
            """A date as YAML reads it; one that no calendar has (``2024-02-30``, ``0000-00-00``, an offset of
            ``+99:00``) is a YAML error at its line, not a ValueError from deep inside the constructor."""
            try:
                return super().construct_yaml_timestamp(node)
            except (ValueError, OverflowError) as exc:
                raise yaml.constructor.ConstructorError(
                    None, None, f"{node.value!r} is not a date ({exc})", node.start_mark
                ) from None

        def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
            """A whole number as YAML reads it; one of more digits than Python turns into a number is a
            YAML error at its line, not a ValueError from deep inside the constructor."""
            try:
                return super().construct_yaml_int(node)
            except ValueError:
                raise yaml.constructor.ConstructorError(
                    None, None, too_many_digits(node.value), node.start_mark
                ) from None

    _NoAliasLoader.add_constructor("tag:yaml.org,2002:timestamp", _NoAliasLoader.construct_yaml_timestamp)
    _NoAliasLoader.add_constructor("tag:yaml.org,2002:int", _NoAliasLoader.construct_yaml_int)
    return _NoAliasLoader


#: A number of more digits than Python turns into one (``sys.get_int_max_str_digits``: 4300).
_LONG_NUMBER = re.compile(r"[0-9_]{4301,}")


def too_many_digits(text: str) -> str:
    """What is wrong with the number in ``text`` that has more digits than Python reads (4300).

    >>> too_many_digits("weight = " + "9" * 5000)
    'a number of 5000 digits (at most 4300)'
    """
    found = _LONG_NUMBER.search(text)
    digits = sum(ch.isdigit() for ch in found.group()) if found else len(text)
    return f"a number of {digits} digits (at most 4300)"


def _long_number_line(text: str) -> int:
    """The line (from 1) of ``text`` where a number of too many digits is, else 1."""
    found = _LONG_NUMBER.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else 1


def read_front_matter(
    text: str, shown: str, keys: tuple[str, ...], *, newline: str = "\n"
) -> FrontMatter | None:
    """The front matter at the start of ``text`` (None when there is none); ArticleError names the
    line of broken front matter, or its first line when it nests lists or mappings deeper than the
    YAML, TOML and JSON readers (which recurse) can go. ``newline``: the file's line end (``text``
    has ``\n``), with which a translated YAML block scalar is written."""
    if any("*" in key for key in keys):
        keys = KeyNames(keys)  # type: ignore[assignment]
    try:
        match = _YAML.match(text)
        if match:
            return _read_yaml(text, match, shown, keys, newline)
        match = _TOML.match(text)
        if match:
            return _read_toml(text, match, shown, keys, newline)
        match = _JSON_START.match(text)
        if match:
            return _read_json(text, match.end(), shown, keys)
        unclosed = _UNCLOSED.match(text)
        if unclosed and (unclosed.group(2) in _COMMON_KEYS or unclosed.group(3)):
            # (Hugo refuses the page; its keys would otherwise be offered as text. A rule and then
            # "Note: …" is a page of MkDocs: a key of front matter, or two keys, say otherwise)
            fence = unclosed.group(1)
            raise ArticleError(f"front matter opened by {fence} is not closed by a {fence} line", shown, 1)
    except RecursionError:
        raise ArticleError("front matter nests lists or mappings too deeply to be read", shown, 1) from None
    return None


# --------------------------------------------------------------------------- YAML


def _read_yaml(
    text: str, match: re.Match[str], shown: str, keys: Container[str], newline: str = "\n"
) -> FrontMatter:
    import yaml

    body = match.group(2) or ""
    offset = match.start(2) if match.group(2) is not None else match.end(1)
    loader = None
    try:
        loader = _no_alias_loader()(body)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        position = getattr(exc, "position", None)
        if mark is not None:
            line = mark.line + 2
        elif isinstance(position, int):
            line = body.count("\n", 0, position) + 2
        else:
            line = 2
        problem = getattr(exc, "problem", None) or getattr(exc, "reason", None) or exc
        context, start = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context and start is not None and start.line + 2 < line:
            # an unclosed quote or bracket: named where it opens, not where the reader ran out
            problem = f"{context} that starts here: {problem} at line {line}"
            line = start.line + 2
        raise ArticleError(f"front matter is not valid YAML ({problem})", shown, line) from exc
    finally:
        if loader is not None:
            loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ArticleError("front matter must be a mapping of keys to values", shown, 2)
    front = FrontMatter("yaml", match.end(), data)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key in DATE_KEYS and front.date is None and isinstance(value_node, yaml.ScalarNode):
                if _DATED.match(value_node.value):
                    front.date = value_node.value.strip()
        _yaml_mapping(
            front, body, offset, node, keys, _prefixes(keys), "", newline, flow=bool(node.flow_style)
        )
    return front


def _yaml_mapping(
    front: FrontMatter,
    body: str,
    offset: int,
    node: yaml.MappingNode,
    keys: Container[str],
    prefixes: Container[str],
    path: str,
    newline: str,
    position: int | None = None,
    *,
    flow: bool = False,
) -> None:
    """Add the translated values of mapping ``node`` (at dotted ``path``) to ``front``: the keys named
    in ``keys``, in the mappings ``prefixes`` lead to (``card.title``: ``title`` in ``card``; a list
    of mappings on the way is gone through, each at its ``position``: ``features.title`` is the title of
    each of VitePress' home page features); a block scalar's translation is written with the file's
    line end ``newline``; ``flow``: the mapping is inside a flow collection, ``{…}`` or ``[…]``,
    where a plain value ends at a comma (``name: Docs, "pre": "<img …>"`` would add a key)."""
    import yaml

    flow = flow or bool(node.flow_style)
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        name = f"{path}.{key_node.value}" if path else key_node.value
        if name in keys:
            if isinstance(value_node, yaml.ScalarNode):
                front.values.extend(
                    _yaml_values(body, offset, name, position, value_node, flow=flow, newline=newline)
                )
            elif isinstance(value_node, yaml.SequenceNode):
                for index, item in enumerate(value_node.value):
                    if isinstance(item, yaml.ScalarNode):
                        front.values.extend(
                            _yaml_values(
                                body,
                                offset,
                                name,
                                index,
                                item,
                                flow=flow or bool(value_node.flow_style),
                                newline=newline,
                            )
                        )
        elif name in prefixes and isinstance(value_node, yaml.MappingNode):
            _yaml_mapping(front, body, offset, value_node, keys, prefixes, name, newline, position, flow=flow)
        elif name in prefixes and isinstance(value_node, yaml.SequenceNode):
            inside = flow or bool(value_node.flow_style)
            for index, entry in enumerate(value_node.value):
                if isinstance(entry, yaml.MappingNode):
                    _yaml_mapping(
                        front, body, offset, entry, keys, prefixes, name, newline, index, flow=inside
                    )


def _prefixes(keys: Container[str]) -> Container[str]:
    """The mappings that lead to a dotted key of ``keys``.

    >>> sorted(_prefixes(("title", "card.title", "menu.main.name")))
    ['card', 'menu', 'menu.main']
    >>> "feature_row2" in _prefixes(KeyNames(("feature_row*.title",)))
    True
    """
    names: tuple[str, ...] = keys.names if isinstance(keys, KeyNames) else tuple(keys)  # type: ignore[arg-type]
    found = {key.rsplit(".", cut)[0] for key in names for cut in range(1, key.count(".") + 1)}
    return KeyNames(tuple(found)) if any("*" in key for key in found) else frozenset(found)


class KeyNames:
    """Dotted key names of ``[extract.front_matter] translate``, a ``*`` in a name matching any part
    of one key (``feature_row*.title``: the titles of ``feature_row``, ``feature_row2``…, as Jekyll
    themes name a page's rows and galleries).

    >>> names = KeyNames(("title", "feature_row*.title", "gallery*.alt"))
    >>> ["title" in names, "feature_row2.title" in names, "gallery.alt" in names, "feature_row.x.title" in names]
    [True, True, True, False]
    """

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names
        self._exact = frozenset(name for name in names if "*" not in name)
        patterns = [re.escape(name).replace("\\*", "[^.]*") for name in names if "*" in name]
        self._pattern = re.compile("|".join(patterns)) if patterns else None

    def __contains__(self, name: object) -> bool:
        if name in self._exact:
            return True
        return (
            self._pattern is not None and isinstance(name, str) and self._pattern.fullmatch(name) is not None
        )


def _value_at(data: dict, key: str) -> object:
    """The value of ``key`` in ``data``, a dotted key the value in the tables it names.

    >>> _value_at({"card": {"title": "Basics"}, "a.b": 1}, "card.title"), _value_at({"a.b": 1}, "a.b")
    ('Basics', 1)
    """
    if key in data:
        return data[key]
    found: object = data
    for name in key.split("."):
        if not isinstance(found, dict) or name not in found:
            return None
        found = found[name]
    return found


def _yaml_values(
    body: str, offset: int, key: str, index: int | None, node: yaml.ScalarNode, *, flow: bool, newline: str
) -> Iterator[FrontValue]:
    if node.tag != _STR_TAG or not node.value.strip():
        return
    start, end = node.start_mark.index, node.end_mark.index
    raw = body[start:end]
    end = start + len(raw.rstrip())
    block = _block_header(raw) if node.style in ("|", ">") else None
    yield FrontValue(
        key,
        index,
        offset + start,
        offset + end,
        node.value,
        # a partial: the read cache stores it
        partial(_yaml_block, header=block[0], indent=block[1], newline=newline)
        if block is not None
        else partial(_yaml_scalar, style=node.style, flow=flow),
        lines=block is not None and node.style == "|" and "\n" in node.value.strip("\n"),
    )


def _block_header(raw: str) -> tuple[str, str] | None:
    """The header line (``|``, ``>-``, ``> # a comment``…) and the indentation of the first line of
    a block scalar written as ``raw``; None when its indentation is given by a number (then a
    translation is quoted)."""
    header, _, content = raw.partition("\n")
    line = next((line for line in content.split("\n") if line.strip()), "")
    indent = line[: len(line) - len(line.lstrip(" "))]
    if not indent or any(char.isdigit() for char in header.split("#", 1)[0]):
        return None
    return header, indent


def _yaml_block(text: str, header: str, indent: str, newline: str = "\n") -> str:
    """``text`` as the block scalar it replaces (the same header, so the same style and final line
    break): a folded scalar on one line (it reads back as ``text``), a literal one line by line (its
    line breaks are its value's). Text a block scalar cannot hold (control characters, a first line
    that starts with a space) is double-quoted.

    >>> print(_yaml_block("Una carrera:  por el bosque # sin comentario", ">-", "  "))
    >-
      Una carrera: por el bosque # sin comentario
    >>> print(_yaml_block("Calle Mayor 1\\n\\n28013  Madrid", "|", "  "))
    |
      Calle Mayor 1
    <BLANKLINE>
      28013 Madrid
    >>> print(_yaml_block("a\\x07b", "|", "  "))
    "a\\u0007b"
    """
    if header.startswith("|") and "\n" in text.strip("\n"):
        lines = [spaced_line(line) for line in text.strip("\n").split("\n")]
        if lines[0][:1] != " " and all(line.isprintable() for line in lines):
            return header + "".join(newline + (indent + line if line else "") for line in lines)
        return _quoted("\n".join(lines))
    text = one_line(text)
    if not text or not text.isprintable():
        return _quoted(text)
    return f"{header}{newline}{indent}{text}"


#: What a front matter value's line breaks and runs of spaces are (not a no-break space: text).
_SPACES = re.compile(r"[ \t\n\r\f\v]+")


def one_line(text: str) -> str:
    """``text`` on one line, each run of spaces, tabs and line breaks one space; a no-break space
    (``\\xa0``, French ``\\u202f``) is the translation's text and stays.

    >>> one_line(" Le port\\n  rouvre\\u202f! ")
    'Le port rouvre\\u202f!'
    """
    return _SPACES.sub(" ", text).strip(" ")


def spaced_line(line: str) -> str:
    """A line of a literal block's value as translators get it: its indentation kept (it is the
    value's), the rest of its spaces collapsed.

    >>> spaced_line("  two   words ")
    '  two words'
    """
    return line[: len(line) - len(line.lstrip(" "))] + one_line(line)


#: A plain value that PyYAML (YAML 1.1) reads as text but another reader as a number: Hugo's Go
#: YAML reads ``0o17`` as 15 and ``1e3`` as 1000 (underscores taken out first, as Go's does).
_NUMBER_ELSEWHERE = re.compile(
    r"[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)"
)


def _yaml_scalar(text: str, style: str | None, flow: bool) -> str:
    """``text`` as a YAML scalar: plain when the source was plain and every YAML reader reads it back
    unchanged (PyYAML, and no other reads it as a number), single-quoted when the source was, else
    double-quoted.

    >>> _yaml_scalar("Oro en esquís", None, False), _yaml_scalar("Sí: no", None, False)
    ('Oro en esquís', '"Sí: no"')
    >>> _yaml_scalar("it's", "'", False), _yaml_scalar("a, b", None, True)
    ("'it''s'", '"a, b"')
    >>> _yaml_scalar("1e3", None, False), _yaml_scalar("0o17", None, False), _yaml_scalar("1e3 km", None, False)
    ('"1e3"', '"0o17"', '1e3 km')
    """
    import yaml

    text = one_line(text)
    if not style and text and text == text.strip() and not _NUMBER_ELSEWHERE.fullmatch(text.replace("_", "")):
        document = f"k: [{text}]" if flow else f"k: {text}"
        try:
            loaded = yaml.safe_load(document)
        except (yaml.YAMLError, RecursionError, ValueError):  # ("[[[[…" past Python's limit, 5000 digits)
            loaded = None
        if isinstance(loaded, dict) and loaded.get("k") == ([text] if flow else text):
            return text
    if style == "'" and text.isprintable():
        return "'" + text.replace("'", "''") + "'"
    return _quoted(text)


def _json_value(text: str) -> str:
    """A translated JSON string value, quotes included (its spaces collapsed)."""
    return _quoted(one_line(text))


def _quoted(text: str) -> str:
    """A double-quoted string that JSON, TOML and YAML all read as ``text``.

    >>> print(_quoted('say "hi" \\\\ now\\x7f'))
    "say \\"hi\\" \\\\ now\\u007f"
    """
    dumped = json.dumps(text, ensure_ascii=False)
    return re.sub(r"[\x7f-\x9f\u2028\u2029\ufeff]", lambda m: f"\\u{ord(m.group()):04x}", dumped)


# --------------------------------------------------------------------------- TOML

_TOML_ERROR_LINE = re.compile(r"\(at line (\d+), column \d+\)")
#: A table's header line: its dotted name of bare keys, or nothing (an array of tables, a quoted name).
_TOML_TABLE = re.compile(
    r"[ \t]*\[(?:([ \t]*[A-Za-z0-9_-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_-]+)*[ \t]*)\]|[^\n]*)"
)
#: An array of tables' header, ``[[resources]]`` (bare key names, dotted or not).
_TOML_ARRAY_TABLE = re.compile(
    r"[ \t]*\[\[([ \t]*[A-Za-z0-9_-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_-]+)*[ \t]*)\]\][ \t]*(?:#|$)", re.M
)
#: One part of a key: bare, or quoted.
_TOML_KEY_PART = re.compile(r"[A-Za-z0-9_-]+|\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*'")
#: A key and its ``=``: its parts (``menu.main.parent``, ``"menu"."main"``) in group 1.
_TOML_KEY = re.compile(
    rf"[ \t]*((?:{_TOML_KEY_PART.pattern})(?:[ \t]*\.[ \t]*(?:{_TOML_KEY_PART.pattern}))*)[ \t]*=[ \t]*"
)
_TOML_STRING = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\']|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'', re.S
)
_TOML_SKIP = re.compile(r"(?:[ \t\r\n,]|#[^\n]*)*")


def _read_toml(
    text: str, match: re.Match[str], shown: str, keys: Container[str], newline: str = "\n"
) -> FrontMatter:
    body = match.group(2) or ""
    offset = match.start(2) if match.group(2) is not None else match.end(1)
    try:
        data = tomllib.loads(body)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_ERROR_LINE.search(str(exc))
        line = int(found.group(1)) + 1 if found else 1
        message = _TOML_ERROR_LINE.sub("", str(exc)).strip()
        raise ArticleError(f"front matter is not valid TOML ({message})", shown, line) from exc
    except ValueError as exc:  # (a number of more digits than Python reads)
        line = _long_number_line(body) + 1
        raise ArticleError(f"front matter is not valid TOML ({too_many_digits(body)})", shown, line) from exc
    front = FrontMatter("toml", match.end(), data)
    for key in DATE_KEYS:
        if key in data and _DATED.match(str(data[key])):
            front.date = str(data[key]).strip()
            break
    prefixes = _prefixes(keys)
    pos = 0
    table: str | None = ""  # the [table] the lines are in ("": none; None: one whose keys are not read)
    entries: dict[str, int] = {}  # the tables of each [[array.of.tables]] so far
    position: int | None = None  # which of its array's tables [table] is (None: not one of an array)
    scope = data  # the data the lines' keys are in (from the top: a table of an array is put at its name)
    while pos < len(body):
        line_end = body.find("\n", pos)
        line_end = len(body) if line_end < 0 else line_end
        array = _TOML_ARRAY_TABLE.match(body, pos, line_end)
        header = None if array is not None else _TOML_TABLE.match(body, pos, line_end)
        if array is not None:  # [[resources]]: its keys are those of each table of the array, in turn
            table = array.group(1).replace(" ", "").replace("\t", "")
            position = entries[table] = entries.get(table, -1) + 1
            scope = _array_table(data, table, position)
            pos = line_end + 1
            continue
        if header is not None:  # [card] (not a quoted name, nor a table inside an array's table)
            table = header.group(1).replace(" ", "").replace("\t", "") if header.group(1) else None
            if table is not None and any(table.startswith(f"{name}.") for name in entries):
                table = None
            position, scope = None, data
            pos = line_end + 1
            continue
        key_match = _TOML_KEY.match(body, pos, line_end)
        if key_match is None or table is None:
            pos = line_end + 1
            continue
        key = _toml_key(key_match.group(1))
        name = f"{table}.{key}" if table else key
        value_start = key_match.end()
        value_end = _toml_value_end(body, value_start)
        front.values.extend(
            _toml_values(body, offset, name, value_start, value_end, scope, keys, prefixes, newline, position)
        )
        next_line = body.find("\n", value_end)
        pos = len(body) if next_line < 0 else next_line + 1
    return front


def _array_table(data: dict, name: str, position: int) -> dict:
    """The data of the ``position``-th table of the array of tables ``name`` (dotted), placed at
    ``name`` (nested mappings), so that its keys are found by their dotted names from the top; an
    empty mapping when it is not there as one (what tomllib read differs: nothing is offered)."""
    found = _value_at(data, name)
    table = found[position] if isinstance(found, list) and position < len(found) else None
    return _placed(table if isinstance(table, dict) else {}, name)


def _placed(table: dict, name: str) -> dict:
    """``table`` at the dotted ``name``: ``{"a": {"b": table}}`` for ``a.b``."""
    for part in reversed(name.split(".")):
        table = {part: table}
    return table


def _toml_key(written: str) -> str:
    """The dotted name of a key as written (its parts unquoted).

    >>> _toml_key('menu . main."parent"'), _toml_key("'a.b'")
    ('menu.main.parent', 'a.b')
    """
    parts = _TOML_KEY_PART.findall(written)
    return ".".join(tomllib.loads(f"k = {part}")["k"] if part[0] in "\"'" else part for part in parts)


def _toml_values(
    body: str,
    offset: int,
    name: str,
    start: int,
    end: int,
    data: dict,
    keys: Container[str],
    prefixes: Container[str],
    newline: str,
    position: int | None = None,
) -> Iterator[FrontValue]:
    """The translated values of the key ``name`` (dotted, from the top), its value written from
    ``start`` to ``end`` in ``body``: its strings when ``keys`` names it, else, in an inline table
    ``prefixes`` lead into (``menu = { main = { parent = "Docs" } }``), those of its keys.
    ``position``: which table of an array of tables the key is in (its values' number)."""
    value = _value_at(data, name)
    if name in keys and isinstance(value, (str, list)):
        yield from _toml_strings(body, offset, name, start, end, newline, position)
    elif name in prefixes and isinstance(value, dict) and body.startswith("{", start):
        pos = start + 1
        while pos < end:
            pos = _TOML_SKIP.match(body, pos, end).end()  # type: ignore[union-attr]
            key_match = _TOML_KEY.match(body, pos, end)
            if key_match is None:  # "}" (or what tomllib read and this does not: left as written)
                return
            inner = f"{name}.{_toml_key(key_match.group(1))}"
            value_end = _toml_value_end(body, key_match.end(), inline=True)
            yield from _toml_values(
                body, offset, inner, key_match.end(), value_end, data, keys, prefixes, newline, position
            )
            pos = value_end
    elif name in prefixes and isinstance(value, list) and body.startswith("[", start):
        pos = start + 1  # an array of inline tables: resources = [{ src = "a.jpg", title = "A" }, …]
        for index, item in enumerate(value):
            pos = _TOML_SKIP.match(body, pos, end).end()  # type: ignore[union-attr]
            if not isinstance(item, dict) or not body.startswith("{", pos):
                return  # (strings, or what tomllib read and this does not: left as written)
            item_end = _toml_value_end(body, pos, inline=True)
            placed = _placed(item, name)
            yield from _toml_values(body, offset, name, pos, item_end, placed, keys, prefixes, newline, index)
            pos = item_end


def _toml_value_end(body: str, start: int, *, inline: bool = False) -> int:
    """Where the value starting at ``start`` ends (arrays and multi-line strings span lines; in an
    inline table, ``inline``, a comma or the table's closing brace ends it too)."""
    depth = 0
    pos = start
    while pos < len(body):
        char = body[pos]
        if char in "\"'":
            string = _TOML_STRING.match(body, pos)
            pos = string.end() if string else pos + 1
            continue
        if char == "#":
            line_end = body.find("\n", pos)
            pos = len(body) if line_end < 0 else line_end
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            if inline and depth == 0:
                return pos
            depth -= 1
        elif (char == "\n" or (inline and char == ",")) and depth <= 0:
            return pos
        pos += 1
    return pos


def _toml_strings(
    body: str, offset: int, key: str, start: int, end: int, newline: str = "\n", position: int | None = None
) -> Iterator[FrontValue]:
    """The strings of the value written from ``start`` to ``end`` (a string, or an array: each
    numbered by its place; else by ``position``, the table of an array of tables it is in)."""
    array = body.startswith("[", start)
    pos = start + 1 if array else start
    index = 0
    while pos < end:
        pos = _TOML_SKIP.match(body, pos, end).end()  # type: ignore[union-attr]
        string = _TOML_STRING.match(body, pos, end)
        if string is None:
            break
        raw = string.group()
        value = tomllib.loads(f"v = {raw}")["v"]
        if value.strip():
            literal = raw.startswith("'") and not raw.startswith("'''")
            lines = raw.startswith(('"""', "'''")) and "\n" in value.strip("\n")
            yield FrontValue(
                key,
                index if array else position,
                offset + string.start(),
                offset + string.end(),
                value,
                partial(_toml_lines, form=_toml_form(raw), newline=newline)
                if lines
                else partial(_toml_string, literal=literal),
                lines=lines,
            )
        index += 1
        pos = string.end()
        if not array:
            break


def _toml_form(raw: str) -> tuple[str, str, str, bool]:
    """The delimiter of the multi-line TOML string written as ``raw``; whether a line break stands
    right after its opening one and right before its closing one (``"\\n"``) or not (``""``); whether
    it escapes its quotes (``\\"``, which a multi-line string need not).

    >>> _toml_form("'''\\nA\\nB'''")
    ("'''", '\\n', '', False)
    """
    quote, inner = raw[:3], raw[3:-3]
    after_open = "\n" if inner.startswith(("\n", "\r\n")) else ""
    return quote, after_open, "\n" if inner.endswith("\n") else "", '\\"' in inner


def _toml_lines(text: str, form: tuple[str, str, str, bool], newline: str = "\n") -> str:
    """``text`` as the multi-line TOML string it replaces (``form``: see :func:`_toml_form`), line by
    line (its line breaks are its value's); a basic string where a literal one cannot hold it.

    >>> print(_toml_lines("Hafenamt\\n  Kai 4", ("'''", "\\n", "\\n", False)))
    '''
    Hafenamt
      Kai 4
    '''
    >>> print(_toml_lines("l'été\\nHafen", ("'''", "", "", False)).replace('"', "Q"))  # (a basic one)
    QQQl'été
    HafenQQQ
    >>> print(_toml_lines("Hafenamt\\n+++\\nKai 4", ("'''", "\\n", "\\n", False)))
    "Hafenamt\\n+++\\nKai 4"
    """
    quote, after_open, before_close, escaped = form
    lines = [spaced_line(line) for line in text.strip("\n").split("\n")]
    if not all(line.isprintable() and not line.startswith("+++") for line in lines):
        # (a line +++ would end Hugo's front matter there: one line, its breaks escaped)
        return _quoted("\n".join(lines))
    if quote == "'''" and "'" not in text:
        body = newline.join(lines)
    else:
        quote = '"' * 3
        body = newline.join(_quoted(line)[1:-1] if escaped else _basic_line(line) for line in lines)
        if before_close == "" and body.endswith('"') and not body.endswith('\\"'):
            body = body[:-1] + '\\"'  # (not a quote of the closing delimiter)
    return quote + after_open.replace("\n", newline) + body + before_close.replace("\n", newline) + quote


def _basic_line(line: str) -> str:
    """A line of a multi-line basic TOML string holding ``line`` (printable), escaped where it must be.

    >>> print(_basic_line('a "quote" \\\\ and ' + '"' * 3))
    a "quote" \\\\ and ""\\"
    """
    line = line.replace("\\", "\\\\")
    while '"""' in line:
        line = line.replace('"""', '""\\"')
    return line


def _toml_string(text: str, literal: bool) -> str:
    """``text`` as a TOML string: literal (``'…'``) when the source was and it can be, else basic.

    >>> _toml_string("l'été", True), _toml_string("Oro", True), _toml_string('a "b"', False)
    ('"l\\'été"', "'Oro'", '"a \\\\"b\\\\""')
    """
    text = one_line(text)
    if literal and "'" not in text and text.isprintable():
        return f"'{text}'"
    return _quoted(text)


# --------------------------------------------------------------------------- JSON

_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def _read_json(text: str, start: int, shown: str, keys: Container[str]) -> FrontMatter:
    decoder = json.JSONDecoder()
    try:
        data, end = decoder.raw_decode(text, start)
    except json.JSONDecodeError as exc:
        raise ArticleError(f"front matter is not valid JSON ({exc.msg})", shown, exc.lineno) from exc
    except ValueError as exc:  # (a number of more digits than Python reads)
        raise ArticleError(
            f"front matter is not valid JSON ({too_many_digits(text)})", shown, _long_number_line(text)
        ) from exc
    if not isinstance(data, dict):  # pragma: no cover - raw_decode at "{" gives a dict
        raise ArticleError("front matter must be a mapping of keys to values", shown, 1)
    front = FrontMatter("json", end, data)
    for key in DATE_KEYS:
        if isinstance(data.get(key), str) and _DATED.match(data[key]):
            front.date = data[key].strip()
            break
    _json_object(front, text, start, data, decoder, keys, _prefixes(keys), "")
    return front


def _json_object(
    front: FrontMatter,
    text: str,
    start: int,
    data: dict,
    decoder: json.JSONDecoder,
    keys: Container[str],
    prefixes: Container[str],
    path: str,
) -> None:
    """Add the translated values of the object ``data`` written at ``start`` (at dotted ``path``) to
    ``front`` (see :func:`_yaml_mapping`)."""
    for member, value_start, value_end in _json_members(text, start, decoder):
        value = data.get(member)
        key = f"{path}.{member}" if path else member
        if key in prefixes and isinstance(value, dict):
            _json_object(front, text, value_start, value, decoder, keys, prefixes, key)
            continue
        if key not in keys:
            continue
        if isinstance(value, str):
            front.values.extend(_json_string(text, key, None, value_start, value_end, value))
        elif isinstance(value, list):
            pos = value_start + 1
            for index, item in enumerate(value):
                pos = _JSON_SPACE.match(text, pos).end()  # type: ignore[union-attr]
                _, item_end = decoder.raw_decode(text, pos)
                if isinstance(item, str):
                    front.values.extend(_json_string(text, key, index, pos, item_end, item))
                pos = _JSON_SPACE.match(text, item_end).end() + 1  # type: ignore[union-attr]


def _json_members(text: str, start: int, decoder: json.JSONDecoder) -> Iterator[tuple[str, int, int]]:
    """``(key, value start, value end)`` of each member of the object at ``start`` (already valid)."""
    pos = start + 1
    while True:
        pos = _JSON_SPACE.match(text, pos).end()  # type: ignore[union-attr]
        if text.startswith("}", pos):
            return
        key, pos = decoder.raw_decode(text, pos)
        pos = _JSON_SPACE.match(text, pos).end() + 1  # type: ignore[union-attr]  # the colon
        pos = _JSON_SPACE.match(text, pos).end()  # type: ignore[union-attr]
        _, end = decoder.raw_decode(text, pos)
        yield key, pos, end
        pos = _JSON_SPACE.match(text, end).end()  # type: ignore[union-attr]
        if text.startswith(",", pos):
            pos += 1


def _json_string(
    text: str, key: str, index: int | None, start: int, end: int, value: str
) -> Iterator[FrontValue]:
    if value.strip():
        yield FrontValue(key, index, start, end, value, _json_value)
