"""Headers as translators' tools leave them: Poedit's fields survive, other charsets read, bad ones named."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from transpub.catalog import format_catalog, read_catalog, update_catalog
from transpub.errors import CatalogError
from transpub.extract import extract_project
from transpub.project import Project, init_project, load_project

needs_gettext = pytest.mark.skipif(shutil.which("msgmerge") is None, reason="gettext tools not installed")

ARTICLE = (
    "<html><body><article><p>The lake freezes in winter. Skiers come from afar.</p>"
    "<p>{last}</p></article></body></html>"
)
POEDIT_HEADER = {  # what Poedit 3.4 leaves after a save, in its own order
    "Project-Id-Version": "News",
    "Report-Msgid-Bugs-To": "",
    "POT-Creation-Date": None,  # kept from the catalog
    "PO-Revision-Date": "2026-12-01 14:02+0100",
    "Last-Translator": "Anna Schmidt <anna@example.de>",
    "Language-Team": "Deutsch <de@example.de>",
    "Language": "de",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "X-Generator": "Poedit 3.4.2",
    "Plural-Forms": "nplurals=2; plural=(n != 1);",
    "X-Poedit-SourceCharset": "UTF-8",
}


def new_project(root: Path, last: str = "The festival ends in March.") -> Project:
    init_project(root, source="en", locales=["de", "es"], name="News")
    (root / "articles" / "lake.html").write_text(ARTICLE.format(last=last), encoding="utf-8")
    return load_project(root)


def save_in_poedit(path: Path, translations: dict[str, str]) -> None:
    """Translate entries and save with Poedit's header fields (msgcat-formatted, as Poedit writes)."""
    po = read_catalog(path)
    header = dict(POEDIT_HEADER, **{"POT-Creation-Date": po.metadata["POT-Creation-Date"]})
    po.metadata.clear()
    po.metadata.update(header)
    for entry in po:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
    path.write_bytes(format_catalog(po).encode("utf-8"))


def header_block(text: str) -> str:
    return text.split("\n\n", 1)[0]


@needs_gettext
def test_poedit_save_survives_extract_until_the_source_changes_then_keeps_the_translators_header(
    tmp_path: Path,
) -> None:
    project = new_project(tmp_path)
    extract_project(project, ["de", "es"])
    de = project.catalog_path("de", "lake")
    save_in_poedit(de, {"The lake freezes in winter.": "Der See friert im Winter zu."})
    saved = (de.read_bytes(), de.stat().st_mtime_ns)

    report = extract_project(project, ["de", "es"])
    assert report.articles[0].catalogs_written == {"de": False, "es": False}
    assert "catalogs unchanged" in report.articles[0].summary
    assert (de.read_bytes(), de.stat().st_mtime_ns) == saved

    before = de.read_text(encoding="utf-8")
    (tmp_path / "articles" / "lake.html").write_text(ARTICLE.format(last="The festival ends in April."))
    report = extract_project(project, ["de", "es"])
    assert report.articles[0].catalogs_written == {"de": True, "es": True}
    after = de.read_text(encoding="utf-8")
    assert '"X-Generator: Poedit 3.4.2\\n"' in after and "Anna Schmidt" in after
    assert 'msgstr "Der See friert im Winter zu."' in after
    # The header is exactly what msgmerge --previous makes of the saved catalog and the new template.
    old = tmp_path / "saved.po"
    old.write_text(before, encoding="utf-8")
    merged = subprocess.run(
        ["msgmerge", "--quiet", "--previous", str(old), str(project.template_path("lake"))],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert header_block(after) == header_block(merged)


def test_latin1_catalog_is_read_in_its_charset_and_rewritten_in_utf8_only_when_it_changes(
    tmp_path: Path,
) -> None:
    project = new_project(tmp_path)
    extract_project(project, ["de"])
    de = project.catalog_path("de", "lake")
    po = read_catalog(de)
    po.metadata["Content-Type"] = "text/plain; charset=ISO-8859-1"
    po.find("Skiers come from afar.").msgstr = "Skiläufer kommen von weit her, größer als je."
    latin1 = format_catalog(po).replace("charset=UTF-8", "charset=ISO-8859-1").encode("iso-8859-1")
    de.write_bytes(latin1)
    assert read_catalog(de).find("Skiers come from afar.").msgstr.startswith("Skiläufer")

    report = extract_project(project, ["de"])
    assert report.ok and report.articles[0].catalogs_written == {"de": False}
    assert de.read_bytes() == latin1  # nothing changed: still the translator's ISO-8859-1 file

    (tmp_path / "articles" / "lake.html").write_text(ARTICLE.format(last="The festival ends in April."))
    report = extract_project(project, ["de"])
    assert report.articles[0].updates["de"].converted_from == "ISO-8859-1"
    assert "de converted from ISO-8859-1 to UTF-8" in report.articles[0].summary
    text = de.read_bytes().decode("utf-8")
    assert "charset=UTF-8" in text and "Skiläufer kommen von weit her, größer als je." in text


def catalog_bytes(charset: str, msgstr: bytes) -> bytes:
    return (
        b'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset='
        + charset.encode()
        + b'\\n"\n\nmsgid "Coffee"\nmsgstr "'
        + msgstr
        + b'"\n'
    )


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        (catalog_bytes("FOO", b"Kaff\xe9"), 4, "unknown charset 'FOO'"),
        (catalog_bytes("FOO", b"Kaffee"), 4, "unknown charset 'FOO'"),
        (
            catalog_bytes("ISO-8859-1", "Kaffé".encode()),
            4,
            "declares charset=ISO-8859-1 but the file is UTF-8",
        ),
        (catalog_bytes("CP1252", b"Kaff\x81e"), 7, "not valid CP1252"),
        (catalog_bytes("UTF-8", b"Kaff\xe9"), 7, "not valid UTF-8"),
    ],
)
def test_a_charset_that_does_not_fit_the_file_is_an_error_at_its_line_and_the_file_is_left_alone(
    tmp_path: Path, data: bytes, line: int, words: str
) -> None:
    path = tmp_path / "de.po"
    path.write_bytes(data)
    with pytest.raises(CatalogError) as caught:
        update_catalog(path, read_catalog_template(tmp_path), "de")
    assert words in caught.value.message
    assert (caught.value.path, caught.value.line) == (path, line), caught.value.message
    assert path.read_bytes() == data


