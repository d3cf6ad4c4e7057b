"""Decode article bytes: BOM, then a declared charset, then UTF-8, then detection."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")

#: Labels whose real-world content is a superset encoding (as browsers decode them).
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "big5": "big5hkscs",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "shift_jis": "cp932",
    "sjis": "cp932",
    "euc-kr": "cp949",
    "iso-8859-9": "cp1254",
    "tis-620": "cp874",
    "iso-8859-11": "cp874",
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


_SINGLE_BYTE_LATIN = frozenset(
    {
        "cp1252",
        "cp1250",
        "iso8859-1",
        "iso8859-2",
        "iso8859-15",
        "latin-1",
        "latin_1",
        "iso-8859-1",
        "iso-8859-2",
        "iso-8859-15",
        "windows-1252",
        "windows-1250",
    }
)
#: Letters only Western (cp1252) or only Central European (cp1250) text has.
_WESTERN_ONLY = frozenset("àâèêëìîïòùûñøåæœõãÀÂÈÊËÌÎÏÒÙÛÑØÅÆŒÕÃ")
_CENTRAL_ONLY = frozenset("ěčřůťďňľĺŕőűłśźżćńąęăţşĚČŘŮŤĎŇĽĹŔŐŰŁŚŹŻĆŃĄĘĂŢŞ")


def _western_or_central(data: bytes, suggested: str) -> str:
    """cp1252 or cp1250, whichever reads with more of its own letters (detectors mix them up on
    short texts: "naïve" read as cp1250 is "naďve"); cp1252 on a tie."""
    scores = {}
    for codec, own in (("cp1252", _WESTERN_ONLY), ("cp1250", _CENTRAL_ONLY)):
        text = _strict(data, codec)
        if text is not None:
            scores[codec] = sum(1 for ch in text if ch in own)
    if not scores:
        return suggested
    return max(scores, key=lambda codec: (scores[codec], codec == "cp1252"))


def _mostly(text: str, fits: Callable[[str], bool]) -> bool:
    """Whether at least 90% of the non-ASCII characters of ``text`` (and at least one) ``fit``."""
    others = [ch for ch in text if ord(ch) > 0x7F]
    return bool(others) and sum(map(fits, others)) >= 0.9 * len(others)


def _cjk_punctuation(ch: str) -> bool:
    return "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"


def _common_chinese(ch: str) -> bool:
    """Common hanzi (GB 2312) or CJK punctuation, as real GBK text is made of; GBK bytes read as
    Korean, or Big5 bytes read as GBK, are not."""
    if _cjk_punctuation(ch) or ch in "“”‘’…—·":
        return True
    if "\u4e00" <= ch <= "\u9fff":
        try:
            ch.encode("gb2312")
            return True
        except UnicodeEncodeError:
            return False
    return False


def _hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u3000" <= ch <= "\u303f"


def _hanzi(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or _cjk_punctuation(ch)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _legacy_chinese(data: bytes) -> tuple[str, str] | None:
    """GBK (GB 18030) or Big5 text without a declaration, which detectors often take for Korean.

    GBK is chosen when it decodes and reads as common Chinese; else Big5 when it decodes and
    gives mostly hanzi; else None (the statistical detector decides). Korean (EUC-KR) bytes also
    decode as GB 2312 hanzi, so text that reads as Hangul is left to the detector.
    """
    korean = _strict(data, "cp949")
    if korean is not None and _mostly(korean, _hangul):
        return None
    text = _strict(data, "gb18030")
    if text is not None and _mostly(text, _common_chinese):
        return text, "gb18030"
    text = _strict(data, "big5")
    return (text, "big5") if text is not None and _mostly(text, _hanzi) else None


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
    chinese = _legacy_chinese(data)
    if chinese is not None:
        return chinese
    from charset_normalizer import from_bytes  # only for a file that declares no charset and is not UTF-8

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        codec = _codec_for(best.encoding) or best.encoding
        if codec in _SINGLE_BYTE_LATIN:
            codec = _western_or_central(data, codec)
        return data.decode(codec, errors="replace"), codec
    if candidates[0] != "utf-8":  # declared but with stray bytes: keep the declared reading
        return data.decode(candidates[0], errors="replace"), candidates[0]
    raise UnicodeDecodeError("unknown", data[:1], 0, 1, "cannot tell the text encoding")
