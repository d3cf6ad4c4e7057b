"""``compile --indexes``: catalogs older than their article, as a shard's checkout has them.

After sharded runs, the index run needs the catalogs and pages each shard wrote. A catalog that
lacks units of its article as it is now was not written by the article's shard this time (a copy
from another shard's checkout, put over it), so its pages, the source's too, are likely as old.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Issue
from ..sources import Translation
from .places import catalog_file
from .run import CompileRun


def catalogs_behind(
    run: CompileRun, slug: str, msgids: list[str], catalogs: Mapping[str, Mapping[str, Translation]]
) -> list[Issue]:
    """A warning for each selected locale's catalog of ``slug`` that lacks some of ``msgids``."""
    issues = []
    for locale in run.selected:
        catalog = catalogs.get(locale)
        if not catalog:  # (no catalog: the page is not published, and the run says why)
            continue
        missing = sum(1 for msgid in msgids if msgid not in catalog)
        if missing:
            issues.append(
                Issue(
                    run.project.relative(catalog_file(run, locale, slug)[1]),
                    None,
                    "indexes",
                    f"lacks {missing} of the article's {len(msgids)} units: the catalog is older than "
                    "the article, and so may be the pages the index pages list; put in "
                    "place the catalogs and pages the article's shard wrote (not its folders as "
                    "another shard's checkout has them), or run `transpub extract`",
                    locale,
                    "warning",
                )
            )
    return issues
