"""Decode article bytes: BOM, then a declared charset, then UTF-8, then detection."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_DECL = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")

#: Labels whose real-world content is a superset encoding (as browsers decode them).
_SUPERSETS = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
    "big5": "big5hkscs", "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
    "ascii": "cp1252", "shift_jis": "cp932", "sjis": "cp932", "euc-kr": "cp949",
    "iso-8859-9": "cp1254", "tis-620": "cp874", "iso-8859-11": "cp874",
}


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in ``<meta charset>``/``http-equiv`` or an XML declaration.

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">')
    'gb2312'
    """
    head = data[:8192]
    match = _XML_DECL.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def _codec_for(label: str) -> str | None:
    label = _SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; returns ``(text, encoding used)``.

    Order: byte-order mark, the declared charset (browser supersets for legacy labels),
    strict UTF-8, then statistical detection (GBK and Big5 sources are common).
    Raises ``UnicodeDecodeError`` only for data that is not text at all.

    >>> decode_bytes("é".encode("cp1252"), declared="iso-8859-1")
    ('é', 'cp1252')
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name), name
    if b"\x00" in data[:4096]:
        raise UnicodeDecodeError("binary", data[:1], 0, 1, "NUL bytes: this is not a text file")
    candidates: list[str] = []
    if declared:
        codec = _codec_for(declared)
        if codec and codec not in ("utf-16-le", "utf-16-be", "utf-16", "utf-32"):
            candidates.append(codec)
    candidates.append("utf-8")
    for codec in candidates:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        codec = _codec_for(best.encoding) or best.encoding
        return data.decode(codec, errors="replace"), codec
    if candidates[0] != "utf-8":  # declared but with stray bytes: keep the declared reading
        return data.decode(candidates[0], errors="replace"), candidates[0]
    raise UnicodeDecodeError("unknown", data[:1], 0, 1, "cannot tell the text encoding")
