"""Jekyll reads a post's ``tags`` written as one string word by word: ``tags: harbour works`` is the
two tags ``harbour`` and ``works``. Translators are told so beside the value, and a translation of
another number of words (``obras del puerto``, which Jekyll would make three tags, each with a page
of its own on a site that makes tag pages) is not written: the post keeps the English tags, compile
warns naming the catalog's line, and ``check`` fails on it. A translation of as many words is
written, and Jekyll makes as many tags of it."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import polib
import pytest

from exchange_project import run
from real_renderers import polyglot_build
from test_jekyll_site_pages import CONFIG, pseudo_translated

LAYOUT = "<html><body>{% for tag in page.tags %}<b>{{ tag }}</b>{% endfor %}{{ content }}</body></html>\n"
POST = "---\ntitle: Works\ntags: harbour works\nlayout: tagged\n---\nThe works begin.\n"
FILES = {"_posts/2024-05-02-works.md": POST, "_layouts/tagged.html": LAYOUT}


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    """The blog of a post tagged ``harbour works``, pseudo-translated and compiled."""
    root = tmp_path / "site"
    pseudo_translated(root, CONFIG, FILES)
    return root


def catalog(site: Path) -> polib.POFile:
    return polib.pofile(str(site / "locales" / "es" / "LC_MESSAGES" / "_posts" / "2024-05-02-works.po"))


def test_translators_are_told_each_word_of_the_tags_is_a_tag(site: Path) -> None:
    entry = catalog(site).find("harbour works")
    assert entry is not None
    assert entry.comment == "Jekyll reads each word of this value as a tag of its own: one word for each tag"


def test_a_translation_of_other_words_keeps_the_english_tags_and_compile_and_check_say_why(
    site: Path,
) -> None:
    po = catalog(site)
    entry = po.find("harbour works")
    assert entry is not None
    entry.msgstr = "obras del puerto"
    po.save()
    compiled = " ".join(run(site, "compile", "--threshold", "0").output.split())
    assert "tags: harbour works\n" in (site / "_posts" / "es" / "2024-05-02-works.md").read_text(
        encoding="utf-8"
    )
    why = (
        "front matter value tags: the translation has 3 words, which Jekyll makes 3 tags where the source "
        "has 2 (each word is one: join a tag's words with a hyphen, obras-del-puerto)"
    )
    line = Path(po.fpath).read_text(encoding="utf-8").split("\n").index('msgid "harbour works"') + 1
    assert f"Warning: locales/es/LC_MESSAGES/_posts/2024-05-02-works.po:{line}: {why}" in compiled
    assert why in " ".join(run(site, "check", "-l", "es", code=1).output.split())


@pytest.mark.jekyll
def test_a_translation_of_as_many_words_gives_the_spanish_post_as_many_tags(site: Path) -> None:
    po = catalog(site)
    entry = po.find("harbour works")
    assert entry is not None
    entry.msgstr = "puerto obras"
    po.save()
    run(site, "compile")
    built = polyglot_build(site)
    spanish = lxml.html.fromstring(
        (built / "es" / "2024" / "05" / "02" / "works" / "index.html").read_bytes()
    )
    assert spanish.xpath("//b/text()") == ["puerto", "obras"]
