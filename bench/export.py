"""Export timings: one PNG cold (starts kaleido's Chromium), PNG and SVG warm, and a whole deck.

Baselines for the ratios, measured in the same run: a bare `fig.to_image` of a one-bar figure
on the same warm server (for pictures); for the deck, the deck without its picture and the
sensitivity break-even search alone (lib/analyses/sensitivity.py's bisection), which is most of what a
deck without a picture costs.
Usage: python bench/export.py [--repeat N]
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

import plotly.graph_objects as go

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lib.analyses import sensitivity  # noqa: E402
from lib.analyses.analysis import analyse
from lib.decide import decision
from lib.exports import deck, export
from lib.inputs import pricebook
from lib.inputs.workload import from_dict  # noqa: E402
from lib.presentation import charts
from lib.pricing import engine

# the reviewer: EKS behind NAT, with a scenario B in the link (so the deck has every slide)
SCENARIO = {
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
    w = from_dict(SCENARIO)
    e = engine.estimate(w, book)
    rec = decision.recommend(w, book, costs=e.totals()).recommended
    fig = export.slide_figure(charts.cost_breakdown(e, recommended=rec), charts.scenario_title(e))

    cold = timed(lambda: export.image(fig, "png"))
    warm = statistics.median(timed(lambda: export.image(fig, "png")) for _ in range(args.repeat))
    svg = statistics.median(timed(lambda: export.image(fig, "svg")) for _ in range(args.repeat))
    tiny = go.Figure(go.Bar(x=[1], y=[1]))
    base = statistics.median(timed(lambda: export.image(tiny, "png")) for _ in range(args.repeat))
    n = max(2, args.repeat // 2)
    whole = statistics.median(timed(lambda: deck.build(analyse(w, book), LINK)) for _ in range(n))
    bare = statistics.median(timed(lambda: deck.build(analyse(w, book), LINK, pictures=False)) for _ in range(n))
    table = sensitivity.sweep(w, w.sweep_field, book)
    search = statistics.median(
        timed(lambda: sensitivity.break_evens(w, w.sweep_field, book, table=table)) for _ in range(n)
    )
    data, _ = deck.build(analyse(w, book), LINK)
    import io

    from pptx import Presentation

    slides = len(Presentation(io.BytesIO(data)).slides)

    print(f"PNG cold (Chromium start + render): {cold:6.3f} s")
    print(
        f"PNG warm (median of {args.repeat}):         {warm:6.3f} s   target < 0.5 s   "
        f"{warm / base:4.1f}x a one-bar PNG ({base:.3f} s)"
    )
    print(
        f"SVG warm (median of {args.repeat}):         {svg:6.3f} s                    {svg / base:4.1f}x a one-bar PNG"
    )
    print(
        f"whole deck ({slides} slides, 1 picture):  {whole:6.3f} s   target < 5 s     "
        f"{whole / bare:4.1f}x the deck without its picture ({bare:.3f} s), {whole / warm:4.1f}x one warm PNG"
    )
    print(
        f"  of which the break-even search:  {search:6.3f} s   ({search / whole:.0%} of the deck; the slides "
        f"themselves {max(bare - search, 0):.3f} s)"
    )


if __name__ == "__main__":
    main()
