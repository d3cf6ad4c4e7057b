"""Which files under ``articles/`` are articles, and the slug of each.

The folder is read recursively. An article's slug is its path below ``articles/`` without the
extension (``2024/story``); a page bundle ``my-post/index.md`` is ``my-post``. Catalogs and pages
mirror the slug (``locales/es/LC_MESSAGES/2024/story.po``, ``site/es/2024/story.html``); the pages of
a folder's index article are that folder's index, as the source's are (``guide/index.html``:
``site/es/guide/index.html``, see :func:`is_folder_index`).

Left out, each with one error or warning naming the file: files matching a ``[paths] exclude``
glob; hidden files and folders, and symbolic links to them or to transpub's own files (an error:
an article's link must not publish ``.env``); symbolic links that lead out of the project (unless
``[paths] follow_symlinks``) and loops of links; two files with one slug (both refused: neither may replace the
other); slugs with control characters, and names too long for the filesystem once the
extension and a temporary-file suffix are added.
"""

from __future__ import annotations

import errno
import fnmatch
import hashlib
import os
import re
import unicodedata
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath, PurePosixPath

from .errors import ArticleError
from .model import Issue

ARTICLE_SUFFIXES = (".html", ".htm", ".md", ".markdown", ".txt")
HTML_SUFFIXES = (".html", ".htm")
#: The extensions of Markdown articles (a Jekyll site's: those its ``markdown_ext`` names, see
#: :func:`jekyll_markdown_suffixes`).
MARKDOWN_SUFFIXES = (".md", ".markdown")
#: Jekyll's ``markdown_ext`` when its ``_config.yml`` sets none.
JEKYLL_MARKDOWN_EXT = "markdown,mkdown,mkdn,mkd,md"
#: What a temporary-file suffix (``.<name>.XXXXXXXX.tmp``) adds to a name, 2 to spare (a lock file's ``.po.lock``).
_TEMPORARY_ADDED = len("..12345678.tmp") + 2
#: The longest thing added to a slug's last part in a file name: ``.html`` and a temporary-file suffix
#: (a Markdown translation beside its article adds its own: ``translation_infix``).
_ADDED_TO_NAMES = len(".html") + _TEMPORARY_ADDED


@dataclass(frozen=True)
class Article:
    """One source article: where it is and its slug."""

    path: Path
    slug: str


@dataclass
class Discovery:
    """The articles found, and what was refused (errors) or skipped (warnings), each naming a file."""

    articles: list[Article] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    #: Slugs of files refused (a collision, a bad name): their catalogs are not orphans.
    refused: set[str] = field(default_factory=set)


def in_shard(slug: str, shard: tuple[int, int] | None) -> bool:
    """True when article ``slug`` belongs to shard ``(index, count)`` (index from 1); always with no shard.

    The split is a stable hash of the slug (SHA-256), so every machine agrees on it, it does not
    move when other articles are added, and it spreads articles evenly.

    >>> [in_shard("2024/story", (i, 3)) for i in (1, 2, 3)].count(True)
    1
    """
    if shard is None:
        return True
    index, count = shard
    return int.from_bytes(hashlib.sha256(slug.encode("utf-8")).digest()[:8], "big") % count == index - 1


def slug_for(relative: PurePosixPath) -> str:
    """The slug of an article at ``relative`` (below ``articles/``).

    >>> slug_for(PurePosixPath("2024/story.html")), slug_for(PurePosixPath("my-post/index.md"))
    ('2024/story', 'my-post')
    >>> slug_for(PurePosixPath("index.html"))
    'index'
    """
    without = relative.with_suffix("")
    if without.name == "index" and len(without.parts) > 1:
        return without.parent.as_posix()
    return without.as_posix()


def is_folder_index(article: PurePath, slug: str) -> bool:
    """Whether the article at ``article`` (its path, of slug ``slug``: see :func:`slug_for`) is its
    folder's index (``guide/index.html``, slug ``guide``): its pages are their folder's index too
    (``<lang>/guide/index.html``), where links to the folder (``guide/``) and its own relative links
    lead on the source site.

    >>> is_folder_index(PurePosixPath("guide/index.html"), "guide"), is_folder_index(PurePosixPath("a.md"), "a")
    (True, False)
    >>> is_folder_index(PurePosixPath("index.html"), "index")
    False
    """
    return article.stem == "index" and slug != "index"


