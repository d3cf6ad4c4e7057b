"""Peak memory of reading a large XLIFF file (``transpub import``): the units streamed against the
whole document's tree.

Writes an XLIFF 1.2 file of ``--units`` units (each a source, a target with an inline code and a
note: about 340 bytes), then, each in a process of its own, reads it with ``read_xliff`` and parses
it into a tree with lxml (what reading it whole costs before a unit is read: how transpub read
XLIFF before). Prints each process's peak resident memory and CPU time.

    .venv/bin/python bench/bench_xliff_read.py [--units 200000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
MEASURE = """
import resource, sys, time
sys.path.insert(0, {src!r})
from pathlib import Path
started = time.process_time()
if {how!r} == "stream":
    from transpub.exchange.xliff import read_xliff
    units = sum(len(file.units) for file in read_xliff(Path({path!r}), "big.xlf")[1])
else:
    from lxml import etree
    units = len(etree.parse({path!r}).getroot().findall(".//{{*}}trans-unit"))
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{{units}} units, peak {{peak:.0f}} MiB, {{time.process_time() - started:.1f}} s CPU")
"""


def write_xliff(path: Path, units: int) -> None:
    """An XLIFF 1.2 document of ``units`` translated units with inline codes and notes."""
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n')
        out.write('<file original="articles/big.html" source-language="en" target-language="de"')
        out.write(' datatype="html" product-name="Demo"><body>\n')
        for n in range(units):
            out.write(
                f'<trans-unit id="u-{n:016x}" xml:space="preserve">'
                f'<source>Sentence number {n} of a long article, with <g id="1">some</g> markup.</source>'
                f'<target state="translated">Satz Nummer {n} eines langen Artikels, mit <g id="1">etwas</g>'
                f' Markup.</target><note from="translator">A note for unit {n}.</note></trans-unit>\n'
            )
        out.write("</body></file></xliff>\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.xlf"
        write_xliff(path, args.units)
        print(f"{path.stat().st_size / 2**20:.0f} MiB of XLIFF")
        for how, label in (("stream", "read_xliff (streamed)"), ("tree", "lxml tree of it (whole)")):
            code = MEASURE.format(src=str(SRC), how=how, path=str(path))
            result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
            print(f"{label:26} {result.stdout.strip()}")


if __name__ == "__main__":
    main()
