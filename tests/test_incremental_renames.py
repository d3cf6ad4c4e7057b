"""An article renamed without changing its slug or its bytes (``a.htm`` → ``a.html``): incremental runs
write what a full run writes, since the file's name is in what they write (references, file names)."""

from __future__ import annotations

from pathlib import Path

from transpub.extract import extract_project
from transpub.project import init_project, load_project


def test_extract_after_a_rename_names_the_new_file_in_the_references(tmp_path: Path) -> None:
    root = tmp_path / "news"
    init_project(root, source="en", locales=["de"], name="News")
    (root / "articles" / "a.htm").write_text("<html><body><p>Hello world.</p></body></html>", "utf-8")
    extract_project(load_project(root), ["de"])
    (root / "articles" / "a.htm").rename(root / "articles" / "a.html")
    extract_project(load_project(root), ["de"])
    for path in (root / "locales" / "templates" / "a.pot", root / "locales" / "de" / "LC_MESSAGES" / "a.po"):
        text = path.read_text("utf-8")
        assert "#: articles/a.html#body/p(hello-world)" in text, path
