"""A small compile fixture: one article, five target locales in different states (no tests here).

de and zh_CN fully reviewed, ar reviewed but for one sentence, es machine-translated (fuzzy)
only, fr untranslated.
"""

from __future__ import annotations

from pathlib import Path

import polib
from click.testing import CliRunner, Result

from transpub.cli import main
from transpub.compile import CompileOptions, CompileReport, compile_project
from transpub.extract import extract_project
from transpub.project import load_project

CONFIG = """[project]
name = "Tiny News"
source_locale = "en"
locales = ["de", "zh_CN", "es", "ar", "fr"]

[compile]
publish_threshold = 80
"""

ARTICLE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Skiing Festival Opens</title>
  <meta name="description" content="The festival opened in Changchun.">
</head>
<body>
  <article>
    <h1>Skiing Festival Opens</h1>
    <p class="dateline"><time datetime="2018-01-04">January 4, 2018</time></p>
    <p>The festival opened on Thursday.   Read <a href="https://example.com/report" title="The full report">the <em>full</em> report</a> here.</p>
    <p><img src="skier.png" alt="A skier on the lake"> Over 300 skiers took part.</p>
  </article>
</body>
</html>
"""

TITLE = "Skiing Festival Opens"
DESCRIPTION = "The festival opened in Changchun."
OPENED = "The festival opened on Thursday."
READ = "Read <1>the <2>full</2> report</1> here."
LINK_TITLE = "The full report"
ALT = "A skier on the lake"
SKIERS = "Over 300 skiers took part."

#: locale -> msgid -> msgstr; a leading "~" marks the entry fuzzy and machine-translated (unreviewed
#: machine translation, with the provenance comment translate writes).
TRANSLATIONS: dict[str, dict[str, str]] = {
    "de": {
        TITLE: "Skifestival eröffnet",
        DESCRIPTION: "Das Festival wurde in Changchun eröffnet.",
        OPENED: "Das Festival wurde am Donnerstag eröffnet.",
        READ: "Lesen Sie hier <1>den <2>vollständigen</2> Bericht</1>.",
        LINK_TITLE: "Der vollständige Bericht",
        ALT: "Ein Skifahrer auf dem See",
        SKIERS: "Über 300 Skifahrer nahmen teil.",
    },
    "zh_CN": {
        TITLE: "滑雪节开幕",
        DESCRIPTION: "滑雪节在长春开幕。",
        OPENED: "滑雪节于周四开幕。",
        READ: "请在此阅读<1><2>完整</2>报告</1>。",
        LINK_TITLE: "完整报告",
        ALT: "湖上的滑雪者",
        SKIERS: "300多名滑雪者参加了比赛。",
    },
    "ar": {
        TITLE: "افتتاح مهرجان التزلج",
        DESCRIPTION: "افتتح المهرجان في تشانغتشون.",
        OPENED: "افتتح المهرجان يوم الخميس.",
        READ: "اقرأ <1>التقرير <2>الكامل</2></1> هنا.",
        LINK_TITLE: "التقرير الكامل",
        ALT: "متزلج على البحيرة",
    },
    "es": {
        TITLE: "~Festival de esquí abre",
        DESCRIPTION: "~El festival abrió en Changchun.",
        OPENED: "~El festival abrió el jueves.",
        READ: "~Lee <1>el informe <2>completo</2></1> aquí.",
        LINK_TITLE: "~El informe completo",
        ALT: "~Un esquiador en el lago",
        SKIERS: "~Más de 300 esquiadores participaron.",
    },
    "fr": {},
}


def make_project(
    root: Path,
    translations: dict[str, dict[str, str]] | None = None,
    *,
    config_extra: str = "",
    article: str = ARTICLE,
) -> Path:
    """Write the fixture project under ``root``, extract it and fill its PO files."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "transpub.toml").write_text(CONFIG + config_extra, encoding="utf-8")
    (root / "articles").mkdir(exist_ok=True)
    (root / "articles" / "skiing.html").write_text(article, encoding="utf-8")
    project = load_project(root)
    extract_project(project, project.locales)
    for locale, entries in (TRANSLATIONS if translations is None else translations).items():
        set_translations(root, locale, entries)
    return root


