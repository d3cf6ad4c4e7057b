"""Glossary files: CSV and TBX read, written, round-tripped; broken files name their line."""

from __future__ import annotations

from pathlib import Path

import pytest

from transpub.errors import GlossaryError
from transpub.glossary import Glossary, Term, load_glossary, render_glossary, write_glossary

DATA = Path(__file__).parent / "data" / "glossary"


def test_csv_reads_renderings_variants_flags_and_notes():
    glossary = load_glossary(DATA / "mini.csv")
    rmb = glossary.term("RMB")
    assert rmb is not None
    assert rmb.required("zh_CN") == "人民币"
    assert rmb.accepted("zh_CN") == ("人民币", "元", "亿元")
    assert rmb.case_sensitive is True
    assert rmb.required("de") == "RMB"  # do-not-translate
    assert rmb.note == "Currency code"
    vasaloppet = glossary.term("vasaloppet")
    assert vasaloppet.do_not_translate == frozenset({"de"})
    assert vasaloppet.accepted("de") == ("Vasaloppet", "Vasaloppets")
    assert glossary.term("Jingyue").forbidden == {"zh_CN": ("静月",)}
    assert glossary.locales == ("zh_CN", "de", "ru", "ja")


def test_csv_to_tbx_to_csv_gives_back_the_same_file(tmp_path):
    original = load_glossary(DATA / "mini.csv")
    write_glossary(original, tmp_path / "terms.tbx", "tbx")
    from_tbx = load_glossary(tmp_path / "terms.tbx")
    assert from_tbx == original
    write_glossary(from_tbx, tmp_path / "again.csv", "csv")
    write_glossary(original, tmp_path / "first.csv", "csv")
    assert (tmp_path / "again.csv").read_bytes() == (tmp_path / "first.csv").read_bytes()


def test_forbidden_everywhere_and_source_variants_survive_a_tbx_round_trip(tmp_path):
    glossary = Glossary(
        [
            Term(
                "Jingyue",
                {"de": "Jingyue"},
                variants={"en": ("Jing-yue",), "de": ("Jingyues",)},
                forbidden={"*": ("Jing Yue",), "de": ("Dschingjü",)},
                do_not_translate=frozenset({"*"}),
                case_sensitive=True,
                note='a, "quoted" note',
            )
        ]
    )
    write_glossary(glossary, tmp_path / "g.tbx", "tbx")
    write_glossary(glossary, tmp_path / "g.csv", "csv")
    assert load_glossary(tmp_path / "g.tbx") == glossary
    assert load_glossary(tmp_path / "g.csv") == glossary


def test_tbx_output_is_tbx_basic_with_status_notes():
    text = render_glossary(load_glossary(DATA / "mini.csv"), "tbx")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert '<martif type="TBX-Basic" xml:lang="en">' in text
    assert '<langSet xml:lang="zh-CN">' in text
    assert "deprecatedTerm-admn-sts" in text and "admittedTerm-admn-sts" in text


def test_translate_toolkit_reads_our_tbx_as_a_cat_tool_would(tmp_path):
    tbx = pytest.importorskip("translate.storage.tbx")
    write_glossary(load_glossary(DATA / "mini.csv"), tmp_path / "terms.tbx", "tbx")
    store = tbx.tbxfile.parsefile(str(tmp_path / "terms.tbx"))
    sources = [unit.source for unit in store.units]
    assert "Jingyue Hi-tech Industry Development Zone" in sources


def test_weblate_style_tbx_without_status_is_read():
    glossary = load_glossary(DATA / "weblate.tbx")
    assert [t.source for t in glossary.terms] == ["Changchun", "Jilin Province"]
    assert glossary.terms[0].required("zh_CN") == "长春"
    assert glossary.terms[0].note == "Capital of Jilin"
    assert glossary.terms[1].required("zh_CN") == "吉林省"


def test_tbx_v3_with_deprecated_term_reads_as_forbidden():
    glossary = load_glossary(DATA / "v3.tbx")
    term = glossary.terms[0]
    assert term.required("zh_CN") == "净月"
    assert term.forbidden == {"zh_CN": ("静月",)}
    assert term.note == "Wrong character 静 is common"


def test_writing_an_unchanged_glossary_leaves_the_file_alone(tmp_path):
    glossary = load_glossary(DATA / "mini.csv")
    target = tmp_path / "out.csv"
    assert write_glossary(glossary, target) is True
    assert write_glossary(glossary, target) is False


