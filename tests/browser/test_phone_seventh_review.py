"""Phone (390 px) and Korean-page fixes of the seventh Korean review (issue 28), looked at in one page load:
the About page's price table as cards, and Streamlit's own English (the file uploader, the skip link) in
Korean."""

from tests.browser.test_korean_layout import KOREAN, OVERFLOW, close_sidebar

CELLS = """() => [...document.querySelectorAll('.st-key-price_book_table tbody tr')].slice(0, 3).map(
  tr => [...tr.querySelectorAll('td')].map(td => { const r = td.getBoundingClientRect();
    return {w: r.width, h: r.height, top: r.top, text: td.textContent}; }))"""
OWN_WORDS = """() => ({
  uploader: [...document.querySelectorAll('[data-testid="stFileUploaderDropzone"]')].map(d => d.textContent),
  skip: [...document.querySelectorAll('[data-testid="stSkipToContent"]')].map(a => a.textContent)})"""


def test_about_price_table_reads_as_cards_and_streamlits_words_are_korean(tab):
    p = tab.page
    p.set_viewport_size({"width": 390, "height": 844})
    tab.open("/about", KOREAN)
    close_sidebar(tab)
    # six columns at 390 px set one syllable a line (the review's photo): each price is a card, its name and
    # its note the width of the screen, and the value and unit on one line
    rows = p.evaluate(CELLS)
    assert len(rows) == 3 and all(len(r) == 6 for r in rows), rows
    for name, value, unit, _checked, _source, note in rows:
        assert name["w"] >= 300, name
        assert value["w"] >= 20 and value["h"] <= 30, value  # "0.045" on one line, not a column of digits
        assert abs(unit["top"] - value["top"]) <= 2, (value, unit)  # on the value's line
        if note["text"].strip():
            assert note["w"] >= 300, note
    m = p.evaluate(OVERFLOW)
    assert m["scroll"] <= m["inner"] + 1 and m["out"] == [], m
    # Streamlit's own English, in Korean on the Korean page (its uploader takes no texts; ui/accessibility)
    p.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stFileUploaderDropzone"]')]
                 .some(d => d.textContent.includes('파일 선택'))""",
        timeout=10_000,
    )
    own = p.evaluate(OWN_WORDS)
    assert own["uploader"], own
    for text in own["uploader"]:
        assert "파일 선택" in text and "파일당 최대 1 MB" in text, text
        assert "Upload" not in text and "per file" not in text and "Browse" not in text, text
    assert own["skip"] == ["본문으로 건너뛰기"], own


STREAMLIT_HINTS = """() => ({
  enter: [...document.querySelectorAll('[data-testid="InputInstructions"]')].map(d => d.textContent),
  empty: [...document.querySelectorAll('[role="listbox"]')].map(d => d.textContent)})"""


def test_streamlits_input_hint_and_empty_search_are_korean(tab):
    """The eighth review met "Press Enter to apply" under a number typed in and "No results" under a search
    that matches no option, in English on a Korean page: the page script replaces them too."""
    p = tab.page
    tab.open("/", KOREAN)
    sidebar = p.get_by_test_id("stSidebar")
    repos = sidebar.get_by_test_id("stNumberInput").filter(has_text="리포지토리 수").locator("input").first
    repos.click()
    repos.press("End")
    repos.type("1")
    p.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="InputInstructions"]')]
                 .some(d => d.textContent.includes('Enter 키를 눌러 적용'))""",
        timeout=10_000,
    )
    seen = p.evaluate(STREAMLIT_HINTS)
    assert seen["enter"] == ["Enter 키를 눌러 적용"], seen
    repos.press("Escape")
    preset = sidebar.get_by_test_id("stSelectbox").first.get_by_role("combobox")
    preset.click()
    preset.type("zzzz")  # no preset is called that
    p.wait_for_function(
        """() => [...document.querySelectorAll('[role="listbox"]')]
                 .some(d => d.textContent.includes('일치하는 항목 없음'))""",
        timeout=10_000,
    )
    seen = p.evaluate(STREAMLIT_HINTS)
    assert [t for t in seen["empty"] if t.strip()] == ["일치하는 항목 없음"], seen
    assert not any("No results" in t or "Press Enter" in t for t in seen["enter"] + seen["empty"]), seen
    preset.press("Escape")
    assert p.get_by_test_id("stException").count() == 0
