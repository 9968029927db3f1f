"""Issue 13 in the browser: typed inputs, the pull mix, one-click copy, human words on every
page, a 390 px screen, chart text contrast and accessible names."""

import re

import pytest

from lib.inputs import pricebook
from lib.pricing import labels
from tests.apphelpers import code_names
from tests.browser.conftest import Page
from tests.browser.test_browser import CHARTED, EVERY_PAGE, PAGES, bar, box, box_value, charts, copy_button, share_link
from tests.browser.test_korean_layout import OVERFLOW, close_sidebar, desktop_checks, phone_checks

BOOK = pricebook.load()
TEAM = (
    "image_size_mb=1200&repositories=40&versions_kept=30&pulls_per_month=50000&network=nat&deploy_platform=eks"
    "&required_features=private_endpoint&monthly_growth=0.05&ci=github_actions"
)
# What a person reads: the main area and the sidebar, without code blocks (commands are code) and links' addresses
VISIBLE_TEXT = """() => [document.querySelector('[data-testid="stMain"]'), \
document.querySelector('[data-testid="stSidebar"]')]
  .filter(Boolean).map(el => { const c = el.cloneNode(true);
    c.querySelectorAll('pre, code, [data-testid="stCode"], iframe, [data-testid="stIconMaterial"], '
      + '[data-testid$="DynamicIcon"]').forEach(x => x.remove());
    document.body.appendChild(c); const t = c.innerText; c.remove(); return t; }).join('\\n')"""


def type_into(tab, label, value):
    field = box(tab.page, label)
    field.fill(str(value))
    with tab.rerun():
        field.press("Enter")


def query(tab) -> dict:
    from urllib.parse import parse_qs, urlsplit

    return {k: v[0] for k, v in parse_qs(urlsplit(tab.page.url).query).items()}


def test_the_image_size_is_typed_in_gigabytes(tab):
    tab.open("/")
    with tab.rerun():
        tab.page.get_by_test_id("stSidebar").get_by_test_id("stButtonGroup").get_by_text("GB", exact=True).click()
    assert box_value(tab.page, "Image size (GB)") == "0.5"
    type_into(tab, "Image size (GB)", "1.2")
    assert query(tab)["image_size_mb"] == "1200"
    # 10 versions x 1.2 GB x $0.10 per GB-month = $1.20 of ECR storage
    assert bar(tab, labels.CATEGORIES["storage"], "Amazon ECR") == pytest.approx(1.20)
    type_into(tab, "Versions kept", "30")  # a wide range: typed, not dragged
    assert bar(tab, labels.CATEGORIES["storage"], "Amazon ECR") == pytest.approx(3.60)  # 30 x 1.2 GB x $0.10
    assert tab.errors == []


def test_the_pull_mix_must_add_up_to_100_percent(tab):
    tab.open("/")
    type_into(tab, "Same region (%)", "70")
    type_into(tab, "Other regions of the cloud (%)", "40")
    alert = tab.page.get_by_test_id("stSidebar").get_by_test_id("stAlert").inner_text()
    assert "70 % + 40 % + 0 % = 110 %" in alert and "must add up to 100 %" in alert
    assert "cross_region_share" not in query(tab)  # the figures keep the last mix that added up
    tab.shot("pull-mix-message")
    type_into(tab, "Same region (%)", "60")
    assert tab.page.get_by_test_id("stSidebar").get_by_test_id("stAlert").count() == 0
    assert query(tab)["cross_region_share"] == "0.4"
    # 40 % of 1,000 pulls x 0.5 GB = 200 GB across regions at $0.02 = $4.00 of ECR transfer
    assert bar(tab, labels.CATEGORIES["transfer"], "Amazon ECR") == pytest.approx(4.0)


def test_growth_is_typed_as_a_percentage(tab):
    tab.open("/cost_over_time")
    field = tab.page.get_by_test_id("stNumberInput").filter(has_text="Monthly growth (%)").locator("input")
    field.fill("5")
    with tab.rerun():
        field.press("Enter")
    assert query(tab)["monthly_growth"] == "0.05"
    title = tab.page.evaluate("() => document.querySelector('.js-plotly-plot').layout.title.text")
    assert "growing 5 % a month" in title


def test_copy_share_link_copies_in_one_click_and_says_so(browser, server, tab):
    tab.open("/break_even", "versions_kept=30&sweep_field=image_size_mb")
    link = share_link(tab)  # one click; share_link fails unless the button says "Link copied"
    assert link == tab.page.url and "versions_kept=30" in link and "/break_even" in link
    other = Page(browser, server)
    try:
        other.page.goto(link)
        other.loaded()
        charts(other)
        assert box_value(other.page, "Versions kept") == "30"
        title = other.page.evaluate("() => document.querySelector('.js-plotly-plot').layout.title.text")
        assert "image size" in title
    finally:
        other.close()
    assert copy_button(tab).is_visible()


# the animation a placeholder like Streamlit's (an stSkeleton with a shimmer of its own) is left with
SHIMMER = """() => { const s = document.createElement('div'); s.setAttribute('data-testid', 'stSkeleton');
  s.style.animation = 'shimmer 1.5s ease-in-out infinite'; document.body.appendChild(s);
  const name = getComputedStyle(s).animationName; s.remove(); return name; }"""


