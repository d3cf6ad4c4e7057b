"""``<time>``: a reader never sees a date or time the source did not show (issue 12, finding 1).

A ``<time>`` is written anew in the target language only when its whole text is exactly what the
source language's own date format gives for its ``datetime``; every other ``<time>`` is ordinary
text for translators, its child elements kept.
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from transpub.compile import CompileOptions, compile_project
from transpub.extract import extract_project
from transpub.project import load_project

CONFIG = """[project]
name = "Dates"
source_locale = "en"
locales = ["es"]
"""


def publish(tmp_path: Path, body: str) -> tuple[str, list[str], list[str]]:
    """Compile ``body`` into Spanish, every unit "translated" as itself: the page, msgids, warnings."""
    root = tmp_path / "news"
    (root / "articles").mkdir(parents=True)
    (root / "transpub.toml").write_text(CONFIG, encoding="utf-8")
    (root / "articles" / "story.html").write_text(
        f"<html><head><title>Story</title></head><body>\n{body}\n</body></html>\n", encoding="utf-8"
    )
    project = load_project(root)
    extracted = extract_project(project, ["es"])
    po_path = root / "locales" / "es" / "LC_MESSAGES" / "story.po"
    po = polib.pofile(str(po_path))
    for entry in po:
        entry.msgstr = entry.msgid
    po.save()
    report = compile_project(project, ["es"], CompileOptions(threshold=0))
    template = (root / "locales" / "templates" / "story.pot").read_text(encoding="utf-8")
    msgids = [
        line[7:-1] for line in template.splitlines() if line.startswith('msgid "') and line != 'msgid ""'
    ]
    warnings = [f"{w.location}: {w.message}" for w in [*extracted.warnings, *report.warnings]]
    return (root / "site" / "es" / "story.html").read_text(encoding="utf-8"), msgids, warnings


def test_a_date_written_in_the_source_format_is_written_the_spanish_way(tmp_path: Path) -> None:
    page, msgids, _ = publish(tmp_path, '<p><time datetime="2018-01-04">January 4, 2018</time></p>')
    assert '<time datetime="2018-01-04">4 de enero de 2018</time>' in page
    assert "January 4, 2018" not in msgids


def test_a_date_with_its_time_of_day_keeps_the_time_of_day(tmp_path: Path) -> None:
    page, _, _ = publish(
        tmp_path, '<p><time datetime="2014-12-24T12:02:00-05:00">December 24, 2014, 12:02\u202fPM</time></p>'
    )
    assert ">24 de diciembre de 2014, 12:02</time>" in page


@pytest.mark.parametrize(
    ("datetime", "shown"),
    [
        ("2014-12-24T12:02", "December 24, 2014 12:02 pm"),  # not CLDR's way of writing it
        ("2014-12-29", "Published December 29, 2014"),  # a word around the date
        ("2016-08-01T09:00:00", "JULY 29, 2016"),  # another day than the datetime
        ("2018-01-04", "January 4"),  # fewer fields than any of the source's formats
    ],
)
def test_a_time_element_showing_anything_else_stays_as_written_and_goes_to_translators(
    tmp_path: Path, datetime: str, shown: str
) -> None:
    element = f'<time datetime="{datetime}">{shown}</time>'
    page, msgids, _ = publish(tmp_path, f"<p>{element}</p>")
    assert element in page
    assert shown in msgids


def test_a_time_element_with_spans_keeps_its_spans_and_its_time_of_day(tmp_path: Path) -> None:
    element = '<time datetime="2017-11-21T18:17"><span>21 Nov 2017</span>, <span>6:17pm</span></time>'
    page, msgids, _ = publish(tmp_path, f"<p>{element}</p>")
    assert element in page
    assert "<1>21 Nov 2017</1>, <2>6:17pm</2>" in msgids


def test_a_time_element_holding_an_icon_keeps_the_icon(tmp_path: Path) -> None:
    element = '<time datetime="2018-01-04"><svg class="clock"><path d="M0 0"/></svg> January 4, 2018</time>'
    page, _, _ = publish(tmp_path, f"<p>{element}</p>")
    assert element in page


def test_an_unreadable_datetime_stays_untouched_with_a_warning_naming_file_and_line(tmp_path: Path) -> None:
    element = '<time datetime="last Tuesday">January 4, 2018</time>'
    page, _, warnings = publish(tmp_path, f"<p>Intro.</p>\n<p>{element}</p>")
    assert element in page
    assert warnings and all(w.startswith("articles/story.html:3: ") for w in warnings)
    assert "last Tuesday" in warnings[0]


@pytest.mark.parametrize("locale", ["en", "de", "es", "fr", "sv", "ru", "ar", "zh_CN", "ja", "xx"])
def test_a_date_is_written_exactly_as_babel_writes_it_in_every_width(locale: str) -> None:
    """render_date keeps each locale's date patterns at hand: every day, width and locale must still
    read exactly as babel's own format_date (and the datetime glue) writes it."""
    import datetime as dt

    from babel.dates import format_date, format_time

    from transpub.formats.dates import DATE_WIDTHS, TIME_WIDTHS, DateStyle, _cldr, render_date

    cldr = _cldr(locale)
    for offset in range(0, 800, 37):
        day = dt.date(2023, 12, 25) + dt.timedelta(days=offset)
        moment = dt.datetime.combine(day, dt.time(offset % 24, offset % 60))
        for width in DATE_WIDTHS:
            written = format_date(day, width, locale=cldr)
            assert render_date(day, DateStyle("date", width), locale) == written
            assert render_date(moment, DateStyle("date", width), locale) == written
            for time_width in TIME_WIDTHS:
                clock = format_time(moment.time(), time_width, locale=cldr)
                glue = str(cldr.datetime_formats[width]).replace("'", "")
                assert render_date(moment, DateStyle("datetime", width, time_width), locale) == glue.replace(
                    "{0}", clock
                ).replace("{1}", written)


def test_every_locale_writes_every_kind_of_day_as_babel_does() -> None:
    """render_date writes each field of a locale's date pattern once per run for the part of the day it
    shows (a month's name once for all its days): every locale babel knows, in every width, must
    still write each day exactly as babel's format_date does, whichever day wrote a field first."""
    import datetime as dt

    from babel import localedata
    from babel.dates import format_date

    from transpub.formats.dates import DATE_WIDTHS, DateStyle, _cldr, render_date

    # every month and day of the week, the first and last days of months, years of 1 to 4 digits
    days = [dt.date(2024, 1, 1) + dt.timedelta(days=offset) for offset in range(0, 366, 41)]
    days += [dt.date(year, month, day) for year, month, day in ((1, 1, 1), (99, 12, 31), (999, 2, 28))]
    days += [dt.date(2000, 2, 29), dt.date(9999, 12, 31)]
    for locale in localedata.locale_identifiers():
        cldr = _cldr(locale)
        for width in DATE_WIDTHS:
            for day in days:
                assert render_date(day, DateStyle("date", width), locale) == format_date(
                    day, width, locale=cldr
                ), (locale, width, day)
