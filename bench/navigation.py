"""First paint in a fresh browser, and page switch -> page drawn (issue 29), in Debian's Chromium.

First paint: a new browser context (no cache, no cookies, as a first visit) opens the page; timed from
`goto` to the frame drawn (the sidebar's first input), to the title drawn and to the first chart painted.
Page switch: a click on a page in the sidebar menu, to the new page's title drawn and its run over.
Baseline, in the same run: the minimal page (bench/minimal/app.py: an input and one chart) opened in
a fresh context the same way, and opened again in the same tab (a same-tab navigation, as a switch).
`--against REF` (a folder or a commit, as bench/protocol_load.py takes it): the same figures for that
checkout's app in the same run, interleaved with this one's, and the ratios of the medians.
Targets: first paint <= 1.5 s; page switch <= 500 ms.
Usage: python bench/navigation.py [--repeat 5] [--pages recommendation,compare,break_even] [--against 75fca77]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import CHROMIUM_ARGS, app_servers, chromium, summary  # noqa: E402

MENU = {  # url path -> the menu's words for it, and the page's title (h1)
    "": ("Overview", "Container registry cost"),
    "recommendation": ("Recommendation", "Recommendation"),
    "compare": ("Compare", "Compare two scenarios"),
    "break_even": ("Break-even", "Sensitivity and break-even"),
    "cost_over_time": ("Over time", "Cost over time"),
    "network_path": ("Network path", "Network path"),
}
IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"


FRAME = '[data-testid="stSidebar"] [data-testid="stNumberInput"], [data-testid="stSidebar"] [data-testid="stSlider"]'


def first_paint(browser, url: str, frame: bool = True) -> tuple[float, float, float]:
    """(goto -> frame drawn, goto -> title drawn, goto -> first chart painted) in a new context; the minimal
    page has no sidebar (frame=False: its frame is its title)."""
    ctx = browser.new_context(viewport={"width": 1500, "height": 1000})
    try:
        page = ctx.new_page()
        t0 = time.perf_counter()
        page.goto(url)
        page.wait_for_selector(FRAME if frame else "h1", timeout=60_000)
        drawn = time.perf_counter() - t0
        page.wait_for_selector("h1", timeout=60_000)
        title = time.perf_counter() - t0
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
        return drawn, title, time.perf_counter() - t0
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


def _med(values) -> float:
    return statistics.median(values) if values else float("nan")


def _switches(browser, server, pages: list[str], repeat: int) -> tuple[dict[str, list[float]], list[float]]:
    """Menu clicks to each page and back to the Overview, `repeat` times, in one tab of `server`'s app."""
    page = browser.new_page(viewport={"width": 1500, "height": 1000})
    try:
        page.goto(server.url + "/")
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
        page.wait_for_function(IDLE, timeout=60_000)
        times: dict[str, list[float]] = {p: [] for p in pages}
        back: list[float] = []
        for _ in range(repeat):
            for path in pages:
                times[path].append(switch(page, *MENU[path]))
                back.append(switch(page, *MENU[""]))
        return times, back
    finally:
        page.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--pages", default="recommendation,compare,break_even,cost_over_time,network_path")
    ap.add_argument("--against", help="another checkout (a folder or a commit): its app measured in the same run")
    args = ap.parse_args()
    if not 1 <= args.repeat <= 30:
        ap.error("--repeat: 1 to 30")
    pages = [p for p in args.pages.split(",") if p in MENU]
    from playwright.sync_api import sync_playwright

    with contextlib.ExitStack() as stack:
        servers = app_servers(stack, args.against)
        url = {side: srv.url + "/" for side, srv in servers.items()}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
            for side in servers:  # warm imports and caches
                first_paint(browser, url[side], frame=side != "minimal")
            fp: dict[str, list[tuple[float, float, float]]] = {side: [] for side in servers}
            for i in range(args.repeat):  # interleaved, the order turned each round: the machine's load drifts
                for side in list(servers) if i % 2 == 0 else list(servers)[::-1]:
                    fp[side].append(first_paint(browser, url[side], frame=side != "minimal"))
            print(
                "first paint, fresh browser context (goto -> frame (the sidebar's inputs) / -> title / -> first chart)"
            )
            for side, values in fp.items():
                print(
                    f"  {side:<8} frame {summary([v[0] for v in values])}\n"
                    f"  {'':<8} title {summary([v[1] for v in values])}\n"
                    f"  {'':<8} chart {summary([v[2] for v in values])}"
                )
            m = {k: _med([v[k] for v in fp["minimal"]]) for k in (1, 2)}
            for side in (s for s in servers if s != "minimal"):
                a = {k: _med([v[k] for v in fp[side]]) for k in (0, 1, 2)}
                print(
                    f"  {side}: frame {a[0]:.2f} s, title {a[1]:.2f} s ({a[1] / m[1]:.2f}x the minimal page's), "
                    f"chart {a[2]:.2f} s ({a[2] / m[2]:.2f}x)"
                )

            switched = {}
            for i in range(2 if args.against else 1):  # the app's tab, then the baseline's (one tab each)
                side = ("app", "baseline")[i]
                switched[side] = _switches(browser, servers[side], pages, args.repeat)
            mpage = browser.new_page()
            same_tab = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                mpage.goto(servers["minimal"].url + "/?charts=1")
                mpage.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
                mpage.wait_for_function(IDLE, timeout=60_000)
                same_tab.append(time.perf_counter() - t0)
            print("\npage switch (menu click -> title drawn and run over)")
            for side, (times, back) in switched.items():
                for path in pages:
                    print(f"  {side:<8} {path:<16} {summary(times[path])}")
                print(f"  {side:<8} {'back to /':<16} {summary(back)}")
            print(f"  minimal page opened again in the same tab: {summary(same_tab)}")
            for side, (times, back) in switched.items():
                allswitch = [t for v in times.values() for t in v] + back
                print(
                    f"  {side}: every switch median {_med(allswitch) * 1000:.0f} ms, "
                    f"{_med(allswitch) / _med(same_tab):.2f}x the minimal page's"
                )
            if "baseline" in switched:
                this = [t for v in switched["app"][0].values() for t in v] + switched["app"][1]
                base = [t for v in switched["baseline"][0].values() for t in v] + switched["baseline"][1]
                print(f"  this / baseline: switch {_med(this) / _med(base):.2f}x", end="")
                print(
                    f", first paint title {_med([v[1] for v in fp['app']]) / _med([v[1] for v in fp['baseline']]):.2f}x"
                )
            browser.close()


if __name__ == "__main__":
    main()
