"""One analysis per run (issue 19): engine calls and time of the Break-even page's work and of
every export, for this checkout and another one (the baseline), alternating in the same run.

Counted by wrapping the engine's entry points and every registry module's `lines` (each is one
pricing of one registry, scalar or vectorised); timed as the median of several repeats.
Usage: python bench/analysis.py --against /path/to/old/checkout [--rounds 3] [--repeat 7]
"""

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent

# the case: a 50/50 pull mix, the break-even page on every input it can sweep
PULL_MIX = {"same_region_share": 0.5, "cross_region_share": 0.5, "internet_share": 0.0}
# bench/export.py's reviewer: EKS behind NAT, a scenario B in the link (the deck has every slide)
EXPORT = {
    "runs_on": "aws",
    "ci": "github_actions",
    "lifetime": "production",
    "network": "nat",
    "repositories": 40,
    "image_size_mb": 1200,
    "versions_kept": 30,
    "pulls_per_month": 50_000,
}
LINK = "http://localhost:8501/?network=nat&repositories=40&image_size_mb=1200&versions_kept=30&b_network=endpoints"

CHILD = r"""
import collections, datetime as dt, json, statistics, sys, time
sys.path.insert(0, sys.argv[1])
from lib import adr, deck, decision, engine, export, pricebook, registries, sensitivity
from lib.inputs.workload import DEFAULT, from_dict
args = json.loads(sys.argv[2])
calls = collections.Counter()
def counted(owner, name, key):
    f = getattr(owner, name)
    def g(*a, **k):
        calls[key] += 1
        return f(*a, **k)
    setattr(owner, name, g)
for name in ("estimate", "estimate_many", "estimate_varying"):
    counted(engine, name, "engine." + name)
counted(decision, "recommend", "decision.recommend")
for m in registries.ALL:
    counted(m, "lines", "registry lines")
book = pricebook.load()
def measure(fn, repeat):
    calls.clear()
    fn()
    counts = dict(calls)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return {"calls": counts, "seconds": statistics.median(times)}
w = from_dict({**DEFAULT.to_dict(), **args["pull_mix"]})
def break_even_page():
    for field in sensitivity.RANGES:
        table = sensitivity.sweep(w, field, book)
        sensitivity.break_evens(w, field, book, table=table)
x = from_dict({**DEFAULT.to_dict(), **args["export"]})
def exports():  # what the Export page and `python -m lib export` build for one scenario
    try:
        from lib.analyses.analysis import analyse
    except ImportError:  # the baseline: each export prices the scenario itself
        analyse = None
    import inspect

    if analyse is not None and "analysis" not in inspect.signature(deck.build).parameters:
        a = analyse(x, book)  # the exporters take only the analysis
        deck.build(a, args["link"], pictures=False, today=dt.date(2026, 11, 29))
        adr.adr(a, args["link"], today=dt.date(2026, 11, 29))
        export.full_json(a, args["link"])
        e = a.estimate
    elif analyse is not None:
        a = analyse(x, book)
        deck.build(x, book, args["link"], pictures=False, today=dt.date(2026, 11, 29), analysis=a)
        adr.adr(x, book, args["link"], today=dt.date(2026, 11, 29), analysis=a)
        export.full_json(a, book, args["link"])
        e = a.estimate
    else:
        e = engine.estimate(x, book)
        deck.build(x, book, args["link"], pictures=False, today=dt.date(2026, 11, 29))
        adr.adr(x, book, args["link"], today=dt.date(2026, 11, 29))
        export.full_json(e, book, args["link"])
    export.csv_table(e)
    export.xlsx_table(e, book)
print(json.dumps({"break_even": measure(break_even_page, args["repeat"]),
                  "exports": measure(exports, max(2, args["repeat"] // 2))}))
"""


def run(checkout: Path, repeat: int) -> dict:
    args = json.dumps({"pull_mix": PULL_MIX, "export": EXPORT, "link": LINK, "repeat": repeat})
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(checkout), args], capture_output=True, text=True, timeout=600, check=True
    )
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--against", required=True, help="the baseline checkout (e.g. main before this change)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    runs: dict[str, list[dict]] = {"this": [], "baseline": []}
    for _ in range(max(1, min(args.rounds, 20))):  # alternate, so both see the same machine load
        runs["baseline"].append(run(Path(args.against).resolve(), args.repeat))
        runs["this"].append(run(HERE, args.repeat))
    for part, what in (
        ("break_even", "Break-even page, 5 inputs swept, 50/50 pull mix"),
        ("exports", "exports: deck (no picture) + ADR + JSON + CSV + XLSX"),
    ):
        t_new = statistics.median(r[part]["seconds"] for r in runs["this"])
        t_old = statistics.median(r[part]["seconds"] for r in runs["baseline"])
        c_new, c_old = runs["this"][0][part]["calls"], runs["baseline"][0][part]["calls"]
        print(f"{what}:")
        print(f"  time   {t_new * 1000:8.1f} ms vs baseline {t_old * 1000:8.1f} ms   {t_new / t_old:.2f}x")
        for key in sorted(set(c_new) | set(c_old)):
            print(f"  {key:<22} {c_new.get(key, 0):5d} vs {c_old.get(key, 0):5d}")


if __name__ == "__main__":
    main()
