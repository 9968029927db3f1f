"""Issue 24 item 1 in a real browser: one link (the EKS team behind a NAT gateway), every page reached
from the menu once, the answer's figure read off the words and the charts, and one number found: $563.25 (ECR with
interface endpoints, $563.245 by hand in tests/test_best_setup_shown.py). Each page is photographed
at 1440 px (tests/artifacts/issue24_item1_*); at 390 px each page is loaded and photographed by
tests/browser/test_usability.py's 390 px screen, and here it cost a second layout and picture of every
page, 40 % of this test's time (issue 23)."""

import re
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import parse_qsl, urlencode, urlsplit

from tests.apphelpers import EKS_LINK, array
from tests.browser.conftest import Page
from tests.browser.test_browser import EVERY_PAGE, go

ECR = "Amazon ECR"
ANSWER = 563.245  # 144 + 120 + 29.20 + 0.045 + 270 (tests/test_best_setup_shown.py)
PER_PULL = 0.12 * (0.02 + 0.045) + 4.5 / 50_000 * 0.01  # ECR with endpoints, a pull more (same file)
# every trace of every chart on the page, its arrays as plotly holds them (typed arrays made plain)
TRACES = """() => { const arr = v => (v && v.bdata) ? v : Array.from(v || []);
  return Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd =>
    gd.data.map(t => ({name: t.name, type: t.type, x: arr(t.x), y: arr(t.y), offsetgroup: t.offsetgroup}))); }"""
# every word on the page, the charts' SVG text included (bar labels, ticks)
WORDS = """() => document.body.innerText + '\\n' +
  Array.from(document.querySelectorAll('svg text')).map(t => t.textContent).join('\\n')"""
WIDE = (1440, 2200)
# a dollar amount from $500 to $999 (with or without cents), not part of a larger number
AMOUNT = re.compile(r"\$(\d{3}(?:\.\d\d)?)(?![\d,])")


def cents(x: float) -> str:
    return str(Decimal(str(round(x, 6))).quantize(Decimal("0.01"), ROUND_HALF_UP))


def _traces(page) -> list[dict]:
    out = []
    for chart in page.evaluate(TRACES):
        for t in chart:
            out.append({**t, "x": array(t["x"]), "y": array(t["y"])})
    return out


def _chart_figure(path: str, traces: list[dict]) -> float | None:
    """The answer's figure as the page's chart draws it, or None for a page without one."""
    if path == "/":  # the stacked parts of ECR's bar (the marker and the total's label aside)
        parts = [t for t in traces if t["type"] == "bar" and ECR in t["x"] and t["name"] != "total"]
        return sum(t["y"][t["x"].index(ECR)] for t in parts)
    if path == "/compare":  # A's bar
        a = next(t for t in traces if t["type"] == "bar" and t.get("offsetgroup") == "A" and ECR in t["x"])
        return a["y"][a["x"].index(ECR)]
    if path == "/cost_over_time":  # a month's climb (no growth)
        line = next(t for t in traces if t["name"] == ECR)
        return line["y"][-1] - line["y"][-2]
    if path == "/break_even":  # the line at today's 50,000 pulls, from the grid point nearest it
        line = next(t for t in traces if t["name"] == ECR)
        i = min(range(len(line["x"])), key=lambda k: abs(line["x"][k] - 50_000))
        return line["y"][i] + (50_000 - line["x"][i]) * PER_PULL
    return None


def test_every_page_shows_one_figure_for_the_answer(browser, server):
    query = urlencode(EKS_LINK)
    # tall windows: Streamlit scrolls inside its main element, so a screenshot shows the window, not the page
    tab = Page(browser, server, width=WIDE[0], height=WIDE[1])
    drawn: dict[str, str] = {}
    said: dict[str, set[str]] = {}
    try:
        # one load, then the menu from page to page (it keeps the link's query): a page change costs the browser
        # a third of a load (issue 23)
        for i, (path, title) in enumerate(EVERY_PAGE):
            if i == 0:
                tab.open(path, query)
            else:
                go(tab, title)
                url = urlsplit(tab.page.url)
                assert url.path == path and EKS_LINK.items() <= dict(parse_qsl(url.query)).items(), (title, url)
            words = tab.page.evaluate(WORDS)
            near = {a for a in AMOUNT.findall(words) if abs(float(a) - ANSWER) < 1}
            said[title] = near
            figure = _chart_figure(path, _traces(tab.page))
            if figure is not None:
                drawn[title] = cents(figure)
            name = path.strip("/") or "overview"
            tab.shot(f"issue24_item1_{name}_1440")
        assert not tab.errors, tab.errors
    finally:
        tab.close()
    # the charts: ECR's bar, stacked parts and lines at the answer, to the cent
    assert set(drawn) == {"Overview", "Compare", "Break-even", "Over time"}, drawn
    assert set(drawn.values()) == {"563.25"}, drawn
    # the words: every amount within a dollar of the answer is the answer ($563 where a bar's label has no cents)
    assert set().union(*said.values()) <= {"563.25", "563"}, said
    assert "563.25" in said["Overview"] and "563.25" in said["Recommendation"], said
    assert "563" in said["Compare"], said
