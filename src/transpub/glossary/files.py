"""Reading and writing glossary files, CSV or TBX, chosen by suffix or by name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from transpub.errors import GlossaryError
from transpub.fsutil import write_chunks_if_changed
from transpub.glossary.csv_format import iter_csv_glossary, parse_csv_glossary, read_csv_glossary
from transpub.glossary.model import Glossary

FORMATS = ("csv", "tbx")


def format_of(path: Path) -> str:
    """``csv`` or ``tbx`` from a file name (``.tbx`` and ``.xml`` are TBX).

    >>> format_of(Path("glossary/terms.TBX")), format_of(Path("terms.csv"))
    ('tbx', 'csv')
    """
    suffix = path.suffix.lower()
    if suffix in (".tbx", ".xml"):
        return "tbx"
    if suffix in (".csv", ".txt"):
        return "csv"
    raise GlossaryError(f'unknown glossary format "{suffix or path.name}" (use .csv or .tbx)', path)


def read_glossary_bytes(
    data: bytes, fmt: str, path: Path | str | None = None, source_lang: str | None = None
) -> Glossary:
    """Parse glossary ``data`` in format ``fmt`` (``csv`` or ``tbx``)."""
    if fmt == "csv":
        return parse_csv_glossary(data, path, source_lang or "en")
    if fmt == "tbx":
        from transpub.glossary.tbx_format import parse_tbx_glossary  # lxml: only for TBX

        return parse_tbx_glossary(data, path, source_lang)
    raise GlossaryError(f'unknown glossary format "{fmt}" (use csv or tbx)', path)


#: The default largest glossary file read (``[paths] glossary_max_mb``): a glossary is held in
#: memory packed, with a sorted index per language, about 10 times the file's size (a 27 MB CSV
#: of a million terms peaks near 270 MB in extract), so 64 MB stays under a gigabyte.
DEFAULT_MAX_BYTES = 64_000_000


def load_glossary(
    path: Path, source_lang: str | None = None, *, max_bytes: int | None = DEFAULT_MAX_BYTES
) -> Glossary:
    """Read a ``.csv`` or ``.tbx`` glossary; :class:`GlossaryError` (with path and line) when broken.

    ``source_lang`` is the articles' language: CSV does not say it (default ``en``); TBX
    does (its root ``xml:lang``), and an explicit ``source_lang`` overrides it. A file larger
    than ``max_bytes`` is refused before it is read (None: no limit).
    """
    path = Path(path)
    fmt = format_of(path)
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise GlossaryError(
                f"the glossary is {size / 1e6:.1f} MB, larger than the {max_bytes / 1e6:g} MB allowed; "
                "split it or raise glossary_max_mb under [paths] in transpub.toml",
                path,
            )
        if fmt == "csv":
            return read_csv_glossary(path, source_lang or "en")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise GlossaryError("glossary file not found", path) from exc
    except OSError as exc:
        raise GlossaryError(f"cannot read glossary: {exc.strerror}", path) from exc
    return read_glossary_bytes(data, fmt, path, source_lang)


def iter_glossary(glossary: Glossary, fmt: str) -> Iterator[bytes]:
    """The bytes of ``glossary`` written as ``fmt`` (``csv`` or ``tbx``), a piece at a time."""
    if fmt == "csv":
        return iter_csv_glossary(glossary)
    if fmt == "tbx":
        from transpub.glossary.tbx_format import iter_tbx_glossary

        return iter_tbx_glossary(glossary)
    raise GlossaryError(f'unknown glossary format "{fmt}" (use csv or tbx)')


def format_glossary(glossary: Glossary, fmt: str) -> bytes:
    """The bytes of ``glossary`` written as ``fmt`` (``csv`` or ``tbx``)."""
    return b"".join(iter_glossary(glossary, fmt))


def render_glossary(glossary: Glossary, fmt: str) -> str:
    """The text of ``glossary`` written as ``fmt`` (for standard output)."""
    return format_glossary(glossary, fmt).decode("utf-8")


def write_glossary(glossary: Glossary, path: Path, fmt: str | None = None) -> bool:
    """Write ``glossary`` to ``path`` atomically as ``fmt`` (default: from the suffix), a piece at a
    time: the file's bytes are never held whole (a TBX of a million terms is 700 MB).

    Returns True when the file changed (an unchanged file keeps its mtime).
    """
    path = Path(path)
    return write_chunks_if_changed(path, iter_glossary(glossary, fmt or format_of(path)))
