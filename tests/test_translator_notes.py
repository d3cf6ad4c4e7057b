"""What a translator reads beside a unit in a PO editor (its ``#.`` extracted comments): everything
needed to translate it without the page, one line per note."""

from __future__ import annotations

from pathlib import Path

import polib

from transpub.catalog import note_lines
from transpub.extract import extract_project
from transpub.project import init_project, load_project


def notes_after_extract(tmp_path: Path, name: str, text: str) -> dict[str, list[str]]:
    """The ``#.`` lines of each entry of the German catalog of the article ``name`` reading ``text``."""
    root = tmp_path / "site"
    init_project(root, source="en", locales=["de"], name="Site")
    (root / "articles").mkdir(exist_ok=True)
    (root / "articles" / name).write_text(text, encoding="utf-8")
    extract_project(load_project(root), ["de"])
    (po_path,) = (root / "locales").rglob("*.po")
    return {entry.msgid: entry.comment.split("\n") for entry in polib.pofile(str(po_path))}


def legend(notes: dict[str, list[str]], msgid: str) -> str:
    (line,) = [note for note in notes[msgid] if note.startswith("Placeholders: ")]
    return line


def test_a_link_placeholder_says_where_the_link_goes_in_an_html_page(tmp_path: Path) -> None:
    notes = notes_after_extract(
        tmp_path,
        "a.html",
        "<html><body><p>Read <a href='https://example.org/reports/2024/annual-report-with-all-appendices.pdf"
        "?utm_source=newsletter&amp;utm_medium=email'>the report</a>, see <a href='#fn1'>1</a> or write to "
        "<a href='mailto:desk@example.org'>the desk</a>.</p>"
        "<p>Press <a href='java&#9;script:alert(1)'>here</a> or <a href='data:text/html,<b>x'>there</a>.</p>"
        "</body></html>",
    )
    assert legend(notes, "Read <1>the report</1>, see <2>1</2> or write to <3>the desk</3>.") == (
        "Placeholders: <1>…</1> = link (a) to https://example.org/reports/2024/annual-report-with-all-app…; "
        "<2>…</2> = link (a) to #fn1; <3>…</3> = link (a) to mailto:desk@example.org"
    )
    assert legend(notes, "Press <1>here</1> or <2>there</2>.") == (
        "Placeholders: <1>…</1> = link (a) to a script (javascript: address); "
        "<2>…</2> = link (a) to embedded data (data: address)"
    )


def test_a_link_placeholder_says_where_the_link_goes_in_a_markdown_page(tmp_path: Path) -> None:
    notes = notes_after_extract(
        tmp_path,
        "a.md",
        "# Title\n\nSee [the guide](../guide/install.md#linux), [the FAQ][faq] and\n"
        '<a href="/download/">the download</a>.\n\n[faq]: https://example.org/faq\n',
    )
    assert legend(notes, "See <1>the guide</1>, <2>the FAQ</2> and <3>the download</3>.") == (
        "Placeholders: <1>…</1> = link (a) to ../guide/install.md#linux; "
        "<2>…</2> = link (a) to https://example.org/faq; <3>…</3> = link (a) to /download/"
    )


def test_a_content_tab_label_says_it_is_one(tmp_path: Path) -> None:
    notes = notes_after_extract(
        tmp_path,
        "install.md",
        '# Install\n\n=== "Linux"\n\n    Run the script.\n\n=== "Use *Windows*"\n\n    Run the installer.\n\n'
        '!!! note "Linux only"\n    Text.\n',
    )
    tab = "The label of a content tab (one of several tabs showing alternatives, such as one per system)"
    assert notes["Linux"] == [tab]
    assert notes["Use <1>Windows</1>"][0] == tab
    assert notes["Linux only"] == [""]  # (an admonition's title: no note)


def test_a_table_cell_names_its_column_and_row_in_an_html_page(tmp_path: Path) -> None:
    notes = notes_after_extract(
        tmp_path,
        "a.html",
        "<html><body><h1>Results</h1>"
        "<table><thead><tr><th>Option</th><th>Default <small>value</small></th></tr></thead>"
        "<tbody><tr><td>format</td><td>html</td></tr>"
        "<tr><td>output</td><td><p>The folder named <em>site</em></p></td></tr></tbody></table>"
        "<table><tr><td></td><th>Revenue in the first quarter of the fiscal year 2024</th></tr>"
        "<tr><th>Alibaba Group</th><td>RMB12 billion</td></tr></table>"
        "<table><tr><th>Founded</th><td>in Paris</td></tr></table>"
        "<table><tr><td>Left column</td><td>Right column</td></tr></table>"
        "</body></html>",
    )
    assert notes["html"] == ['Table cell: column "Default value", row "format"']
    assert notes["The folder named <1>site</1>"][0] == 'Table cell: column "Default value", row "output"'
    assert notes["format"] == ['Table cell: column "Option"']
    assert notes["RMB12 billion"] == [
        'Table cell: column "Revenue in the first quarter of the…", row "Alibaba Group"'
    ]
    assert notes["in Paris"] == ['Table cell: row "Founded"']
    for header in ("Option", "Default <1>value</1>", "Alibaba Group", "Founded"):
        assert not any(note.startswith("Table cell") for note in notes[header])
    assert notes["Left column"] == notes["Right column"] == [""]  # (a layout table: no headers)


