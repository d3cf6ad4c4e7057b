"""Generated small news articles (about 3 KB each) and a transpub project holding them, for benches.

Each article looks like a newsroom's: a title and description, a byline with a ``<time>``, a
headline, a lead, paragraphs with links and emphasis, a subheading, a figure with a caption and
sometimes a quotation or a list. The text is made of ordinary English words (seeded, so every run
writes the same files).

    from newsgen import make_project
    make_project(Path("/tmp/news"), articles=1000, locales=["de", "es"])
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from pathlib import Path

NOUNS = [
    "council",
    "minister",
    "mayor",
    "city",
    "region",
    "company",
    "market",
    "report",
    "budget",
    "school",
    "river",
    "bridge",
    "station",
    "hospital",
    "festival",
    "team",
    "season",
    "league",
    "court",
    "election",
    "vote",
    "plan",
    "project",
    "harbour",
    "airport",
    "museum",
    "police",
    "union",
    "strike",
    "price",
    "rate",
    "bank",
    "farmer",
    "harvest",
    "storm",
    "flood",
    "road",
    "railway",
    "train",
    "ticket",
    "energy",
    "wind",
    "solar",
    "plant",
    "factory",
    "worker",
    "industry",
    "village",
    "museum",
    "library",
    "student",
    "teacher",
    "researcher",
    "study",
    "survey",
    "forecast",
    "winter",
    "summer",
    "spring",
    "autumn",
    "weekend",
    "morning",
    "evening",
]
VERBS = [
    "announced",
    "approved",
    "rejected",
    "opened",
    "closed",
    "reported",
    "said",
    "expects",
    "plans",
    "raised",
    "cut",
    "delayed",
    "confirmed",
    "launched",
    "finished",
    "visited",
    "welcomed",
    "criticised",
    "supported",
    "reviewed",
    "signed",
]
ADJECTIVES = [
    "new",
    "local",
    "regional",
    "national",
    "annual",
    "public",
    "private",
    "early",
    "late",
    "major",
    "small",
    "large",
    "first",
    "final",
    "record",
    "strong",
    "weak",
    "busy",
    "quiet",
    "popular",
]
NAMES = ("Anna Berg", "Tomás Ruiz", "Li Wei", "Maria Rossi", "Jonas Lind", "Sara Haddad", "Ivan Petrov")
PLACES = ("Springfield", "Northbridge", "Lakeside", "Eastport", "Millbrook", "Riverton")
LINKS = ("https://example.org/news/{n}", "../archive/{n}.html", "https://city.example.gov/plan-{n}")


def _phrase(rng: random.Random) -> str:
    return f"the {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"


def sentence(rng: random.Random, *, markup: bool = True) -> str:
    """One news sentence, sometimes with a link, emphasis, a number or a quoted name."""
    subject = rng.choice(
        [_phrase(rng), rng.choice(NAMES), f"The {rng.choice(NOUNS)} in {rng.choice(PLACES)}"]
    )
    words = [subject, rng.choice(VERBS), _phrase(rng)]
    if rng.random() < 0.5:
        words.append(rng.choice(["on Monday", "last week", "this year", "after the vote", "in March"]))
    if rng.random() < 0.3:
        words.append(f"for {rng.randint(2, 950)} {rng.choice(['million euros', 'people', 'days', 'homes'])}")
    if rng.random() < 0.4:
        words += ["and", rng.choice(VERBS), _phrase(rng)]
    if markup and rng.random() < 0.35:
        i = rng.randrange(1, len(words))
        link = rng.choice(LINKS).format(n=rng.randint(1, 999))
        words[i] = rng.choice(
            [
                f'<a href="{link}">{words[i]}</a>',
                f"<em>{words[i]}</em>",
                f"<strong>{words[i]}</strong>",
            ]
        )
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", "!"])


def paragraph(rng: random.Random, sentences: tuple[int, int] = (3, 6)) -> str:
    """A paragraph of a few sentences."""
    return " ".join(sentence(rng) for _ in range(rng.randint(*sentences)))


def news_article(rng: random.Random, number: int) -> str:
    """One article of about 3 KB."""
    day = date(2024, 1, 1) + timedelta(days=number % 700)
    title = sentence(rng, markup=False).rstrip(".!")
    body = [
        f"<h1>{title}</h1>",
        f'<p class="byline">By {rng.choice(NAMES)}, <time datetime="{day.isoformat()}">'
        f"{day.strftime('%B')} {day.day}, {day.year}</time></p>",
        f'<p class="lead">{paragraph(rng, (1, 2))}</p>',
        f"<p>{paragraph(rng)}</p>",
        f'<figure>\n<img src="images/photo-{number % 50}.jpg" alt="{sentence(rng, markup=False)}">\n'
        f"<figcaption>{sentence(rng)}</figcaption>\n</figure>",
        f"<p>{paragraph(rng)}</p>",
        f"<h2>{sentence(rng, markup=False).rstrip('.!')}</h2>",
        f"<p>{paragraph(rng)}</p>",
        f"<h2>{sentence(rng, markup=False).rstrip('.!')}</h2>",
        f"<p>{paragraph(rng, (2, 4))}</p>",
        f"<p>{paragraph(rng, (2, 4))}</p>",
    ]
    if rng.random() < 0.4:
        body.append(f"<blockquote><p>“{sentence(rng, markup=False)}”</p></blockquote>")
    if rng.random() < 0.3:
        body.append(
            "<ul>" + "".join(f"\n<li>{sentence(rng)}</li>" for _ in range(rng.randint(2, 4))) + "\n</ul>"
        )
    body.append(f"<p>{paragraph(rng, (1, 3))}</p>")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        f'<meta name="description" content="{sentence(rng, markup=False)}">\n'
        f'</head>\n<body>\n<article id="story-{number}">\n'
        + "\n".join(body)
        + "\n</article>\n</body>\n</html>\n"
    )


_MARKDOWN = (
    (re.compile(r'<a href="([^"]*)">(.*?)</a>'), r"[\2](\1)"),
    (re.compile(r"</?em>"), "*"),
    (re.compile(r"</?strong>"), "**"),
)


def _md(text: str) -> str:
    """A sentence's links and emphasis as Markdown."""
    for pattern, replacement in _MARKDOWN:
        text = pattern.sub(replacement, text)
    return text


