"""The app as people use it: a real Streamlit server and Debian's Chromium via Playwright."""

import csv
import io
import struct

import pytest
from pptx import Presentation

from lib.inputs import pricebook, scenario
from lib.inputs.workload import from_dict
from lib.pricing import engine
from tests.browser.conftest import whole_deck

CHARTED = {"Overview", "Compare", "Break-even", "Over time", "Network path"}
PAGES = [
    ("/", "Overview"),
    ("/recommendation", "Recommendation"),
    ("/compare", "Compare"),
    ("/break_even", "Break-even"),
    ("/cost_over_time", "Over time"),
    ("/network_path", "Network path"),
    ("/features", "Features"),
    ("/migration", "Migration"),
    ("/export", "Export"),
    ("/about", "About"),
]
EVERY_PAGE = [*PAGES, ("/measure", "Measure my registry"), ("/bill", "Your bill")]  # the menu's every page
# plotly 7 sends number arrays as {dtype, bdata}: keep those as they are, so they still compare
CHART_JS = """() => { const arr = v => (v && v.bdata) ? v : Array.from(v || []);
  return Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd =>
    gd.data.map(t => ({name: t.name, x: arr(t.x), y: arr(t.y)}))); }"""
BOOK = pricebook.load()


def box(page, label):
    """The typed number input whose label starts with `label`."""
    return (
        page.get_by_test_id("stSidebar").get_by_test_id("stNumberInput").filter(has_text=label).locator("input").first
    )


def box_value(page, label) -> str:
    return box(page, label).input_value()


def charts(tab, expect=True):
    if expect:  # a shown chart: on a phone the desktop form of a chart with a phone form is hidden (ui/chart.py)
        tab.page.locator(".js-plotly-plot .main-svg:visible").first.wait_for(timeout=30_000)
    return tab.page.evaluate(CHART_JS)


def bar(tab, trace, x):
    for tr in charts(tab)[0]:
        if tr["name"] == trace:
            return tr["y"][tr["x"].index(x)]
    raise KeyError(trace)


def copy_button(tab):
    return tab.page.frame_locator("iframe").first.get_by_role("button", name="Copy share link")


def share_link(tab) -> str:
    """One click on "Copy share link", then the clipboard's contents."""
    copy_button(tab).click()
    status = tab.page.frame_locator("iframe").first.locator("#status")
    status.filter(has_text="Link copied").wait_for(timeout=10_000)
    return tab.page.evaluate("navigator.clipboard.readText()")


def go(tab, label):
    """Click a page in the frame's menu; return once that page's run is over. The run the wait sees end
    can be one the page before still had coming (the rerun a first load asks for): so the wait goes on
    until the address is the page's (it changes when the server starts the page's run) and the newest
    run has ended (seen once in five share-link runs: the reader's "Recommendation" still showed the
    Overview)."""
    path = {lbl: p for p, lbl in EVERY_PAGE}[label].strip("/")
    with tab.rerun():
        tab.page.get_by_test_id("stSidebar").get_by_role("link", name=label).click()
    tab.page.wait_for_function("(p) => location.pathname.replace(/\\//g, '') === p", arg=path, timeout=60_000)
    tab.wait(runs_seen=tab.watching is tab.page)


def test_an_input_stepped_with_the_keyboard_changes_chart_and_totals(tab):
    tab.open("/")
    before = bar(tab, "Storage", "Amazon ECR")
    versions = box(tab.page, "Versions kept")
    versions.focus()
    # two presses, each waited on: the server starts at most one run per 0.5 s per session (issue 30), so a
    # second press inside one wait could be started after the first run's end had already ended the wait
    for _ in range(2):
        with tab.rerun():
            versions.press("ArrowUp")
    assert box_value(tab.page, "Versions kept") == "12"
    expected = engine.estimate(from_dict({"versions_kept": 12}), BOOK)["ecr"]
    assert before == pytest.approx(0.5)
    assert bar(tab, "Storage", "Amazon ECR") == pytest.approx(expected.by_category()["storage"])
    assert f"Recommended: Amazon ECR (${expected.monthly_cost:,.2f}/month)" in tab.page.inner_text("body")
    assert "versions_kept=12" in tab.page.url
    assert tab.errors == []