def test_a_table_cell_names_its_column_and_row_in_a_markdown_page(tmp_path: Path) -> None:
    notes = notes_after_extract(
        tmp_path,
        "a.md",
        "# Options\n\n| Option | **Default** | Description |\n|---|---|---|\n"
        "| format | html | The format of the *pages* written. |\n| theme | plain | |\n\n"
        "|   |   |\n|---|---|\n| Left side | Right side |\n",
    )
    assert notes["html"] == ['Table cell: column "Default", row "format"']
    assert notes["The format of the <1>pages</1> written."][0] == (
        'Table cell: column "Description", row "format"'
    )
    assert notes["theme"] == ['Table cell: column "Option"']
    assert not any(note.startswith("Table cell") for note in notes["Option"] + notes["Default"])
    assert notes["Left side"] == notes["Right side"] == [""]  # (no headers: a layout table)


def test_a_list_item_tells_the_sentence_introducing_its_list_in_an_html_page(tmp_path: Path) -> None:
    notes = notes_after_extract(
        tmp_path,
        "a.html",
        "<html><body><h1>About</h1><p>We have many readers. <b>We</b> care about:</p>\n<ul>\n"
        "<li>culture</li>\n<li><p>people and places</p></li></ul>"
        "<p>Read more.</p><ol><li>no intro here</li></ol></body></html>",
    )
    intro = 'List introduced by: "We care about:"'  # (its paragraph's last sentence)
    assert notes["culture"] == [intro]
    assert notes["people and places"] == [intro]
    assert notes["no intro here"] == [""]
    assert notes["Read more."] == [""]


def test_a_list_item_tells_the_sentence_introducing_its_list_in_a_markdown_page(tmp_path: Path) -> None:
    notes = notes_after_extract(
        tmp_path,
        "a.md",
        "# About\n\nWe care *a lot*\nabout:\n\n- culture\n- sport\n  - football\n\n"
        "Read more.\n\n1. no intro here\n\n**Needs:**\n\n* Python\n",
    )
    intro = 'List introduced by: "We care a lot about:"'
    assert notes["culture"] == [intro]
    assert notes["sport"] == [intro]
    assert notes["football"] == [intro]  # (a list in an item, introduced by none: the list around it)
    assert notes["no intro here"] == [""]
    assert notes["Python"] == ['List introduced by: "Needs:"']  # (the colon in bold)


def test_a_cell_of_a_table_in_a_cell_names_its_own_headers_and_a_repeated_cell_a_few(tmp_path: Path) -> None:
    rows = "".join(f"<tr><th>Plan {name}</th><td>Yes</td></tr>" for name in "ABCDE")
    notes = notes_after_extract(
        tmp_path,
        "a.html",
        "<html><body><table><tr><th>Country</th><th>Facts</th></tr><tr><td>France</td><td>"
        "<table><tr><th>Capital</th><td>Paris city</td></tr></table></td></tr></table>"
        f"<table>{rows}</table></body></html>",
    )
    assert notes["Paris city"] == ['Table cell: row "Capital"']
    assert notes["Yes"] == [f'Table cell: row "Plan {name}"' for name in "ABC"]


def test_an_authors_note_in_a_table_cell_stays_a_note_of_its_own_when_polib_rewraps_the_catalog(
    tmp_path: Path,
) -> None:
    notes = notes_after_extract(
        tmp_path,
        "a.html",
        "<html><body><table><tr><th>Price</th><th>Note</th></tr><tr><th>Tea at the harbour</th>"
        "<td><p data-l10n-note='Say it in full'>Ten euros a cup.</p></td></tr></table></body></html>",
    )
    written = notes["Ten euros a cup."]
    assert written == ["Say it in full", 'Table cell: column "Note", row "Tea at the harbour"']
    entry = polib.POEntry(msgid="x", msgstr="", comment="\n".join(written))
    (rewrapped,) = polib.pofile(f'msgid ""\nmsgstr ""\n\n{entry.__unicode__(30)}\n')
    assert len(rewrapped.comment.split("\n")) > 2
    assert note_lines(rewrapped.comment) == written


def test_every_fixed_note_markdown_writes_is_read_whole_after_polib_cuts_it() -> None:
    from transpub.formats import md_reader

    for note in (
        md_reader._TAB_LABEL_NOTE,
        md_reader._DEFAULT_TITLE_NOTE,
        md_reader._DEFAULT_BLOCK_TITLE_NOTE,
    ):
        entry = polib.POEntry(msgid="x", msgstr="", comment=f"{note}\nParagraph: Tea.")
        (rewrapped,) = polib.pofile(f'msgid ""\nmsgstr ""\n\n{entry.__unicode__(40)}\n')
        assert note_lines(rewrapped.comment) == [note, "Paragraph: Tea."]


def test_each_line_of_an_authors_note_is_written_without_the_white_space_around_it(tmp_path: Path) -> None:
    """Poedit reads a ``#.`` line without the white space around its text and saves it so: a line
    of a note written indented (an attribute's value over lines of indented HTML) was written back
    indented by every extract after a translator's save (tests/test_poedit.py runs Poedit)."""
    notes = notes_after_extract(
        tmp_path,
        "a.html",
        '<html><body><p data-l10n-note="  Keep it short.\n      Read aloud at the pier.\t \n\n  ">'
        "The ferry leaves at noon.</p></body></html>",
    )
    assert notes["The ferry leaves at noon."] == ["Keep it short.", "Read aloud at the pier."]