def news_markdown(rng: random.Random, number: int) -> str:
    """One article of about 3 KB as Markdown with front matter (a Hugo post)."""
    day = date(2024, 1, 1) + timedelta(days=number % 700)
    title = sentence(rng, markup=False).rstrip(".!")
    body = [
        f"---\ntitle: {title}\ndate: {day.isoformat()}\ndescription: {sentence(rng, markup=False)}\n---",
        f"# {title}",
        f"By {rng.choice(NAMES)}, {day.strftime('%B')} {day.day}, {day.year}",
        _md(paragraph(rng, (1, 2))),
        _md(paragraph(rng)),
        f"![{sentence(rng, markup=False)}](images/photo-{number % 50}.jpg)",
        _md(paragraph(rng)),
        f"## {sentence(rng, markup=False).rstrip('.!')}",
        _md(paragraph(rng)),
        f"## {sentence(rng, markup=False).rstrip('.!')}",
        _md(paragraph(rng, (2, 4))),
        _md(paragraph(rng, (2, 4))),
    ]
    if rng.random() < 0.4:
        body.append(f"> “{sentence(rng, markup=False)}”")
    if rng.random() < 0.3:
        body.append("\n".join(f"- {_md(sentence(rng))}" for _ in range(rng.randint(2, 4))))
    body.append(_md(paragraph(rng, (1, 3))))
    return "\n\n".join(body) + "\n"


GLOSSARY = """term,de,es,fr,note
city council,Stadtrat,ayuntamiento,conseil municipal,the elected body
harbour,Hafen,puerto,port,
"""


def make_project(
    root: Path,
    *,
    articles: int,
    locales: list[str],
    seed: int = 16,
    glossary: bool = True,
    markdown: bool = False,
) -> list[Path]:
    """A transpub project at ``root`` with ``articles`` generated articles; their paths.

    ``markdown``: the articles are Markdown posts (``story-NNNNN.md``) and compile writes localized
    Markdown (``[compile] format = "markdown"``) instead of HTML pages."""
    root.mkdir(parents=True, exist_ok=True)
    quoted = ", ".join(f'"{loc}"' for loc in locales)
    (root / "transpub.toml").write_text(
        "[project]\n"
        'name = "Bench News"\n'
        'source_locale = "en"\n'
        f"locales = [{quoted}]\n\n"
        "[paths]\n"
        'articles = "articles"\n'
        'catalogs = "locales"\n'
        'site = "site"\n'
        + ('glossary = "glossary/terms.csv"\n' if glossary else "")
        + ('\n[compile]\nformat = "markdown"\n' if markdown else ""),
        encoding="utf-8",
    )
    if glossary:
        (root / "glossary").mkdir(exist_ok=True)
        (root / "glossary" / "terms.csv").write_text(GLOSSARY, encoding="utf-8")
    folder = root / "articles"
    (folder / "images").mkdir(parents=True, exist_ok=True)
    for number in range(50):
        (folder / "images" / f"photo-{number}.jpg").write_bytes(b"\xff\xd8\xff\xe0 photo %d" % number)
    rng = random.Random(seed)
    paths = []
    for number in range(articles):
        if markdown:
            path = folder / f"story-{number:05d}.md"
            path.write_text(news_markdown(rng, number), encoding="utf-8")
        else:
            path = folder / f"story-{number:05d}.html"
            path.write_text(news_article(rng, number), encoding="utf-8")
        paths.append(path)
    return paths


def pseudo_translate(root: Path) -> int:
    """Fill every empty msgstr of the project's PO files with ``⟦msgid⟧`` (reviewed); files changed.

    Each file is written in place, as polib writes translate-toolkit's in the benches: a file
    replaced by a new one leaves its old inode deleted, and on an ext4 file system without a
    journal (this VM's) every file created in the next minute steps over each recently deleted
    inode of its group (the kernel's ``recently_deleted``), 1-2 s of system time per 1000 files
    that the timed run after the fill would pay for it.
    """
    from transpub import catalog

    changed = 0
    for path in sorted((root / "locales").rglob("*.po")):
        po = catalog.read_catalog(path)
        for entry in po:
            if entry.msgid and not entry.obsolete and not entry.msgstr:
                entry.msgstr = f"⟦{entry.msgid}⟧"
        data = catalog.format_catalog(po).encode("utf-8")
        if data != path.read_bytes():
            path.write_bytes(data)
            changed += 1
    return changed
