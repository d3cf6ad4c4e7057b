"""Cost growth on hostile-but-plausible input: times at 10k/20k/40k and catalog size per article size.

Run: .venv/bin/python bench/bench_linear.py [--quick]

Prints, for each shape, the CPU time of this process (robust to other load on the machine) at each size and the ratio per doubling (about 2 when linear,
about 4 when quadratic), then the size of the template and of one locale's catalog that ``extract``
writes for a 100 KB article made of one paragraph (lines joined by single newlines).
The shapes are the ones issue 19 measured: Chinese text with many closing quotes and few 。,
``。`` followed by ``」a.b`` repeated, and a table of cells all reading ``Yes``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from transpub.extract import extract_project  # noqa: E402
from transpub.project import init_project, load_project  # noqa: E402
from transpub.segment import segment  # noqa: E402

SIZES = (10_000, 20_000, 40_000)


def quoted_names(size: int) -> str:
    """``开始。`` + ``“甲乙”、`` × n + ``结束。``, about ``size`` characters."""
    return "开始。" + "“甲乙”、" * (size // 5) + "结束。"


def closers_and_dots(size: int) -> str:
    """``。`` + ``」a.b`` × n, about ``size`` characters."""
    return "。" + "」a.b" * (size // 4)


def yes_table(cells: int) -> str:
    """An HTML page with one table of ``cells`` rows, every cell reading ``Yes``."""
    rows = "".join("<tr><td>Yes</td></tr>\n" for _ in range(cells))
    return f'<!DOCTYPE html>\n<html lang="en"><head><title>T</title></head><body><table>\n{rows}</table></body></html>\n'


def one_paragraph_text(size: int) -> str:
    """A plain-text article: a title, then one paragraph of ``size`` bytes of sentences on single lines."""
    sentences = []
    length = 0
    number = 0
    while length < size:
        number += 1
        sentence = f"Sentence number {number} of the long paragraph tells the reader something new."
        sentences.append(sentence)
        length += len(sentence) + 1
    return "A long paragraph\n\n" + "\n".join(sentences) + "\n"


def time_extract(article: str, suffix: str) -> tuple[float, int, int]:
    """Seconds for ``extract`` of one article into one locale, and the template and catalog sizes."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        init_project(root, source="en", locales=["de"], name="bench")
        (root / "articles" / f"article{suffix}").write_text(article, encoding="utf-8")
        project = load_project(root)
        started = time.process_time()
        report = extract_project(project, ["de"])
        elapsed = time.process_time() - started
        if not report.ok:
            raise SystemExit(f"extract failed: {report.errors}")
        template = project.template_path("article").stat().st_size
        po = project.catalog_path("de", "article").stat().st_size
        return elapsed, template, po


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs of ``work`` (seconds)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def print_row(name: str, times: list[float]) -> None:
    cells = "  ".join(f"{t:8.3f} s" for t in times)
    ratios = "  ".join(f"{b / a:4.1f}" for a, b in zip(times, times[1:]) if a > 0)
    print(f"{name:<34} {cells}   ratios {ratios}")


def main() -> None:
    repeat = 1 if "--quick" in sys.argv else 3
    print(f"{'shape':<34} " + "  ".join(f"{size:>8}  " for size in SIZES))
    print_row(
        "1 zh 开始。+“甲乙”、×n+结束。",
        [best_of(repeat, lambda s=size: segment(quoted_names(s), "zh_CN")) for size in SIZES],
    )
    print_row(
        "1 zh 。+」a.b×n",
        [best_of(repeat, lambda s=size: segment(closers_and_dots(s), "zh_CN")) for size in SIZES],
    )
    print_row(
        "2 extract: n table cells 'Yes'",
        [min(time_extract(yes_table(size), ".html")[0] for _ in range(repeat)) for size in SIZES],
    )
    article = one_paragraph_text(100_000)
    elapsed, template, po = time_extract(article, ".txt")
    print(
        f"0 one-paragraph article of {len(article.encode()) / 1000:.0f} KB: template {template / 1e6:.2f} MB, "
        f"de catalog {po / 1e6:.2f} MB, extract {elapsed:.2f} s"
    )


if __name__ == "__main__":
    main()
