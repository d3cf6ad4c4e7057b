"""What ``transpub check`` checks, per locale: the ``[check]`` table, ``[locale.<name>]`` and the CLI.

``transpub.toml``::

    [check]
    min_translated = 100          # % of each catalog's units translated (default 100)
    allow_fuzzy = false           # fuzzy entries are warnings instead of problems
    disable = ["numbers"]         # checks not run at all
    warn = ["glossary"]           # checks reported as warnings (do not fail CI)

    [check.zh_CN]                 # per locale: disable / warn add to the lists above
    disable = ["numbers"]

    [locale.sv]
    min_translated = 80           # per-locale threshold (wins over [check])
    allow_fuzzy = true

The command line (``--min-translated``, ``--allow-fuzzy``; ``--threshold``: compile's) wins over both.

One rule: a page that ``transpub compile`` would not publish (below its publish threshold,
``[locale.<name>] publish_threshold`` else ``[compile] publish_threshold``) fails the check, decided
as compile decides it; ``min_translated`` asks more of a page than publishing does (100: every unit).
A minimum below the publish threshold no longer lets such a page pass: a warning says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from transpub.errors import ConfigError
from transpub.model import Issue
from transpub.project import Project
from transpub.publication import CompileNow, publish_threshold

#: Every check id, in the order problems are explained in the docs.
CHECK_IDS: tuple[str, ...] = (
    "untranslated",
    "fuzzy",
    "threshold",
    "outdated",
    "placeholders",
    "template",
    "markup",
    "links",
    "markdown",
    "glossary",
    "numbers",
    "syntax",
    "title-refs",
)
#: Checks a translator may silence on one entry with ``#, transpub-no-<check>``.
ENTRY_CHECKS: tuple[str, ...] = (
    "untranslated",
    "fuzzy",
    "placeholders",
    "template",
    "markup",
    "links",
    "markdown",
    "glossary",
    "numbers",
)
SILENCE_PREFIX = "transpub-no-"


@dataclass(frozen=True)
class CheckOptions:
    """Options from the command line; None means "as configured"."""

    min_translated: float | None = None
    allow_fuzzy: bool = False
    #: ``--threshold``: the publish threshold of the compile checked for (``compile --threshold``).
    threshold: float | None = None


@dataclass(frozen=True)
class LocalePolicy:
    """What is checked for one locale, and how strictly."""

    locale: str
    min_translated: float = 100.0
    allow_fuzzy: bool = False
    disabled: frozenset[str] = frozenset()
    warned: frozenset[str] = frozenset()
    #: The MT engine set for this locale (``[locale.<name>] engine``, else ``[translate] engine``):
    #: with none, ``transpub translate`` cannot draft its untranslated units.
    engine: str | None = None
    #: The share translated compile needs to publish a page in this locale (see
    #: :func:`~transpub.publication.publish_threshold`).
    publish: float = 80.0

    @property
    def compile_now(self) -> CompileNow:
        """The compile whose pages this locale's are checked against: its threshold, fuzzy entries
        shown where they are allowed (as ``--include-fuzzy`` shows them)."""
        return CompileNow(include_fuzzy=self.allow_fuzzy, threshold=self.publish)

    def runs(self, check: str) -> bool:
        """True when ``check`` is not disabled for this locale."""
        return check not in self.disabled

    def severity(self, check: str) -> str:
        """``"error"`` (fails CI) or ``"warning"`` for a problem found by ``check``.

        >>> LocalePolicy("sv", allow_fuzzy=True).severity("fuzzy")
        'warning'
        >>> LocalePolicy("sv", min_translated=80).severity("untranslated")
        'warning'
        """
        if check in self.warned:
            return "warning"
        if check == "fuzzy" and self.allow_fuzzy:
            return "warning"
        if check == "untranslated" and self.min_translated < 100:
            return "warning"
        return "error"


def _check_list(value: Any, where: str, project: Project) -> frozenset[str]:
    problem = None
    unknown = [item for item in value if item not in CHECK_IDS] if isinstance(value, list) else []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        problem = f"{where} must be a list of check names"
    elif unknown:
        problem = f"{where}: unknown check {', '.join(unknown)} (known: {' '.join(CHECK_IDS)})"
    elif "syntax" in value:
        problem = f"{where}: the syntax check cannot be turned off (a broken catalog cannot be checked)"
    if problem is not None:
        raise ConfigError(problem, project.config_path, project.line_of(*where.split(".")))
    return frozenset(value)


def resolve_policies(project: Project, locales: list[str], options: CheckOptions) -> dict[str, LocalePolicy]:
    """The policy of each locale from the config and the command line (ConfigError when invalid).

    Types, ranges and key names were checked when the project was loaded (:mod:`transpub.config`);
    here the check names are.
    """
    table = project.check
    locale_tables = {key: value for key, value in table.items() if isinstance(value, dict)}
    disabled = _check_list(table.get("disable", []), "check.disable", project)
    warned = _check_list(table.get("warn", []), "check.warn", project)

    policies = {}
    for locale in locales:
        settings = project.settings_for(locale)
        sub = locale_tables.get(locale, {})
        if options.min_translated is not None:
            minimum = float(options.min_translated)
        elif settings.min_translated is not None:
            minimum = float(settings.min_translated)
        else:
            minimum = float(table.get("min_translated", 100))
        allow_fuzzy = options.allow_fuzzy or bool(
            settings.allow_fuzzy if settings.allow_fuzzy is not None else table.get("allow_fuzzy", False)
        )
        policies[locale] = LocalePolicy(
            locale=locale,
            min_translated=minimum,
            allow_fuzzy=allow_fuzzy,
            disabled=disabled | _check_list(sub.get("disable", []), f"check.{locale}.disable", project),
            warned=warned | _check_list(sub.get("warn", []), f"check.{locale}.warn", project),
            engine=project.engine_for(locale),
            publish=publish_threshold(project, locale, CompileNow(threshold=options.threshold)),
        )
    return policies


def lenient_minimums(
    project: Project, policies: dict[str, LocalePolicy], options: CheckOptions
) -> list[Issue]:
    """A warning (``threshold``, at the key in ``transpub.toml``) for each ``min_translated`` the file
    sets below the publish threshold of a locale it applies to (of ``policies``, where the check
    runs): check once let such a page pass, while compile held it back; it fails it now
    (``--min-translated`` or ``--threshold`` on the command line aside)."""
    if options.min_translated is not None or options.threshold is not None:
        return []
    found: dict[tuple[str, ...], tuple[float, list[tuple[str, float]]]] = {}
    for locale, policy in policies.items():
        if not policy.runs("threshold"):
            continue
        own = project.settings_for(locale).min_translated
        key: tuple[str, ...] = ("check",) if own is None else ("locale", locale)
        minimum = policy.min_translated  # (the file's: no --min-translated, see above)
        if minimum < policy.publish:
            found.setdefault(key, (minimum, []))[1].append((locale, policy.publish))
    issues = []
    for key, (minimum, below) in found.items():
        table = ".".join(key)
        needs = ", ".join(f"{needed:g}% in {locale}" for locale, needed in below)
        issues.append(
            Issue(
                project.relative(project.config_path),
                project.line_of(*key, "min_translated"),
                "threshold",
                f"[{table}] min_translated = {minimum:g} is below what compile needs to publish a page "
                f"({needs}): check fails a page compile does not publish all the same (it let it pass "
                "before); raise min_translated to that, or remove it",
                severity="warning",
            )
        )
    return issues


def silenced_checks(flags: list[str], translator_comment: str | None) -> frozenset[str]:
    """Checks silenced on one entry by ``#, transpub-no-<check>`` or a ``# transpub-no-<check>`` comment.

    The comment form survives tools that drop unknown flags (msgcat does), and one that wraps
    comments (polib cuts a long line after a hyphen too: ``transpub-no-`` then ``numbers``).

    >>> sorted(silenced_checks(["fuzzy", "transpub-no-numbers"], "keep\\ntranspub-no-glossary"))
    ['glossary', 'numbers']
    >>> sorted(silenced_checks([], "keep the figures as they are transpub-\\nno-numbers"))
    ['numbers']
    """
    comment = translator_comment or ""
    words = list(flags)
    words.extend(word.strip(",") for word in comment.split())
    if "-\n" in comment:  # (a word wrapped after its hyphen, read whole too)
        words.extend(word.strip(",") for word in comment.replace("-\n", "-").split())
    return frozenset(
        word[len(SILENCE_PREFIX) :]
        for word in words
        if word.startswith(SILENCE_PREFIX) and word[len(SILENCE_PREFIX) :] in ENTRY_CHECKS
    )