# One load of each page serves every check of it made at the desktop's width (a page load is most of a
# browser test's cost, ~2-5 s of Chromium's CPU: issue 23, the suite's time under load)
@pytest.mark.parametrize("path, label", PAGES, ids=[label for _, label in PAGES])
def test_every_page_loads_without_an_error_or_a_code_name(tab, path, label):
    tab.open(path, TEAM)
    if label in CHARTED:
        charts(tab)  # waits until the chart is painted
    assert tab.page.get_by_test_id("stException").count() == 0
    text = tab.page.evaluate(VISIBLE_TEXT)
    assert code_names(text) == [], label
    assert not re.search(r"\$\d{4,}", text), f"{label}: a dollar amount without a thousands separator"
    if label in CHARTED:
        chart_text_reaches_4_5_to_1_and_every_chart_has_a_name(tab, path)
    # a loading placeholder stands still (ui/accessibility.STILL_PLACEHOLDERS): one with Streamlit's shimmer
    assert tab.page.evaluate(SHIMMER) == "none", f"{label}: the loading placeholders shimmer"
    desktop_checks(tab, path, "en")  # the page's own desktop checks (tests/browser/test_korean_layout.py)
    assert tab.errors == []
    tab.shot(f"page-{label.lower().replace(' ', '-')}")


OVERLAPS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd => {
  const boxes = Array.from(gd.querySelectorAll('.textpoint text, text.bartext, .annotation-text'))
    .filter(t => t.textContent.trim() && getComputedStyle(t).display !== 'none' && t.getAttribute('opacity') !== '0')
    .map(t => [t.textContent, t.getBoundingClientRect()]).filter(([_, r]) => r.width > 0);
  const out = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, ra] = boxes[i], [b, rb] = boxes[j];
    const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left), \
h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
    if (w > 2 && h > 2) out.push(a + ' / ' + b);
  }
  return out; })"""


# every page of the menu at 390 px, in English (tests/browser/test_korean_layout.py: in Korean); one load
# serves each check
@pytest.mark.parametrize("path, label", EVERY_PAGE, ids=[label for _, label in EVERY_PAGE])
def test_a_390_px_screen(browser, server, path, label):
    narrow = Page(browser, server, width=390, height=844)
    try:
        narrow.open(path, TEAM)
        if label in CHARTED:
            charts(narrow)
        p = narrow.page
        assert p.evaluate("document.documentElement.scrollWidth") <= 391, f"{label}: the page scrolls sideways"
        assert [o for chart in p.evaluate(OVERLAPS) for o in chart] == [], f"{label}: chart labels overlap"
        for frame in p.get_by_test_id("stDataFrame").all():  # tables fit the screen and scroll inside themselves
            box = frame.bounding_box()  # None: a table's desktop form, hidden on a phone (ui/table.show_both)
            assert box is None or box["width"] <= 390
        assert p.get_by_test_id("stException").count() == 0 and narrow.errors == []
        narrow.shot(f"narrow-{label.lower().replace(' ', '-')}")
        close_sidebar(narrow)  # nothing in the main column reaches past the screen's right edge
        m = p.evaluate(OVERFLOW)
        assert m["scroll"] <= m["inner"] + 1 and not m["out"], (label, m)
        phone_checks(narrow, path, "en")  # the page's own phone checks (tests/browser/test_korean_layout.py)
    finally:
        narrow.close()


def _luminance(rgb) -> float:
    def ch(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)


def contrast(rgb, against=(255, 255, 255)) -> float:
    a, b = sorted((_luminance(rgb), _luminance(against)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_contrast_is_computed_like_wcag():
    assert contrast((0, 0, 0)) == pytest.approx(21.0)
    assert contrast((0x76, 0x76, 0x76)) == pytest.approx(4.54, abs=0.01)  # WebAIM: #767676 on white is 4.54:1


CHART_TEXT = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd => ({
  name: (gd.querySelector('svg.main-svg[role=img]') || {getAttribute: () => null}).getAttribute('aria-label'),
  fills: Array.from(gd.querySelectorAll('.xtick text, .ytick text, .g-xtitle text, .g-ytitle text, \
.legendtext, .gtitle, text.bartext, .annotation-text'))
    .filter(t => t.textContent.trim()).map(t => [t.textContent.slice(0, 30), getComputedStyle(t).fill]) }))"""


def chart_text_reaches_4_5_to_1_and_every_chart_has_a_name(tab, path):
    """Every chart of the loaded page is named, and each of its texts reaches 4.5:1 on white."""
    # the copy-link frame names the charts once a second: wait for it rather than a fixed pause
    tab.page.wait_for_function(
        "() => Array.from(document.querySelectorAll('.js-plotly-plot')).every("
        "gd => gd.querySelector('svg.main-svg[role=img][aria-label]'))",
        timeout=15_000,
    )
    found = tab.page.evaluate(CHART_TEXT)
    assert found
    for chart in found:
        assert chart["name"] and len(chart["name"]) > 10, path
        for text, fill in chart["fills"]:
            rgb = tuple(int(x) for x in re.findall(r"\d+", fill)[:3])
            assert contrast(rgb) >= 4.5, (path, text, fill)
