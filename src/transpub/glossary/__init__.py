"""Glossary: terms, do-not-translate and forbidden renderings; finds them in text, checks translations.

Files
-----
``load_glossary`` reads CSV or TBX (by suffix); ``write_glossary`` writes either.

CSV (UTF-8, optional BOM, comma-separated, RFC 4180 quoting), one term a row::

    term,zh_CN,es,de,note,case_sensitive,do_not_translate,forbidden
    Vasaloppet,瓦萨,Vasaloppet,,"Swedish race name",no,sv|de,zh_CN:瓦萨洛佩特
    Changchun,长春,Changchun,Changchun|Changchuns,,,,

* ``term``: the source form; ``|`` adds source-language variants (also found in articles).
* one column per target locale (gettext names): the required rendering, then ``|`` and
  accepted variants or inflected forms (German and Russian declensions). Empty: unknown.
* ``note``: free text for people (why a rendering is forbidden, where a name comes from).
* ``case_sensitive``: ``yes``/``no`` (also true/false/1/0; empty = no).
* ``do_not_translate``: ``*`` (every locale) or locales separated by ``|``; there the source
  form is required (a locale cell may still list accepted variants, e.g. ``Vasaloppets``).
* ``forbidden``: ``locale:text`` items separated by ``|``; locale ``*`` = every locale.

Columns may come in any order; ``term`` is required, the others optional. A literal ``|``
cannot appear inside a rendering.

TBX (ISO 30042 TBX-Basic, the ``martif`` dialect CAT tools and Weblate exchange): one
``termEntry`` per term, a ``langSet xml:lang`` per language, a ``tig``/``ntig`` per rendering
with ``termNote type="administrativeStatus"``: ``preferredTerm-admn-sts`` (required),
``admittedTerm-admn-sts`` (variant), ``deprecatedTerm-admn-sts`` (forbidden). The entry's
``note`` is the note; do-not-translate is a ``termNote type="x-doNotTranslate"`` on the
preferred rendering (on the source one for every locale), case sensitivity a
``descrip type="x-caseSensitive"``; forbidden-everywhere renderings live in ``langSet xml:lang="mul"``.
TBX v3 (``tbx``/``conceptEntry``/``langSec``/``termSec``) is read as well.
"""

from typing import TYPE_CHECKING, Any

from transpub.errors import GlossaryError
from transpub.glossary.files import (
    format_glossary,
    load_glossary,
    read_glossary_bytes,
    render_glossary,
    write_glossary,
)
from transpub.glossary.matcher import PhraseMatcher
from transpub.glossary.model import Glossary, describe_term
from transpub.glossary.terms import ALL_LOCALES, GlossaryViolation, Term, TermMatch, normalize_locale

if TYPE_CHECKING:
    from transpub.glossary.suggest import TermCandidate, suggest_terms

__all__ = [
    "ALL_LOCALES",
    "Glossary",
    "GlossaryError",
    "GlossaryViolation",
    "PhraseMatcher",
    "Term",
    "TermCandidate",
    "TermMatch",
    "describe_term",
    "format_glossary",
    "load_glossary",
    "normalize_locale",
    "read_glossary_bytes",
    "render_glossary",
    "suggest_terms",
    "write_glossary",
]


def __getattr__(name: str) -> Any:
    """``suggest_terms`` and ``TermCandidate``, loaded when first asked for: only ``transpub glossary
    suggest`` needs them, and their module costs every other run its import and regexes."""
    if name in ("suggest_terms", "TermCandidate"):
        from transpub.glossary import suggest

        return getattr(suggest, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
