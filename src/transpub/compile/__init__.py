"""The compile workflow: articles + catalogs → ``site/<locale>/<slug>.html`` and index pages
(see :mod:`transpub.compile.workflow`)."""

from .run import CompileOptions, CompileReport
from .workflow import compile_project

__all__ = ["CompileOptions", "CompileReport", "compile_project"]