def is_translation_name(
    name: str, locales: frozenset[str], *, html: bool = False, markdown: tuple[str, ...] = MARKDOWN_SUFFIXES
) -> bool:
    """Whether a file named ``name`` is a Markdown translation ``<name>.<locale>.md`` (suffix layout);
    with ``html``, an HTML content page's ``<name>.<locale>.html`` too (what the suffix layout writes
    beside such a page; in an HTML project's articles, ``a.es.html`` may be an article of its own).

    >>> [is_translation_name(n, frozenset({"es", "zh-cn"})) for n in ("a.es.md", "a.zh-cn.markdown", "a.md", "a.es.html")]
    [True, True, False, False]
    >>> [is_translation_name(n, frozenset({"es"}), html=True) for n in ("a.es.html", "a.es.htm", "a.html", "a.fr.html")]
    [True, True, False, False]

    ``markdown``: the extensions of Markdown files (a Jekyll site's ``markdown_ext``):

    >>> is_translation_name("a.es.mkd", frozenset({"es"})), is_translation_name("a.es.mkd", frozenset({"es"}), markdown=(".mkd",))
    (False, True)
    """
    stem, dot, suffix = name.rpartition(".")
    if not dot or f".{suffix.lower()}" not in ((*markdown, *HTML_SUFFIXES) if html else markdown):
        return False
    return stem.rpartition(".")[2] in locales if "." in stem else False


def jekyll_markdown_suffixes(markdown_ext: object) -> tuple[str, ...]:
    """The extensions of the files a Jekyll site converts from Markdown, by its ``markdown_ext``
    setting (a string of names split at commas, compared in lower case, as Jekyll does; another
    value or none: Jekyll's default, :data:`JEKYLL_MARKDOWN_EXT`).

    >>> jekyll_markdown_suffixes(None)
    ('.markdown', '.mkdown', '.mkdn', '.mkd', '.md')
    >>> jekyll_markdown_suffixes("MD,text"), jekyll_markdown_suffixes(["md"])[-1]
    (('.md', '.text'), '.md')
    """
    names = markdown_ext if isinstance(markdown_ext, str) and markdown_ext else JEKYLL_MARKDOWN_EXT
    return tuple(dict.fromkeys(f".{name.lower()}" for name in names.split(",") if name))


def is_private(relative: str, private: tuple[str, ...]) -> bool:
    """Whether the file at ``relative`` (its path in the project, ``/``-separated) is one no article
    publishes, into the HTML site or beside its Markdown, and none is read as: a hidden file or one
    in a hidden folder (``.env``, ``.git/config``, ``.transpub/``), or one at or below ``private``
    (:meth:`~transpub.project.Project.private_files`). Compile's HTML assets and Markdown images ask it,
    of the path a reference names and of the path it leads to; discovery, of where a link in the
    articles folder leads.

    >>> is_private(".env", ()), is_private("img/.cache/a.png", ()), is_private("img/a.png", ())
    (True, True, False)
    >>> is_private("locales/de/LC_MESSAGES/a.po", ("transpub.toml", "locales")), is_private("locales2/a", ("locales",))
    (True, False)
    """
    return any(part.startswith(".") for part in relative.split("/")) or any(
        relative == name or relative.startswith(name.rstrip("/") + "/") for name in private if name != "."
    )


#: What Jekyll 4 leaves out of every site, whatever its ``exclude`` says (its top folders, files).
JEKYLL_NEVER_READ = ("Gemfile", "Gemfile.lock", "node_modules", "vendor")
#: The start of a file Jekyll renders: front matter (``---`` on the first line; Jekyll 4's ``has_yaml_header?``).
_FRONT_MATTER_START = re.compile(rb"---[ \t\f\v\r]*\n")


