"""First paint in a fresh browser, and page switch -> page drawn (issue 29), in Debian's Chromium.

First paint: a new browser context (no cache, no cookies, as a first visit) opens the page; timed from
`goto` to the title drawn (the frame: the page is usable to read) and to the first chart painted.
Page switch: a click on a page in the sidebar menu, to the new page's title drawn and its run over.
Baseline, in the same run: the minimal page (bench/minimal/app.py: an input and one chart) opened in
a fresh context the same way, and opened again in the same tab (a same-tab navigation, as a switch).
Targets: first paint <= 1.5 s; page switch <= 500 ms.
Usage: python bench/navigation.py [--repeat 5] [--pages recommendation,compare,break_even]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import CHROMIUM_ARGS, MINIMAL, Server, chromium, summary  # noqa: E402

MENU = {  # url path -> the menu's words for it, and the page's title (h1)
    "": ("Overview", "Container registry cost"),
    "recommendation": ("Recommendation", "Recommendation"),
    "compare": ("Compare", "Compare two scenarios"),
    "break_even": ("Break-even", "Sensitivity and break-even"),
    "cost_over_time": ("Over time", "Cost over time"),
    "network_path": ("Network path", "Network path"),
}
IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"


def first_paint(browser, url: str) -> tuple[float, float]:
    """(goto -> title drawn, goto -> first chart painted) in a new context."""
    ctx = browser.new_context(viewport={"width": 1500, "height": 1000})
    try:
        page = ctx.new_page()
        t0 = time.perf_counter()
        page.goto(url)
        page.wait_for_selector("h1", timeout=60_000)
        title = time.perf_counter() - t0
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
        return title, time.perf_counter() - t0
    finally:
        ctx.close()


def switch(page, words: str, title: str) -> float:
    """Click the menu link `words`; seconds until the page's title `title` is drawn and the run is over."""
    link = page.get_by_test_id("stSidebar").get_by_test_id("stPageLink-NavLink").filter(has_text=words).first
    t0 = time.perf_counter()
    link.click()
    page.get_by_role("heading", level=1).filter(has_text=title).first.wait_for(timeout=60_000)
    page.wait_for_function(IDLE, timeout=60_000)
    return time.perf_counter() - t0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--pages", default="recommendation,compare,break_even,cost_over_time,network_path")
    args = ap.parse_args()
    if not 1 <= args.repeat <= 30:
        ap.error("--repeat: 1 to 30")
    pages = [p for p in args.pages.split(",") if p in MENU]
    from playwright.sync_api import sync_playwright

    app, minimal = Server("app.py", timed=False), Server(MINIMAL, timed=False)
    app.wait_healthy(), minimal.wait_healthy()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
            first_paint(browser, app.url + "/"), first_paint(browser, minimal.url + "/")  # warm imports
            fp = {"app": [], "minimal": []}
            for _ in range(args.repeat):  # interleaved: the machine's load drifts
                fp["app"].append(first_paint(browser, app.url + "/"))
                fp["minimal"].append(first_paint(browser, minimal.url + "/"))
            print("first paint, fresh browser context (goto -> title / -> first chart)")
            for side, values in fp.items():
                print(f"  {side:<8} title {summary([v[0] for v in values])}   chart {summary([v[1] for v in values])}")
            ratio = statistics.median(v[1] for v in fp["app"]) / statistics.median(v[1] for v in fp["minimal"])
            print(f"  ratio of medians (chart): {ratio:.2f}x")

            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            page.goto(app.url + "/")
            page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
            page.wait_for_function(IDLE, timeout=60_000)
            times: dict[str, list[float]] = {p: [] for p in pages}
            back: list[float] = []
            for _ in range(args.repeat):
                for path in pages:
                    times[path].append(switch(page, *MENU[path]))
                    back.append(switch(page, *MENU[""]))
            mpage = browser.new_page()
            same_tab = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                mpage.goto(minimal.url + "/?charts=1")
                mpage.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
                mpage.wait_for_function(IDLE, timeout=60_000)
                same_tab.append(time.perf_counter() - t0)
            print("\npage switch (menu click -> title drawn and run over)")
            for path in pages:
                print(f"  {path:<16} {summary(times[path])}")
            print(f"  {'back to /':<16} {summary(back)}")
            allswitch = [t for v in times.values() for t in v] + back
            print(f"  minimal page opened again in the same tab: {summary(same_tab)}")
            print(
                f"  every switch: median {statistics.median(allswitch) * 1000:.0f} ms, "
                f"{statistics.median(allswitch) / statistics.median(same_tab):.2f}x the minimal page's"
            )
            browser.close()
    finally:
        app.stop()
        minimal.stop()


if __name__ == "__main__":
    main()
