"""What ``transpub check`` found: issues, and per-catalog and per-locale coverage."""

from __future__ import annotations

from dataclasses import dataclass, field

from transpub.catalog import CatalogStats
from transpub.model import Coverage, Issue


@dataclass
class CatalogResult:
    """One article's catalog in one locale: its coverage and the issues found in it."""

    locale: str
    slug: str
    path: str
    stats: CatalogStats | None = None
    issues: list[Issue] = field(default_factory=list)

    @property
    def percent(self) -> float:
        """Share of units translated (100 for an empty or unreadable catalog)."""
        return (self.stats or Coverage()).percent


@dataclass
class LocaleSummary:
    """Totals of one locale over all its catalogs, and the policy it was checked against."""

    locale: str
    min_translated: float
    allow_fuzzy: bool
    catalogs: list[CatalogResult] = field(default_factory=list)

    @property
    def coverage(self) -> Coverage:
        """Units by state over the locale's readable catalogs."""
        return sum((c.stats for c in self.catalogs if c.stats is not None), Coverage())

    @property
    def words(self) -> int:
        """Source words in the locale's catalogs."""
        return sum(c.stats.total_words for c in self.catalogs if c.stats is not None)

    @property
    def issues(self) -> list[Issue]:
        """Every issue in this locale's catalogs."""
        return [issue for c in self.catalogs for issue in c.issues]

    @property
    def problems(self) -> int:
        """Issues that fail the check."""
        return sum(1 for issue in self.issues if issue.severity == "error")

    @property
    def warnings(self) -> int:
        """Issues reported but not failing."""
        return sum(1 for issue in self.issues if issue.severity != "error")


@dataclass
class CheckReport:
    """The result of :func:`~transpub.check.check_project`."""

    project: str
    locales: list[LocaleSummary] = field(default_factory=list)
    project_issues: list[Issue] = field(default_factory=list)
    #: ``(I, N)`` when only shard I of N of the articles was checked (``--shard I/N``), else None.
    shard: tuple[int, int] | None = None
    #: The articles checked (of the shard), and those of the whole project (every shard).
    articles: int = 0
    articles_in_project: int = 0

    @property
    def issues(self) -> list[Issue]:
        """Every issue: project-wide ones (glossary file, unreadable article) first."""
        return [*self.project_issues, *(issue for summary in self.locales for issue in summary.issues)]

    @property
    def problems(self) -> int:
        """Issues that fail the check."""
        return sum(1 for issue in self.issues if issue.severity == "error")

    @property
    def warnings(self) -> int:
        """Issues reported without failing."""
        return sum(1 for issue in self.issues if issue.severity != "error")

    @property
    def ok(self) -> bool:
        """True when nothing fails: the CLI exits 0."""
        return self.problems == 0

    @property
    def shard_name(self) -> str | None:
        """``"2/4"`` for a report of shard 2 of 4, None for one of every article."""
        return f"{self.shard[0]}/{self.shard[1]}" if self.shard is not None else None
