"""Issue 28, ninth review: at 390 px (a phone) the Overview's, Compare's, Break-even's and Over time's tables hid
the columns that matter behind a sideways scroll. Each sends a phone's form beside the desktop's, in a container
keyed tables_<name> whose style sheet (ui/chart.CSS) draws one per screen width; the browser measures that the
phone's fits (tests/browser/test_korean_layout.py: every_table_fits_a_phone). Here: both forms are sent, the
desktop's as before, the phone's with the columns a phone needs, in the reader's order."""

import json

import pytest

from tests.apphelpers import EKS_LINK, open_app
from ui.chart import CSS

# page -> table -> (the desktop form's columns shown, the phone form's), as a reader needs them: the registry (or
# the input) first, then the figure(s) the table is for
FORMS = {
    None: {
        "totals": (
            ["rank", "registry", "monthly_cost", "other_cost", "setup", "largest_part"],
            ["rank", "registry", "monthly_cost"],
        ),
        "parts": (
            ["registry", "component", "category", "quantity", "unit_price", "monthly_cost", "source"],
            ["registry", "component", "monthly_cost"],
        ),
    },
    "pages/compare.py": {
        "compare": (["registry", "A", "B", "difference", "change_pct"], ["registry", "B", "difference", "change_pct"]),
    },
    "pages/break_even.py": {
        # the EKS link's answers change nowhere in range: no "To" column on either form
        "answers": (["input", "today", "answer", "changes_at"], ["input", "changes_at"]),
        "break_evens": (
            ["at", "cheaper above", "cheaper below", "cost"],
            ["at", "cheaper above", "cheaper below"],
        ),
    },
    "pages/cost_over_time.py": {
        "over_time": (
            ["registry", "total", "one-time setup", "first month", "last month", "setup assumption"],
            ["registry", "total", "one-time setup"],
        ),
    },
}


def _shown(table) -> list[str]:
    """The columns a table draws: its column_order, or every column of its data (the index hidden)."""
    assert json.loads(table.proto.columns)["_index"]["hidden"]
    return list(table.proto.column_order) or list(table.value.columns)


def _blocks(node):
    for child in getattr(node, "children", {}).values():
        if hasattr(child, "children"):
            yield child
            yield from _blocks(child)


@pytest.mark.parametrize("page", list(FORMS))
def test_each_table_sends_its_desktop_and_its_phone_form(page):
    at = open_app(EKS_LINK, page=page)
    found = {}
    for block in _blocks(at.main):
        name = str(getattr(block.proto, "id", ""))
        if "-tables_" in name:
            tables = [e for e in block.children.values() if getattr(e, "type", "") == "dataframe"]
            assert len(tables) == len(block.children) == 2  # the desktop's form first, the phone's last
            found[name.rpartition("-tables_")[2]] = tuple(_shown(t) for t in tables)
            # the same figures in both: the phone's form draws fewer columns of the same table
            assert tables[0].value.equals(tables[1].value)
    assert found == FORMS[page]


def test_the_style_sheet_draws_one_form_per_screen_width():
    # the desktop's form (first) hidden up to 640 px, the phone's (last) above it
    assert '@media (max-width: 640px) { [class*="st-key-tables_"] > :first-child { display: none; } }' in CSS
    assert '@media (min-width: 641px) { [class*="st-key-tables_"] > :last-child { display: none; } }' in CSS
