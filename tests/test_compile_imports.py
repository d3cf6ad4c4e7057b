"""A site of HTML articles is compiled without loading what only Markdown needs (markdown-it: about a
third of compile's start-up)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from test_compile_helpers import make_project

SRC = str(Path(__file__).resolve().parents[1] / "src")


def _printed(script: str, root: Path) -> str:
    """What the Python ``script`` prints (stripped) when run on the project at ``root`` in a new
    process, with transpub's sources and nothing else of this environment."""
    result = subprocess.run(
        [sys.executable, "-c", script, str(root)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": SRC, "PATH": "/usr/bin:/bin"},
        check=True,
    )
    return result.stdout.strip()


CHECK = """
import sys
from pathlib import Path
from transpub.compile import CompileOptions, compile_project
from transpub.project import load_project
report = compile_project(load_project(Path(sys.argv[1])), ["de"], CompileOptions())
assert report.pages and not report.errors, report.errors
print("markdown_it" in sys.modules)
"""


def test_compiling_html_articles_does_not_load_markdown_it(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    assert _printed(CHECK, root) == "False"


AGAIN = """
import sys
from pathlib import Path
from transpub.compile import CompileOptions, compile_project
from transpub.project import load_project
report = compile_project(load_project(Path(sys.argv[1])), ["de"], CompileOptions())
assert report.pages and not report.errors and not any(page.written for page in report.pages)
print(sorted(name for name in ("lxml.etree", "transpub.formats.html", "transpub.catalog") if name in sys.modules))
"""


def test_a_compile_with_nothing_changed_loads_neither_the_html_nor_the_catalog_reader(tmp_path: Path) -> None:
    """It reads no article and no catalog: lxml, the HTML reader and the catalog package are a good
    part of a start-up."""
    root = make_project(tmp_path / "news")
    _printed(CHECK, root)
    assert _printed(AGAIN, root) == "[]"


WRITERS = """
import sys
from pathlib import Path
from transpub.compile import CompileOptions, compile_project
from transpub.project import load_project
report = compile_project(load_project(Path(sys.argv[1])), ["de"], CompileOptions())
assert report.pages and not report.errors, report.errors
assert "transpub.catalog.reader" in sys.modules  # (it read the catalogs)
print(sorted(name for name in ("transpub.catalog.merge", "transpub.catalog.pofile") if name in sys.modules))
"""


def test_compiling_reads_the_catalogs_without_loading_what_writes_them(tmp_path: Path) -> None:
    """The catalog package loads a module when one of its names is first used: compile reads
    catalogs and never writes templates or catalogs (msgmerge-style merging, msgcat-style formatting)."""
    root = make_project(tmp_path / "news")
    assert _printed(WRITERS, root) == "[]"


def test_every_name_the_catalog_package_offers_is_found_in_its_module() -> None:
    import transpub.catalog as catalog

    for name in catalog.__all__:
        value = getattr(catalog, name)
        assert value is not None, name
    assert set(catalog._HOMES) == set(catalog.__all__) - {"POFile", "POEntry"}
    with pytest.raises(AttributeError):
        catalog.no_such_name  # noqa: B018


EXTRACT_AGAIN = """
import sys
from pathlib import Path
from transpub.extract import extract_project
from transpub.project import load_project
report = extract_project(load_project(Path(sys.argv[1])), ["de", "fr"])
assert report.articles and not report.errors and not any(a.changed for a in report.articles)
print(sorted(name for name in ("lxml.etree", "transpub.catalog.merge", "transpub.catalog.pofile") if name in sys.modules))
"""


def test_an_extract_with_nothing_changed_loads_neither_the_html_reader_nor_what_writes_catalogs(
    tmp_path: Path,
) -> None:
    """It reads no article and writes no catalog (each is reported kept): the HTML reader and the
    catalog merging and formatting are a good part of a start-up."""
    root = make_project(tmp_path / "news")
    _printed(EXTRACT_AGAIN.replace("not any(a.changed for a in report.articles)", "True"), root)
    assert _printed(EXTRACT_AGAIN, root) == "[]"
