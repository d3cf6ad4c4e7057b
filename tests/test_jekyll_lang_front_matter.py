"""A Jekyll page or post whose front matter says its language (``lang: en``, which jekyll-polyglot
reads before the folder, and themes write as ``<html lang>``) has a translation that says its own
(``lang: "es"``): kept as written, polyglot took the Spanish file for an English one, and the English
site served the Spanish page in the English one's place, the Spanish site the English one. So it is
where the site's ``defaults`` give every file ``lang: en`` (the translations too): each translation
says ``lang: "es"`` in its front matter."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from real_renderers import polyglot_build
from test_jekyll_site_pages import CONFIG, pseudo_translated, unmarked

FILES = {
    "faq.md": "---\ntitle: FAQ\nlang: en  # for the theme\n---\nQuestions about the harbour.\n",
    "_posts/2024-05-05-notice.md": "---\ntitle: Notice\nlang: 'en'\n---\nThe pier closes early.\n",
}
#: Each page's Spanish file and URL.
SPANISH = {"faq.md": "es/faq.md", "_posts/2024-05-05-notice.md": "_posts/es/2024-05-05-notice.md"}
URLS = {"faq.md": "/faq/", "_posts/2024-05-05-notice.md": "/2024/05/05/notice/"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of a page and a post that set ``lang: en``, pseudo-translated and compiled."""
    root = tmp_path_factory.mktemp("lang") / "site"
    pseudo_translated(root, CONFIG, FILES)
    return root


@pytest.mark.parametrize("name", list(FILES))
def test_the_translation_of_a_page_that_says_lang_en_says_lang_es(site: Path, name: str) -> None:
    spanish = unmarked((site / SPANISH[name]).read_text(encoding="utf-8"))
    assert "lang: en" not in spanish and "\nlang: 'en'\n" not in spanish
    assert spanish.count("lang: ") == 1 and 'lang: "es"' in spanish
    assert (site / name).read_text(encoding="utf-8") == FILES[name]


@pytest.mark.jekyll
@pytest.mark.parametrize("name", list(FILES))
def test_polyglot_serves_the_english_page_in_english_and_the_spanish_one_under_es(
    site: Path, name: str
) -> None:
    built = polyglot_build(site)
    english = (built / URLS[name].lstrip("/") / "index.html").read_text(encoding="utf-8")
    spanish = (built / "es" / URLS[name].lstrip("/") / "index.html").read_text(encoding="utf-8")
    first = FILES[name].split("---\n")[2].strip()
    assert lxml.html.fromstring(english).xpath("//p/text()") == [first]
    assert lxml.html.fromstring(spanish).xpath("//p/text()") == [f"⟦{first}⟧"]


#: A site whose defaults give every file (each translation too) lang: en.
EVERY_FILE_EN = CONFIG + '  - scope: {path: ""}\n    values: {lang: en}\n'
PLAIN = {"faq.md": "---\ntitle: FAQ\n---\nQuestions about the harbour.\n"}
PLAIN["_posts/2024-05-05-notice.md"] = "---\ntitle: Notice\n---\nThe pier closes early.\n"


@pytest.mark.jekyll
@pytest.mark.parametrize("name", list(PLAIN))
def test_where_the_sites_defaults_say_lang_en_polyglot_serves_each_page_in_its_language(
    tmp_path: Path, name: str
) -> None:
    site = tmp_path / "site"
    pseudo_translated(site, EVERY_FILE_EN, PLAIN)
    assert 'lang: "es"' in (site / SPANISH[name]).read_text(encoding="utf-8").split("---\n")[1].splitlines()
    built = polyglot_build(site)
    english = (built / URLS[name].lstrip("/") / "index.html").read_text(encoding="utf-8")
    spanish = (built / "es" / URLS[name].lstrip("/") / "index.html").read_text(encoding="utf-8")
    first = PLAIN[name].split("---\n")[2].strip()
    assert lxml.html.fromstring(english).xpath("//p/text()") == [first]
    assert lxml.html.fromstring(spanish).xpath("//p/text()") == [f"⟦{first}⟧"]
