"""Extract's quick paths beyond reading give what the general ones give (the glossary's plain text
of a msgid; new files found absent in one look; the catalogs' texts are held to theirs in
tests/catalog)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from unittest import mock

from hypothesis import example, given, settings
from hypothesis import strategies as st

from transpub import extract
from transpub.inline import strip_placeholders, tokenize, unescape_lookalikes
from transpub.manifest import Manifest
from transpub.project import load_project

MARKUP = st.lists(
    st.sampled_from(
        [
            *"ab <>/&;0123 ",
            "<1>",
            "</1>",
            "<2/>",
            "</3/>",
            "<12345>",
            "&lt;",
            "&amp;",
            "lt;",
            "<<",
            "</",
            "/>",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=1500, deadline=None)
@given(MARKUP)
@example("Read <1>the report</1><2/> &lt;3>.")
@example("</1/>2> <1/1> <</1>>")
def test_the_plain_text_a_glossary_searches_is_the_text_between_placeholders(msgid: str) -> None:
    """Placeholders vanish and escaped look-alikes read as written: as the msgid's tokens say."""
    tokens = "".join(token.value for token in tokenize(msgid) if token.kind == "text")
    assert strip_placeholders(msgid) == unescape_lookalikes(tokens)


_DATES = re.compile(rb"(Creation-Date|Revision-Date): [0-9]{4}-[0-9-]+ [0-9:]+[+-][0-9]{4}")


def _extract_and_look(root: Path, *, general: bool) -> tuple[list[str], dict[str, bytes], dict[str, object]]:
    """What extract reports, writes (dates aside) and records in the project at ``root``; ``general``:
    every file looked for the project's way (read, its path confined), none found absent in one look."""
    project = load_project(root)
    found: list[str] = []
    new_file = extract._Places.new_file

    def spied(self: extract._Places, locale: str, slug: str) -> str | None:
        path = None if general else new_file(self, locale, slug)
        found.extend([path] if path is not None else [])
        return path

    with mock.patch.object(extract._Places, "new_file", spied):
        report = extract.extract_project(project, list(project.locales))
    assert bool(found) != general  # (the test holds the one-look way to the general one)
    files = {
        path.relative_to(root).as_posix(): _DATES.sub(b"DATE", path.read_bytes())
        for path in sorted((root / "locales").rglob("*"))
        if path.is_file()
    }
    manifest = Manifest(root, "extract")
    records: dict[str, object] = {}
    for article in project.discover().articles:
        for locale in ("", *project.locales):
            record = manifest.get(article.slug, locale)
            if record is not None:
                records[f"{article.slug} {locale}"] = (record.key, sorted(record.hashes), record.result)
    return [article.summary for article in report.articles], files, records


def test_new_templates_and_catalogs_are_written_as_when_each_is_looked_for_the_general_way(
    sample_project: Path, tmp_path: Path
) -> None:
    """A file found absent in one look (no file, no link) is written without a read of it: the same
    templates, catalogs and records as the general way, beside catalogs that exist (merged), an empty
    one (a power cut's) and an article in a sub-folder (its slug holds a slash)."""
    root = sample_project
    article = next((root / "articles").glob("*.html"))
    (root / "articles" / "world").mkdir()
    shutil.copy(article, root / "articles" / "world" / "lake.html")
    shutil.copy(article, root / "articles" / "new-story.html")
    (root / "locales" / "fr" / "LC_MESSAGES" / f"{article.stem}.po").write_bytes(b"")
    (root / "locales" / "de" / "LC_MESSAGES" / f"{article.stem}.po").unlink()
    (root / "locales" / "templates" / f"{article.stem}.pot").unlink()
    copy = tmp_path / "general"
    shutil.copytree(root, copy)
    assert _extract_and_look(root, general=False) == _extract_and_look(copy, general=True)
