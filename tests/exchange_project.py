"""A small project for the exchange tests (XLIFF, TMX, alignment), and the XLIFF schemas."""

from __future__ import annotations

import os
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner, Result
from lxml import etree

from transpub.cli import main

REPO = Path(__file__).resolve().parent.parent

ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Harbour news</title></head>
<body><article>
<h1>Harbour reopens</h1>
<p>Read <a href="/report">the full report</a> on page<br>4 today. Ships return on Monday.</p>
<p>The mayor thanked <em>everyone</em> who helped.</p>
<p>Nothing else changed.</p>
</article></body></html>
"""


def run(project: Path, *args: str, code: int = 0) -> Result:
    """Run the CLI on ``project``, asserting its exit code."""
    result = CliRunner().invoke(main, ["--project", str(project), *args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def harbour_project(root: Path, locales: tuple[str, ...] = ("de", "fr")) -> Path:
    """A project with one article (a link, a line break, emphasis), extracted."""
    CliRunner().invoke(
        main, ["init", str(root), "--source", "en", *[a for loc in locales for a in ("-l", loc)]]
    )
    (root / "articles" / "harbour.html").write_text(ARTICLE, encoding="utf-8")
    run(root, "extract")
    return root


def catalog_of(project: Path, locale: str, slug: str = "harbour") -> polib.POFile:
    return polib.pofile(str(project / "locales" / locale / "LC_MESSAGES" / f"{slug}.po"), wrapwidth=79)


def fill(project: Path, locale: str, translations: dict[str, tuple[str, str]], slug: str = "harbour") -> None:
    """Set msgstrs by msgid prefix: ``{prefix: (msgstr, "reviewed" | "fuzzy" | "mt")}``."""
    po = catalog_of(project, locale, slug)
    for entry in po:
        for prefix, (text, state) in translations.items():
            if entry.msgid.startswith(prefix):
                entry.msgstr = text
                if state in ("fuzzy", "mt"):
                    entry.flags.append("fuzzy")
                if state == "mt":
                    entry.tcomment = "transpub: machine translation by apertium (en→de) on 2026-11-30"
    po.save()


SCHEMA_FILES = ("xliff-core-1.2-strict.xsd", "xliff_core_2.0.xsd", "xml.xsd")
#: The skip reason when the schemas are missing: what to provide, where (see the README there).
SCHEMAS_MISSING = (
    "OASIS XLIFF schemas not found: " + ", ".join(SCHEMA_FILES) + " belong in tests/data/xliff/schemas/ "
    "(or in $TRANSPUB_XLIFF_SCHEMAS; origins and sha256: tests/data/xliff/schemas/README.md)"
)
#: The copies committed with the tests (their licences allow it: see the README there).
COMMITTED_SCHEMAS = REPO / "tests" / "data" / "xliff" / "schemas"


def schema_dir() -> Path | None:
    """Where the OASIS XLIFF schemas are: $TRANSPUB_XLIFF_SCHEMAS, else the committed copies."""
    for candidate in (os.environ.get("TRANSPUB_XLIFF_SCHEMAS"), COMMITTED_SCHEMAS):
        if candidate and all((Path(candidate) / name).is_file() for name in SCHEMA_FILES):
            return Path(candidate)
    return None


def xliff_schema(version: str) -> etree.XMLSchema:
    """The OASIS schema of ``version`` with xml.xsd imported from the same folder (no network)."""
    folder = schema_dir()
    if folder is None:
        pytest.skip(SCHEMAS_MISSING)
    name = "xliff-core-1.2-strict.xsd" if version == "1.2" else "xliff_core_2.0.xsd"
    document = etree.parse(str(folder / name))
    for imported in document.getroot().iter("{http://www.w3.org/2001/XMLSchema}import"):
        if imported.get("namespace") == "http://www.w3.org/XML/1998/namespace":
            imported.set("schemaLocation", (folder / "xml.xsd").as_uri())
    return etree.XMLSchema(document)


def assert_valid(path: Path, version: str) -> None:
    schema = xliff_schema(version)
    document = etree.parse(str(path))
    assert schema.validate(document), f"{path.name}: {schema.error_log}"


def add_plural(
    project: Path, locale: str, msgid: str, msgid_plural: str, forms: list[str], fuzzy: bool = False
) -> None:
    """Add a plural entry (msgid_plural, msgstr[n]) to the harbour catalog, as a hand-edited one has."""
    po = catalog_of(project, locale)
    po.append(
        polib.POEntry(
            msgid=msgid,
            msgid_plural=msgid_plural,
            msgstr_plural=dict(enumerate(forms)),
            occurrences=[("articles/harbour.html#body/p(ships)", "")],
            comment="Placeholders: <1>…</1> = strong emphasis (strong)" if "<1>" in msgid else "",
            flags=["fuzzy"] if fuzzy else [],
        )
    )
    po.save()
