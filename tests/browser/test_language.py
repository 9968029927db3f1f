"""English / 한국어 in a real browser (issue 18): the sidebar's switch, the link's `lang`, the browser's
own language, and amounts in won, with screenshots of the Korean pages in tests/artifacts/."""

import re
from urllib.parse import parse_qs, urlparse

from tests.browser.conftest import Page

QUERY = "versions_kept=12&network=nat"


def query(page) -> dict:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def title_is(page, text):
    page.wait_for_function(
        "(t) => { const h = document.querySelector('h1'); return h && h.innerText === t; }", arg=text, timeout=30_000
    )


def switch_to(tab, label):
    with tab.rerun():
        tab.page.get_by_test_id("stSidebar").get_by_role("radiogroup", name="Language").or_(
            tab.page.get_by_test_id("stSidebar").get_by_role("radiogroup", name="언어")
        ).get_by_role("radio", name=label, exact=True).click()


def test_switching_to_korean_on_a_page(tab):
    tab.open("/compare", QUERY)
    p = tab.page
    assert p.locator("h1").first.inner_text() == "Compare two scenarios"
    switch_to(tab, "한국어")
    title_is(p, "두 시나리오 비교")
    p.wait_for_function("() => window.location.search.includes('lang=ko')", timeout=30_000)
    q = query(p)
    assert q["lang"] == "ko" and q["versions_kept"] == "12" and q["network"] == "nat"  # the scenario stays
    main = p.get_by_test_id("stMain").inner_text()
    assert (
        "시나리오 B: A와 다른 점" in main
        and "공유 링크 복사" in p.frame_locator("iframe").first.locator("body").inner_text()
    )
    sidebar = p.get_by_test_id("stSidebar").inner_text()
    assert "개요" in sidebar and "손익분기점" in sidebar  # the menu in Korean
    # a choice input shows its option in the new words (the browser keeps the old text unless sent again,
    # and sends it back on the next change: the preset box once tried to load "Choose a preset...")
    preset = p.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").first.get_by_role("combobox")
    assert preset.input_value() == "프리셋 선택..."
    tab.shot("korean-compare")
    assert p.get_by_test_id("stException").count() == 0 and tab.errors == []
    switch_to(tab, "English")
    title_is(p, "Compare two scenarios")
    p.wait_for_function("() => window.location.search.includes('lang=en')", timeout=30_000)


def test_a_korean_browser_opens_in_korean(browser, server):
    t = Page(browser, server, locale="ko-KR")  # a Korean browser
    try:
        t.open("/", QUERY)
        title_is(t.page, "컨테이너 레지스트리 비용")
        assert "lang" not in query(t.page)  # the browser's language is not written into links
        t.shot("korean-overview-browser-locale")
        t.open("/", QUERY + "&lang=en")  # a link that says English wins over the browser
        title_is(t.page, "Container registry cost")
    finally:
        t.close()


def test_amounts_in_won_with_the_rate_and_its_day(tab):
    tab.open("/network_path", QUERY + "&lang=ko&krw_rate=1380.5&krw_date=2026-11-20")
    p = tab.page
    main = p.get_by_test_id("stMain").inner_text()
    assert "1달러당 1,380.50원" in main and "2026년 11월 20일" in main
    # won in prose as Koreans write it, in 만/억 (seventh Korean review: "월 ₩3,772,699" -> "월 약 377만 원")
    assert re.search(r"약 [\d,]+만( [\d,]+천)? 원", main), main[:400]
    tab.shot("korean-network-path-won")
    assert p.get_by_test_id("stException").count() == 0 and tab.errors == []
