"""Phone (390 px) layout fixes of the sixth Korean review (issue 28), each looked at in one page load."""

from tests.browser.test_korean_layout import KOREAN, OVERFLOW, close_sidebar

BOX = "el => { const r = el.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom]; }"


def _phone(tab, path, height=844):
    tab.page.set_viewport_size({"width": 390, "height": height})
    tab.open(path, KOREAN)
    close_sidebar(tab)
    return tab.page


def test_a_tables_tool_bar_stays_off_the_text_above_it_on_a_phone(tab):
    # the table's own tool bar (search, download, full screen) stands above the table; on a phone it covered
    # the caption above it ("각 레지스트리의 가장 저렴한 구성.") or the table's own header row
    # a tall window: the table stands mid-screen, unscrolled (scrolled to the window's top edge, the bar moves
    # down into the table to stay on the screen, and nothing above it is covered either way)
    p = _phone(tab, "/cost_over_time", height=2400)
    table = p.locator('[data-testid="stDataFrame"]:visible').first  # the table's phone form (ui/table.show_both)
    assert 0 < table.evaluate(BOX)[2] < 2000
    table.hover()
    bar = p.locator('[data-testid="stElementToolbar"]:visible').first
    bar.wait_for(state="visible", timeout=10_000)
    p.wait_for_timeout(800)  # it slides in: measured where it comes to rest
    above = p.evaluate(
        """() => { const t = [...document.querySelectorAll('[data-testid="stDataFrame"]')]
               .find(d => d.getBoundingClientRect().width > 0);
             // the nearest drawn element before it, out of the container that holds its two forms if need be
             for (let c = t.closest('.stElementContainer'); c; c = c.parentElement) {
               let s = c.previousElementSibling;
               while (s && s.getBoundingClientRect().height === 0) s = s.previousElementSibling;
               if (s) return s.getBoundingClientRect().bottom;
             } }"""
    )
    bar_box, table_box = bar.evaluate(BOX), table.evaluate(BOX)
    # neither the text above nor the table's header row (its column names) under the bar: the bar's edge may
    # touch the table's top border
    assert bar_box[2] >= above - 0.5, (bar_box, above)
    assert bar_box[3] <= table_box[2] + 1, (bar_box, table_box)
    m = p.evaluate(OVERFLOW)
    assert m["scroll"] <= m["inner"] + 1, m


def test_the_feature_matrix_has_a_phone_form(tab):
    # "◐ 부분 지원" in every partial cell made the matrix about 860 px wide: on a phone a cell shows its mark
    # (the legend and each link's label say what it means), and the table scrolls in its own box
    p = _phone(tab, "/features")
    table = p.locator("table.fm").evaluate(BOX)
    wrap = p.locator(".fm-wrap").evaluate(BOX)
    assert table[1] - table[0] <= 520, table
    assert wrap[0] >= 0 and wrap[1] <= 390, wrap
    words = p.evaluate("() => [...document.querySelectorAll('.fm .fm-word')].map(w => w.getBoundingClientRect().width)")
    assert words and max(words) == 0, words  # there, but not drawn
    labels = p.evaluate("() => [...document.querySelectorAll('.fm td a')].map(a => a.getAttribute('aria-label'))")
    assert any("부분 지원" in x for x in labels)  # a screen reader still hears the word
    m = p.evaluate(OVERFLOW)
    assert m["scroll"] <= m["inner"] + 1 and m["out"] == [], m
