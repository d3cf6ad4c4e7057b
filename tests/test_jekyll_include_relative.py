"""A Jekyll page that includes a file beside it (``{% include_relative steps.md %}``, a snippet
without front matter, which Jekyll renders as no page; an HTML page's ``hours.html`` too) has its
translation in ``es/guide/``, where
Jekyll looks for the snippet: compile copies it there, as it copies the page's images, so that
``jekyll build`` does not stop ("Could not locate the included file 'steps.md'") and the Spanish page
shows the snippet as the English one does. A copy no page includes any more is removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from exchange_project import run
from real_renderers import polyglot_build
from test_jekyll_site_pages import CONFIG, pseudo_translated, unmarked

STEPS = "1. Buy a ticket.\n2. Board the ferry.\n"
FILES = {
    "guide/howto.md": "---\ntitle: How to travel\npermalink: /guide/howto/\n---\nRead the steps.\n\n"
    "{% include_relative steps.md %}\n",
    "guide/steps.md": STEPS,
    "contact.html": "---\ntitle: Contact\npermalink: /contact/\n---\n<p>Call us.</p>\n{% include_relative hours.html %}\n",
    "hours.html": "<p>Open all week.</p>\n",
}


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    """The site of a page that includes ``steps.md``, pseudo-translated and compiled."""
    root = tmp_path / "site"
    pseudo_translated(root, CONFIG, FILES)
    return root


@pytest.mark.parametrize("name", ["guide/steps.md", "hours.html"])
def test_the_snippet_a_page_includes_is_copied_beside_its_spanish_page(site: Path, name: str) -> None:
    assert (site / "es" / name).read_text(encoding="utf-8") == FILES[name]


@pytest.mark.jekyll
def test_jekyll_builds_the_spanish_pages_with_the_snippets_they_include(site: Path) -> None:
    built = polyglot_build(site)
    english = (built / "guide" / "howto" / "index.html").read_text(encoding="utf-8")
    spanish = (built / "es" / "guide" / "howto" / "index.html").read_text(encoding="utf-8")
    assert "Board the ferry." in spanish and unmarked(spanish) == english
    contact = (built / "es" / "contact" / "index.html").read_text(encoding="utf-8")
    assert "Open all week." in contact and unmarked(contact) == (built / "contact" / "index.html").read_text()


def test_the_copy_goes_when_the_page_no_longer_includes_the_snippet(site: Path) -> None:
    assert (site / "es" / "guide" / "steps.md").exists()
    page = site / "guide" / "howto.md"
    page.write_text(
        FILES["guide/howto.md"].replace("{% include_relative steps.md %}\n", ""), encoding="utf-8"
    )
    run(site, "extract")
    run(site, "compile")
    assert not (site / "es" / "guide" / "steps.md").exists()
    assert (site / "guide" / "steps.md").read_text(encoding="utf-8") == STEPS


def test_a_snippet_that_cannot_be_copied_is_a_warning_that_jekyll_build_stops_at_the_translation(
    tmp_path: Path,
) -> None:
    """A hidden snippet (``.steps.md``) is never copied: Jekyll includes it in the English page but
    stops at the Spanish one ("Could not locate the included file"), not a picture missing."""
    files = {
        "guide/howto.md": FILES["guide/howto.md"].replace("steps.md", ".steps.md"),
        "guide/.steps.md": STEPS,
    }
    compiled = pseudo_translated(tmp_path / "site", CONFIG, files)[1]
    assert (
        "Warning: guide/howto.md:7: {% include_relative %} '.steps.md' names a hidden file or transpub's own "
        "(guide/.steps.md): the translations written in other folders include it as written, where it is "
        "not: `jekyll build` stops at them (Could not locate the included file)"
    ) in compiled
    assert not (tmp_path / "site" / "es" / "guide" / ".steps.md").exists()
