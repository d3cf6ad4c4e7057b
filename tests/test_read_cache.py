"""Compile, check and status take the articles extract read from ``.transpub/reads.sqlite`` instead
of reading them again, and publish exactly what a read of the article gives: an article edited
since, another reader option or another transpub reads it anew, and a damaged cache is never an
error nor a different page."""

from __future__ import annotations

import marshal
import shutil
import sqlite3
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

import transpub.fsutil
import transpub.readcache
import transpub.signing
import transpub.sources
from corpus import PAGES, needs_corpus
from transpub import catalog
from transpub.cli import main
from transpub.formats import ReadOptions, read_article
from transpub.formats.document import Document, Resolution, Tag, _walk_parts
from transpub.project import init_project
from transpub.readcache import MAX_DEPTH, READS, ReadCache, Uncacheable, decode, encode

DATA = Path(__file__).parent / "data"
#: Golden articles of each kind a document holds (attributes, placeholders, dates, links, front
#: matter, shortcodes, admonitions); every test article is stored and taken back in the last test.
GOLDEN_ARTICLES = [
    *(
        DATA / "html" / f"{name}.html"
        for name in ("attributes", "inline-placeholders", "meta-social", "notes")
    ),
    *(DATA / "markdown" / f"{name}.md" for name in ("front_yaml", "front_toml", "front_json", "admonitions")),
    *(DATA / "markdown" / f"{name}.md" for name in ("shortcodes", "inline")),
]
STORIES = 6


def newsroom(root: Path, stories: int = STORIES) -> Path:
    """The golden HTML and Markdown articles of tests/data, and a few news stories, in English
    for German and French."""
    init_project(root, source="en", locales=["de", "fr"], name="News")
    (root / "articles" / "golden").mkdir()
    for path in GOLDEN_ARTICLES:
        shutil.copy(path, root / "articles" / "golden" / path.name)
    for number in range(stories):
        (root / "articles" / f"story-{number:02d}.html").write_text(
            f"<html><head><title>Story {number}</title></head><body><article>"
            f"<h1>The council met on day {number}</h1>"
            f'<p>By Anna, <time datetime="2024-03-{number + 1:02d}">March {number + 1}, 2024</time></p>'
            f'<p>The <a href="/news/{number}">new bridge</a> opened. It cost <em>{number}</em> '
            "million euros. Nobody came.</p></article></body></html>",
            encoding="utf-8",
        )
    return root


def pseudo_translate(root: Path) -> None:
    """Every msgstr becomes ⟦msgid⟧ (reviewed)."""
    for path in sorted(root.rglob("*.po")):
        po = catalog.read_catalog(path)
        for entry in po:
            if entry.msgid and not entry.obsolete:
                entry.msgstr = f"⟦{entry.msgid}⟧"
        catalog.write_catalog(po, path)


def run(root: Path, *args: str, jobs: int = 1) -> tuple[int, str, str]:
    jobs_option = [] if args[0] == "status" else ["-j", str(jobs)]  # (status reads in one process)
    result = CliRunner().invoke(main, ["--project", str(root), *args, *jobs_option])
    return (
        result.exit_code,
        result.stdout.replace(str(root), "ROOT"),
        result.stderr.replace(str(root), "ROOT"),
    )


