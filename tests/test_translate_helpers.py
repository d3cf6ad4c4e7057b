"""Small project builders shared by the translate tests."""

from __future__ import annotations

from pathlib import Path

from transpub.project import load_project

HEADER = """msgid ""
msgstr ""
"Project-Id-Version: demo\\n"
"Language: {locale}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

"""


def po_text(locale: str, entries: list[tuple[str, str]], fuzzy: tuple[str, ...] = ()) -> str:
    """A PO file with ``(msgid, msgstr)`` entries (msgids must not need escaping)."""
    body = HEADER.format(locale=locale)
    for msgid, msgstr in entries:
        flag = "#, fuzzy\n" if msgid in fuzzy else ""
        body += f'{flag}msgid "{msgid}"\nmsgstr "{msgstr}"\n\n'
    return body


def make_project(
    root: Path,
    articles: dict[str, list[tuple[str, str]]],
    *,
    engine: str = "libre",
    locales: tuple[str, ...] = ("es",),
    extra: str = "",
) -> object:
    """A project with one PO per article and locale, holding the given entries."""
    (root / "articles").mkdir(parents=True, exist_ok=True)
    locale_list = ", ".join(f'"{loc}"' for loc in locales)
    (root / "transpub.toml").write_text(
        f'[project]\nname = "demo"\nsource_locale = "en"\nlocales = [{locale_list}]\n\n'
        f'[translate]\nengine = "{engine}"\n\n{extra}\n',
        encoding="utf-8",
    )
    for slug, entries in articles.items():
        (root / "articles" / f"{slug}.html").write_text("<p>x</p>", encoding="utf-8")
        for locale in locales:
            path = root / "locales" / locale / "LC_MESSAGES" / f"{slug}.po"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(po_text(locale, entries), encoding="utf-8")
    return load_project(root)
