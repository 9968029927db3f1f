"""Two versions of the app against the minimal page, interleaved in one run.

Usage: python bench/compare_versions.py OLD_CHECKOUT [--rounds 5]
(for example: git worktree add /tmp/old main, then python bench/compare_versions.py /tmp/old)

Each round presses the "Versions kept" input 10 times on the old app's Overview, then on this
checkout's, then on the minimal page, so machine load (2 shared cores here) falls on all three
alike. Prints the median script run and keypress -> chart, each as a ratio to the minimal page.
"""

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _harness  # noqa: E402
from _harness import CHROMIUM_ARGS, MINIMAL, Server, chromium  # noqa: E402
from interaction import drive  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old", type=Path, help="a checkout of the older version (it needs its own app.py)")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    here = _harness.ROOT
    _harness.ROOT = args.old.resolve()  # Server starts `streamlit run app.py` in ROOT
    old = Server("app.py")
    _harness.ROOT = here
    new, minimal = Server("app.py"), Server(MINIMAL)
    targets = [
        ("old", old, old.url + "/"),
        ("new", new, new.url + "/"),
        ("minimal", minimal, minimal.url + "/?charts=1"),
    ]
    for _, srv, _ in targets:
        srv.wait_healthy()
    res = {name: ([], []) for name, _, _ in targets}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            for _, srv, url in targets:
                drive(page, srv, url, 3)  # warm imports and caches
            for _ in range(args.rounds):
                for name, srv, url in targets:
                    runs, lat, _ = drive(page, srv, url, 10)
                    res[name][0].extend(runs)
                    res[name][1].extend(lat)
            browser.close()
    finally:
        for _, srv, _ in targets:
            srv.stop()
    med = {k: (statistics.median(r), statistics.median(lat)) for k, (r, lat) in res.items()}
    base_r, base_l = med["minimal"]
    for k, (r, lat) in med.items():
        print(
            f"{k:8} script run {r * 1000:6.1f} ms ({r / base_r:.2f}x minimal)   "
            f"keypress -> chart {lat * 1000:6.1f} ms ({lat / base_l:.2f}x minimal)   n={len(res[k][1])}"
        )


if __name__ == "__main__":
    main()