@pytest.mark.parametrize(
    ("name", "line", "words"),
    [
        ("broken_quote.csv", 2, "unclosed quote"),
        ("broken_cells.csv", 3, "2 cells where the header has 3"),
        ("broken_header.csv", 1, 'column "colour"'),
        ("broken_duplicate.csv", 5, "already defined on line 2"),
        ("broken_forbidden.csv", 2, "locale:text"),
        ("broken_case.csv", 2, "yes or no"),
        ("broken_unclosed.tbx", 8, "not well-formed"),
        ("broken_no_term.tbx", 8, "without a <term>"),
        ("broken_entities.tbx", 1, "entities"),
    ],
)
def test_broken_glossary_names_file_and_line(name, line, words):
    with pytest.raises(GlossaryError) as caught:
        load_glossary(DATA / name)
    error = caught.value
    assert error.line == line
    assert words in error.message
    assert str(error).startswith(f"{DATA / name}:{line}:")


def test_csv_that_is_not_utf8_names_the_line(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("term,de\nChangchun,Changchun\nMünchen,M\xfcnchen\n".encode("latin-1"))
    with pytest.raises(GlossaryError) as caught:
        load_glossary(path)
    assert caught.value.line == 3


def test_missing_or_unknown_glossary_file_is_a_glossary_error(tmp_path):
    with pytest.raises(GlossaryError, match="not found"):
        load_glossary(tmp_path / "nope.csv")
    (tmp_path / "terms.xlsx").write_bytes(b"")
    with pytest.raises(GlossaryError, match="unknown glossary format"):
        load_glossary(tmp_path / "terms.xlsx")


def test_csv_header_alone_is_an_empty_glossary(tmp_path):
    path = tmp_path / "new.csv"
    path.write_text("term,zh_CN,es,note\n", encoding="utf-8")
    glossary = load_glossary(path)
    assert len(glossary) == 0
    assert glossary.find("Jingyue", "en") == []


TBX_ENTRY = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">'
    "<text><body><conceptEntry>\n"
    '<langSec xml:lang="en"><termSec><term>{source}</term></termSec></langSec>\n'
    '<langSec xml:lang="{lang}"><termSec><term>{target}</term></termSec></langSec>\n'
    "</conceptEntry></body></text></tbx>\n"
)


@pytest.mark.parametrize(
    "source, lang, target, words",
    [
        ("Jingyue", "zFoJh-CN", "净月", 'xml:lang="zFoJh-CN" is not a language tag'),
        ("Jingyue", "cde", "净月", 'xml:lang="cde" is no locale Babel knows'),
        ("Jingyue\x7f", "zh-CN", "净月", "control character U+007F"),
        ("Jingyue", "zh-CN", "净\x85月", "control character U+0085"),
    ],
)
def test_a_tbx_glossary_that_csv_export_could_not_hold_is_refused_with_its_line(
    tmp_path: Path, source: str, lang: str, target: str, words: str
) -> None:
    """What a TBX file may hold, a CSV export must hold too (it is read back by the same rules)."""
    path = tmp_path / "terms.tbx"
    path.write_text(TBX_ENTRY.format(source=source, lang=lang, target=target), encoding="utf-8")
    with pytest.raises(GlossaryError) as raised:
        load_glossary(path)
    assert words in raised.value.message and raised.value.line in (3, 4)


@pytest.mark.parametrize("separator", [";", "\t"])
def test_a_spreadsheets_csv_separated_by_semicolons_or_tabs_says_so(tmp_path, separator):
    path = tmp_path / "terms.csv"
    path.write_text(
        f"term{separator}es{separator}de\nharbour{separator}puerto{separator}Hafen\n", encoding="utf-8"
    )
    with pytest.raises(GlossaryError) as caught:
        load_glossary(path)
    assert caught.value.line == 1
    shown = "';'" if separator == ";" else "tabs"
    assert f"separated by {shown}" in caught.value.message and "commas" in caught.value.message


def test_a_nul_byte_in_a_tbx_glossary_is_one_error_line(tmp_path):
    """lxml ends this message with a line break, which made the error two lines."""
    path = tmp_path / "terms.tbx"
    path.write_bytes(b'<?xml version="1.0"?>\n<martif type="TBX">\x00</martif>\n')
    with pytest.raises(GlossaryError) as caught:
        load_glossary(path)
    assert "\n" not in str(caught.value)
    assert str(caught.value).endswith(
        ":2:20: TBX is not well-formed XML: Invalid character: Char 0x0 out of allowed range"
    )


