"""Fuzzing (issue 18): mutated articles, catalogs and glossaries are read and round-trip, or refused
with transpub's own error naming the file — never another exception. ``make fuzz`` runs more."""

from __future__ import annotations

import contextlib
import importlib
import pkgutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fuzzing
import transpub


def _load_every_module_of_transpub() -> None:
    """Hypothesis draws some numbers from the constants of the project's modules loaded when a test
    runs, derandomized or not: with all of transpub's loaded first (as the whole suite's doctests
    load them), the examples are the same whichever test files run before these or with them."""
    for found in pkgutil.walk_packages(transpub.__path__, f"{transpub.__name__}."):
        if not found.name.endswith(".__main__"):
            with contextlib.suppress(ImportError):  # (a module of an optional dependency)
                importlib.import_module(found.name)


_load_every_module_of_transpub()

#: Few examples, always the same ones (derandomized, the same modules loaded): quick and repeatable.
QUICK = settings(
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@st.composite
def mutated(draw, kind: str) -> bytes:
    """A seed of ``kind`` after edits chosen by Hypothesis (so failures shrink to few edits)."""
    seeds, tokens, _ = fuzzing.CHECKS[kind]
    data = bytearray(draw(st.sampled_from(seeds)))
    for op, where, token, length in draw(
        st.lists(
            st.tuples(
                st.sampled_from(["insert", "delete", "repeat", "byte", "cut"]),
                st.floats(0, 1),
                st.sampled_from(tokens),
                st.integers(1, 64),
            ),
            min_size=1,
            max_size=6,
        )
    ):
        at = int(where * len(data))
        if op == "insert":
            data[at:at] = token
        elif op == "delete":
            del data[at : at + length]
        elif op == "repeat":
            data[at:at] = data[at : at + length] * 2
        elif op == "byte" and data:
            data[min(at, len(data) - 1)] = length * 3 % 256
        elif op == "cut":
            del data[at:]
    return bytes(data)


def assert_holds(failure: fuzzing.Failure | None) -> None:
    assert failure is None, f"{failure.kind}: {failure.detail}\ninput: {failure.data[:300]!r}"


@settings(QUICK, max_examples=250)
@given(mutated("html"))
def test_mutated_html_reads_and_round_trips_or_is_refused(tmp_path: Path, data: bytes) -> None:
    assert_holds(fuzzing.check_article(data, ".html", tmp_path))


@settings(QUICK, max_examples=120)
@given(mutated("wordpress"))
def test_mutated_wordpress_export_reads_and_round_trips_or_is_refused(tmp_path: Path, data: bytes) -> None:
    assert_holds(fuzzing.CHECKS["wordpress"][2](data, tmp_path))


@settings(QUICK, max_examples=80)
@given(mutated("content"))
def test_mutated_html_content_page_reads_and_round_trips_or_is_refused(tmp_path: Path, data: bytes) -> None:
    assert_holds(fuzzing.CHECKS["content"][2](data, tmp_path))


@settings(QUICK, max_examples=60)
@given(mutated("markdown"))
def test_mutated_markdown_reads_and_round_trips_or_is_refused(tmp_path: Path, data: bytes) -> None:
    assert_holds(fuzzing.check_article(data, ".md", tmp_path))


@settings(QUICK, max_examples=200)
@given(mutated("markdown-native"))
def test_mutated_markdown_read_as_markdown_round_trips_or_is_refused(tmp_path: Path, data: bytes) -> None:
    assert_holds(fuzzing.check_markdown(data, tmp_path))


@settings(QUICK, max_examples=40)
@given(mutated("text"))
def test_mutated_text_reads_and_round_trips_or_is_refused(tmp_path: Path, data: bytes) -> None:
    assert_holds(fuzzing.check_article(data, ".txt", tmp_path))


@settings(QUICK, max_examples=300)
@given(mutated("po"))
def test_mutated_po_reads_and_round_trips_or_is_refused(tmp_path: Path, data: bytes) -> None:
    assert_holds(fuzzing.check_po(data, tmp_path))


@settings(QUICK, max_examples=200)
@given(mutated("glossary"))
def test_mutated_glossary_reads_and_round_trips_or_is_refused(tmp_path: Path, data: bytes) -> None:
    assert_holds(fuzzing.check_glossary(data, tmp_path))


@settings(QUICK, max_examples=150)
@given(mutated("tbx"))
def test_mutated_tbx_glossary_reads_and_round_trips_or_is_refused(tmp_path: Path, data: bytes) -> None:
    assert_holds(fuzzing.check_tbx(data, tmp_path))


KNOWN = fuzzing.known_failures()
REGRESSION_FILES = sorted(p for p in fuzzing.REGRESSIONS.glob("*-*.*") if p.name != "XFAIL")


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(p, id=p.name, marks=[pytest.mark.xfail(reason=KNOWN[p.name])])
        if p.name in KNOWN
        else pytest.param(p, id=p.name)
        for p in REGRESSION_FILES
    ],
)
def test_minimised_crashers_found_by_fuzzing_stay_fixed(tmp_path: Path, path: Path) -> None:
    assert_holds(fuzzing.check_regression(path, tmp_path))
