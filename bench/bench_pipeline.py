"""extract and compile of generated news articles, beside translate-toolkit on the same files.

The peer, in the same run: translate-toolkit's ``html2po -P`` (one POT per article) then
``pot2po`` once per locale (one PO per article and locale) for extract, and ``po2html`` once per
locale for compile. transpub runs as its command line does, once with ``-j`` at its default (one
process per core) and once with ``-j 1``, each on a fresh copy (no catalogs, no site, no
manifest), so nothing is reused from an earlier run. compile runs as a user runs it, after that
extract in the same project: it is a first, full compile (no site, no record of one), but it finds
what extract read of each article in ``.transpub/reads.sqlite`` (see transpub.readcache); the
``cold`` line is the same compile on a copy without ``.transpub/`` (a checkout whose catalogs were
extracted elsewhere). No tree is deleted between timings (the folder goes at the end): ext4 does
not reuse an inode for some seconds after its file is deleted, and every file created would search
past them. Every command is a separate process; CPU is
user + system time of the process and its workers (``RUSAGE_CHILDREN``), wall is the elapsed time.

Both tools get the same catalogs to compile: every msgstr ``⟦msgid⟧`` (filled outside the
timings). transpub compile also writes the source-language page, the index pages and copies the
images; po2html writes the translated pages only. Then, as CI does next, 10 articles are edited
and transpub runs again (it redoes those articles only; translate-toolkit has no such mode, so the
peer is its full run again). Before that, one untimed extract takes in the translated catalogs:
a catalog is an input of extract, so the first extract after a translation merges it again.
A line in brackets says what creating compile's pages alone costs on this machine (no transpub
run): the part of a 5x budget that no code change lowers.

    .venv/bin/python bench/bench_pipeline.py [--articles 1000] [--locales 1 7]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsgen import make_project, pseudo_translate

LOCALES = ["de", "es", "fr", "sv", "ru", "ar", "zh_CN"]
BIN = Path(sys.executable).parent
SRC = Path(__file__).resolve().parents[1] / "src"
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))
# Like for like: translate-toolkit runs from installed, byte-compiled modules, so transpub's own
# modules are byte-compiled once before the timings (an installed transpub is too).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


def timed(commands: list[list[str]], cwd: Path) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of running ``commands`` one after the other; each must succeed.

    The disk is flushed first (``os.sync``), untimed: on ext4 without a journal, a new file's inode
    is not taken from an inode-table block still dirty from an earlier step (a copy just made), so
    every file created would otherwise search past those blocks, and whichever tool ran after the
    biggest copy would pay for it.
    """
    os.sync()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    for command in commands:
        done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr.decode()[-2000:]}")
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def files_alone(folder: Path, count: int, size: int) -> tuple[float, float]:
    """(CPU, wall) seconds of creating ``count`` new files of ``size`` bytes in two folders as compile
    writes its pages (fsutil.write_if_changed: a temporary file, then a rename), with no other work:
    what this machine's file system alone charges for the pages of a run, a floor no code change
    lowers (on some virtual disks file creation is serialised: two processes take as long as one)."""
    from transpub.fsutil import write_if_changed

    data = b"x" * size
    os.sync()
    before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    for number in range(count):
        write_if_changed(folder / str(number % 2) / f"page-{number}.html", data, durable=False, new=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def transpub(*args: str) -> list[str]:
    return [sys.executable, "-m", "transpub", *args]


def fill_ttk(folder: Path) -> None:
    """Every msgstr of translate-toolkit's POs becomes ⟦msgid⟧, as transpub's are."""
    import polib

    for path in sorted(folder.rglob("*.po")):
        po = polib.pofile(str(path))
        for entry in po:
            if entry.msgid:
                entry.msgstr = f"⟦{entry.msgid}⟧"
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
        po.save()


def row(name: str, ours: tuple[float, float], peer: tuple[float, float]) -> str:
    return (
        f"  {name:34} transpub {ours[0]:7.2f} s CPU {ours[1]:7.2f} s wall | ttk {peer[0]:7.2f} s CPU "
        f"{peer[1]:7.2f} s wall | ttk/transpub CPU {peer[0] / ours[0]:5.2f}x wall {peer[1] / ours[1]:5.2f}x"
    )


def bench(articles: int, locale_count: int, work: Path) -> None:
    locales = LOCALES[:locale_count]
    original = work / f"news-{locale_count}"
    make_project(original, articles=articles, locales=locales)
    paths = sorted((original / "articles").glob("*.html"))
    size = sum(p.stat().st_size for p in paths) / len(paths)
    print(f"\n{articles} articles ({size / 1024:.1f} KB each), {locale_count} locale(s): {' '.join(locales)}")

    # translate-toolkit
    ttk = work / f"ttk-{locale_count}"
    shutil.rmtree(ttk, ignore_errors=True)
    ttk.mkdir()
    peer_extract = timed(
        [[str(BIN / "html2po"), "-P", str(original / "articles"), str(ttk / "pot")]]
        + [[str(BIN / "pot2po"), "-i", str(ttk / "pot"), "-o", str(ttk / loc)] for loc in locales],
        ttk,
    )
    for loc in locales:
        fill_ttk(ttk / loc)
    peer_compile = timed(
        [
            [
                str(BIN / "po2html"),
                "-t",
                str(original / "articles"),
                "-i",
                str(ttk / loc),
                "-o",
                str(ttk / f"site-{loc}"),
            ]
            for loc in locales
        ],
        ttk,
    )

    pages = articles * (locale_count + 1)  # (compile writes the source-language page too)
    alone = files_alone(work / f"files-{locale_count}", pages, int(size))
    print(
        f"  (the file system alone: {pages} new files of {size / 1024:.1f} KB take {alone[0]:.2f} s CPU, "
        f"{alone[1]:.2f} s wall; 5x translate-toolkit's compile is {peer_compile[1] / 5:.2f} s wall)"
    )
    for jobs in ("default", "1"):
        copy = work / f"transpub-{locale_count}-{jobs}"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(original, copy)
        j = [] if jobs == "default" else ["-j", jobs]
        ours_extract = timed([transpub("extract", *j)], copy)
        pseudo_translate(copy)
        cold = work / f"transpub-{locale_count}-{jobs}-cold"
        shutil.rmtree(cold, ignore_errors=True)
        shutil.copytree(copy, cold)
        shutil.rmtree(cold / ".transpub")
        ours_compile = timed([transpub("compile", *j)], copy)
        cold_compile = timed([transpub("compile", *j)], cold)
        label = f"-j {os.cpu_count()} (default)" if jobs == "default" else "-j 1"
        print(row(f"extract {label}", ours_extract, peer_extract))
        print(row(f"compile {label}", ours_compile, peer_compile))
        print(row(f"compile {label}, cold (no .transpub/)", cold_compile, peer_compile))
        if jobs == "default":  # what CI does next: a few articles changed (translate-toolkit redoes all)
            timed([transpub("extract", *j)], copy)  # (untimed) the translated catalogs are merged once
            for path in sorted((copy / "articles").glob("*.html"))[:: max(1, articles // 10)][:10]:
                text = path.read_text(encoding="utf-8")
                path.write_text(
                    text.replace("</h1>", "</h1>\n<p>A correction was added.</p>", 1), encoding="utf-8"
                )
            print(row("extract, 10 articles edited", timed([transpub("extract", *j)], copy), peer_extract))
            print(row("compile, 10 articles edited", timed([transpub("compile", *j)], copy), peer_compile))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--locales", type=int, nargs="+", default=[1, 7])
    args = parser.parse_args()
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(SRC)], check=True)
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as folder:
        for count in args.locales:
            bench(args.articles, count, Path(folder))
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
