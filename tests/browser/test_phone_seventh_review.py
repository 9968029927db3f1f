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
        assert "파일 선택" in text and "파일당 최대 1MB" in text, text
        assert "Upload" not in text and "per file" not in text and "Browse" not in text, text
    assert own["skip"] == ["본문으로 건너뛰기"], own
