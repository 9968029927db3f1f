"""Rerun cost: server-side time of one slider change on each page, against a minimal page that
draws the same number of plotly charts from fixed data. Measured with AppTest in one process.
Target: at most 1.3x. Usage: python bench/rerun.py [--changes N]
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from streamlit.testing.v1 import AppTest  # noqa: E402

PAGES = [("app.py", None), ("app.py", "pages/recommendation.py"), ("app.py", "pages/compare.py"),
         ("app.py", "pages/break_even.py"), ("app.py", "pages/cost_over_time.py"), ("app.py", "pages/network_path.py"),
         ("app.py", "pages/features.py"), ("app.py", "pages/migration.py"), ("app.py", "pages/export.py")]


def time_changes(script, page, changes, charts=None):
    at = AppTest.from_file(str(ROOT / script), default_timeout=120)
    if charts is not None:
        at.query_params["charts"] = str(charts)
    if page:
        at.switch_page(page)
    at.run()
    n_charts = len(at.get("plotly_chart"))
    times = []
    for i in range(changes + 1):
        at.slider(key="wl_versions_kept").set_value(10 + (i % 2) * 5)
        t0 = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t0)
        assert not at.exception, at.exception
    return statistics.median(times[1:]), n_charts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--changes", type=int, default=15)
    args = ap.parse_args()
    print(f"{'page':<28} {'charts':>6} {'page ms':>9} {'minimal ms':>11} {'ratio':>6}  target <= 1.3x")
    worst = 0.0
    for script, page in PAGES:
        t_page, n = time_changes(script, page, args.changes)
        t_min, _ = time_changes("bench/minimal/app.py", None, args.changes, charts=n)
        ratio = t_page / t_min
        worst = max(worst, ratio)
        print(f"{(page or 'app.py (overview)'):<28} {n:>6} {t_page * 1000:>9.1f} {t_min * 1000:>11.1f} {ratio:>6.2f}")
    print(f"worst ratio: {worst:.2f}x")


if __name__ == "__main__":
    main()
