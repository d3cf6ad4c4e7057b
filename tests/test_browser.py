"""The compiled site in a real browser: headless Chromium renders the pages from a local server."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import subprocess
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest

from test_compile_helpers import compile_lib, make_project

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def find_chromium() -> str | None:
    """Debian's chromium (``make test`` installs it), or None."""
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (make test installs it)")


@pytest.fixture
def site_url(tmp_path: Path) -> Iterator[str]:
    """The compiled fixture (with a right-to-left locale) served on 127.0.0.1."""
    root = make_project(tmp_path / "news")
    compile_lib(root, include_fuzzy=True)
    handler = functools.partial(_QuietHandler, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium with no network chatter of its own."""
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)


def html_attribute(dom: str, name: str) -> str | None:
    match = re.search(r"<html\b[^>]*\b" + name + r'="([^"]*)"', dom)
    return match.group(1) if match else None


@pytest.mark.parametrize("locale, lang, direction", [("ar", "ar", "rtl"), ("zh_CN", "zh-Hans-CN", "ltr")])
def test_browser_renders_page_in_its_language_with_working_switcher(
    site_url: str, tmp_path: Path, locale: str, lang: str, direction: str
) -> None:
    url = urljoin(site_url, f"{locale}/skiing.html")
    dom = chromium(tmp_path / "profile", "--dump-dom", url).stdout
    assert html_attribute(dom, "lang") == lang
    assert html_attribute(dom, "dir") == direction
    nav = re.search(r'<nav class="transpub-languages".*?</nav>', dom, re.S)
    assert nav is not None
    links = re.findall(r'<a href="([^"]+)"', nav.group(0))
    assert len(links) == 4  # en, de, zh_CN or ar, es (machine-translated, published with --include-fuzzy)
    for href in links:
        with urllib.request.urlopen(urljoin(url, href), timeout=10) as response:
            assert response.status == 200
            assert b'<nav class="transpub-languages"' in response.read()

    shot = tmp_path / f"{locale}.png"
    chromium(tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,900", url)
    assert shot.stat().st_size > 1000
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copyfile(shot, ARTIFACTS / f"compile-{locale}.png")


def measured(profile: Path, page: Path, script: str, *, width: int = 1200) -> str:
    """Render a copy of ``page`` whose last script puts ``script``'s value in ``<html data-measured>``."""
    probe = page.with_name(f"probe-{page.name}")
    probe_script = f"<script>document.documentElement.dataset.measured = ({script});</script>"
    probe.write_text(
        page.read_text(encoding="utf-8").replace("</body>", probe_script + "</body>"), encoding="utf-8"
    )
    dom = chromium(profile, f"--window-size={width},900", "--dump-dom", probe.as_uri()).stdout
    probe.unlink()
    match = re.search(r'<html\b[^>]*\bdata-measured="([^"]*)"', dom)
    assert match is not None, dom[:500]
    return match.group(1)


def test_browser_shows_the_machine_translation_notice_as_a_box_mirrored_in_arabic(tmp_path: Path) -> None:
    from test_compile_helpers import SKIERS, set_translations

    root = make_project(tmp_path / "news")
    set_translations(root, "ar", {SKIERS: "~أكثر من 300 متزلج."})
    compile_lib(root, include_fuzzy=True)
    script = (
        "(() => { const n = getComputedStyle(document.querySelector('.transpub-notice'));"
        " return [parseFloat(n.borderRightWidth) > parseFloat(n.borderLeftWidth),"
        " n.backgroundColor !== 'rgba(0, 0, 0, 0)',"
        " document.querySelectorAll('.transpub-machine').length].join(' '); })()"
    )
    assert measured(tmp_path / "profile", root / "site" / "ar" / "skiing.html", script) == "true true 0"
    shot = tmp_path / "ar-notice.png"
    chromium(
        tmp_path / "profile",
        f"--screenshot={shot}",
        "--window-size=1200,900",
        (root / "site" / "ar" / "skiing.html").as_uri(),
    )
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copyfile(shot, ARTIFACTS / "compile-ar-machine-notice.png")


def test_browser_fits_the_status_report_of_seven_languages_in_a_1500px_window(tmp_path: Path) -> None:
    from test_check_fixtures import make_project as make_check_project
    from test_check_fixtures import po_path, run

    root = make_check_project(tmp_path / "news", locales=("zh_CN", "es", "de", "fr", "sv", "ru", "ar"))
    po_path(root, "ru").write_text('msgid "x"\nmsgstr "unterminated\n', encoding="utf-8")
    report = tmp_path / "report.html"
    run(root, "status", "--html", str(report))
    script = (
        "(() => { const heads = [...document.querySelectorAll('thead th')];"
        " const table = document.querySelector('table').getBoundingClientRect();"
        " return [heads.length, heads.every(th => th.getBoundingClientRect().right <= innerWidth),"
        " table.right <= innerWidth, document.documentElement.scrollWidth <= innerWidth].join(' '); })()"
    )
    assert measured(tmp_path / "profile", report, script, width=1500) == "8 true true true"
    shot = tmp_path / "status.png"
    chromium(tmp_path / "profile", f"--screenshot={shot}", "--window-size=1500,600", report.as_uri())
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copyfile(shot, ARTIFACTS / "status-seven-locales.png")


#: Builds a browser's DOM of each ``[source, published]`` pair of ``#pairs`` (DOMParser: the page's
#: own HTML parser) and sets ``<html data-measured>`` to the indexes of the pairs that differ.
_SAME_DOM_SCRIPT = """
const shape = (node) => [...node.childNodes].map((child) => child.nodeType === 3
  ? child.data.replace(/\\s+/g, " ")
  : child.nodeType === 1 ? `<${child.localName}${[...child.attributes].map((a) => ` ${a.name}=${a.value}`).sort().join("")}>`
    + shape(child) + `</${child.localName}>` : "").join("");
const parse = (html) => shape(new DOMParser().parseFromString(html, "text/html"));
const pairs = JSON.parse(document.getElementById("pairs").textContent);
document.documentElement.dataset.measured = pairs.flatMap(([a, b], i) => parse(a) === parse(b) ? [] : [i]).join(" ");
"""


def test_browser_shows_misnested_markup_of_old_cms_pages_the_same_translated_or_not(tmp_path: Path) -> None:
    import json

    from test_html_misnesting import IGNORED_END_TAGS, MISNESTED, pseudo_translated, untranslated_wrapped

    sources = [*MISNESTED, *IGNORED_END_TAGS]
    pairs = [[s, pseudo_translated(s)] for s in sources] + [[s, untranslated_wrapped(s)] for s in sources]
    page = tmp_path / "misnested.html"
    data = json.dumps(pairs).replace("<", "\\u003c")
    page.write_text(
        f'<!doctype html><html><body><script id="pairs" type="application/json">{data}</script>'
        f"<script>{_SAME_DOM_SCRIPT}</script></body></html>",
        encoding="utf-8",
    )
    dom = chromium(tmp_path / "profile", "--dump-dom", page.as_uri()).stdout
    match = re.search(r'<html\b[^>]*\bdata-measured="([^"]*)"', dom)
    assert match is not None, dom[:500]
    assert [pairs[int(i)] for i in match.group(1).split()] == []
