"""Small projects for the check and status tests: one article, extracted, then translated to order."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner, Result

from transpub import catalog
from transpub.cli import main
from transpub.extract import extract_project
from transpub.project import load_project

ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Signing ceremony</title></head>
<body>
<p>Jingyue signed 16 projects worth RMB31.36 billion.</p>
<p>Read <a href="/report">the report</a> now.</p>
<p>The festival was held on January 4, 2018.</p>
<p>Over 240 projects have settled in Jingyue.</p>
</body></html>
"""

GLOSSARY = "term,zh_CN,de,note,do_not_translate\nJingyue,净月,,district of Changchun,de\n"

#: Good translations of every unit of ARTICLE.
TRANSLATIONS: dict[str, dict[str, str]] = {
    "de": {
        "Signing ceremony": "Unterzeichnungszeremonie",
        "Jingyue signed 16 projects worth RMB31.36 billion.": "Jingyue unterzeichnete 16 Projekte im Wert von 31,36 Mrd. RMB.",
        "Read <1>the report</1> now.": "Lesen Sie jetzt <1>den Bericht</1>.",
        "The festival was held on January 4, 2018.": "Das Festival fand am 4. Januar 2018 statt.",
        "Over 240 projects have settled in Jingyue.": "Über 240 Projekte haben sich in Jingyue angesiedelt.",
    },
    "sv": {
        "Signing ceremony": "Undertecknandeceremoni",
        "Jingyue signed 16 projects worth RMB31.36 billion.": "Jingyue undertecknade 16 projekt värda 31,36 miljarder RMB.",
        "Read <1>the report</1> now.": "Läs <1>rapporten</1> nu.",
        "The festival was held on January 4, 2018.": "Festivalen hölls den 4 januari 2018.",
        "Over 240 projects have settled in Jingyue.": "Över 240 projekt har etablerat sig i Jingyue.",
    },
    "zh_CN": {
        "Signing ceremony": "签约仪式",
        "Jingyue signed 16 projects worth RMB31.36 billion.": "净月签约16个项目，金额达313.6亿元人民币。",
        "Read <1>the report</1> now.": "立即阅读<1>报告</1>。",
        "The festival was held on January 4, 2018.": "节日于2018年1月4日举行。",
        "Over 240 projects have settled in Jingyue.": "已有240多个项目落户净月。",
    },
}


def make_project(
    root: Path, *, locales: tuple[str, ...] = ("de", "zh_CN"), config: str = "", translate: bool = True
) -> Path:
    """A project in ``root`` with ARTICLE as articles/signing.html, extracted (and translated)."""
    (root / "articles").mkdir(parents=True)
    (root / "glossary").mkdir()
    (root / "articles" / "signing.html").write_text(ARTICLE, encoding="utf-8")
    (root / "glossary" / "terms.csv").write_text(GLOSSARY, encoding="utf-8")
    quoted = ", ".join(f'"{loc}"' for loc in locales)
    (root / "transpub.toml").write_text(
        f'[project]\nname = "Demo"\nsource_locale = "en"\nlocales = [{quoted}]\n\n'
        f'[paths]\nglossary = "glossary/terms.csv"\n\n{config}',
        encoding="utf-8",
    )
    project = load_project(root)
    report = extract_project(project, list(project.locales))
    assert report.ok, report.errors
    if translate:
        for locale in locales:
            edit_catalog(root, locale, lambda po, loc=locale: _fill(po, TRANSLATIONS.get(loc, {})))
    return root


def _fill(po, translations: dict[str, str]) -> None:
    for entry in po:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]


def po_path(root: Path, locale: str, slug: str = "signing") -> Path:
    """The catalog of ``slug`` in ``locale``."""
    return root / "locales" / locale / "LC_MESSAGES" / f"{slug}.po"


def edit_catalog(root: Path, locale: str, change: Callable, slug: str = "signing") -> None:
    """Read a catalog, let ``change(po)`` edit it, and write it back as extract would."""
    path = po_path(root, locale, slug)
    po = catalog.read_catalog(path)
    change(po)
    catalog.write_catalog(po, path)


def set_entry(root: Path, locale: str, msgid: str, msgstr: str, *, fuzzy: bool = False) -> None:
    """Give one entry a translation (and the fuzzy flag)."""

    def change(po) -> None:
        entry = po.find(msgid)
        assert entry is not None, msgid
        entry.msgstr = msgstr
        if fuzzy and "fuzzy" not in entry.flags:
            entry.flags.insert(0, "fuzzy")
        if not fuzzy and "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")

    edit_catalog(root, locale, change)


def add_flag(root: Path, locale: str, msgid_line: str, flag: str) -> None:
    """Put ``#, flag`` on the entry whose msgid line is ``msgid_line`` (text edit: msgcat drops unknown flags)."""
    path = po_path(root, locale)
    text = path.read_text(encoding="utf-8")
    assert msgid_line in text
    path.write_text(text.replace(msgid_line, f"#, {flag}\n{msgid_line}", 1), encoding="utf-8")


def run(root: Path, *args: str) -> Result:
    """``transpub --project root <args>`` through click's test runner."""
    return CliRunner().invoke(main, ["--project", str(root), *args], catch_exceptions=False)
