"""The URL Jekyll 4.3 gives a page or a post (``[compile] page_urls = "jekyll"``), as real builds
were seen to give them.

A page keeps its folder's and file's names as they are and ends in ``.html``
(``en/Odd Folder/Mixed Name!.md`` at ``/en/Odd Folder/Mixed Name!.html``; an ``index.md`` at its
folder, ``/en/``), or ends in ``/`` where the site's ``permalink`` does (``pretty``, a pattern
ending in ``/``), and in neither where it is another pattern, or ``weekdate`` (``/en/ferries``,
which Jekyll writes as ``en/ferries.html``). A post is at the URL of the site's ``permalink``
(``[compile] jekyll_permalink``; ``date``: ``/:categories/:year/:month/:day/:title:output_ext``,
also ``pretty``, ``ordinal``, ``weekdate``, ``none`` or a pattern); either's front matter
``permalink`` wins, then the one the site's ``defaults`` give it (:func:`default_values`, which
also give a post's ``slug`` and categories: :func:`with_defaults`). A
post's ``:title`` is its front matter ``slug``, else its file's name after the date, with runs of
other characters than letters, digits and ``._~!$&'()+,;=@`` as one hyphen; ``:slug`` that in lower case with only letters and digits kept; ``:categories`` its front matter
``categories`` (a list, or words) and ``category``, in lower case; its date the front matter's
``date``, else its file's. A ``date`` with a time (``2024-03-01 23:30:00 -0500``; without a time
zone, UTC's, as Jekyll's YAML reads it; a quoted one without a zone is as written) is a moment,
which Jekyll dates in the site's ``timezone`` (_config.yml), else in the building machine's: a post
so dated is at the URL of its day in that zone where it is known (``[compile] jekyll_timezone``),
else found at the URL of each day it is in from UTC-12 to UTC+14 (:func:`jekyll_urls`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from pathlib import PurePosixPath
from typing import Any

from ..config import jekyll_page_end
from ..discovery import HTML_SUFFIXES, jekyll_markdown_suffixes

__all__ = [
    "JEKYLL_STYLES",
    "JEKYLL_URL_KEYS",
    "dated_at_build",
    "default_values",
    "document_urls",
    "jekyll_url",
    "jekyll_urls",
    "with_defaults",
]

#: The patterns Jekyll's ``permalink`` styles name (``style_to_permalink``).
JEKYLL_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}

#: The suffixes of the files Jekyll publishes as ``….html``: HTML and Markdown (its default ``markdown_ext``);
#: a site's own: :attr:`transpub.project.Project.content_suffixes`.
CONVERTED = (*HTML_SUFFIXES, *jekyll_markdown_suffixes(None))
#: The front matter keys that decide a page's or post's URL on a Jekyll site.
JEKYLL_URL_KEYS = ("permalink", "slug", "date", "categories", "category")

#: A post's file name: its date, then its name (``2024-01-05-harbour.md``).
_POST_NAME = re.compile(r"(\d{2,4})-(\d{1,2})-(\d{1,2})-(.*)")

#: A token of a URL pattern (``:year``, ``:output_ext``).
_TOKEN = re.compile(r":([a-z_]+)")

#: The punctuation Jekyll's "pretty" slugs keep.
_PRETTY_KEPT = frozenset("._~!$&'()+,;=@")


def jekyll_url(
    relative: PurePosixPath,
    front: Mapping[str, Any] | None,
    folder: str,
    permalink: str,
    *,
    post: bool,
    zone: tzinfo | None = None,
    converted: tuple[str, ...] = CONVERTED,
) -> str | None:
    """The URL Jekyll gives the page (or the ``post``) at ``relative`` in its folder (``folder``: its
    path in the site, as a URL, ``/en``; a post's categories start with its parts), whose front
    matter is ``front``, on a site whose ``permalink`` is ``permalink``; as Jekyll writes it, not
    percent-encoded; None for one it cannot be told of. (A post dated with a time: the URL of
    its day in the site's time zone ``zone``, else in UTC; see :func:`jekyll_urls`.)

    >>> jekyll_url(PurePosixPath("Odd Folder/Mixed Name!.md"), None, "/en", "date", post=False)
    '/en/Odd Folder/Mixed Name!.html'
    >>> jekyll_url(PurePosixPath("ferries.md"), None, "/en", "pretty", post=False), jekyll_url(PurePosixPath("a/index.md"), None, "/en", "date", post=False)
    ('/en/ferries/', '/en/a/')
    >>> jekyll_url(PurePosixPath("2024-01-05-harbour.md"), {"categories": "News Local"}, "", "date", post=True)
    '/news/local/2024/01/05/harbour.html'
    >>> jekyll_url(PurePosixPath("2024-01-05-x.md"), {"slug": "My Slug!"}, "", "/:year/:i_month/:title", post=True)
    '/2024/1/My-Slug!'
    >>> jekyll_url(PurePosixPath("_posts/2024-01-05-x.md"), {"category": "Big News"}, "/en", "none", post=True)
    '/en/big news/x.html'
    """
    return next(
        iter(jekyll_urls(relative, front, folder, permalink, post=post, zone=zone, converted=converted)), None
    )


def jekyll_urls(
    relative: PurePosixPath,
    front: Mapping[str, Any] | None,
    folder: str,
    permalink: str,
    *,
    post: bool,
    zone: tzinfo | None = None,
    converted: tuple[str, ...] = CONVERTED,
) -> list[str]:
    """The URLs Jekyll may give the page or post of :func:`jekyll_url`, that one first: a post
    dated with a time has the one of its day in the site's time zone ``zone`` (Jekyll's
    ``timezone``), else (not known: Jekyll dates it in the building machine's) that of each day
    that moment is in from UTC-12 to UTC+14; none for one it cannot be told of. ``converted``: the
    suffixes of the files Jekyll writes as ``.html`` (HTML and the site's Markdown), another keeps its own.

    >>> late = PurePosixPath("2024-03-01-late.md"), {"date": "2024-03-01 23:30:00 -0500"}, "", "/:year/:month/:day/:title"
    >>> jekyll_urls(*late, post=True)
    ['/2024/03/02/late', '/2024/03/01/late']
    >>> from zoneinfo import ZoneInfo
    >>> jekyll_urls(*late, post=True, zone=ZoneInfo("America/New_York"))
    ['/2024/03/01/late']
    """
    front = front or {}
    ext = ".html" if relative.suffix.lower() in converted else relative.suffix
    own = front.get("permalink")
    own = own.strip() if isinstance(own, str) and own.strip() else None
    if not post:
        values = {
            "path": "/".join((folder, *relative.parent.parts)),
            "basename": relative.stem,
            "output_ext": ext,
        }
        template = own or (
            "/:path/" if relative.stem == "index" else "/:path/:basename" + jekyll_page_end(permalink)
        )
        url = _filled(template, values.get)
        return [] if url is None else [_sanitized(url)]
    template = own or JEKYLL_STYLES.get(permalink, permalink)
    urls: dict[str, None] = {}
    for day in _post_days(relative, front, zone):
        url = _filled(template, _post_values(folder, relative, front, ext, day).get)
        if url is not None:
            urls[_sanitized(url)] = None
    return list(urls)


def document_urls(
    relative: PurePosixPath,
    front: Mapping[str, Any] | None,
    label: str,
    permalink: str,
    *,
    zone: tzinfo | None = None,
    converted: tuple[str, ...] = CONVERTED,
) -> list[str]:
    """The URLs Jekyll may give the document at ``relative`` in the folder of its collection
    ``label`` (``_recipes``: ``en/soup.md``), whose front matter is ``front``, where the collection's
    ``permalink`` is ``permalink`` (one that sets none: ``/:collection/:path`` and
    :func:`transpub.config.jekyll_page_end`), that one first: as
    :func:`jekyll_urls` gives a post's, its ``:path`` its path in the collection's folder without its
    suffix, its ``:name`` its file's name, slugified; dated by its front matter's ``date`` or its
    file's name (a token of a day where it has neither: none, Jekyll dates it at the build).

    >>> document_urls(PurePosixPath("en/Soup Pot.md"), None, "recipes", "/:collection/:path/")
    ['/recipes/en/Soup Pot/']
    >>> document_urls(PurePosixPath("en/Soup Pot.md"), {"slug": "Pot!"}, "recipes", "/:collection/:name/:title:output_ext")
    ['/recipes/soup-pot/Pot!.html']
    >>> document_urls(PurePosixPath("soup.md"), None, "recipes", "/:year/:name/")
    []
    """
    front = front or {}
    ext = ".html" if relative.suffix.lower() in converted else relative.suffix
    own = front.get("permalink")
    template = own.strip() if isinstance(own, str) and own.strip() else permalink
    named = _POST_NAME.fullmatch(relative.stem)
    slug = front.get("slug")
    name = str(slug) if slug is not None and str(slug).strip() else named.group(4) if named else relative.stem
    values = {
        "collection": label,
        "path": "/" + "/".join((*relative.parent.parts, relative.stem.rstrip("."))),
        "name": _slugified(relative.stem, pretty=False).lower(),
        "title": _slugified(name, pretty=True),
        "slug": _slugified(name, pretty=False).lower(),
        "categories": "/".join(dict.fromkeys(c.lower() for c in _categories("", PurePosixPath(), front))),
        "output_ext": ext,
    }
    if "date" in front:
        days: list[date | None] = list(_front_days(front["date"], zone))
    else:
        days = list(_post_days(relative, front, zone)) if named else [None]
    urls: dict[str, None] = {}
    for day in days:
        known = {**values, **(_day_values(day) if day is not None else {})}
        url = _filled(template, known.get)
        if url is not None:
            urls[_sanitized(url)] = None
    return list(urls)


def dated_at_build(relative: PurePosixPath, front: Mapping[str, Any] | None, permalink: str) -> str | None:
    """The permalink (its own, else its collection's ``permalink``) that writes a day into the URL
    of the document at ``relative`` in its collection's folder, whose front matter ``front`` and
    file's name give it no date: Jekyll dates it at the build (the site's ``time``, else the
    build's), so its URL is not known (:func:`document_urls` gives none); None: another.

    >>> dated_at_build(PurePosixPath("en/soup.md"), {}, "/:collection/:year/:path/")
    '/:collection/:year/:path/'
    >>> dated_at_build(PurePosixPath("en/soup.md"), {"date": "2024-01-05"}, "/:collection/:year/:path/")
    >>> dated_at_build(PurePosixPath("2024-01-05-soup.md"), {}, "/:year/:name/"), dated_at_build(PurePosixPath("soup.md"), {}, "/:name/")
    (None, None)
    """
    front = front or {}
    own = front.get("permalink")
    template = own.strip() if isinstance(own, str) and own.strip() else permalink
    if "date" in front or _POST_NAME.fullmatch(relative.stem):
        return None
    days = _day_values(date(2000, 1, 1))
    tokens = {match.group(1).rstrip("_") for match in _TOKEN.finditer(template)}
    return template if tokens & days.keys() else None


def default_values(
    defaults: Mapping[str, str | Mapping[str, Any]],
    path: str,
    globbed: Callable[[str], Iterable[str]] = lambda pattern: (),
) -> dict[str, Any]:
    """The values that make URLs (``permalink``, ``slug``, ``category``, ``categories``) that the
    site's ``defaults`` (``[compile.jekyll_defaults]``'s ``posts`` or ``pages``: by the start of a
    path in the articles folder, a permalink or a table of values) give the page or post at ``path``
    there: each one's from the longest start of ``path`` that sets it (Jekyll matches a scope's
    path as the start of a file's, not only a folder's; one with a ``*``, a glob, as the start of
    each path ``globbed`` finds it at in the articles folder, as Jekyll's ``Dir.glob``); none: none
    of them.

    >>> defaults = {"": "/blog/:title/", "news": {"permalink": "/news/:title/"}, "*/old": {"slug": "x"}}
    >>> default_values(defaults, "newsletter/2024-01-05-a.md"), default_values(defaults, "2024-01-05-a.md")
    ({'permalink': '/news/:title/'}, {'permalink': '/blog/:title/'})
    >>> default_values(defaults, "2023/old/2023-05-01-a.md", lambda pattern: ["2023/old", "2024/old"])
    {'permalink': '/blog/:title/', 'slug': 'x'}
    """
    found: dict[str, tuple[int, Any]] = {}
    for start, values in defaults.items():
        if "*" in start:
            held = any(path.startswith(each) for each in globbed(start))
        else:
            held = path.startswith(start)
        if not held:
            continue
        for key, value in values.items() if isinstance(values, Mapping) else [("permalink", values)]:
            if key not in found or len(start) >= found[key][0]:
                found[key] = (len(start), value)
    return {key: value for key, (_, value) in found.items()}


def with_defaults(front: Mapping[str, Any] | None, values: Mapping[str, Any]) -> dict[str, Any]:
    """The front matter ``front`` of a page or post as Jekyll reads it where the site's ``defaults``
    give it ``values`` (see :func:`default_values`): its own values over theirs, its
    ``categories`` after theirs.

    >>> with_defaults({"categories": "Local", "slug": "a"}, {"categories": ["News"], "slug": "b", "category": "C"})
    {'categories': ['News', 'Local'], 'slug': 'a', 'category': 'C'}
    """
    front = dict(front or {})
    merged = {**values, **front}
    if "categories" in values and "categories" in front:
        merged["categories"] = [*_listed(values["categories"]), *_listed(front["categories"])]
    return merged


def _listed(categories: Any) -> list[Any]:
    """Categories as a list (words: one each)."""
    if isinstance(categories, str):
        return list(categories.split())
    return list(categories) if isinstance(categories, list) else [categories]


def _filled(template: str, value: Callable[[str], str | None]) -> str | None:
    """``template`` with each token replaced by its ``value`` (None: a token it has none for)."""
    unknown = False

    def replaced(match: re.Match[str]) -> str:
        nonlocal unknown
        name = match.group(1)
        found = value(name)
        if found is None and name.endswith("_"):
            found = value(name.rstrip("_"))
        if found is None:
            unknown = True
            return ""
        return found

    filled = _TOKEN.sub(replaced, template)
    return None if unknown else filled


def _sanitized(url: str) -> str:
    """``url`` as Jekyll's ``URL#sanitize_url`` leaves it (``..`` a slash, no ``./``, no ``//``).

    >>> _sanitized("//en//a..b/./c.html")
    '/en/a/b/c.html'
    """
    url = ("/" + url).replace("..", "/").replace("./", "")
    return re.sub("/+", "/", url)


def _post_days(relative: PurePosixPath, front: Mapping[str, Any], zone: tzinfo | None) -> list[date]:
    """The days Jekyll may date the post at ``relative`` on a site whose time zone is ``zone`` (see
    :func:`jekyll_urls`; None: not known, its day in UTC first); none: its file is not named as a
    post's, or its date cannot be read."""
    named = _POST_NAME.fullmatch(relative.stem)
    if named is None:
        return []
    if "date" in front:
        return _front_days(front["date"], zone)
    try:
        return [date(int(named.group(1)), int(named.group(2)), int(named.group(3)))]
    except ValueError:
        return []


def _front_days(value: Any, zone: tzinfo | None) -> list[date]:
    """The days Jekyll may date a page or post whose front matter ``date`` is ``value`` (see
    :func:`_post_days`); none: it cannot be read."""
    found = _front_date(value)
    if found is None:
        return []
    if not isinstance(found, datetime):
        return [found]
    if zone is not None:
        return [found.astimezone(zone).date()]
    moment = found.astimezone(UTC)
    first, last = (moment - timedelta(hours=12)).date(), (moment + timedelta(hours=14)).date()
    others = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    return [moment.date(), *(day for day in others if day != moment.date())]


def _post_values(
    folder: str, relative: PurePosixPath, front: Mapping[str, Any], ext: str, day: date
) -> dict[str, str]:
    """The values of the URL tokens of the post at ``relative`` (named as a post's) dated ``day``."""
    named = _POST_NAME.fullmatch(relative.stem)
    assert named is not None
    slug = front.get("slug")
    name = str(slug) if slug is not None and str(slug).strip() else named.group(4)
    return {
        "title": _slugified(name, pretty=True),
        "slug": _slugified(name, pretty=False).lower(),
        "categories": "/".join(dict.fromkeys(c.lower() for c in _categories(folder, relative, front))),
        **_day_values(day),
        "output_ext": ext,
        "collection": "posts",
    }


def _day_values(day: date) -> dict[str, str]:
    """The values of the URL tokens of a day (``:year``, ``:month``…)."""
    year, week, weekday = day.isocalendar()
    return {
        "year": f"{day.year:04d}",
        "month": f"{day.month:02d}",
        "day": f"{day.day:02d}",
        "i_month": str(day.month),
        "i_day": str(day.day),
        "short_year": f"{day.year % 100:02d}",
        "y_day": f"{day.timetuple().tm_yday:03d}",
        "short_month": day.strftime("%b"),
        "long_month": day.strftime("%B"),
        "short_day": day.strftime("%a"),
        "long_day": day.strftime("%A"),
        "week": f"{week:02d}",
        "w_year": str(year),
        "w_day": str(weekday),
    }


def _front_date(value: Any) -> date | datetime | None:
    """A post's front matter ``date`` as Jekyll reads it: a day, or a moment (with a time zone: a
    time YAML reads without one is in UTC, as Ruby's YAML reads it); a quoted time without a zone
    is its day as written (Ruby's ``Time.parse`` takes it as local time); None: it cannot be read.

    >>> _front_date("2024-03-01 23:30:00 -0500").isoformat(), _front_date("2024-03-01 23:30")
    ('2024-03-01T23:30:00-05:00', datetime.date(2024, 3, 1))
    >>> _front_date(datetime(2024, 3, 1, 23, 30)).isoformat(), _front_date("2024-03-01T23:30:00Z").isoformat()
    ('2024-03-01T23:30:00+00:00', '2024-03-01T23:30:00+00:00')
    """
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return value
    found = _DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    if found is None:
        return None
    year, month, day, hour, minute, second, zone = found.groups()
    try:
        if zone is None:
            return date(int(year), int(month), int(day))
        moment = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
        return moment.replace(tzinfo=_zone(zone))
    except ValueError:
        return None


def _zone(written: str) -> timezone:
    """The time zone of a date's offset as written (``Z``, ``-0500``, ``+05:30``, ``-5``).

    >>> _zone("Z"), _zone("+05:30"), _zone("-5")
    (datetime.timezone.utc, datetime.timezone(datetime.timedelta(seconds=19800)), datetime.timezone(datetime.timedelta(days=-1, seconds=68400)))
    """
    if written.upper() == "Z":
        return UTC
    digits = written[1:].replace(":", "")
    hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "0")
    offset = timedelta(hours=int(hours), minutes=int(minutes))
    return timezone(-offset if written.startswith("-") else offset)


#: A date as a string (``2024-03-01``, ``2024-03-01 23:30:00 -0500``; a zone only after a time).
_DATE = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:(?:[Tt]|\s+)(\d{1,2}):(\d\d)(?::(\d\d)(?:\.\d*)?)?(?:\s*(Z|z|[-+]\d{1,2}(?::?\d\d)?))?)?"
)