def jekyll_reads(relative: str, folders: tuple[str, ...]) -> bool:
    """Whether Jekyll may render what is at ``relative`` (``/``-separated, in its site's folder) as a
    page: in none of :data:`JEKYLL_NEVER_READ`, no part of its path starting with ``_`` (``_layouts``,
    ``_includes``, ``_site``, ``docs/_partials``) but the folder of ``folders`` its path starts with
    (``_posts``; ``my_collections/_posts`` where the site's ``collections_dir`` is ``my_collections``).

    >>> [jekyll_reads(p, ("_posts",)) for p in ("about.md", "_posts/a.md", "_layouts/a.html", "news/_x.md")]
    [True, True, False, False]
    >>> jekyll_reads("vendor/bundle/a.md", ("_posts",)), jekyll_reads("_posts/_drafts/a.md", ("_posts",))
    (False, False)
    >>> [jekyll_reads(p, ("c/_posts",)) for p in ("c/_posts/a.md", "_posts/a.md", "c/_drafts/a.md", "c/a.md")]
    [True, False, False, True]

    A post in category folders (``news/_posts/a.md``; ``c/news/_posts/a.md`` in the
    ``collections_dir``) too, as Jekyll reads them:

    >>> [jekyll_reads(p, ("c/_posts",)) for p in ("c/news/_posts/a.md", "news/_posts/a.md", "c/news/_x/a.md")]
    [True, False, False]
    >>> jekyll_reads("news/local/_posts/a.md", ("_posts",)), jekyll_reads("news/_posts/_x/a.md", ("_posts",))
    (True, False)
    """
    parts = relative.split("/")
    if parts[0] in JEKYLL_NEVER_READ:
        return False
    first = next(
        (
            folder.count("/") + 1
            for folder in folders
            if relative == folder or relative.startswith(folder + "/")
        ),
        0,
    ) or max(
        (
            category_posts_end(parts, folder.count("/"))
            for folder in folders
            if PurePosixPath(folder).name == "_posts" and relative.startswith(folder.removesuffix("_posts"))
        ),
        default=0,
    )
    return not any(part.startswith("_") for part in parts[first:])


def category_posts_end(parts: Sequence[str], start: int) -> int:
    """How many of ``parts`` (a path in a Jekyll site's folder) name a ``_posts`` folder inside
    category folders, from ``parts[start]`` on (that of its ``collections_dir``): ``news/_posts/a.md``
    → 2, a post in category ``news``; 0: none (the first part starting with ``_`` is another).

    >>> [category_posts_end(p.split("/"), 0) for p in ("news/_posts/a.md", "a/b/_posts", "_posts/a.md", "a/_x/_posts/b")]
    [2, 3, 0, 0]
    """
    for index in range(start, len(parts)):
        if parts[index].startswith("_"):
            return index + 1 if parts[index] == "_posts" and index > start else 0
    return 0


def in_posts_language_folder(parts: Sequence[str], language_folders: Collection[str]) -> bool:
    """Whether the file at ``parts`` (its path in a Jekyll site's folder) is in a language's folder
    right inside a ``_posts`` folder (``_posts/es/a.md``, a category's ``news/_posts/es/a.md``): a
    language's posts, which compile writes in a polyglot site and extract never reads as articles.

    >>> [in_posts_language_folder(p.split("/"), {"en", "es"}) for p in ("news/_posts/es/a.md", "news/_posts/a.md", "es/_posts/a.md")]
    [True, False, False]
    """
    return any(
        parts[index - 1] == "_posts" and parts[index] in language_folders
        for index in range(1, len(parts) - 1)
    )


def in_underscore_folder(parts: Sequence[str]) -> bool:
    """Whether the file at ``parts`` (its path in a Jekyll site, or in its ``collections_dir``) is a
    post's or a collection document's: in a ``_`` folder (``_posts/es/a.md``), or a post in category
    folders (``news/_posts/es/a.md``).

    >>> [in_underscore_folder(p.split("/")) for p in ("_posts/a.md", "news/_posts/a.md", "news/a.md")]
    [True, True, False]
    """
    return parts[0].startswith("_") or bool(category_posts_end(parts, 0))


def jekyll_page(path: str) -> bool:
    """Whether the file at ``path`` starts with front matter, as a file Jekyll renders does (it copies
    any other, ``README.md`` too, as it is); False for one that cannot be read (extract says why)."""
    try:
        with open(path, "rb") as file:
            start = file.read(64)
    except OSError:
        return True  # (read as an article: its reader names the file and why it cannot be read)
    return _FRONT_MATTER_START.match(start.removeprefix(b"\xef\xbb\xbf")) is not None


