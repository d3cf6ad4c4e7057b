"""transpub compile: the published pages readers see, through the library and the CLI."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel import Locale

from test_compile_helpers import (
    ALT,
    ARTICLE,
    LINK_TITLE,
    OPENED,
    READ,
    SKIERS,
    TITLE,
    TRANSLATIONS,
    compile_lib,
    line_of,
    make_project,
    page,
    run_cli,
    set_translations,
)
from transpub.catalog import read_catalog

GOLDEN = Path(__file__).parent / "data" / "compile"
REGENERATE = os.environ.get("TRANSPUB_REGENERATE_GOLDEN") == "1"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "news")


def hreflangs(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def links_in(html: str) -> list[str]:
    """The href of every element a browser would see."""
    found: list[str] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend(value or "" for name, value in attrs if name == "href")

    Collector().feed(html)
    return found


def switcher(html: str) -> str:
    return re.search(r'<nav class="transpub-languages".*?</nav>', html, re.S).group(0)  # type: ignore[union-attr]


# --- golden pages ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "de/skiing.html",
        "ar/skiing.html",
        "zh_CN/skiing.html",
        "en/skiing.html",
        "_review/ar/skiing.html",
        "index.html",
        "de/index.html",
    ],
)
def test_published_pages_match_the_golden_files(project: Path, name: str) -> None:
    # The golden pages show CLDR output through Babel (language names in the switcher, the
    # German and Chinese dates), pinned to requirements.lock on purpose: `make test-latest`
    # shows when a Babel release would change them.
    compile_lib(project, review=True)
    written = (project / "site" / name).read_text(encoding="utf-8")
    golden = GOLDEN / "tiny" / name
    if REGENERATE:  # TRANSPUB_REGENERATE_GOLDEN=1 pytest tests/test_compile.py, then review the diff
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(written, encoding="utf-8")
    assert written == golden.read_text(encoding="utf-8")


# --- language, direction, alternates, switcher, dates -----------------------------------------------


def test_page_declares_its_language_and_direction(project: Path) -> None:
    compile_lib(project)
    assert '<html lang="zh-Hans-CN" dir="ltr">' in page(project, "zh_CN")
    assert '<html lang="de" dir="ltr">' in page(project, "de")
    assert '<html lang="ar" dir="rtl">' in page(project, "ar")
    for locale in ("zh_CN", "de", "ar", "en"):
        tag = re.search(r'<html lang="([^"]+)"', page(project, locale)).group(1)  # type: ignore[union-attr]
        assert Locale.parse(tag, sep="-")  # a well-formed tag Babel knows


def test_alternate_links_name_every_published_language_and_x_default(project: Path) -> None:
    compile_lib(project)
    links = hreflangs(page(project, "de"))
    assert links == {
        "en": "../en/skiing.html",
        "de": "../de/skiing.html",
        "zh-Hans-CN": "../zh_CN/skiing.html",
        "ar": "../ar/skiing.html",
        "x-default": "../en/skiing.html",
    }  # es (fuzzy only) and fr (untranslated) are not published
    assert hreflangs(page(project, "ar")) == links


def test_switcher_names_each_language_in_itself_and_links_only_published_pages(project: Path) -> None:
    compile_lib(project)
    nav = switcher(page(project, "de"))
    for name in ("English", "中文", "العربية"):
        assert name in nav
    assert '<span lang="de" aria-current="page">Deutsch</span>' in nav
    assert "Español" not in nav and "Français" not in nav
    assert set(re.findall(r'href="([^"]+)"', nav)) == {
        "../en/skiing.html",
        "../zh_CN/skiing.html",
        "../ar/skiing.html",
    }
    compile_lib(project, include_fuzzy=True)
    assert '<a href="../es/skiing.html" hreflang="es" lang="es">Español</a>' in switcher(page(project, "de"))


def test_dates_are_written_the_way_each_language_writes_them(project: Path) -> None:
    compile_lib(project)
    assert '<time datetime="2018-01-04">2018年1月4日</time>' in page(project, "zh_CN")
    assert '<time datetime="2018-01-04">4. Januar 2018</time>' in page(project, "de")
    assert '<time datetime="2018-01-04">January 4, 2018</time>' in page(project, "en")


def test_source_locale_page_keeps_the_article_byte_for_byte_apart_from_added_markup(project: Path) -> None:
    compile_lib(project)
    source = (project / "articles" / "skiing.html").read_text(encoding="utf-8")
    published = page(project, "en")
    stripped = re.sub(
        r'<link rel="alternate"[^>]*>|<nav class="transpub-languages".*?</nav>|'
        r"<style>\n\.transpub-languages.*?</style>",
        "",
        published,
        flags=re.S,
    ).replace(' dir="ltr"', "", 1)
    assert stripped == source


# --- untranslated and fuzzy -----------------------------------------------------------------------


def test_untranslated_sentence_keeps_the_source_marked_english(project: Path) -> None:
    compile_lib(project)
    assert '<span lang="en" dir="ltr">Over 300 skiers took part.</span>' in page(project, "ar")
    entries = dict(TRANSLATIONS["de"])
    set_translations(project, "de", {SKIERS: ""})
    compile_lib(project)
    assert '<span lang="en">Over 300 skiers took part.</span>' in page(project, "de")
    assert entries[SKIERS] not in page(project, "de")


def test_title_and_attribute_units_are_never_wrapped_in_spans(project: Path) -> None:
    set_translations(project, "de", {TITLE: "", ALT: "", LINK_TITLE: ""})
    compile_lib(project, threshold=0)
    html = page(project, "de")
    assert "<title>Skiing Festival Opens</title>" in html
    assert '<h1><span lang="en">Skiing Festival Opens</span></h1>' in html
    assert 'alt="A skier on the lake"' in html
    assert 'title="The full report"' in html


def test_fuzzy_entries_are_left_out_unless_asked_for_with_a_notice(project: Path) -> None:
    set_translations(project, "de", {SKIERS: "~Mehr als 300 Skifahrer machten mit."})
    compile_lib(project)
    html = page(project, "de")
    assert "Mehr als 300" not in html and "transpub-notice" not in html
    assert '<span lang="en">Over 300 skiers took part.</span>' in html
    assert not (project / "site" / "es" / "skiing.html").exists()

    compile_lib(project, include_fuzzy=True)
    html = page(project, "de")
    assert "Mehr als 300 Skifahrer machten mit." in html
    assert '<p class="transpub-notice" role="note" lang="de">' in html
    assert "maschinell übersetzt" in html
    assert "El festival abrió el jueves." in page(project, "es")
    assert "transpub-notice" not in page(project, "zh_CN")  # fully reviewed: no notice


def test_cli_prints_why_a_fuzzy_only_page_is_not_published(project: Path) -> None:
    result = run_cli(project, "compile")
    assert result.exit_code == 0
    assert "es/skiing: not published: 0% translated, below the 80% needed to publish" in result.stdout
    assert "--include-fuzzy" in result.stdout
    assert "fr/skiing: not published" in result.stdout
    assert re.search(
        r"ar/skiing\.html: (86|85\.7)% translated", result.stdout
    )  # 85.7 once the CLI prints Page.summary


# --- publish threshold ----------------------------------------------------------------------------


def test_page_below_the_threshold_option_is_not_written_nor_linked(project: Path) -> None:
    result = run_cli(project, "compile", "--threshold", "90")
    assert "ar/skiing: not published: 85.7% translated, below the 90% needed to publish" in result.stdout
    assert not (project / "site" / "ar" / "skiing.html").exists()
    assert "../ar/skiing.html" not in page(project, "de")
    assert "ar" not in hreflangs(page(project, "de"))


def test_a_page_published_before_and_held_back_now_is_said_to_be_removed(project: Path) -> None:
    assert run_cli(project, "compile").exit_code == 0
    assert (project / "site" / "ar" / "skiing.html").is_file()
    result = run_cli(project, "compile", "--threshold", "90")
    assert result.exit_code == 0, result.output
    assert not (project / "site" / "ar" / "skiing.html").exists()
    assert (
        "ar/skiing: not published: 85.7% translated, below the 90% needed to publish; "
        "ar/skiing.html, published before, is removed"
    ) in result.stdout
    again = run_cli(project, "compile", "--threshold", "90", "--full")  # nothing left to remove
    assert "ar/skiing: not published" in again.stdout and "is removed" not in again.stdout


def test_a_page_edited_by_hand_and_held_back_now_stays_with_a_warning_naming_it(project: Path) -> None:
    assert run_cli(project, "compile").exit_code == 0
    edited = project / "site" / "ar" / "skiing.html"
    edited.write_text(edited.read_text(encoding="utf-8") + "<!-- my note -->\n", encoding="utf-8")
    result = run_cli(project, "compile", "--threshold", "90")
    assert result.exit_code == 0, result.output
    assert edited.read_text(encoding="utf-8").endswith("<!-- my note -->\n")  # nothing lost
    assert "ar/skiing: not published: 85.7% translated, below the 90% needed to publish" in result.stdout
    assert "is removed" not in result.stdout
    warning = (
        "Warning: site/ar/skiing.html: left as it is: the ar page of skiing is not published, but this "
        "file is not as compile wrote it; delete it if it should go"
    )
    assert warning in result.stderr
    again = run_cli(project, "compile", "--threshold", "90")  # (the article skipped: said again)
    assert again.exit_code == 0 and warning in again.stderr and edited.is_file()
    full = run_cli(project, "compile", "--threshold", "90", "--full")  # (compiled again: still its own)
    assert full.exit_code == 0 and warning in full.stderr and edited.is_file()
    edited.unlink()  # the user deletes it: nothing more to say
    done = run_cli(project, "compile", "--threshold", "90")
    assert done.exit_code == 0 and "left as it is" not in done.stderr


def test_a_page_edited_by_hand_stays_when_held_back_after_a_run_of_another_language(project: Path) -> None:
    """A run of other languages (``-l de``) records the page as it finds it, not as compile wrote it."""
    assert run_cli(project, "compile").exit_code == 0
    edited = project / "site" / "ar" / "skiing.html"
    edited.write_text(edited.read_text(encoding="utf-8") + "<!-- my note -->\n", encoding="utf-8")
    assert run_cli(project, "compile", "-l", "de").exit_code == 0
    result = run_cli(project, "compile", "--threshold", "90")
    assert result.exit_code == 0, result.output
    assert edited.read_text(encoding="utf-8").endswith("<!-- my note -->\n")
    assert (
        "Warning: site/ar/skiing.html: left as it is: the ar page of skiing is not published" in result.stderr
    )


def test_a_file_put_where_a_held_back_page_would_be_stays_with_a_warning_naming_it(project: Path) -> None:
    assert run_cli(project, "compile", "--threshold", "90").exit_code == 0
    assert not (project / "site" / "ar" / "skiing.html").exists()
    placed = project / "site" / "ar" / "skiing.html"
    placed.parent.mkdir(exist_ok=True)
    placed.write_text("<p>mine</p>\n", encoding="utf-8")
    result = run_cli(project, "compile", "--threshold", "90", "--full")
    assert result.exit_code == 0, result.output
    assert placed.read_text(encoding="utf-8") == "<p>mine</p>\n" and "is removed" not in result.stdout
    assert (
        "Warning: site/ar/skiing.html: left as it is: the ar page of skiing is not published, but this "
        "file is not as compile wrote it; delete it if it should go"
    ) in result.stderr


def test_locale_publish_threshold_in_the_config_holds_back_that_locale_only(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news", config_extra="\n[locale.ar]\npublish_threshold = 95\n")
    result = run_cli(root, "compile")
    assert "ar/skiing: not published: 85.7% translated, below the 95% needed" in result.stdout
    assert (root / "site" / "de" / "skiing.html").exists()
    result = run_cli(root, "compile", "--threshold", "50")  # the option wins
    assert (root / "site" / "ar" / "skiing.html").exists()


def test_page_that_falls_below_the_threshold_is_removed_from_the_site_but_keeps_its_review_copy(
    project: Path,
) -> None:
    compile_lib(project, review=True)
    assert (project / "site" / "ar" / "skiing.html").exists()
    compile_lib(project, review=True, threshold=90)
    assert not (project / "site" / "ar" / "skiing.html").exists()
    assert "ar/skiing.html" not in (project / "site" / "index.html").read_text(encoding="utf-8")
    assert (
        project / "site" / "_review" / "ar" / "skiing.html"
    ).exists()  # editors proofread it to get it published


def test_a_stray_end_tag_in_a_translated_sentence_is_published_after_it(tmp_path: Path) -> None:
    """A stray ``</span>`` mid-sentence (an editor's leftover) shows nothing and is no placeholder:
    the published translation keeps its bytes right after the sentence, and an untranslated
    sentence's ``<span lang="en">`` is not closed early by it (extract's stored read, then compile)."""
    article = ARTICLE.replace(SKIERS, "Over 300 skiers</span> took part.")
    root = make_project(tmp_path / "news", article=article)
    set_translations(root, "de", {SKIERS: "⟦" + SKIERS + "⟧"})
    compile_lib(root, threshold=0)
    assert (
        '<img src="skier.png" alt="Ein Skifahrer auf dem See"> ⟦Over 300 skiers took part.⟧</span></p>'
        in page(root, "de")
    )
    assert '<span lang="en">Over 300 skiers took part.</span></span></p>' in page(root, "fr")
    assert '<p><img src="skier.png" alt="A skier on the lake"> Over 300 skiers</span> took part.</p>' in page(
        root, "en"
    )


# --- safety ---------------------------------------------------------------------------------------


def test_markup_in_a_translation_comes_out_as_text(project: Path) -> None:
    set_translations(
        project,
        "de",
        {
            OPENED: "<script>alert(1)</script> Das Festival.",
            SKIERS: '<img src=x onerror="alert(2)"> Skifahrer.',
            LINK_TITLE: '" onmouseover="alert(3)',
            ALT: "javascript:alert(4)",
        },
    )
    compile_lib(project)
    html = page(project, "de")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Das Festival." in html
    assert '&lt;img src=x onerror="alert(2)"&gt; Skifahrer.' in html
    assert 'title="&quot; onmouseover=&quot;alert(3)"' in html
    assert 'alt="javascript:alert(4)"' in html
    assert "<script" not in html and "<img src=x" not in html
    assert 'onmouseover="alert' not in html


def test_links_and_urls_always_come_from_the_source(project: Path) -> None:
    set_translations(
        project, "de", {READ: 'Lesen Sie <a href="javascript:alert(1)">hier</a> <1>den <2>Bericht</2></1>.'}
    )
    compile_lib(project)
    html = page(project, "de")
    assert links_in(html.split("</nav>", 1)[1]) == ["https://example.com/report"]
    assert '&lt;a href="javascript:alert(1)"&gt;hier&lt;/a&gt;' in html
    msgids = [entry.msgid for entry in read_catalog(project / "locales" / "templates" / "skiing.pot")]
    assert not [m for m in msgids if "example.com" in m or "skier.png" in m]  # never offered for translation


@pytest.mark.parametrize(
    "broken, problem",
    [
        ("Lesen Sie <1>den <2>vollen</2> Bericht hier.", "not properly nested or closed"),
        ("Lesen Sie <1>den <2>vollen</2> Bericht</1> hier.<3/>", "not in the source"),
        ("Lesen Sie <2>den <1>vollen</1> Bericht</2> hier.", "nested"),
    ],
)
def test_placeholder_mismatch_falls_back_to_the_source_with_a_warning(
    project: Path, broken: str, problem: str
) -> None:
    set_translations(project, "de", {READ: broken})
    result = run_cli(project, "compile")
    line = line_of(project, "de", READ)
    warnings = [w for w in result.stderr.splitlines() if "locales/de/LC_MESSAGES/skiing.po" in w]
    assert len(warnings) == 1
    assert f"locales/de/LC_MESSAGES/skiing.po:{line}" in warnings[0]
    assert problem in warnings[0]
    html = page(project, "de")
    assert (
        '<span lang="en">Read <a href="https://example.com/report" title="Der vollständige Bericht">'
        "the <em>full</em> report</a> here.</span>"
    ) in html
    assert "Lesen Sie" not in html
    assert "Das Festival wurde am Donnerstag eröffnet." in html  # the rest of the page is translated


# --- determinism, MO files, indexes, review copies ------------------------------------------------


def test_compiling_twice_gives_the_same_bytes_and_leaves_files_untouched(project: Path) -> None:
    compile_lib(project, review=True)
    site = project / "site"
    files = sorted(p for p in site.rglob("*") if p.is_file())
    first = {p: p.read_bytes() for p in files}
    for path in files:
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    result = run_cli(project, "compile", "--review")
    assert re.search(r"^\d+ pages? unchanged \(-v lists them\)$", result.stdout, re.M), result.stdout
    assert sorted(p for p in site.rglob("*") if p.is_file()) == files
    for path in files:
        assert path.read_bytes() == first[path], path
        assert path.stat().st_mtime_ns == 1_000_000_000, path


def test_mo_files_read_back_with_msgunfmt(project: Path) -> None:
    if shutil.which("msgunfmt") is None:
        pytest.skip("gettext's msgunfmt is not installed")
    result = run_cli(project, "compile", "--mo")
    assert result.exit_code == 0
    mo = project / "locales" / "de" / "LC_MESSAGES" / "skiing.mo"
    text = subprocess.run(["msgunfmt", str(mo)], capture_output=True, text=True, check=True).stdout
    assert 'msgid "Over 300 skiers took part."\nmsgstr "Über 300 Skifahrer nahmen teil."' in text
    assert 'msgstr "Skifestival eröffnet"' in text


def test_compile_mo_says_how_many_mo_files_it_wrote_and_v_lists_them(project: Path) -> None:
    result = run_cli(project, "compile", "--mo")
    assert result.exit_code == 0
    written = sorted(project.glob("locales/*/LC_MESSAGES/skiing.mo"))
    assert written
    count = len(written)
    assert (
        f"{count} MO file{'' if count == 1 else 's'} written beside the catalogs (-v lists them)"
        in result.stdout
    )
    assert "MO files: none changed" in run_cli(project, "compile", "--mo").stdout
    (project / "locales" / "de" / "LC_MESSAGES" / "skiing.mo").unlink()
    again = run_cli(project, "compile", "--mo", "-v")
    assert "locales/de/LC_MESSAGES/skiing.mo: MO file written" in again.stdout.splitlines()
    assert "1 MO file written beside the catalogs" in again.stdout.splitlines()


def test_index_pages_list_articles_with_translated_titles(project: Path) -> None:
    compile_lib(project, review=True)
    site = project / "site"
    assert '<a href="./skiing.html">Skifestival eröffnet</a>' in (site / "de" / "index.html").read_text(
        "utf-8"
    )
    assert '<a href="./skiing.html">滑雪节开幕</a>' in (site / "zh_CN" / "index.html").read_text("utf-8")
    root = (site / "index.html").read_text("utf-8")
    assert '<a href="./de/skiing.html" hreflang="de"><span lang="de">Skifestival eröffnet</span></a>' in root
    assert "_review" not in root
    assert "Français" not in root and "not published" not in root  # readers see what is published
    review = (site / "_review" / "index.html").read_text("utf-8")
    assert "Français" in review
    assert '<span lang="en">Skiing Festival Opens</span> — not published' in review  # untranslated title


def test_a_preview_gets_the_coverage_index_as_the_site_does_and_compile_help_says_so(
    project: Path, tmp_path: Path
) -> None:
    """``compile --out DIR`` without --review writes DIR/_review/index.html: --help said only that
    --review writes site/_review/."""
    preview = tmp_path / "preview"
    result = run_cli(project, "compile", "--out", str(preview))
    assert result.exit_code == 0, result.output
    review = preview / "_review"
    assert [p.relative_to(review).as_posix() for p in review.rglob("*") if p.is_file()] == ["index.html"]
    assert "— not published: " in (review / "index.html").read_text("utf-8")  # what is held back, and why
    assert not (project / "site").exists()
    shown = " ".join(run_cli(project, "compile", "--help").stdout.split())
    assert "a preview there is the whole site, index pages and the coverage index _review/index.html" in shown
    assert "beside the coverage index, _review/index.html, that every HTML run writes" in shown


def test_review_copy_colours_each_unit_by_state_with_source_and_po_line(project: Path) -> None:
    set_translations(project, "ar", {SKIERS: "~أكثر من 300 متزلج."})
    set_translations(project, "de", {SKIERS: ""})
    result = run_cli(project, "compile", "--review")
    assert result.exit_code == 0
    ar = (project / "site" / "_review" / "ar" / "skiing.html").read_text("utf-8")
    assert 'class="tp-legend"' in ar and ar.index("tp-legend") < ar.index("<article>")
    assert (
        ar.count('<span class="tp-reviewed" title=') == 3 and ar.count('<span class="tp-machine" title=') == 1
    )
    # the title and attribute units, which cannot be coloured in place, are listed with their states
    assert "Not shown as page text: 4 units" in ar
    assert ar.count('<li class="tp-reviewed" title=') == 4 and "<code>attribute:alt</code>" in ar
    line = line_of(project, "ar", SKIERS)
    assert (
        '<span class="tp-machine" title="Machine-translated, not reviewed (fuzzy)&#10;'.replace("&#10;", "\n")
        + f'Source: Over 300 skiers took part.\nlocales/ar/LC_MESSAGES/skiing.po:{line}">أكثر من 300 متزلج.</span>'
    ) in ar
    de = (project / "site" / "_review" / "de" / "skiing.html").read_text("utf-8")
    assert '<span class="tp-missing" lang="en" title="Not translated: source text shown' in de
    assert "Source: Read the full report here.\nlocales/de/LC_MESSAGES/skiing.po:" in de
    assert '<meta name="robots" content="noindex">' in de
    assert "../../en/skiing.html" in switcher(de) and "../ar/skiing.html" in switcher(de)
    assert "Mehr als" not in page(project, "de")  # the published page is unchanged by review mode
    assert "tp-" not in page(project, "de")


def test_language_with_nothing_published_gets_no_index_page(project: Path) -> None:
    compile_lib(project)
    site = project / "site"
    assert not (site / "fr" / "index.html").exists()
    root = (site / "index.html").read_text("utf-8")
    assert "Français" not in root and "fr/index.html" not in root
    assert '<h2><a href="./de/index.html" lang="de">Deutsch</a></h2>' in root


# --- compiling some locales; broken catalogs; review copies of held-back pages ----------------------


def break_catalog(root: Path, locale: str) -> None:
    po = root / "locales" / locale / "LC_MESSAGES" / "skiing.po"
    po.write_text('msgid "x"\nmsgstr "unterminated\n', encoding="utf-8")


def test_compiling_one_locale_keeps_the_links_to_every_other_published_language(project: Path) -> None:
    compile_lib(project)
    site = project / "site"
    zh_before = page(project, "zh_CN")
    os.utime(site / "zh_CN" / "skiing.html", ns=(1_000_000_000, 1_000_000_000))
    set_translations(project, "de", {SKIERS: "Mehr als 300 Skifahrer nahmen teil."})
    result = run_cli(project, "compile", "-l", "de")
    assert result.exit_code == 0
    assert "Mehr als 300" in page(project, "de")
    for locale in ("de", "en"):
        assert set(hreflangs(page(project, locale))) == {"en", "de", "zh-Hans-CN", "ar", "x-default"}
        assert "../zh_CN/skiing.html" in switcher(page(project, locale))
    root = (site / "index.html").read_text("utf-8")
    assert 'href="./zh_CN/skiing.html"' in root and 'href="./ar/skiing.html"' in root
    assert "../zh_CN/index.html" in (site / "de" / "index.html").read_text("utf-8")
    assert page(project, "zh_CN") == zh_before  # not rewritten: only the selected locale's pages are
    assert (site / "zh_CN" / "skiing.html").stat().st_mtime_ns == 1_000_000_000
    assert "zh_CN/" not in result.stdout  # the log lists what this run compiled


def test_publishing_one_more_locale_says_which_other_pages_still_list_the_old_languages(
    project: Path,
) -> None:
    set_translations(project, "de", {SKIERS: ""})
    held = run_cli(project, "compile", "--threshold", "100")
    assert "de/skiing: not published" in held.stdout
    published = [loc for loc in ("zh_CN", "ar") if (project / "site" / loc / "skiing.html").is_file()]
    assert published
    set_translations(project, "de", {SKIERS: "Mehr als 300 Skifahrer nahmen teil."})
    result = run_cli(project, "compile", "-l", "de", "--threshold", "100")
    assert "de/skiing.html: 100% translated" in result.stdout
    assert f"Note: the {' '.join(published)} pages still list the languages as they were" in result.stdout
    again = run_cli(project, "compile", "--threshold", "100")
    assert "Note:" not in again.stdout
    assert "../de/skiing.html" in switcher(page(project, published[0]))


def test_compiling_one_locale_of_a_new_site_links_no_page_that_was_never_written(project: Path) -> None:
    report = compile_lib(project, ["de"])
    assert {(p.locale, p.published) for p in report.pages} == {("en", True), ("de", True)}
    assert set(hreflangs(page(project, "de"))) == {"en", "de", "x-default"}
    other = {p.locale: p for p in report.other_pages}
    assert (
        not other["zh_CN"].published
        and "not compiled yet (transpub compile -l zh_CN)" in other["zh_CN"].reason
    )
    assert "not compiled yet" in (project / "site" / "_review" / "index.html").read_text("utf-8")
    assert not (project / "site" / "zh_CN").exists()


def test_unreadable_catalog_of_a_language_not_being_compiled_keeps_its_page_linked(project: Path) -> None:
    compile_lib(project)
    published = (project / "site" / "zh_CN" / "skiing.html").read_bytes()
    break_catalog(project, "zh_CN")
    result = run_cli(project, "compile", "-l", "de")
    assert result.exit_code == 0 and "Error" not in result.stderr
    assert (project / "site" / "zh_CN" / "skiing.html").read_bytes() == published
    assert "zh-Hans-CN" in hreflangs(page(project, "de"))
    assert "中文" in switcher(page(project, "de"))


def test_unreadable_catalog_of_a_language_never_published_is_not_linked(project: Path) -> None:
    break_catalog(project, "zh_CN")
    result = run_cli(project, "compile", "-l", "de")
    assert result.exit_code == 0 and "Error" not in result.stderr
    assert "zh-Hans-CN" not in hreflangs(page(project, "de"))
    assert "中文" not in switcher(page(project, "de"))


def test_a_broken_catalog_keeps_the_page_published_before_and_is_one_error(project: Path) -> None:
    """Nothing is lost: a damaged catalog is an error naming its file and line (exit 1), and the
    page published from it before stays on the site, linked, until the catalog reads again."""
    compile_lib(project, review=True)
    site = project / "site"
    published = (site / "de" / "skiing.html").read_bytes()
    break_catalog(project, "de")
    result = run_cli(project, "compile", "--review")
    assert result.exit_code == 1
    assert re.search(r"^Error: locales/de/LC_MESSAGES/skiing\.po:\d+: ", result.stderr, re.M)
    assert (
        "de/skiing: not published: the catalog cannot be read" in result.stdout
        and "the page published before is kept" in result.stdout
    )
    assert (site / "de" / "skiing.html").read_bytes() == published
    assert "../de/skiing.html" in page(project, "en")
    assert not (site / "_review" / "de" / "skiing.html").exists()
    assert "not published: the catalog cannot be read" in (site / "_review" / "index.html").read_text("utf-8")


def test_a_review_copy_edited_by_hand_stays_with_a_warning_when_its_catalog_breaks(project: Path) -> None:
    compile_lib(project, review=True)
    edited = project / "site" / "_review" / "de" / "skiing.html"
    edited.write_text(edited.read_text(encoding="utf-8") + "<!-- reviewer's note -->\n", encoding="utf-8")
    break_catalog(project, "de")
    result = run_cli(project, "compile", "--review")
    assert result.exit_code == 1  # (the broken catalog)
    assert edited.read_text(encoding="utf-8").endswith("<!-- reviewer's note -->\n")
    assert (
        "Warning: site/_review/de/skiing.html: left as it is: the de catalog of skiing is gone or cannot "
        "be read, but this file is not as compile wrote it; delete it if it should go"
    ) in result.stderr


def test_a_kept_page_leaves_the_other_languages_links_as_they_are(project: Path) -> None:
    compile_lib(project)
    break_catalog(project, "de")
    result = run_cli(project, "compile", "-l", "de")
    assert result.exit_code == 1 and "the page published before is kept" in result.stdout
    assert "Note:" not in result.stdout  # the other languages' pages still link it, rightly


def test_page_held_back_below_the_threshold_still_warns_about_broken_placeholders(project: Path) -> None:
    set_translations(project, "ar", {READ: "اقرأ <2>التقرير</2> هنا."})
    result = run_cli(project, "compile", "--threshold", "95")
    assert "ar/skiing: not published" in result.stdout
    line = line_of(project, "ar", READ)
    (warning,) = [w for w in result.stderr.splitlines() if f"locales/ar/LC_MESSAGES/skiing.po:{line}:" in w]
    # (the translator fixes it all the same: it would be refused once the page is published)
    assert "the source text is published instead" not in warning
    assert "; the ar page is not published (" in warning and "below the 95% needed to publish" in warning
    assert warning.endswith("): once it is, the source text is published there instead"), warning


def test_review_copies_are_written_for_pages_held_back_or_only_machine_translated(project: Path) -> None:
    compile_lib(project, review=True)
    review = project / "site" / "_review"
    es = (review / "es" / "skiing.html").read_text(
        "utf-8"
    )  # fuzzy only, not published without --include-fuzzy
    assert es.count('<span class="tp-machine" title=') == 4 and "El festival abrió el jueves." in es
    fr = (review / "fr" / "skiing.html").read_text("utf-8")  # untranslated
    assert fr.count('<span class="tp-missing" lang="en" title=') == 4
    assert not (project / "site" / "es" / "skiing.html").exists()
    links = set(re.findall(r'href="([^"]+)"', switcher((review / "de" / "skiing.html").read_text("utf-8"))))
    assert links == {
        "../../en/skiing.html",
        "../zh_CN/skiing.html",
        "../es/skiing.html",
        "../ar/skiing.html",
        "../fr/skiing.html",
    }


def test_review_copies_of_a_deleted_article_are_removed(project: Path) -> None:
    (project / "articles" / "brief.html").write_text("<p>A short brief.</p>", encoding="utf-8")
    assert run_cli(project, "extract").exit_code == 0
    compile_lib(project, review=True)
    assert (project / "site" / "_review" / "de" / "brief.html").exists()
    (project / "articles" / "brief.html").unlink()
    compile_lib(project)
    assert not (project / "site" / "_review" / "de" / "brief.html").exists()
    assert (project / "site" / "_review" / "de" / "skiing.html").exists()


# --- honest coverage, language indexes -------------------------------------------------------------


def test_review_index_says_how_much_of_a_page_is_machine_translated(project: Path) -> None:
    set_translations(project, "de", {SKIERS: "~Mehr als 300 Skifahrer machten mit."})
    report = compile_lib(project, include_fuzzy=True)
    summaries = {p.locale: p.summary for p in report.pages}
    assert summaries["es"] == "100% shown (7 of 7 machine-translated)"
    assert summaries["de"] == "100% shown (1 of 7 machine-translated)"
    assert summaries["ar"] == "85.7% translated"  # rounded down to one decimal, as `transpub status` does
    review = (project / "site" / "_review" / "index.html").read_text("utf-8")
    assert "</a> — 100% shown (7 of 7 machine-translated)</li>" in review
    assert "100% translated" not in review.split('href="../es/skiing.html"', 1)[1].split("</li>", 1)[0]
    assert "machine-translated" not in (project / "site" / "index.html").read_text("utf-8")


def test_language_index_has_a_language_switcher_and_a_link_back_to_all_languages(project: Path) -> None:
    compile_lib(project)
    site = project / "site"
    ar = (site / "ar" / "index.html").read_text("utf-8")
    assert '<a href="../index.html">كل اللغات</a>' in ar
    assert set(re.findall(r'href="([^"]+)"', switcher(ar))) == {
        "../en/index.html",
        "../de/index.html",
        "../zh_CN/index.html",
    }  # es and fr have no index page
    for href in links_in(ar):
        assert (site / "ar" / href).resolve().is_file(), href


# --- canonical and hreflang links ------------------------------------------------------------------

SEO_ARTICLE = ARTICLE.replace(
    '  <meta name="description"',
    (
        '  <link rel="canonical" href="https://source.example/skiing">\n'
        '  <link rel="alternate" hreflang="fr" href="https://source.example/fr/skiing">\n'
        '  <link rel="stylesheet" href="style.css">\n'
        '  <meta name="description"'
    ),
)


def canonicals(html: str) -> list[str]:
    return re.findall(r'<link rel="canonical" href="([^"]*)">', html)


def test_source_canonical_and_hreflang_links_never_point_localized_pages_at_the_source(
    tmp_path: Path,
) -> None:
    root = make_project(tmp_path / "news", article=SEO_ARTICLE)
    compile_lib(root, review=True)
    for locale in ("de", "en", "ar"):
        html = page(root, locale)
        assert "source.example" not in html
        assert canonicals(html) == ["skiing.html"]  # the page's own address
        assert hreflangs(html)["de"] == "../de/skiing.html" and "fr" not in hreflangs(html)
        assert '<link rel="stylesheet" href="style.css">' in html  # other links are the source's own
    review = (root / "site" / "_review" / "de" / "skiing.html").read_text("utf-8")
    assert "source.example" not in review and not canonicals(review) and not hreflangs(review)


def test_base_url_gives_absolute_alternates_and_a_canonical_link_on_every_page(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news", config_extra='base_url = "https://news.example"\n')
    compile_lib(root)
    de = page(root, "de")
    assert canonicals(de) == ["https://news.example/de/skiing.html"]
    assert hreflangs(de) == {
        "en": "https://news.example/en/skiing.html",
        "de": "https://news.example/de/skiing.html",
        "zh-Hans-CN": "https://news.example/zh_CN/skiing.html",
        "ar": "https://news.example/ar/skiing.html",
        "x-default": "https://news.example/en/skiing.html",
    }
    assert canonicals(page(root, "en")) == ["https://news.example/en/skiing.html"]
    seo = make_project(
        tmp_path / "seo", article=SEO_ARTICLE, config_extra='base_url = "https://news.example/"\n'
    )
    compile_lib(seo)
    assert canonicals(page(seo, "zh_CN")) == [
        "https://news.example/zh_CN/skiing.html"
    ]  # the source's, rewritten


def test_base_url_that_is_not_an_absolute_web_address_is_a_configuration_error(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    config = root / "transpub.toml"
    config.write_text(config.read_text(encoding="utf-8") + 'base_url = "news.example/"\n', encoding="utf-8")
    result = run_cli(root, "compile")
    assert result.exit_code == 2
    assert "compile.base_url must be an absolute http(s) URL" in result.stderr


# --- machine-translation styling -------------------------------------------------------------------


def test_the_machine_translation_notice_is_styled_only_where_it_appears(project: Path) -> None:
    compile_lib(project, include_fuzzy=True)
    es = page(project, "es")
    head = es.split("</head>", 1)[0]
    assert ".transpub-notice{" in head
    assert "transpub-machine" not in es  # units are coloured on review copies only
    style = "".join(re.findall(r"<style>(.*?)</style>", head, re.S))
    assert "border-inline-start" in style  # mirrored on right-to-left pages
    assert not re.search(r"\b(left|right)\b", style)
    assert ".transpub-notice" not in page(project, "de")  # fully reviewed: no notice, no notice style


def test_a_class_holding_the_word_dir_keeps_its_value_when_compile_sets_dir(tmp_path: Path) -> None:
    article = ARTICLE.replace('<html lang="en">', '<html lang="en" class="theme dir auto" hidden>')
    assert article != ARTICLE
    root = make_project(tmp_path / "news", article=article)
    compile_lib(root)
    html_tag = re.search(r"<html[^>]*>", page(root, "de")).group(0)
    assert html_tag == '<html lang="de" class="theme dir auto" hidden dir="ltr">'
    assert (
        re.search(r"<html[^>]*>", page(root, "ar"))
        .group(0)
        .endswith('class="theme dir auto" hidden dir="rtl">')
    )


def test_an_xhtml_style_xml_lang_names_the_pages_language_as_lang_does(tmp_path: Path) -> None:
    # (a translated page said lang="de" xml:lang="en-US": validators require both to agree)
    article = ARTICLE.replace(
        '<html lang="en">', '<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en-US">'
    )
    assert article != ARTICLE
    root = make_project(tmp_path / "news", article=article)
    compile_lib(root)
    html_tag = re.search(r"<html[^>]*>", page(root, "de")).group(0)
    assert html_tag == '<html xmlns="http://www.w3.org/1999/xhtml" lang="de" xml:lang="de" dir="ltr">'
    assert 'xml:lang="en"' in re.search(r"<html[^>]*>", page(root, "en")).group(0)
    plain = make_project(tmp_path / "plain")  # no xml:lang in the source: none is added
    compile_lib(plain)
    assert "xml:lang" not in page(plain, "de")


def test_the_language_links_stay_in_the_head_when_the_source_s_head_holds_an_element_of_the_body(
    tmp_path: Path,
) -> None:
    """A CMS puts a tracking <iframe> in the head (the NYT's pages): a browser ends the head there,
    and the hreflang links compile wrote before </head> were in the body, where search engines
    ignore them."""
    from test_browser import CHROMIUM, chromium

    if CHROMIUM is None:
        pytest.skip("chromium is not installed (make test installs it)")
    article = ARTICLE.replace("  <title>", '  <iframe src="about:blank"></iframe>\n  <title>')
    assert article != ARTICLE
    root = make_project(tmp_path / "news", article=article)
    compile_lib(root)
    for locale in ("de", "en"):
        written = root / "site" / locale / "skiing.html"
        dom = chromium(tmp_path / "profile", "--dump-dom", written.as_uri()).stdout
        head, _, body = dom.partition("</head>")
        assert '<link rel="alternate" hreflang="de"' in head and "<link" not in body, dom
        assert "<iframe" in body  # (where the browser puts it, as in the source)


OPEN_GRAPH_ARTICLE = ARTICLE.replace(
    '  <meta name="description"',
    '  <meta property="og:locale" content="en_GB">\n'
    '  <meta property="og:url" content="https://source.example/skiing">\n'
    '  <meta name="description"',
)


def open_graph(html: str) -> dict[str, str]:
    return dict(re.findall(r'<meta property="(og:locale|og:url)" content="([^"]*)">', html))


def test_a_translated_page_tells_social_sites_its_own_language_and_address(tmp_path: Path) -> None:
    # (a German page said og:locale en_GB and og:url the English article: a share showed it as English)
    assert OPEN_GRAPH_ARTICLE != ARTICLE
    root = make_project(tmp_path / "news", article=OPEN_GRAPH_ARTICLE)
    compile_lib(root)
    assert open_graph(page(root, "de")) == {"og:locale": "de_DE", "og:url": "https://source.example/skiing"}
    assert open_graph(page(root, "zh_CN"))["og:locale"] == "zh_CN"
    assert open_graph(page(root, "ar"))["og:locale"] == "ar_EG"
    assert open_graph(page(root, "en"))["og:locale"] == "en_GB"  # the source's own, as written
    addressed = make_project(
        tmp_path / "site", article=OPEN_GRAPH_ARTICLE, config_extra='base_url = "https://news.example"\n'
    )
    compile_lib(addressed)  # (an address needs the site's base URL: og:url is absolute)
    assert open_graph(page(addressed, "de")) == {
        "og:locale": "de_DE",
        "og:url": "https://news.example/de/skiing.html",
    }
    assert open_graph(page(addressed, "en"))["og:url"] == "https://news.example/en/skiing.html"


def open_graph_alternates(html: str) -> list[str]:
    return re.findall(r'<meta property="og:locale:alternate" content="([^"]*)">', html)


def test_each_page_lists_the_other_languages_it_is_published_in_for_social_sites(tmp_path: Path) -> None:
    # (every page repeated the source's og:locale:alternate list: the German page listed itself and a
    # language the article is not published in, and not English)
    article = OPEN_GRAPH_ARTICLE.replace(
        '  <meta property="og:url"',
        '  <meta property="og:locale:alternate" content="de_DE">\n'
        '  <meta property="og:locale:alternate" content="it_IT">\n'
        '  <meta property="og:url"',
    )
    assert article != OPEN_GRAPH_ARTICLE
    root = make_project(tmp_path / "news", article=article)
    compile_lib(root)
    published = sorted(hreflangs(page(root, "en")))
    assert published == ["ar", "de", "en", "x-default", "zh-Hans-CN"]  # (es and fr are not translated enough)
    german = page(root, "de")
    assert open_graph(german)["og:locale"] == "de_DE"
    assert sorted(open_graph_alternates(german)) == ["ar_EG", "en_GB", "zh_CN"]
    english = page(root, "en")
    assert open_graph(english)["og:locale"] == "en_GB"
    assert sorted(open_graph_alternates(english)) == ["ar_EG", "de_DE", "zh_CN"]
    # a page whose source lists none gets none (compile adds only what it replaces)
    plain = make_project(tmp_path / "plain", article=OPEN_GRAPH_ARTICLE)
    compile_lib(plain)
    assert open_graph_alternates(page(plain, "de")) == []


@pytest.mark.parametrize(
    ("out", "what"),
    [
        ("articles", "the articles folder"),
        ("articles/../articles", "the articles folder"),
        ("articles/preview", "inside the articles folder"),
        ("locales", "the catalogs' folder"),
        (".transpub/preview", "inside .transpub (transpub's own files)"),
    ],
)
def test_compile_out_to_the_articles_or_catalogs_folder_is_refused_and_writes_nothing_there(
    tmp_path: Path, out: str, what: str
) -> None:
    # (`compile --out articles` wrote index.html, en/skiing.html and es/skiing.html among the articles,
    # which the next extract took for articles, while [paths] site = "articles" is refused)
    root = make_project(tmp_path / "news")
    before = sorted(path for path in root.rglob("*") if ".transpub" not in path.parts)
    result = run_cli(root, "compile", "--out", str(root / out))
    assert result.exit_code == 2, result.output
    shown = "articles" if out.startswith("articles/..") else out
    assert result.stderr == (
        f"Error: --out {shown} is {what}: compile would write its pages, index.html and a folder per "
        "language there; name a folder of its own (--out /tmp/preview)\n"
    )
    assert sorted(path for path in root.rglob("*") if ".transpub" not in path.parts) == before
    assert not (root / ".transpub" / "preview").exists()


def test_compile_out_where_the_source_pages_folder_is_the_articles_folder_is_refused(tmp_path: Path) -> None:
    # (articles in en/ and `compile --out .`: en/skiing.html, the article, was replaced by its page,
    # and en/index.html was written among the articles, read as one by the next extract)
    root = make_project(tmp_path / "news")
    (root / "articles").rename(root / "en")
    config = root / "transpub.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[paths]\narticles = "en"\n', encoding="utf-8")
    article = (root / "en" / "skiing.html").read_bytes()
    result = run_cli(root, "compile", "--out", str(root))
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        "Error: --out . has compile write the en pages in the articles folder (en): they would replace the "
        "articles; name a folder of its own (--out /tmp/preview)\n"
    )
    assert (root / "en" / "skiing.html").read_bytes() == article
    assert sorted(path.name for path in (root / "en").iterdir()) == ["skiing.html"]
    assert not (root / "index.html").exists()


@pytest.mark.parametrize("out", ["content/en", "content/en/preview", "locales"])
def test_compile_markdown_out_among_the_articles_is_refused_and_writes_nothing_there(
    tmp_path: Path, out: str
) -> None:
    # (`compile --out content/en` of a Hugo site whose articles are content/en wrote en/posts/harbour.md
    # and es/posts/harbour.md among them, which the next extract took for articles to translate)
    from test_compile_markdown import make_markdown_project

    root = make_markdown_project(tmp_path / "site", 'markdown_dir = "content"\n', articles="content/en")
    before = sorted(path for path in root.rglob("*") if ".transpub" not in path.parts)
    result = run_cli(root, "compile", "--out", str(root / out))
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"Error: --out {out} is "), result.stderr
    assert sorted(path for path in root.rglob("*") if ".transpub" not in path.parts) == before
    assert run_cli(root, "compile", "--out", str(tmp_path / "preview")).exit_code == 0  # (elsewhere: written)
    assert (tmp_path / "preview" / "es" / "posts" / "harbour.md").is_file()


def test_compile_markdown_out_to_the_articles_folder_of_a_suffix_layout_with_html_articles_is_refused(
    tmp_path: Path,
) -> None:
    # (the suffix layout writes its translations beside the articles, so --out articles is allowed; an
    # HTML article's pages, en/a.html and de/a.html, went there too, and the next extract read them)
    from test_compile_markdown import make_markdown_project

    root = make_markdown_project(tmp_path / "site", 'layout = "suffix"\n')
    (root / "articles" / "notice.html").write_text("<html><body><p>Office closed.</p></body></html>")
    assert run_cli(root, "extract").exit_code == 0
    before = sorted(path for path in root.rglob("*") if ".transpub" not in path.parts)
    result = run_cli(root, "compile", "--out", str(root / "articles"))
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(
        "Error: --out articles is the articles folder: compile would write the HTML "
    )
    assert "(notice.html)" in result.stderr
    assert sorted(path for path in root.rglob("*") if ".transpub" not in path.parts) == before
    (root / "articles" / "notice.html").unlink()  # (Markdown articles alone: their translations go there)
    assert run_cli(root, "compile", "--out", str(root / "articles")).exit_code == 0


def test_a_page_with_no_text_to_translate_is_not_said_to_be_100_percent_translated(tmp_path: Path) -> None:
    # (an empty page, or one that [extract] include matched nothing in, was listed as
    # "de/empty.html: 100% translated": the source page as written)
    root = make_project(tmp_path / "news")
    (root / "articles" / "empty.html").write_text("<html><body><img src='a.png' alt=''></body></html>")
    assert run_cli(root, "extract").exit_code == 0
    result = run_cli(root, "compile", "-l", "de")
    assert result.exit_code == 0, result.output
    assert (
        "de/empty.html: no text to translate (the page shows the source as it is)"
        in result.stdout.splitlines()
    )
    assert "de/skiing.html: 100% translated" in result.stdout.splitlines()
