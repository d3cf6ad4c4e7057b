"""Signing what transpub keeps in a project's ``.transpub/`` to use again, with a key of its own.

The manifest's records, the documents extract read (``reads.sqlite``) and the rows of the index
pages (``index-rows.sqlite``) are used again by later runs: each is signed with :func:`local_key`, and
one that was not signed with it (written on another machine, restored from someone else's cache,
edited by hand) is read as missing, never trusted and never an error. One construction for all of
them (keyed BLAKE2b over a context naming what is signed, then the data): :func:`with_signature` and
:func:`signed_part` for bytes, :func:`signed_text` and :func:`text_if_signed` for text kept in
SQLite.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import hmac
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

#: The key :func:`local_key` read or made (b"": none could be had), once per process.
_LOCAL_KEY: bytes | None = None
LOCAL_KEY_NAME = "cache-key"


#: The environment variable holding a key shared by the machines that share a project's ``.transpub/``
#: (CI runners restoring it from a cache: a secret of the CI); :func:`local_key` prefers it.
SHARED_KEY_VARIABLE = "TRANSPUB_CACHE_KEY"


def local_key() -> bytes | None:
    """The key of :data:`SHARED_KEY_VARIABLE` when it is set (not empty), else a random key of this
    user on this machine, kept outside every project (``$XDG_CACHE_HOME``, else ``~/.cache``,
    ``transpub/cache-key``), made the first time it is asked for; None when there is no such folder
    to keep it in.

    transpub signs what it keeps in a project's ``.transpub/`` to use again (the manifest's records,
    the documents extract read, the rows of the index pages) with it: a file that was not written
    with this key (a CI cache restored from another machine or a fork's run, a copy from elsewhere,
    one edited by hand) is then read as missing, so nothing in it can reach a page."""
    global _LOCAL_KEY
    if _LOCAL_KEY is None:
        shared = os.environ.get(SHARED_KEY_VARIABLE, "")
        _LOCAL_KEY = _shared_key(shared) if shared else _read_or_make_key()
    return _LOCAL_KEY or None


def _shared_key(secret: str) -> bytes:
    """The 32-byte key of the secret ``secret`` (any text: what a CI keeps as a secret)."""
    return hashlib.blake2b(
        secret.encode("utf-8", "surrogateescape"), digest_size=32, person=b"transpub-shared"
    ).digest()


def _read_or_make_key() -> bytes:
    try:
        cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        if not os.path.isabs(cache):
            return b""
        folder = Path(cache) / "transpub"
        path = folder / LOCAL_KEY_NAME
        with contextlib.suppress(FileNotFoundError):
            return _key_of(path.read_bytes())
        import secrets

        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = folder / f".{LOCAL_KEY_NAME}.{os.getpid()}.{secrets.token_hex(4)}"
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            try:
                key = secrets.token_bytes(32)
                if os.write(fd, key) != len(key):
                    raise OSError(errno.ENOSPC, "the key was written in part", str(temporary))
                os.fsync(fd)
            finally:
                os.close(fd)
            with contextlib.suppress(FileExistsError):  # another process made it first: its key
                os.link(temporary, path)
        finally:
            temporary.unlink()  # (made or not, the temporary file goes)
        return _key_of(path.read_bytes())
    except (OSError, RuntimeError, ValueError):  # no home, a read-only one: nothing is kept signed
        return b""


def _key_of(data: bytes) -> bytes:
    return data if len(data) == 32 else b""


#: The size of the signature :func:`with_signature` puts at the end of what it signs.
SIGNATURE_SIZE = 16


def with_signature(key: bytes, data: bytes, context: bytes) -> bytes:
    """``data`` followed by its signature with ``key`` (:func:`local_key`) as ``context`` (what it is
    kept as: a row's digest, a file's purpose), which :func:`signed_part` checks."""
    return data + _signature(key, data, context)


def signed_part(key: bytes, stored: bytes, context: bytes) -> memoryview | None:
    """What ``stored`` holds before its signature when :func:`with_signature` signed it with ``key`` as
    ``context``; None when it is signed otherwise, or not at all (written elsewhere, or edited)."""
    if len(stored) <= SIGNATURE_SIZE:
        return None
    data = memoryview(stored)[:-SIGNATURE_SIZE]
    if not hmac.compare_digest(_signature(key, data, context), stored[-SIGNATURE_SIZE:]):
        return None
    return data


def _signature(key: bytes, data: bytes | memoryview, context: bytes) -> bytes:
    """Keyed BLAKE2b of ``context``, a NUL and ``data``: a copy of the hash keyed once for ``key``
    (:func:`_keyed`), which saves the keying, a third of signing one of the manifest's small records."""
    mac = _keyed(key).copy()
    mac.update(context + b"\0")
    mac.update(data)
    return mac.digest()


#: The BLAKE2b hash keyed with each key signed with so far (one: this machine's, or the shared one).
_KEYED: dict[bytes, Any] = {}


def _keyed(key: bytes) -> Any:
    """A BLAKE2b hash keyed with ``key``, nothing hashed yet (made once per key)."""
    keyed = _KEYED.get(key)
    if keyed is None:
        keyed = _KEYED[key] = hashlib.blake2b(key=key, digest_size=SIGNATURE_SIZE)
    return keyed


def signed_text(key: bytes, text: str, context: bytes) -> str:
    """``text`` after its signature with ``key`` as ``context`` (in hexadecimal, ``2 *``
    :data:`SIGNATURE_SIZE` characters), which :func:`text_if_signed` checks: for text kept where
    text is kept (an SQLite column)."""
    return _signature(key, text.encode("utf-8", "surrogatepass"), context).hex() + text


def text_if_signed(key: bytes, stored: object, context: bytes) -> str | None:
    """The text :func:`signed_text` signed in ``stored`` with ``key`` as ``context``; None when it is
    signed otherwise, or not at all, or is no text."""
    size = 2 * SIGNATURE_SIZE
    if type(stored) is not str or len(stored) < size or not stored[:size].isascii():
        return None
    text = stored[size:]
    expected = _signature(key, text.encode("utf-8", "surrogatepass"), context).hex()
    return text if hmac.compare_digest(expected, stored[:size]) else None


def texts_if_signed(key: bytes, rows: Iterable[tuple[object, str]]) -> list[str | None]:
    """:func:`text_if_signed` of each (stored, context) of ``rows``, the context as text (its UTF-8
    is the context signed): the same check of each (None for a row not signed with ``key`` as its
    context), in one loop with one encoding a row (a manifest's tens of thousands of records are
    checked at every run)."""
    size = 2 * SIGNATURE_SIZE
    keyed = _keyed(key)
    same = hmac.compare_digest
    found: list[str | None] = []
    for stored, context in rows:
        if type(stored) is not str or len(stored) < size or not stored[:size].isascii():
            found.append(None)
            continue
        text = stored[size:]
        mac = keyed.copy()
        mac.update(f"{context}\0{text}".encode("utf-8", "surrogatepass"))
        found.append(text if same(mac.hexdigest(), stored[:size]) else None)
    return found
