"""Benchmark transpub.segment against pysbd and sentencex: golden-rules accuracy and speed.

Run: .venv/bin/python bench/bench_segment.py

Prints, for each segmenter, the share of pySBD's English golden rules it gets exactly right and its
throughput (MB/s of UTF-8 input) on news-like English text and on Chinese text, each fed one
paragraph at a time as the HTML extractor does, then the ratios of transpub against the peers.
pysbd is timed on a small slice of each text (it is about 100x slower) and its figure is scaled.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pysbd
import sentencex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from transpub.segment import segment  # noqa: E402

GOLDEN_RULES = ROOT / "bench" / "data" / "golden_rules_en.json"
SEEDS = Path("/work/shared/seeds")
ENGLISH_BYTES = 3_000_000
CHINESE_BYTES = 2_000_000
PYSBD_SLICE_BYTES = 300_000

# Written for this benchmark: a news-style Chinese paragraph (quotes, numbers, mixed punctuation).
CHINESE_PARAGRAPHS = [
    "2018年1月4日，长春净月潭瓦萨国际滑雪节签约仪式举行。作为长春市白金产业的主要载体，净月高新技术产业开发区"
    "在仪式上签约项目16个，总金额达313.6亿元。这些项目涵盖现代服务业、文化产业和高新技术产业！",
    "负责人表示：“今年签约的项目质量更高、结构更优。”他还说，战略投资和龙头企业的比重明显提高。"
    "这为经济高质量发展打下了坚实基础吗？答案是肯定的。",
    "据介绍，其中包括科技创新、智慧物流、跨境电商等六个特色产业园。「这些园区将优化产业布局。」"
    "专家认为，区域核心竞争力将得到全面提升……。另外，三个综合体项目的建筑面积约为114万平方米。",
    "记者问：“项目什么时候开工？”工作人员回答说，大部分项目将在今年春季动工！"
    "目前，各项准备工作正在有序推进。",
]

Segmenter = Callable[[str], list[str]]


def read_golden_rules() -> list[tuple[str, list[str]]]:
    """The English golden-rule cases: (text, expected sentences)."""
    cases = json.loads(GOLDEN_RULES.read_text(encoding="utf-8"))["cases"]
    return [(case["text"], case["sentences"]) for case in cases]


def build_english_paragraphs(golden: list[tuple[str, list[str]]]) -> list[str]:
    """News-like English paragraphs: the seed articles plus the golden-rule inputs, repeated."""
    unit: list[str] = []
    for seed in sorted(SEEDS.glob("*.txt")):
        unit += [p.strip() for p in seed.read_text(encoding="utf-8").split("\n") if p.strip()]
    unit += [text for text, _ in golden]
    return repeat_to_size(unit, ENGLISH_BYTES)


def repeat_to_size(unit: list[str], size: int) -> list[str]:
    """`unit` repeated until its paragraphs hold at least `size` UTF-8 bytes."""
    unit_bytes = sum(len(p.encode("utf-8")) for p in unit)
    return unit * (size // unit_bytes + 1)


def take_bytes(paragraphs: list[str], size: int) -> list[str]:
    """The leading paragraphs holding about `size` UTF-8 bytes."""
    taken, total = [], 0
    for paragraph in paragraphs:
        if total >= size:
            break
        taken.append(paragraph)
        total += len(paragraph.encode("utf-8"))
    return taken


def score_golden_rules(split: Segmenter, golden: list[tuple[str, list[str]]]) -> float:
    """Share of golden-rule cases whose stripped, non-empty sentences equal the expected list."""
    right = 0
    for text, expected in golden:
        got = [s.strip() for s in split(text) if s.strip()]
        right += got == expected
    return right / len(golden)


def measure_throughput(split: Segmenter, paragraphs: list[str]) -> float:
    """MB/s (UTF-8 bytes of input) of `split` over `paragraphs`, best of a few runs for fast ones."""
    size = sum(len(p.encode("utf-8")) for p in paragraphs)
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for paragraph in paragraphs:
            split(paragraph)
        elapsed = time.perf_counter() - started
        best = min(best, elapsed)
        if elapsed > 5:
            break
    return size / best / 1e6


def main() -> None:
    golden = read_golden_rules()
    english = build_english_paragraphs(golden)
    chinese = repeat_to_size(CHINESE_PARAGRAPHS, CHINESE_BYTES)
    pysbd_en = pysbd.Segmenter(language="en", clean=False)
    pysbd_zh = pysbd.Segmenter(language="zh", clean=False)
    tools: dict[str, tuple[Segmenter, Segmenter, float]] = {
        "transpub": (lambda t: segment(t, "en"), lambda t: segment(t, "zh_CN"), 1.0),
        "pysbd": (pysbd_en.segment, pysbd_zh.segment, 0.0),
        "sentencex": (
            lambda t: list(sentencex.segment("en", t)),
            lambda t: list(sentencex.segment("zh", t)),
            1.0,
        ),
    }
    english_mb = sum(len(p.encode("utf-8")) for p in english) / 1e6
    chinese_mb = sum(len(p.encode("utf-8")) for p in chinese) / 1e6
    print(
        f"English news-like text: {english_mb:.1f} MB in {len(english)} paragraphs (seed articles + golden-rule inputs, repeated)"
    )
    print(f"Chinese text: {chinese_mb:.1f} MB in {len(chinese)} paragraphs")
    print(
        f"pysbd is timed on the first {PYSBD_SLICE_BYTES / 1e3:.0f} kB of each text only (MB/s is size-independent per paragraph)"
    )
    print()
    results: dict[str, tuple[float, float, float]] = {}
    print(f"{'segmenter':<10} {'golden rules (en)':>18} {'en MB/s':>9} {'zh MB/s':>9}")
    for name, (split_en, split_zh, full) in tools.items():
        accuracy = score_golden_rules(split_en, golden)
        en_input = english if full else take_bytes(english, PYSBD_SLICE_BYTES)
        zh_input = chinese if full else take_bytes(chinese, PYSBD_SLICE_BYTES)
        en_speed = measure_throughput(split_en, en_input)
        zh_speed = measure_throughput(split_zh, zh_input)
        results[name] = (accuracy, en_speed, zh_speed)
        right = round(accuracy * len(golden))
        print(f"{name:<10} {accuracy:>9.1%} ({right}/{len(golden)}) {en_speed:>9.2f} {zh_speed:>9.2f}")
    print()
    accuracy, en_speed, zh_speed = results["transpub"]
    for peer in ("pysbd", "sentencex"):
        peer_accuracy, peer_en, peer_zh = results[peer]
        print(
            f"transpub vs {peer}: golden rules {accuracy:.1%} vs {peer_accuracy:.1%} "
            f"({accuracy - peer_accuracy:+.1%} points); speed en x{en_speed / peer_en:.2f}, zh x{zh_speed / peer_zh:.2f}"
        )


if __name__ == "__main__":
    main()