def test_a_share_link_reopens_every_input_and_figure_on_every_page(browser, server):
    from tests.browser.conftest import Page

    author = Page(browser, server).open(
        "/",
        "image_size_mb=800&region=ap-northeast-2&same_region_share=0.5"
        "&cross_region_share=0.5&internet_share=0&runs_on=gcp",
    )
    versions = box(author.page, "Versions kept")
    versions.focus()
    with author.rerun():
        versions.press("ArrowUp")
    link = share_link(author)
    assert "versions_kept=11" in link and "image_size_mb=800" in link
    reader = Page(browser, server)
    reader.page.goto(link)
    reader.loaded()
    try:
        for _path, label in PAGES:
            if label != "Overview":
                go(author, label)
                go(reader, label)
            assert reader.page.url.split("?")[1] == author.page.url.split("?")[1], label
            got, expected = charts(reader, label in CHARTED), charts(author, label in CHARTED)
            assert got == expected, label
            if label in CHARTED:
                assert any(tr["y"] for chart in got for tr in chart), f"{label}: no chart values were read"
            for name in ("Image size", "Versions kept"):
                assert box_value(reader.page, name) == box_value(author.page, name), (label, name)
            assert (
                reader.page.get_by_test_id("stMain").inner_text() == author.page.get_by_test_id("stMain").inner_text()
            ), label
        assert reader.errors == [] and author.errors == []
    finally:
        author.close()
        reader.close()


def test_downloads_arrive_and_open(tab, tmp_path):
    tab.open("/")
    with tab.page.expect_download(timeout=60_000) as d:
        tab.page.get_by_role("button", name="PNG 1920×1080").first.click()
    png = open(d.value.path(), "rb").read()
    assert struct.unpack(">II", png[16:24]) == (1920, 1080)

    with tab.page.expect_download() as d:
        tab.page.get_by_role("button", name="Save this scenario (YAML)").click()
    w, meta = scenario.loads(open(d.value.path(), "rb").read())
    assert w == from_dict({}) and meta["price_book"] == BOOK.version

    go(tab, "Export")
    with tab.page.expect_download(timeout=60_000) as d:
        tab.page.get_by_role("button", name="PowerPoint deck (.pptx)").click()
    prs = Presentation(d.value.path())
    assert whole_deck(prs)
    with tab.page.expect_download() as d:
        tab.page.get_by_role("button", name="Cost table (.csv)").click()
    rows = list(csv.DictReader(io.StringIO(open(d.value.path()).read())))
    totals = {r["registry_id"]: float(r["monthly_cost"]) for r in rows if r["component"] == "TOTAL"}
    assert totals == pytest.approx(engine.estimate(from_dict({}), BOOK).totals())
    assert tab.errors == []


def test_a_bad_link_shows_a_clear_message_and_keeps_the_rest(tab):
    tab.open("/", "image_size_mb=abc&versions_kept=30&colour=red&pulls_per_month=nan")
    alert = tab.page.get_by_test_id("stAlert").filter(has_text="could not be used").inner_text()
    assert "image_size_mb: must be a number written in digits 0-9, got abc" in alert
    assert (
        "colour: unknown parameter" in alert
        and "pulls_per_month: must be a number written in digits 0-9, got nan" in alert
    )
    # the alert is drawn first, in the same run as the inputs: tab.open returned when that run was over,
    # so every input holds the link's value by now
    assert box_value(tab.page, "Versions kept") == "30"
    assert tab.page.get_by_test_id("stException").count() == 0
    tab.shot("bad-link")


def test_a_bad_upload_shows_a_clear_message(tab, tmp_path):
    tab.open("/", "versions_kept=30")
    evil = tmp_path / "evil.yaml"
    evil.write_text("image_size_mb: !!python/object/apply:os.system ['echo pwned']\n")
    with tab.rerun():  # the upload's callback runs in the rerun the upload starts
        tab.page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(evil))
    alert = tab.page.get_by_test_id("stAlert").filter(has_text="could not be used").inner_text()
    assert "evil.yaml: unsupported YAML tag" in alert and "nothing was changed" in alert
    assert box_value(tab.page, "Versions kept") == "30"
    tab.shot("bad-upload")
