"""Hostile input (issue 10) in a real browser: what a person would see and lose."""

from urllib.parse import urlencode, urlparse

from pptx import Presentation

from tests.browser.conftest import whole_deck

EVIL_LINK = "[Session expired, click here](https://evil.example/phish)"
EVIL_IMAGE = "![p](https://evil.example/pixel.png)"
EVIL_HEADING = "x\n\n# FAKE NOTICE\n\nx"


def test_two_downloads_back_to_back_both_arrive_and_open(tab):
    # a download that reruns the page drops the other one still being fetched
    # (MediaFileStorageError: Deferred file ... not found)
    tab.open("/export")
    # both waiters are set before the clicks: each download is caught however they interleave
    with (
        tab.page.expect_download(lambda d: d.suggested_filename.endswith(".md"), timeout=90_000) as adr,
        tab.page.expect_download(lambda d: d.suggested_filename.endswith(".pptx"), timeout=90_000) as deck,
    ):
        tab.page.get_by_role("button", name="ADR (.md)").click()
        tab.page.get_by_role("button", name="PowerPoint deck (.pptx)").click()
    downloads = [adr.value, deck.value]
    names = sorted(d.suggested_filename for d in downloads)
    assert names == ["adr-container-registry.md", "registry-decision.pptx"]
    files = {d.suggested_filename: d.path() for d in downloads}
    assert open(files["adr-container-registry.md"], encoding="utf-8").read().startswith("# ADR: ")
    assert whole_deck(Presentation(files["registry-decision.pptx"]))
    assert tab.page.get_by_test_id("stException").count() == 0
    assert tab.errors == []


def test_markdown_in_a_link_is_shown_as_text(tab):
    fetched = []
    tab.page.on("request", lambda r: fetched.append(r.url) if urlparse(r.url).hostname == "evil.example" else None)
    query = urlencode({EVIL_LINK: "1", "image_size_mb": EVIL_IMAGE, EVIL_HEADING: "1", "n" * 10_000: "1"})
    tab.open("/", query)
    alert = tab.page.get_by_test_id("stAlert").filter(has_text="could not be used")
    text = alert.inner_text()
    assert "[Session expired, click here](https://evil.example/phish)" in text
    assert alert.locator("a").count() == 0 and alert.locator("img").count() == 0
    assert alert.locator("h1, h2, h3").count() == 0
    assert "n" * 59 + "…" in text and "n" * 61 not in text
    assert fetched == []
    tab.shot("hostile-link")