def test_utf8_text_under_a_latin1_header_is_shown_as_the_mojibake_gettext_would_make(tmp_path: Path) -> None:
    path = tmp_path / "de.po"
    path.write_bytes(catalog_bytes("ISO-8859-1", "Kaffé".encode()))
    with pytest.raises(CatalogError) as caught:
        read_catalog(path)
    assert "Ã©" in caught.value.message and "charset=UTF-8" in caught.value.message


def read_catalog_template(tmp_path: Path):
    from transpub.catalog import build_template
    from transpub.model import Unit

    return build_template([Unit("Coffee", ("articles/a.html#p[1]",), ())], project_name="News")


BAD_PLURAL_FORMS = [
    ("nplurals=2; plural=n>;", "not a valid plural expression"),
    ("nplurals=x; plural=n != 1;", "not a positive integer"),
    ("nplurals=2; plural=n;", "must stay below nplurals"),
    ("nplurals=2; plural=n/0;", "divides by zero"),
    ("nplurals=2;", "lacks plural=EXPRESSION"),
    ("plural=(n != 1);", "lacks nplurals=INTEGER"),
]


def plural_catalog(forms: str) -> str:
    return (
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        f'"Plural-Forms: {forms}\\n"\n\nmsgid "file"\nmsgid_plural "files"\nmsgstr[0] "Datei"\n'
        'msgstr[1] "Dateien"\n'
    )


@pytest.mark.parametrize(("forms", "words"), BAD_PLURAL_FORMS)
def test_invalid_plural_forms_is_an_error_at_its_header_line_where_msgfmt_rejects_it(
    tmp_path: Path, forms: str, words: str
) -> None:
    path = tmp_path / "de.po"
    path.write_text(plural_catalog(forms), encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        read_catalog(path)
    assert words in caught.value.message and "Plural-Forms" in caught.value.message
    assert str(caught.value).startswith(f"{path}:5: ")
    if shutil.which("msgfmt"):
        judged = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True)
        assert judged.returncode != 0


@pytest.mark.parametrize(
    "forms",
    ["nplurals=2; plural=" + "n+" * 100_000 + "1;", "x" * 200_000, "nplurals=2; " + "y" * 200_000],
)
def test_a_huge_invalid_plural_forms_is_reported_in_one_short_line(tmp_path: Path, forms: str) -> None:
    path = tmp_path / "de.po"
    path.write_text(plural_catalog(forms), encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        read_catalog(path)
    shown = str(caught.value)
    assert shown.startswith(f"{path}:5: header field Plural-Forms is invalid: ")
    assert len(shown) < len(str(path)) + 250 and "\n" not in shown and "…" in shown


@pytest.mark.parametrize(
    "forms",
    [
        "nplurals=2; plural=(n != 1);",
        "nplurals=1; plural=0;",
        "nplurals=2; plural=n>1 ? 1 : 0",
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
    ],
)
def test_valid_plural_forms_are_accepted(tmp_path: Path, forms: str) -> None:
    path = tmp_path / "de.po"
    path.write_text(
        plural_catalog(forms).replace(
            'msgstr[1] "Dateien"\n',
            "".join(f'msgstr[{i}] "Dateien"\n' for i in range(1, int(forms.split("=")[1].split(";")[0]))),
        ),
        encoding="utf-8",
    )
    assert read_catalog(path).metadata["Plural-Forms"] == forms


def test_header_without_content_type_says_so_instead_of_missing_header(tmp_path: Path) -> None:
    path = tmp_path / "de.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: de\\n"\n\nmsgid "a"\nmsgstr "b"\n', encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        read_catalog(path)
    assert "no Content-Type field" in caught.value.message and "missing header" not in caught.value.message
    assert caught.value.line == 1
