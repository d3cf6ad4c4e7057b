"""The public site is for readers (issue 12, finding 8).

Indexes list published articles with their title and date in the reader's language, newest first,
and say nothing about percentages or thresholds (those are in ``site/_review/``). Public pages
keep the discreet machine-translation notice; colouring units is for review copies.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib

from transpub.compile import CompileOptions, compile_project
from transpub.extract import extract_project
from transpub.project import load_project

CONFIG = """[project]
name = "Dated News"
source_locale = "en"
locales = ["es", "de"]
"""
ARTICLES = {
    "old.md": "---\ntitle: Old story\ndate: 2016-03-01\n---\n\nThe lake froze.\n",
    "middle.html": (
        '<html><head><title>Middle story</title><meta property="article:published_time" '
        'content="2017-11-21T18:17:00Z"></head><body><p>Skaters came.</p></body></html>'
    ),
    "new.html": (
        '<html><head><title>New story</title></head><body><p>Published <time datetime="2018-01-04">'
        "January 4, 2018</time>.</p><p>Spring came.</p></body></html>"
    ),
    "undated.txt": "Undated story\n\nNo date here.\n",
}


def make(root: Path) -> Path:
    (root / "articles").mkdir(parents=True)
    (root / "transpub.toml").write_text(CONFIG, encoding="utf-8")
    for name, text in ARTICLES.items():
        (root / "articles" / name).write_text(text, encoding="utf-8")
    project = load_project(root)
    extract_project(project, ["es", "de"])
    for slug in ("old", "middle", "new", "undated"):
        po_path = project.catalog_path("es", slug)
        po = polib.pofile(str(po_path))
        for entry in po:  # every Spanish entry machine-translated, not reviewed
            entry.msgstr = "ES " + entry.msgid
            entry.flags.append("fuzzy")
            entry.tcomment = "transpub: machine translation by fake (en→es) on 2026-11-25"
        po.save()
    return root


def listed(html: str) -> list[tuple[str, str]]:
    """(title, date shown) of each article listed, in order."""
    return re.findall(
        r'<li><a href="\./[^"]+"[^>]*>(?:<span[^>]*>)?([^<]+)(?:</span>)?</a>(?: <time[^>]*>([^<]+)</time>)?',
        html,
    )


def test_indexes_list_titles_and_local_dates_newest_first_without_workflow_figures(tmp_path: Path) -> None:
    root = make(tmp_path / "p")
    compile_project(load_project(root), ["es", "de"], CompileOptions(include_fuzzy=True))
    spanish = (root / "site/es/index.html").read_text(encoding="utf-8")
    assert listed(spanish) == [
        ("ES New story", "4 de enero de 2018"),
        ("ES Middle story", "21 de noviembre de 2017"),
        ("ES Old story", "1 de marzo de 2016"),
        ("ES Undated story", ""),
    ]
    english = (root / "site/en/index.html").read_text(encoding="utf-8")
    assert [title for title, _ in listed(english)] == [
        "New story",
        "Middle story",
        "Old story",
        "Undated story",
    ]
    for page in ("site/index.html", "site/es/index.html", "site/en/index.html"):
        html = (root / page).read_text(encoding="utf-8")
        for word in ("%", "machine-translated", "not published", "below", "threshold"):
            assert word not in html, (page, word)
    review = (root / "site/_review/index.html").read_text(encoding="utf-8")
    assert "100% shown (3 of 3 machine-translated)" in review
    assert "not published: 0% translated, below the 80% needed to publish" in review


def test_public_pages_keep_the_notice_but_do_not_colour_machine_translated_units(tmp_path: Path) -> None:
    root = make(tmp_path / "p")
    compile_project(load_project(root), ["es"], CompileOptions(include_fuzzy=True, review=True))
    public = (root / "site/es/new.html").read_text(encoding="utf-8")
    assert 'class="transpub-notice"' in public
    assert "transpub-machine" not in public and "background:#fffbea" not in public
    assert "<p>ES Spring came.</p>" in public
    review = (root / "site/_review/es/new.html").read_text(encoding="utf-8")
    assert 'class="tp-machine"' in review
