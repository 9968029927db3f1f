"""CPU spent by `python -m lib measure FILE` before it reads the first file (interpreter start and
imports), against a bare `python -c pass` measured in the same run. Usage:
python bench/measure_start.py [--repeat R] [--root CHECKOUT]  (--root: measure another checkout, e.g. main)"""

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# runs `python -m lib measure FILE` as __main__ does, and prints the CPU used when the files are opened
PROBE = r"""
import runpy, sys, time
import lib.measure as m
mod = sys.modules.get("lib.measure.statistics", m)
def stop(paths):
    print(time.process_time(), file=sys.stderr)
    raise SystemExit(0)
mod.sources_from_paths = stop
sys.argv = ["lib", "measure", sys.argv[1]]
runpy.run_module("lib", run_name="__main__", alter_sys=True)
"""


def cpu(root: Path, code: list[str]) -> float:
    out = subprocess.run(
        [sys.executable, *code],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(root)},
        timeout=120,
    )
    return float(out.stderr.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--root", type=Path, default=ROOT)
    args = ap.parse_args()
    fixture = str(ROOT / "tests/fixtures/inventory/ecr/describe-images.json")
    bare = [
        cpu(args.root, ["-c", "import sys, time; print(time.process_time(), file=sys.stderr)"])
        for _ in range(args.repeat)
    ]
    start = [cpu(args.root, ["-c", PROBE, fixture]) for _ in range(args.repeat)]
    b, s = statistics.median(bare), statistics.median(start)
    print(f"CPU before the first file is read ({args.root}): {s:.3f} s (median of {args.repeat})")
    print(f"  bare python:  {b:.3f} s;  ratio {s / b:.1f}x a bare interpreter")


if __name__ == "__main__":
    main()