def po_path(root: Path, locale: str) -> Path:
    """The fixture article's catalog for ``locale``."""
    return root / "locales" / locale / "LC_MESSAGES" / "skiing.po"


#: The provenance comment of a ``~`` entry (see :func:`set_translations`), as translate writes it.
MACHINE_PROVENANCE = "transpub: machine translation by fake (en→{locale}) on 2026-11-25"


def set_translations(root: Path, locale: str, entries: dict[str, str]) -> None:
    """Fill msgstrs in the fixture's catalog: a leading ``~`` makes the entry fuzzy machine
    translation (with translate's provenance comment), a leading ``?`` fuzzy without one (a
    translator's draft, an import: unreviewed, not machine output)."""
    po = polib.pofile(str(po_path(root, locale)), wrapwidth=0)
    for entry in po:
        if entry.msgid in entries:
            text = entries[entry.msgid]
            entry.msgstr = text[1:] if text[:1] in ("~", "?") else text
            if text[:1] in ("~", "?") and "fuzzy" not in entry.flags:
                entry.flags.append("fuzzy")
            if text.startswith("~"):
                entry.tcomment = MACHINE_PROVENANCE.format(locale=locale)
    po.save()


def line_of(root: Path, locale: str, msgid: str) -> int:
    """The line of the entry's ``msgid`` in the locale's catalog (where warnings and checks point)."""
    wanted = 'msgid "' + msgid.replace('"', '\\"') + '"'
    for number, line in enumerate(po_path(root, locale).read_text(encoding="utf-8").splitlines(), 1):
        if line == wanted:
            return number
    raise AssertionError(f"{msgid!r} not in {po_path(root, locale)}")


def compile_lib(root: Path, locales: list[str] | None = None, **options: object) -> CompileReport:
    """Compile through the library."""
    project = load_project(root)
    return compile_project(project, locales or project.locales, CompileOptions(**options))  # type: ignore[arg-type]


def run_cli(root: Path, *args: str) -> Result:
    """``transpub --project ROOT ARGS`` through click's runner (stdout and stderr kept apart)."""
    return CliRunner().invoke(main, ["--project", str(root), *args], catch_exceptions=False)


def compiled_slugs(monkeypatch: object) -> list[str]:
    """The slugs of the articles compile compiles from now on in this process (not skipped by their
    record), in the order it compiles them (``monkeypatch``: pytest's fixture, which undoes it)."""
    from transpub.compile import workflow

    compiled: list[str] = []
    original = workflow.compile_article

    def counting(run: object, item: tuple[Path, str, str, object]) -> object:
        compiled.append(item[2])
        return original(run, item)  # type: ignore[arg-type]

    monkeypatch.setattr(workflow, "compile_article", counting)  # type: ignore[attr-defined]
    return compiled


def page(root: Path, locale: str, slug: str = "skiing", *, site: str = "site") -> str:
    """A published page's text."""
    return (root / site / locale / f"{slug}.html").read_text(encoding="utf-8")


def test_links_between_pages_are_the_relative_paths_the_system_computes() -> None:
    """site_href works out relative paths itself (fast); they are posixpath.relpath's, for any two pages."""
    import posixpath

    from hypothesis import given
    from hypothesis import strategies as st

    from transpub.site import _relative_path

    part = st.sampled_from(["de", "es", "_review", "2024", "a", "_assets", "index.html", "p.html", "x.png"])
    page = st.lists(part, min_size=1, max_size=5).map("/".join)

    @given(page, page)
    def same(to_page: str, from_page: str) -> None:
        expected = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
        assert _relative_path(to_page, from_page) == expected

    same()
