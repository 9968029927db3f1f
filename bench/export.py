"""Export timings: one PNG cold (starts kaleido's Chromium), one warm, and a whole deck.

Baseline for the ratios: a bare `fig.to_image` of a one-bar figure on the same warm server,
measured in the same run. Usage: python bench/export.py [--repeat N]
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

import plotly.graph_objects as go

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lib import charts, deck, engine, export, pricebook  # noqa: E402
from lib.workload import from_dict  # noqa: E402


def timed(fn):
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    if not export.renderer_available():
        sys.exit("bench/export.py needs Chromium (apt-get install chromium)")
    book = pricebook.load()
    w = from_dict({"same_region_share": 0.5, "cross_region_share": 0.5})
    e = engine.estimate(w, book)
    fig = export.slide_figure(charts.cost_breakdown(e), charts.scenario_title(e))

    cold = timed(lambda: export.image(fig, "png"))
    warm = statistics.median(timed(lambda: export.image(fig, "png")) for _ in range(args.repeat))
    svg = statistics.median(timed(lambda: export.image(fig, "svg")) for _ in range(args.repeat))
    tiny = go.Figure(go.Bar(x=[1], y=[1]))
    base = statistics.median(timed(lambda: export.image(tiny, "png")) for _ in range(args.repeat))
    whole = statistics.median(timed(lambda: deck.build(w, book, "http://localhost:8501/")) for _ in range(max(2, args.repeat // 2)))

    print(f"PNG cold (Chromium start + render): {cold:6.3f} s")
    print(f"PNG warm (median of {args.repeat}):         {warm:6.3f} s   target < 0.5 s   {warm / base:4.1f}x a one-bar PNG ({base:.3f} s)")
    print(f"SVG warm (median of {args.repeat}):         {svg:6.3f} s")
    print(f"whole deck (7 slides, 1 picture):  {whole:6.3f} s   target < 5 s     {whole / warm:4.1f}x one warm PNG")


if __name__ == "__main__":
    main()
