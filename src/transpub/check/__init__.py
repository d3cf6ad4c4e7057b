"""``transpub check``: the CI gate over the catalogs, one small module per concern.

* :mod:`~transpub.check.config`: check ids, ``[check]`` config, per-locale policy, silencing flags
* :mod:`~transpub.check.runner`: :func:`check_project` and the per-entry checks
* :mod:`~transpub.catalog.outdated` (used here): would extract change a catalog (computed in memory)
* :mod:`~transpub.check.numbers` (with :mod:`~transpub.check.numerals` and :mod:`~transpub.check.decades`),
  :mod:`~transpub.check.markup`: content checks
* :mod:`~transpub.check.formats`: text, JSON, GitHub annotations, JUnit XML (also to a file)

``transpub status`` lives in :mod:`transpub.status` (a workflow of its own).
"""

from transpub.check.config import CHECK_IDS, ENTRY_CHECKS, CheckOptions, LocalePolicy, resolve_policies
from transpub.check.formats import format_check_report, report_as_dict, write_check_report
from transpub.check.report import CatalogResult, CheckReport, LocaleSummary
from transpub.check.runner import check_catalog, check_entry, check_project

__all__ = [
    "CHECK_IDS",
    "ENTRY_CHECKS",
    "CatalogResult",
    "CheckOptions",
    "CheckReport",
    "LocalePolicy",
    "LocaleSummary",
    "check_catalog",
    "check_entry",
    "check_project",
    "format_check_report",
    "report_as_dict",
    "resolve_policies",
    "write_check_report",
]
