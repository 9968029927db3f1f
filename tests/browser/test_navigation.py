"""Navigation on a live server (issue 19): a fresh server's FIRST request may deep-link to any page.

Streamlit runs a file of pages/ directly on a server's first request when it deep-links to it
(PagesManager.uses_pages_directory, set because pages/ sits beside app.py, is only cleared by the
public st.navigation). ui/shell.py page() draws the frame then; this checks it in a real browser.
"""

import pytest

from tests.browser.conftest import Page, running_server
from tests.browser.test_browser import CHARTED, PAGES, box_value, charts

QUERY = "pulls_per_month=5000&versions_kept=12"
# one worker runs this module (pytest.ini: --dist loadgroup), so its fresh server starts once and its first
# test is that server's first request
pytestmark = pytest.mark.xdist_group("fresh_server")
TITLES = {"Overview": "Container registry cost", "Break-even": "Sensitivity and break-even"}


@pytest.fixture(scope="module")
def fresh_server():
    with running_server() as url:  # its own server: the session's may have served requests already
        yield url


def frame_and_page(tab, label):
    """The frame's sidebar (links, inputs with the link's values), the page, and the URL's query kept."""
    p = tab.page
    sidebar = p.get_by_test_id("stSidebar")
    links = sidebar.get_by_test_id("stPageLink")
    links.last.wait_for(timeout=30_000)
    assert links.count() == 12, label
    hrefs = [links.nth(i).get_by_test_id("stPageLink-NavLink").get_attribute("href") for i in range(links.count())]
    assert all("pulls_per_month=5000" in h and "versions_kept=12" in h for h in hrefs), (label, hrefs)
    assert box_value(p, "Pulls a month") == "5000", label
    assert box_value(p, "Versions kept") == "12", label
    assert "pulls_per_month=5000" in p.url and "versions_kept=12" in p.url, label
    current = [
        links.nth(i).inner_text()
        for i in range(links.count())
        if links.nth(i).get_by_test_id("stPageLink-NavLink").get_attribute("disabled") is not None
        or links.nth(i).get_by_test_id("stPageLink-NavLink").get_attribute("aria-disabled") == "true"
    ]
    assert len(current) == 1 and current[0].endswith(label), (label, current)  # this page, greyed in the menu
    if label in TITLES:
        assert p.locator("h1").first.inner_text() == TITLES[label]
    assert p.get_by_test_id("stException").count() == 0, label
    assert tab.errors == [], label


def test_the_first_request_of_a_fresh_server_deep_links_into_the_frame(browser, fresh_server):
    first, later = Page(browser, fresh_server), Page(browser, fresh_server)
    try:
        first.open("/break_even", QUERY)  # the server's very first page run: pages/break_even.py run directly
        frame_and_page(first, "Break-even")
        first.shot("first-request-break-even")
        later.open("/break_even", QUERY)  # by now through app.py: the same page, figures and words
        frame_and_page(later, "Break-even")
        got = charts(first)
        assert got == charts(later) and any(tr["y"] for chart in got for tr in chart)
        assert first.page.get_by_test_id("stMain").inner_text() == later.page.get_by_test_id("stMain").inner_text()
        assert "5,000" in first.page.get_by_test_id("stMain").inner_text()  # the link's pulls reach the page
    finally:
        first.close()
        later.close()


@pytest.mark.parametrize("path, label", PAGES, ids=[label for _, label in PAGES])
def test_a_deep_link_with_a_query_opens_every_page_in_the_frame(browser, fresh_server, path, label):
    tab = Page(browser, fresh_server)
    try:
        tab.open(path, QUERY)
        if label in CHARTED:
            charts(tab)
        frame_and_page(tab, label)
    finally:
        tab.close()