def site(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted((root / "site").rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The articles read from their files (not taken from the cache), in this process."""
    read: list[str] = []
    original = transpub.sources.read_article

    def counting(path: Path, *args: object, **kwargs: object) -> Document:
        read.append(path.name)
        return original(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(transpub.sources, "read_article", counting)
    return read


def extracted(tmp_path: Path) -> tuple[Path, Path]:
    """A newsroom extracted and pseudo-translated, and a copy of it without the stored reads."""
    root = newsroom(tmp_path / "news")
    assert run(root, "extract")[0] == 0
    pseudo_translate(root)
    cold = tmp_path / "cold"
    shutil.copytree(root, cold)
    (cold / READS).unlink()
    return root, cold


def test_compile_after_extract_reads_no_article_again_and_writes_the_same_site(
    tmp_path: Path, reads: list[str]
) -> None:
    root, cold = extracted(tmp_path)
    reads.clear()
    warm = run(root, "compile")
    assert reads == []  # every article taken from what extract read
    cold_run = run(cold, "compile")
    assert len(reads) == len(GOLDEN_ARTICLES) + STORIES
    assert warm == cold_run
    assert site(root) == site(cold)
    assert "⟦" in (root / "site" / "de" / "story-03.html").read_text(encoding="utf-8")


def catalogs(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted((root / "locales").rglob("*.po*"))
        if p.is_file()
    }


def test_extract_after_the_translators_filled_the_catalogs_reads_no_article_again(
    tmp_path: Path, reads: list[str]
) -> None:
    root, cold = extracted(tmp_path)
    for project in (root, cold):  # and one article edited meanwhile
        story = project / "articles" / "story-03.html"
        story.write_text(story.read_text(encoding="utf-8").replace("Nobody came.", "Everybody came."))
    reads.clear()
    warm = run(root, "extract")
    assert reads == ["story-03.html"]  # the others taken from what the last extract read
    assert warm == run(cold, "extract")
    assert catalogs(root) == catalogs(cold)
    reads.clear()
    assert run(root, "extract", "--full")[0] == 0
    assert len(reads) == len(GOLDEN_ARTICLES) + STORIES  # --full reads every article


def test_check_and_status_after_extract_read_no_article_again_and_say_the_same(
    tmp_path: Path, reads: list[str]
) -> None:
    root, cold = extracted(tmp_path)
    reads.clear()
    warm = run(root, "check"), run(root, "status")
    assert reads == []
    assert warm == (run(cold, "check"), run(cold, "status"))
    assert len(reads) == 2 * (len(GOLDEN_ARTICLES) + STORIES)


def test_an_article_edited_after_extract_is_published_as_it_now_reads(
    tmp_path: Path, reads: list[str]
) -> None:
    root, cold = extracted(tmp_path)
    for project in (root, cold):
        story = project / "articles" / "story-03.html"
        story.write_text(story.read_text(encoding="utf-8").replace("Nobody came.", "Everybody came."))
    reads.clear()
    warm = run(root, "compile")
    assert reads == ["story-03.html"]
    page = (root / "site" / "en" / "story-03.html").read_text(encoding="utf-8")
    assert "Everybody came." in page and "Nobody came." not in page
    assert warm == run(cold, "compile")
    assert site(root) == site(cold)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "row", "version"])
def test_a_damaged_read_cache_makes_compile_read_the_articles_with_the_same_site_and_no_error(
    tmp_path: Path, reads: list[str], damage: str
) -> None:
    root, cold = extracted(tmp_path)
    stored = root / READS
    if damage == "garbage":
        stored.write_bytes(b"not a database at all\n" * 500)
    elif damage == "truncated":
        stored.write_bytes(stored.read_bytes()[: stored.stat().st_size // 3])
    elif damage == "empty":
        stored.write_bytes(b"")
    else:
        with sqlite3.connect(stored) as db:
            if damage == "row":  # one byte of each stored document changed
                for name, data in db.execute("SELECT path, data FROM reads").fetchall():
                    middle = len(data) // 2
                    damaged = data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :]
                    db.execute("UPDATE reads SET data = ? WHERE path = ?", (damaged, name))
            else:  # stored by another version of the stored form, with a valid checksum
                for name, data in db.execute("SELECT path, data FROM reads").fetchall():
                    body = marshal.dumps((transpub.readcache.FORMAT + 1, *marshal.loads(data[4:])[1:]))
                    db.execute(
                        "UPDATE reads SET data = ? WHERE path = ?",
                        (zlib.crc32(body).to_bytes(4, "big") + body, name),
                    )
    reads.clear()
    warm = run(root, "compile")
    assert warm[0] == 0 and "reads.sqlite" not in warm[2] and "Traceback" not in warm[2]
    if damage != "truncated":  # (a truncated file may still hold a few whole rows)
        assert len(reads) == len(GOLDEN_ARTICLES) + STORIES
    assert warm == run(cold, "compile")
    assert site(root) == site(cold)
    # and the next extract that reads them stores them again
    assert run(root, "extract", "--full")[0] == 0
    with sqlite3.connect(root / READS) as db:
        assert db.execute("SELECT count(*) FROM reads").fetchone()[0] == len(GOLDEN_ARTICLES) + STORIES


def _poisoned(data: bytes, poison: str) -> bytes:
    """A stored document as a hostile transpub would store it (a valid checksum, no signature of
    this machine): ``script`` adds a script to its source text, ``unescaped`` makes every text slot's
    translation go into the page as it is written."""
    stored = list(marshal.loads(data[4:]))  # (what follows the stored form is ignored)

    def walk(parts: list[object]) -> list[object]:
        out: list[object] = []
        for part in parts:
            if isinstance(part, str) and poison == "script" and "</article>" in part:
                part = part.replace("</article>", "<script>alert(1)</script></article>")
            elif isinstance(part, tuple) and part[0] == transpub.readcache._TEXT and poison == "unescaped":
                part = (*part[:10], "", *part[11:])  # the default escape: none
            elif isinstance(part, tuple) and part[0] == transpub.readcache._TAG:
                part = (part[0], walk(part[1]), *part[2:])
            out.append(part)
        return out

    stored[3] = walk(stored[3])
    body = marshal.dumps(tuple(stored))
    return zlib.crc32(body).to_bytes(4, "big") + body


@pytest.mark.parametrize("poison", ["script", "unescaped"])
def test_a_read_cache_written_elsewhere_cannot_change_a_published_page(
    tmp_path: Path, reads: list[str], poison: str
) -> None:
    """A ``.transpub/reads.sqlite`` this transpub did not write (a CI cache restored from a fork's
    run) is read as missing: its article is read again and its page is as a run without it makes."""
    root, cold = extracted(tmp_path)
    for project in (root, cold):  # a translation with markup in it, escaped as any other
        po = project / "locales" / "de" / "LC_MESSAGES" / "story-03.po"
        po.write_text(
            po.read_text(encoding="utf-8").replace(
                'msgstr "⟦Nobody came.⟧"', 'msgstr "<img src=x onerror=alert(1)>"'
            ),
            encoding="utf-8",
        )
    with sqlite3.connect(root / READS) as db:
        for name, data in db.execute("SELECT path, data FROM reads").fetchall():
            db.execute("UPDATE reads SET data = ? WHERE path = ?", (_poisoned(data, poison), name))
    reads.clear()
    warm = run(root, "compile")
    page = (root / "site" / "de" / "story-03.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "<img src=x" not in page and "&lt;img src=x" in page
    assert "story-03.html" in reads
    assert warm == run(cold, "compile")
    assert site(root) == site(cold)


def test_a_read_cache_from_another_machine_is_read_anew(
    tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, cold = extracted(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-machine"))
    monkeypatch.setattr(transpub.signing, "_LOCAL_KEY", None, raising=False)  # (read again)
    reads.clear()
    warm = run(root, "compile")
    assert len(reads) == len(GOLDEN_ARTICLES) + STORIES
    assert warm == run(cold, "compile")
    assert site(root) == site(cold)
    # and an extract there stores them again, for that machine
    assert run(root, "extract")[0] == 0
    reads.clear()
    assert run(root, "compile")[0] == 0
    assert reads == []


def test_another_reader_option_or_transpub_reads_the_articles_anew(
    tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, cold = extracted(tmp_path)
    for project in (root, cold):  # segmentation by paragraph, without extracting again
        config = project / "transpub.toml"
        config.write_text(
            config.read_text().replace('segmentation = "sentence"', 'segmentation = "paragraph"')
        )
    reads.clear()
    warm = run(root, "compile")
    assert len(reads) == len(GOLDEN_ARTICLES) + STORIES
    assert warm == run(cold, "compile")
    assert site(root) == site(cold)

    root, _ = extracted(tmp_path / "again")
    monkeypatch.setattr(transpub.readcache, "code_signature", lambda root=None: "another transpub")
    reads.clear()
    run(root, "compile")
    assert len(reads) == len(GOLDEN_ARTICLES) + STORIES


def test_extract_and_compile_with_two_processes_store_and_take_every_article(
    tmp_path: Path, reads: list[str]
) -> None:
    root = newsroom(tmp_path / "news")
    assert run(root, "extract", jobs=2)[0] == 0
    with sqlite3.connect(root / READS) as db:
        assert db.execute("SELECT count(*) FROM reads").fetchone()[0] == len(GOLDEN_ARTICLES) + STORIES
    pseudo_translate(root)
    cold = tmp_path / "cold"
    shutil.copytree(root, cold)
    (cold / READS).unlink()
    reads.clear()
    assert run(root, "compile", jobs=2) == run(cold, "compile", jobs=1)
    assert site(root) == site(cold)


def stored_rows(root: Path) -> dict[str, tuple[str, str, bytes]]:
    with sqlite3.connect(root / READS) as db:
        return {name: (slug, key, data) for name, slug, key, data in db.execute("SELECT * FROM reads")}


def test_a_full_extract_stores_what_it_reads_anew_and_encodes_no_unchanged_article_again(
    tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = newsroom(tmp_path / "news")
    assert run(root, "extract")[0] == 0
    before = stored_rows(root)
    story = root / "articles" / "story-03.html"
    story.write_text(story.read_text(encoding="utf-8").replace("Nobody came.", "Everybody came."))
    encoded: list[str] = []
    original = transpub.readcache.encode

    def counting(document: Document) -> bytes:
        encoded.append(document.path.name)
        return original(document)

    monkeypatch.setattr(transpub.readcache, "encode", counting)
    reads.clear()
    assert run(root, "extract", "--full")[0] == 0
    assert len(reads) == len(GOLDEN_ARTICLES) + STORIES  # every article read
    assert encoded == ["story-03.html"]  # the others are stored as they read
    after = stored_rows(root)
    assert after.keys() == before.keys()
    assert {name for name in after if after[name] != before[name]} == {"articles/story-03.html"}
    # what is stored is what a read gives: compile takes every article from it, as a cold compile
    pseudo_translate(root)
    cold = tmp_path / "cold"
    shutil.copytree(root, cold)
    (cold / READS).unlink()
    reads.clear()
    warm = run(root, "compile")
    assert reads == []
    assert warm == run(cold, "compile")
    assert site(root) == site(cold)
    assert "Everybody came." in (root / "site" / "en" / "story-03.html").read_text(encoding="utf-8")


def test_the_read_cache_keeps_one_entry_per_article_and_drops_deleted_ones(tmp_path: Path) -> None:
    root = newsroom(tmp_path / "news")
    run(root, "extract")
    story = root / "articles" / "story-03.html"
    story.write_text(story.read_text(encoding="utf-8").replace("Nobody", "Everybody"))
    (root / "articles" / "story-04.html").unlink()
    run(root, "extract")
    with sqlite3.connect(root / READS) as db:
        stored = dict(db.execute("SELECT path, digest FROM reads"))
    assert len(stored) == len(GOLDEN_ARTICLES) + STORIES - 1
    assert "articles/story-04.html" not in stored and "articles/story-03.html" in stored


def test_sharded_extracts_keep_each_others_stored_reads(tmp_path: Path, reads: list[str]) -> None:
    root = newsroom(tmp_path / "news")
    assert run(root, "extract", "--shard", "1/2")[0] == 0
    with sqlite3.connect(root / READS) as db:
        first = db.execute("SELECT count(*) FROM reads").fetchone()[0]
    assert 0 < first < len(GOLDEN_ARTICLES) + STORIES
    assert run(root, "extract", "--shard", "2/2")[0] == 0
    with sqlite3.connect(root / READS) as db:
        assert db.execute("SELECT count(*) FROM reads").fetchone()[0] == len(GOLDEN_ARTICLES) + STORIES
    reads.clear()
    run(root, "compile")
    assert reads == []


def test_a_document_nesting_too_deep_to_store_is_read_each_time(tmp_path: Path) -> None:
    # (the readers keep parts nearly flat, whatever the page's nesting: this guards the recursion)
    tag = Tag(["<b>"], "b")
    for _ in range(MAX_DEPTH + 5):
        tag = Tag(["<i>", tag, "</i>"], "i")
    document = Document(Path("deep.html"), "html", "utf-8", ["<p>", tag, "</p>"], "en")
    with pytest.raises(Uncacheable):
        encode(document)
    cache = ReadCache(tmp_path, store=True)
    cache.keep("articles/deep.html", "deep", "digest", document)
    assert cache.take() == []


def _shape(document: Document) -> object:
    """Everything a document holds, as nested lists (a part met again as a reference to the first)."""
    seen: dict[int, int] = {}

    def conv(x: object) -> object:
        if x.__class__ is str or x is None or isinstance(x, (int, bool)):
            return x
        if isinstance(x, Path):
            return str(x)
        if isinstance(x, str):  # Gap
            return [type(x).__name__, str(x)]
        if isinstance(x, (list, tuple)):
            return [type(x).__name__, [conv(y) for y in x]]
        if isinstance(x, dict):
            return ["dict", [(k, conv(v)) for k, v in x.items()]]
        if callable(x):
            func = getattr(x, "func", x)
            args = getattr(x, "args", None)  # (a writer may be handed another: the front matter's)
            args = None if args is None else [conv(a) if callable(a) else a for a in args]
            keywords = getattr(x, "keywords", None)  # (or in a keyword: the format's own writer)
            keywords = (
                None if keywords is None else {k: conv(v) if callable(v) else v for k, v in keywords.items()}
            )
            return ["function", func, args, keywords]
        if id(x) in seen:
            return ["seen", seen[id(x)]]
        seen[id(x)] = len(seen)
        return [type(x).__name__, [(k, conv(v)) for k, v in vars(x).items() if not k.startswith("_")]]

    fields = ("parts", "html_tag", "charset_tag", "format", "encoding", "source_locale", "warnings")
    more = ("title", "published", "has_base", "depth", "path")
    return conv([getattr(document, name) for name in fields + more])


def _comes_back_as_read(files: list[Path], options: ReadOptions) -> None:
    stored = gathered = 0
    for path in files:
        try:
            document = read_article(path, options)
        except Exception:  # unreadable on purpose
            continue
        try:
            blob = encode(document)
        except Uncacheable:
            continue
        # the slots, tags and link targets the encoding met and left to the document are those a walk finds
        gathered += document._slots is not None
        found = (list(document.slots()), list(document.tags()), list(document.link_targets()))
        assert found == _walk_parts(document.parts), path
        back = decode(blob, path)
        assert _shape(back) == _shape(document), path
        # those gathered while decoding are the ones a walk of its parts finds (by identity)
        slots, tags, links = _walk_parts(back.parts)
        assert (list(back.slots()), list(back.tags()), list(back.link_targets())) == (slots, tags, links), (
            path
        )
        assert back.render() == document.render(), path
        assert back.render() == back.render(lambda slot: Resolution()), path  # (the source page's quick path)
        assert back.render(_pseudo) == document.render(_pseudo), path
        stored += 1
    assert stored > 0.9 * len(files)
    assert gathered > 0.9 * stored


def _pseudo(slot: object) -> Resolution:
    return Resolution(f"⟦{slot.msgid}⟧")  # type: ignore[attr-defined]


@pytest.mark.parametrize("segmentation", ["sentence", "paragraph"])
def test_every_test_article_comes_back_from_the_cache_as_read(segmentation: str) -> None:
    files = [p for p in sorted(DATA.rglob("*")) if p.suffix in (".html", ".htm", ".md", ".txt")]
    _comes_back_as_read(files, ReadOptions(segmentation=segmentation, extract_code=True))


@needs_corpus
def test_every_real_page_comes_back_from_the_cache_as_read() -> None:
    _comes_back_as_read(PAGES, ReadOptions())


def test_a_front_matter_value_read_as_markdown_comes_back_from_the_cache_as_read(tmp_path: Path) -> None:
    """GitHub Docs' ``intro`` read as Markdown (``[extract.front_matter] markdown``): its parts and
    how its translation is written back into the YAML are stored, and render the same."""
    article = tmp_path / "intro.md"
    article.write_text(
        "---\ntitle: Actions\nintro: 'Use [actions](/actions) to *automate* it.'\n---\n\nBody.\n",
        encoding="utf-8",
    )
    _comes_back_as_read([article], ReadOptions(front_matter_markdown=("intro",)))
    back = decode(encode(read_article(article, ReadOptions(front_matter_markdown=("intro",)))), article)
    german = {
        "Use <1>actions</1> to <2>automate</2> it.": "Mit <1>Aktionen</1> 'automatisieren' Sie <2>es</2>."
    }
    rendered = back.render(lambda slot: Resolution(german.get(slot.msgid)))
    assert "intro: 'Mit [Aktionen](/actions) ''automatisieren'' Sie *es*.'\n" in rendered


def test_an_address_under_a_markdown_div_stays_text_for_hugo_when_compile_takes_the_stored_read(
    tmp_path: Path,
) -> None:
    """The lines under a ``<div markdown="1">`` of its own are raw HTML to Hugo: the stored document
    still says so, and a Chinese translation glued to the address writes it as the source does
    (not ``<https://…>``, a tag that hides it), as the document extract read does."""
    article = tmp_path / "notice.md"
    article.write_text(
        '<div class="notice" markdown="1">\nVisit https://example.org for details.\n</div>\n',
        encoding="utf-8",
    )
    _comes_back_as_read([article], ReadOptions())
    back = decode(encode(read_article(article, ReadOptions())), article)
    chinese = {"Visit <1/> for details.": "访问<1/>了解详情。"}
    rendered = back.render(lambda slot: Resolution(chinese.get(slot.msgid)), heading_ids="hugo")
    assert rendered == '<div class="notice" markdown="1">\n访问https://example.org了解详情。\n</div>\n'


def test_text_and_attributes_written_as_the_source_writes_them_are_stored_and_written_alike(
    tmp_path: Path,
) -> None:
    # their writers were closures: such articles (18 of 65 real pages) could not be stored, and were read again
    html = "<p title=' A&nbsp;b '>5&nbsp;km &mdash; it&#8217;s here.</p>"
    markdown = "<div title=' A&nbsp;b '>\n5&nbsp;km &mdash; it&#8217;s here.\n</div>\n\nText.\n"
    for name, text in (("a.html", html), ("a.md", markdown)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        document = read_article(path, ReadOptions())
        again = decode(encode(document), path)
        for translate in (
            lambda s: Resolution(f"⟦{s.msgid}⟧"),
            lambda s: Resolution("Ça\xa0va — 'oui'\n\nx"),
        ):
            assert again.render(translate) == document.render(translate)
        assert document.render(lambda s: Resolution(s.msgid)) == text


def test_a_pages_own_mark_insert_and_keys_stay_markup_when_compile_takes_the_stored_read(
    tmp_path: Path,
) -> None:
    # pymdownx' ==mark==, ^^ins^^, X^2^ and ++ctrl++ of the source, kept where the source has them,
    # were written &#61;&#61;, &#94;&#94; and &#43;+ by compile (which takes extract's stored read): text on the page
    text = "==mark me==\n\n^^Insert me^^\n\nX^2^ + 4x - 8\n\nPress ++ctrl+alt+delete++.\n"
    article = tmp_path / "caret.md"
    article.write_text(text, encoding="utf-8")
    document = read_article(article, ReadOptions())
    stored = decode(encode(document), article)
    pseudo = stored.render(_pseudo)
    assert pseudo == document.render(_pseudo)
    assert pseudo.replace("⟦", "").replace("⟧", "") == text


def test_a_hugo_html_page_and_a_wordpress_page_come_back_from_the_cache_as_read(tmp_path: Path) -> None:
    """Their translations are written by writers handed the format's own (a template's or a
    shortcode's ``{``, ``[`` as references): stored too, so compile does not read them again."""
    hugo = tmp_path / "hugo.html"
    hugo.write_text('---\ntitle: Ferries\n---\n<p title="Go">Call {{< phone >}} now.</p>\n', encoding="utf-8")
    wordpress = tmp_path / "post.html"
    wordpress.write_text(
        '<p>[caption caption="The dock"]<img src="a.jpg" alt="A ferry">Dawn [1].[/caption]</p>',
        encoding="utf-8",
    )
    hugo_site, wordpress_site = ReadOptions(), ReadOptions(wordpress_shortcodes=("caption",))
    _comes_back_as_read([hugo], hugo_site)
    _comes_back_as_read([wordpress], wordpress_site)
    for path, run, options in (
        (hugo, "{{% x %}}", hugo_site),
        (wordpress, "[embed]y[/embed]", wordpress_site),
    ):
        back = decode(encode(read_article(path, options)), path)
        written = back.render(lambda slot: Resolution(f"{slot.msgid} {run} [1]"))  # noqa: B023 (run now)
        body = written.rsplit("---\n", 1)[-1]  # (front matter: no generator runs templates there)
        assert run not in body and run.replace("{", "&#123;").replace("[", "&#91;") in body


def test_a_wordpress_translation_reordering_its_shortcodes_is_refused_when_compile_takes_the_stored_read(
    tmp_path: Path,
) -> None:
    """What refuses it (the order would make WordPress pair ``[ts lang="js"]`` with the ``[/ts]`` of
    another) and what writes a translation's ``[/ts]`` as text are stored with the document."""
    from transpub.formats.value_slots import kept_source, value_slots

    post = tmp_path / "post.html"
    post.write_text('Run [ts]x [ts]y[/ts] z[/ts] now, [ts lang="js"] alone.\n', encoding="utf-8")
    options = ReadOptions(wordpress_shortcodes=("caption",), code_shortcodes=("ts",))
    document = read_article(post, options)
    stored = decode(encode(document), post)
    (slot,) = value_slots(stored)
    assert slot.msgid == "Run <1/> z[/ts] now, <2/> alone."
    assert kept_source(slot, "Starte <2/> dann <1/> z[/ts].") == kept_source(
        value_slots(document)[0], "Starte <2/> dann <1/> z[/ts]."
    )
    assert kept_source(slot, "Starte <2/> dann <1/> z[/ts].")[0] == "placeholders"  # type: ignore[index]
    for text in ("Starte <2/> dann <1/> z[/ts].", "Starte <1/> jetzt, <2/> allein z[/ts]."):
        assert stored.render(lambda s, text=text: Resolution(text)) == document.render(
            lambda s, text=text: Resolution(text)
        )
    assert "allein z&#91;/ts]." in stored.render(
        lambda s: Resolution("Starte <1/> jetzt, <2/> allein z[/ts].")
    )


def test_a_link_written_as_a_liquid_tag_comes_back_from_the_cache_and_is_still_pointed_at_a_language(
    tmp_path: Path,
) -> None:
    """A Jekyll link whose destination is {% link … %} (or a reference definition's {% post_url … %})
    is a link target compile may point at the language's file, read or taken from the cache."""
    path = tmp_path / "a.md"
    path.write_text(
        "See [the pier]({% link en/pier.md %}) and [the post][p].\n\n[p]: {% post_url en/2024-01-05-a %}\n",
        encoding="utf-8",
    )
    document = read_article(path, ReadOptions())
    back = decode(encode(document), path)
    tags = ["{% link en/pier.md %}", "{% post_url en/2024-01-05-a %}"]
    assert [link.url for link in back.link_targets()] == tags
    localized = back.render(rewrite_url=lambda url: url.replace(" en/", " de/"))
    assert localized == path.read_text("utf-8").replace(" en/", " de/")