def _within(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return 255


def _slug_problem(slug: str, name_max: int, ending: str = ".html") -> str | None:
    """Why ``slug`` cannot name catalogs and pages (``ending``: the longest end a file named after it
    gets, ``.html`` or a Markdown translation's ``.zh_CN.md``), or None."""
    if not slug.isprintable():  # (a control character is not printable: most slugs are looked at no further)
        bad = [ch for ch in slug if unicodedata.category(ch) == "Cc"]
        if bad:
            return f"its name holds a control character ({bad[0]!r}); rename the file"
    added = max(len(ending.encode("utf-8")), len(".html")) + _TEMPORARY_ADDED
    if len(slug.encode("utf-8")) + added <= name_max:  # (no part of it is longer)
        return None
    for part in slug.split("/"):
        if len(part.encode("utf-8")) + added > name_max:
            return (
                f"its name is too long for the filesystem once {ending} and a temporary-file suffix are "
                f"added ({len(part.encode('utf-8'))} bytes; at most {name_max - added})"
            )
    return None


def _suffix(name: str) -> str:
    """``PurePath(name).suffix``: from the last dot, unless it begins or ends the name."""
    at = name.rfind(".")
    return name[at:] if 0 < at < len(name) - 1 else ""


def _slug_of(relative: str) -> str:
    """:func:`slug_for` of a path below ``articles/`` as a string with ``/`` between its parts."""
    without = relative[: -len(_suffix(relative.rpartition("/")[2]))] or relative
    folder, _, name = without.rpartition("/")
    return folder if name == "index" and folder else without


def _is(entry: os.DirEntry[str], kind: str) -> bool:
    """``entry.is_dir()`` or ``entry.is_file()`` (links followed) as ``Path.is_dir()`` and
    ``Path.is_file()`` tell it: False for an entry gone, a broken link or a loop of links."""
    try:
        return entry.is_dir() if kind == "dir" else entry.is_file()
    except OSError as exc:
        if exc.errno in _MISSING:
            return False
        raise


#: The errors for which pathlib's ``is_dir`` and ``is_file`` answer False.
_MISSING = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP})


