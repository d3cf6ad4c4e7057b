"""Language tags in exchange files (BCP 47, as CAT tools write them) ↔ the project's gettext names."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress

from ..errors import ConfigError
from ..locales import bcp47_tag, language_of


def _forms(locale: str) -> set[str]:
    forms = {locale.lower(), locale.replace("_", "-").lower()}
    with suppress(ConfigError):
        forms.add(bcp47_tag(locale).lower())
    return forms


def match_locale(tag: str | None, locales: Iterable[str]) -> str | None:
    """The project locale a file's language tag names, or None.

    An exact form (``zh-Hans-CN``, ``zh-CN``, ``zh_CN``) wins; else a bare or regional tag of a
    language the project has only one locale for (``de-DE`` → ``de``).

    >>> match_locale("zh-CN", ["de", "zh_CN"]), match_locale("de-DE", ["de", "zh_CN"]), match_locale("fr", ["de"])
    ('zh_CN', 'de', None)
    """
    if not tag:
        return None
    wanted = tag.strip().lower()
    candidates = list(locales)
    for locale in candidates:
        if wanted in _forms(locale):
            return locale
    same_language = [loc for loc in candidates if language_of(loc) == language_of(wanted)]
    return same_language[0] if len(same_language) == 1 else None