def _categories(folder: str, relative: PurePosixPath, front: Mapping[str, Any]) -> list[str]:
    """A post's categories: the folders above its ``_posts`` folder (``folder``'s, then those of
    ``relative`` before ``_posts``; not those inside it), then its front matter ``categories`` (a
    list, or words) and ``category``."""
    parts = relative.parent.parts
    found = [part for part in folder.split("/") if part]
    found += parts[: parts.index("_posts")] if "_posts" in parts else []
    listed = front.get("categories")
    if isinstance(listed, str):
        found += listed.split()
    elif isinstance(listed, list):
        found += [str(item) for item in listed if item is not None]
    single = front.get("category")
    if single is not None and not isinstance(single, (list, dict)):
        found.append(str(single))
    return found


def _slugified(text: str, *, pretty: bool) -> str:
    """``text`` as Jekyll's ``slugify`` (mode ``pretty``, case kept; else ``default``) writes it: a
    run of other characters than letters, marks, digits (and, ``pretty``, ``._~!$&'()+,;=@``) one
    hyphen, none at either end.

    >>> _slugified("Odd Name! Ünï", pretty=True), _slugified("Odd Name! Ünï", pretty=False)
    ('Odd-Name!-Ünï', 'Odd-Name-Ünï')
    """
    out: list[str] = []
    for char in text:
        kept = unicodedata.category(char)[0] in "LM" or unicodedata.category(char) == "Nd"
        if kept or (pretty and char in _PRETTY_KEPT):
            out.append(char)
        elif not out or out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")