def discover_articles(
    articles_dir: Path,
    project_root: Path,
    exclude: tuple[str, ...] = (),
    follow_symlinks: bool = False,
    *,
    translation_names: frozenset[str] = frozenset(),
    output_dirs: tuple[Path, ...] = (),
    outputs: frozenset[str] = frozenset(),
    private: tuple[str, ...] = (),
    translation_infix: str = "",
    jekyll_folders: tuple[str, ...] | None = None,
    language_folders: frozenset[str] = frozenset(),
    markdown_suffixes: tuple[str, ...] = MARKDOWN_SUFFIXES,
) -> Discovery:
    """Every article under ``articles_dir`` (recursively), by slug, with what was left out and why.

    Translations compile wrote are never articles: a Markdown file ``<name>.<X>.md`` where ``X`` is
    in ``translation_names`` (the target locales and their output folders; with ``translation_infix``,
    the suffix layout, an HTML content page's ``<name>.<X>.html`` too), and the folders
    ``output_dirs`` (compile's, and a MkDocs theme's overrides: templates, no pages); nor are the
    files ``outputs`` (their paths, as ``articles_dir`` joined with their names below it: those of a
    language no longer among the locales, which compile removes).
    ``translation_infix``: the longest part compile puts before a Markdown article's extension to
    name its translation beside it (``.zh_CN``: ``[compile] layout = "suffix"``), for names too long.
    ``jekyll_folders``: where ``articles_dir`` is a Jekyll site's folder (``[compile] layout =
    "polyglot"``), the folders starting with ``_`` whose files are its pages (``_posts``): the files
    Jekyll renders are the articles, those in no other such folder (``_layouts``, ``_includes``,
    ``_site``) nor one of :data:`JEKYLL_NEVER_READ`, starting with front matter (see :func:`jekyll_page`);
    not those in a folder of ``language_folders`` in a ``_posts`` folder (a language's posts of a
    category, ``news/_posts/es/``, that compile writes).
    ``markdown_suffixes``: the extensions of Markdown articles (a Jekyll site's ``markdown_ext``:
    ``.mkd`` too), beside HTML's and ``.txt``.
    """
    suffixes = frozenset((*HTML_SUFFIXES, ".txt", *markdown_suffixes))
    found = Discovery()
    skipped = {Path(os.path.abspath(folder)) for folder in output_dirs}
    if not articles_dir.is_dir():
        return found
    root = project_root.resolve()
    name_max = _name_max(articles_dir)
    candidates: list[tuple[str, str]] = []  # (path, path below articles_dir): strings, not paths
    seen_dirs = {articles_dir.resolve()}

    def shown(path: Path) -> str:
        try:
            return path.relative_to(project_root).as_posix()
        except ValueError:
            return str(path)

    def walk(folder: str, relative: str) -> Iterator[tuple[str, str]]:
        """Note the articles in ``folder``; yield each folder in it to walk, when it comes in order."""
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            found.errors.append(ArticleError(f"cannot read the folder: {exc.strerror}", shown(Path(folder))))
            return
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            rel = relative + name
            if exclude and any(fnmatch.fnmatchcase(rel, pattern) for pattern in exclude):
                continue
            if jekyll_folders is not None and not jekyll_reads(rel, jekyll_folders):
                continue
            if entry.is_symlink():
                try:
                    target = Path(entry.path).resolve()
                except (RuntimeError, OSError):  # a loop of links (RuntimeError before Python 3.13)
                    found.warnings.append(
                        Issue(
                            shown(Path(entry.path)),
                            None,
                            "articles",
                            "a symbolic link that leads back to itself (a loop of links) is not followed",
                            severity="warning",
                        )
                    )
                    continue
                if (
                    target != root
                    and _within(target, root)
                    and is_private(target.relative_to(root).as_posix(), private)
                    and (_suffix(name).lower() in suffixes or target.is_dir())
                ):  # (an image's link is compile's to refuse: see site_assets)
                    found.refused.add(_slug_of(rel))
                    found.errors.append(
                        ArticleError(
                            f"a symbolic link to a hidden file or transpub's own ({shown(target)}) "
                            "is no article: never read nor published",
                            shown(Path(entry.path)),
                        )
                    )
                    continue
                if not follow_symlinks and not _within(target, root):
                    found.warnings.append(
                        Issue(
                            shown(Path(entry.path)),
                            None,
                            "articles",
                            f"a symbolic link out of the project (to {target}) is not followed "
                            "(set [paths] follow_symlinks = true to allow it)",
                            severity="warning",
                        )
                    )
                    continue
            if _is(entry, "dir"):
                if Path(os.path.abspath(entry.path)) in skipped or (
                    name in language_folders and relative.endswith("_posts/")
                ):
                    continue  # localized Markdown written by compile
                resolved = Path(entry.path).resolve()
                if resolved in seen_dirs:
                    continue  # a link back into a folder already read
                seen_dirs.add(resolved)
                yield entry.path, rel + "/"
            elif _suffix(name).lower() in suffixes and _is(entry, "file"):
                if is_translation_name(
                    name, translation_names, html=bool(translation_infix), markdown=markdown_suffixes
                ) or (outputs and entry.path in outputs):
                    continue
                if jekyll_folders is not None and (
                    _suffix(name).lower() not in (*markdown_suffixes, *HTML_SUFFIXES)
                    or not jekyll_page(entry.path)
                ):  # (a robots.txt with front matter is a file of the site, not a page to translate)
                    continue
                candidates.append((entry.path, rel))

    # depth first, in name order, without recursion (a walk calling itself is a reference cycle that
    # keeps what it found until a collection, and a limit on how deep the folders may go)
    walks = [walk(os.fspath(articles_dir), "")]
    while walks:
        below = next(walks[-1], None)
        if below is None:
            walks.pop()
        else:
            walks.append(walk(*below))
    by_slug: dict[str, list[str]] = {}
    for path, rel in candidates:
        by_slug.setdefault(_slug_of(rel), []).append(path)
    for slug, paths in by_slug.items():
        if len(paths) > 1:
            found.refused.add(slug)
            names = " and ".join(shown(Path(p)) for p in paths)
            found.errors.append(
                ArticleError(
                    f"{names} have the same slug {slug!r}: neither is processed until one is renamed "
                    "or excluded ([paths] exclude)",
                    shown(Path(paths[0])),
                )
            )
            continue
        ending = ".html"
        if translation_infix and len(translation_infix) + len(_suffix(paths[0])) > len(ending):
            ending = translation_infix + _suffix(paths[0])
        problem = _slug_problem(slug, name_max, ending)
        if problem is not None:
            found.refused.add(slug)
            found.errors.append(ArticleError(problem, repr(shown(Path(paths[0])))[1:-1]))
            continue
        found.articles.append(Article(Path(paths[0]), slug))
    found.articles.sort(key=lambda article: article.slug)
    return found