@pytest.mark.parametrize("column", ["esp", "sp", "xx"])
def test_a_csv_column_that_looks_like_a_locale_but_is_none_is_an_error_naming_it(tmp_path, column):
    # (a Spanish column headed "esp" was read as a locale of that name: its terms reached no catalog
    # and no check, and nothing said so)
    path = tmp_path / "terms.csv"
    path.write_text(f"term,{column},de\nChangchun,Changchun,Changchun\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        load_glossary(path)
    assert caught.value.line == 1
    assert caught.value.message == (
        f'column "{column}" is neither a locale nor one of term, note, case_sensitive, do_not_translate, '
        f"forbidden; {column} is no locale Babel knows (gettext names: es, de, zh_CN)"
    )


def test_csv_columns_of_locales_in_any_spelling_babel_knows_are_read(tmp_path):
    path = tmp_path / "terms.csv"
    path.write_text("term,es,pt-BR,sr@latin,de_AT,ast\nX,a,b,c,d,e\n", encoding="utf-8")
    assert load_glossary(path).terms[0].required("pt_BR") == "b"


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ("Cde,", 'do_not_translate: "Cde" is no locale Babel knows (gettext names: es, de, zh_CN)'),
        (
            ",esp:Changchun",
            'forbidden item "esp:Changchun": esp is no locale Babel knows (gettext names: es, de, zh_CN)',
        ),
    ],
)
def test_a_do_not_translate_or_forbidden_locale_babel_does_not_know_is_an_error_naming_it(
    tmp_path, cells, message
):
    # (it was read, then written out as a column of that name, so the CSV transpub wrote was refused)
    path = tmp_path / "terms.csv"
    path.write_text(
        f"term,de,do_not_translate,forbidden\nX,x,,\nChangchun,Changchun,{cells}\n", encoding="utf-8"
    )
    with pytest.raises(GlossaryError) as caught:
        load_glossary(path)
    assert (caught.value.line, caught.value.message) == (3, message)


def test_the_csv_written_for_do_not_translate_and_forbidden_locales_without_a_column_reads_back(tmp_path):
    path = tmp_path / "terms.csv"
    path.write_text("term,de,do_not_translate,forbidden\nRMB,RMB,sv|pt-br,ar:x|*:y\n", encoding="utf-8")
    glossary = load_glossary(path)
    write_glossary(glossary, tmp_path / "again.csv")
    assert load_glossary(tmp_path / "again.csv") == glossary
    assert set(glossary.locales) == {"de", "sv", "pt_BR", "ar"}


def test_a_do_not_translate_of_locales_and_every_locale_is_written_back_with_its_locales(tmp_path):
    path = tmp_path / "terms.csv"
    path.write_text("term,de,do_not_translate\nVasa,Vasa,en_US|*\n", encoding="utf-8")
    glossary = load_glossary(path)
    write_glossary(glossary, tmp_path / "again.csv")
    assert "Vasa,Vasa,Vasa,,,en_US|*," in (tmp_path / "again.csv").read_text(encoding="utf-8")
    assert load_glossary(tmp_path / "again.csv") == glossary


def test_a_note_of_several_lines_keeps_its_line_breaks_through_tbx_export_and_import(tmp_path):
    path = tmp_path / "terms.csv"
    path.write_text('term,de,note\nVasa,Vasa,"Swedish ski race.\nde: genitive Vasas."\n', encoding="utf-8")
    glossary = load_glossary(path)
    write_glossary(glossary, tmp_path / "terms.tbx")
    assert load_glossary(tmp_path / "terms.tbx") == glossary
    assert load_glossary(tmp_path / "terms.tbx").terms[0].note == "Swedish ski race.\nde: genitive Vasas."


def test_a_tbx_with_forbidden_in_note_lists_no_forbidden_rendering_as_a_term_and_the_note_names_it(tmp_path):
    glossary = Glossary(
        [Term("harbour", {"de": "Hafen"}, forbidden={"de": ("Hafenanlage",), "*": ("harbor",)}, note="Port")]
    )
    path = tmp_path / "omegat.tbx"
    write_glossary(Glossary([t.forbidden_in_note() for t in glossary.terms]), path)
    text = path.read_text(encoding="utf-8")
    assert "<term>Hafenanlage</term>" not in text and "deprecatedTerm-admn-sts" not in text
    (read,) = load_glossary(path).terms
    assert read.required("de") == "Hafen" and not read.forbidden
    assert read.note == "Port\nForbidden in de: Hafenanlage\nForbidden in every language: harbor"
