"""Articles in any encoding are read as the author wrote them."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from transpub.formats import ReadOptions, read_article
from transpub.formats.encoding import decode_bytes

ZH_SIMPLIFIED = "北京市铂金产业近年来发展迅速，市场规模不断扩大，企业数量持续增长。"
ZH_TRADITIONAL = "香港的天氣很好，我們去公園散步吧。今天是星期六，市場很熱鬧。"


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>T</title></head><body><p>{body}</p></body></html>"


def read_bytes(tmp_path: Path, data: bytes, name: str = "a.html"):
    path = tmp_path / name
    path.write_bytes(data)
    return read_article(path, ReadOptions(segmentation="paragraph"))


def first_text(document) -> str:
    return [u.msgid for u in document.units()][1]


@pytest.mark.parametrize("bom_codec", ["utf-8-sig", "utf-16", "utf-16-be"])
def test_byte_order_mark_decides_the_encoding(tmp_path: Path, bom_codec: str) -> None:
    text = page("Grüße aus Mora, 北京.")
    data = text.encode(bom_codec)
    if bom_codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    document = read_bytes(tmp_path, data)
    assert first_text(document) == "Grüße aus Mora, 北京."
    assert document.render() == text


@pytest.mark.parametrize(
    "label,codec,body",
    [
        ("GBK", "gbk", ZH_SIMPLIFIED),
        ("gb2312", "gb18030", ZH_SIMPLIFIED + "䶮"),  # outside GB2312: browsers read GB2312 as GB18030
        ("Big5", "big5hkscs", ZH_TRADITIONAL + "佢哋食咗嘅嘢"),  # an HKSCS character in a page labelled Big5
        ("Shift_JIS", "cp932", "東京はとても暑いです。①"),  # ① is a Windows-31J extension
        ("iso-8859-1", "cp1252", "Café “quoted” – 5 €."),  # latin-1 label, windows-1252 bytes
    ],
)
def test_declared_meta_charset_is_honoured_with_browser_supersets(
    tmp_path: Path, label: str, codec: str, body: str
) -> None:
    text = page(body, f'<meta charset="{label}">')
    document = read_bytes(tmp_path, text.encode(codec))
    assert first_text(document) == body
    assert document.render() == text


def test_http_equiv_content_type_charset_is_honoured(tmp_path: Path) -> None:
    text = page(ZH_SIMPLIFIED, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    assert first_text(read_bytes(tmp_path, text.encode("gb18030"))) == ZH_SIMPLIFIED


@pytest.mark.parametrize("codec,body", [("gbk", ZH_SIMPLIFIED * 3), ("big5", ZH_TRADITIONAL * 3)])
def test_undeclared_chinese_encodings_are_detected(tmp_path: Path, codec: str, body: str) -> None:
    document = read_bytes(tmp_path, page(body).encode(codec))
    assert first_text(document) == body


def test_wrong_declaration_falls_back_to_what_the_bytes_are(tmp_path: Path) -> None:
    text = page(ZH_SIMPLIFIED * 3, '<meta charset="utf-8">')
    assert first_text(read_bytes(tmp_path, text.encode("gbk"))) == ZH_SIMPLIFIED * 3


def test_decode_reports_the_codec_used() -> None:
    assert decode_bytes("Grüße".encode()) == ("Grüße", "utf-8")
    assert decode_bytes(ZH_SIMPLIFIED.encode("gbk"), declared="gb2312") == (ZH_SIMPLIFIED, "gb18030")


def test_charset_declaration_is_a_tag_compile_can_rewrite(tmp_path: Path) -> None:
    text = page("Text.", '<meta http-equiv="Content-Type" content="text/html; charset=GBK">')
    document = read_bytes(tmp_path, text.encode("gbk"))
    assert document.charset_tag is not None and document.charset_tag.name == "meta"
    document.charset_tag.extra_attributes["content"] = "text/html; charset=utf-8"
    assert '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">' in document.render()


def test_meta_charset_tag_is_found(tmp_path: Path) -> None:
    document = read_bytes(tmp_path, page("Text.", "<meta charset=big5>").encode("big5"))
    assert document.charset_tag is not None
    document.charset_tag.extra_attributes["charset"] = "utf-8"
    assert '<meta charset="utf-8">' in document.render()


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("<p>The ceremony was held in 长春 (净月潭). It was cold.</p>", "gbk"),  # a few hanzi in English
        ("<p>你好世界。</p>", "gbk"),
        ("<p>簽約儀式在長春舉行</p>", "big5"),
        ("안녕하세요 세계 한국어 텍스트입니다.", "cp949"),  # Korean stays Korean
        ("Café naïve résumé déjà vu.", "latin-1"),  # not read as cp1250 ("naďve")
        ("Příliš žluťoučký kůň úpěl ďábelské ódy.", "cp1250"),
    ],
)
def test_short_undeclared_texts_are_read_in_their_own_encoding(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec))[0] == text
