"""The Hugo example (examples/hugo) built by the real ``hugo``, as ``make demo-hugo`` builds it.

English is the source as written; the Spanish pages are Hugo's build of the Markdown that transpub
writes from Apertium's pre-fill. Skipped, with the reason shown, where hugo or Apertium is missing.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "hugo"
HUGO = shutil.which("hugo")
BUNDLE = "posts/harbour-reopens"

needs_hugo = pytest.mark.skipif(
    HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)"
)
pytestmark = [pytest.mark.hugo, needs_hugo]


def build_with_hugo(site: Path) -> Path:
    """Run the real hugo on ``site`` (its own cache folder, nothing outside); the built ``public/``."""
    assert HUGO is not None
    result = subprocess.run(
        [HUGO, "--source", str(site), "--quiet", "--noBuildLock", "--cacheDir", str(site / ".hugo-cache")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site / "public"


def read_page(public: Path, path: str) -> lxml.html.HtmlElement:
    """The built page at ``path`` (a folder below public/, as in the page's URL)."""
    return lxml.html.fromstring((public / path / "index.html").read_bytes())


def text_of(element: lxml.html.HtmlElement) -> str:
    """The element's text with runs of whitespace as one space (Hugo keeps the source's line breaks)."""
    return " ".join(element.text_content().split())


def built_html(public: Path) -> dict[str, str]:
    """Every HTML page of a build, by its path below public/."""
    return {
        str(path.relative_to(public)): path.read_text(encoding="utf-8") for path in public.rglob("*.html")
    }


@pytest.fixture(scope="module")
def english_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What hugo builds from the untouched example (no translation at all)."""
    site = tmp_path_factory.mktemp("untouched") / "site"
    shutil.copytree(EXAMPLE, site)
    return build_with_hugo(site)


def test_the_example_builds_with_hugo_from_the_english_source_alone(english_build: Path) -> None:
    page = read_page(english_build, BUNDLE)
    assert text_of(page.xpath("//h1")[0]) == "The old harbour reopens after two years of work"
    (figure,) = page.xpath("//article//figure")
    (image,) = figure.xpath("img")
    assert image.get("src") == "harbour.svg" and image.get("alt").startswith("A drawing of the harbour")
    assert text_of(figure.xpath("figcaption")[0]).startswith("The north dock after the work.")
    assert (english_build / BUNDLE / "harbour.svg").is_file()  # the bundle's image is published with it
    (note,) = page.xpath("//article//aside[@class='note']")
    assert note.xpath("p/strong/text()") == ["car park"]  # the callout's Markdown is rendered
    timetable = read_page(english_build, "posts/ferry-timetable")
    assert "call the ferry office at +34 900 123 456." in text_of(timetable)  # an inline shortcode
    assert timetable.xpath("//article//table//td/text()")[:3] == ["Long Island", "06:00", "22:30"]
    assert timetable.xpath("//article//a[text()='reopened last week']/@href") == ["/posts/harbour-reopens/"]
    for path, html in built_html(english_build).items():
        assert "{{<" not in html and "{{%" not in html, path
