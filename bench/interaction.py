"""Rerun cost and interaction latency, in a real browser against real servers.

For each page: 30 keyboard changes of the "Versions kept" input (a number input stepped with
the arrow keys; a slider on older versions of the app). Server-side: the script
run's duration, logged by bench/timed_server.py. Browser: keypress to the first chart showing
the new value. Baseline: bench/minimal/app.py drawing the same number of plotly charts from
fixed data, measured in the same run.
Targets: rerun <= 1.3x the minimal page; latency median < 400 ms and <= 1.5x the minimal page.
Usage: python bench/interaction.py [--changes 30] [--pages all|overview]
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import CHART_SIG, CHROMIUM_ARGS, MINIMAL, Server, chromium, summary  # noqa: E402

PAGES = [
    "/",
    "/recommendation",
    "/compare",
    "/break_even",
    "/cost_over_time",
    "/network_path",
    "/features",
    "/migration",
    "/export",
]


def settle(page):
    page.wait_for_selector("h1", timeout=60_000)
    page.get_by_test_id("stSidebar").get_by_text("Versions kept").first.wait_for(timeout=60_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    page.wait_for_timeout(500)


def control(page):
    """The "Versions kept" input and its two arrow keys: a typed number input, or a slider."""
    slider = page.get_by_test_id("stSlider").filter(has_text="Versions kept").get_by_role("slider")
    if slider.count():
        return slider, ("ArrowRight", "ArrowLeft")
    return page.get_by_test_id("stNumberInput").filter(has_text="Versions kept").locator("input").first, (
        "ArrowUp",
        "ArrowDown",
    )


def drive(page, server, url, changes):
    """Press the slider `changes` times; return (server run times, browser latencies)."""
    page.goto(url)
    settle(page)
    has_chart = page.evaluate(CHART_SIG) is not None
    thumb, keys = control(page)
    thumb.focus()
    before_runs = len(server.runs())
    latencies = []
    for i in range(changes):
        sig = page.evaluate(CHART_SIG)
        t0 = time.perf_counter()
        thumb.press(keys[i % 2])
        if has_chart:
            try:  # a chart that does not depend on this slider (the network path) never changes
                page.wait_for_function(
                    f"(old) => ({CHART_SIG})() !== old", arg=sig, timeout=30_000 if latencies else 15_000, polling="raf"
                )
                latencies.append(time.perf_counter() - t0)
            except Exception:
                if latencies:
                    raise
                has_chart = False
        deadline = time.time() + 30
        while len(server.runs()) < before_runs + i + 1 and time.time() < deadline:
            time.sleep(0.02)
        page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)
    return server.runs()[before_runs:], latencies, page.locator(".js-plotly-plot").count()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--changes", type=int, default=30)
    ap.add_argument("--pages", choices=("all", "overview"), default="all")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    app, minimal = Server("app.py"), Server(MINIMAL)
    app.wait_healthy(), minimal.wait_healthy()
    pages = PAGES if args.pages == "all" else PAGES[:1]
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            drive(page, app, app.url + "/", 3)  # warm imports and caches on both servers
            drive(page, minimal, minimal.url + "/?charts=1", 3)
            print(f"{'page':<16} {'charts':>6}  {'rerun app':>10} {'minimal':>9} {'ratio':>6}")
            latency_rows = []
            for path in pages:
                runs, lat, n = drive(page, app, app.url + path, args.changes)
                mruns, mlat, _ = drive(page, minimal, f"{minimal.url}/?charts={n}", args.changes)
                r_app, r_min = statistics.median(runs), statistics.median(mruns)
                print(f"{path:<16} {n:>6}  {r_app * 1000:8.1f}ms {r_min * 1000:7.1f}ms {r_app / r_min:6.2f}x")
                if lat:
                    latency_rows.append((path, lat, mlat))
            print("\nkeypress -> chart shows the new value")
            for path, lat, mlat in latency_rows:
                print(f"{path:<16} app     {summary(lat)}")
                print(
                    f"{path:<16} minimal {summary(mlat)}   "
                    f"ratio of medians {statistics.median(lat) / statistics.median(mlat):.2f}x"
                )
            browser.close()
    finally:
        app.stop()
        minimal.stop()


if __name__ == "__main__":
    main()
