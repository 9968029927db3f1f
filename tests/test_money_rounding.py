"""Issue 24 item 6: money is rounded once (labels.rounded, half up from the figure as written) and
every surface prints the same cents: bar labels, hovers' values, tables, slides, the text report."""

import pandas as pd
import pytest

from lib.exports import deck
from lib.inputs.workload import from_dict
from lib.presentation import charts, report
from lib.pricing import engine, labels
from ui import money as ui_money

# The default scenario's Harbor, by hand: 730 h x $0.17 = 124.10 (nodes) + 160 GB x $0.08 = 12.80 (disks)
# + 5 GB x $0.023 = 0.115 (S3) + 250 GB x $0.02 = 5.00 (cross-AZ) + 4 h x $75 = 300.00 (operations)
# = $442.015, which is $442.02 to the cent (half up); the parts to the cent, 124.10 + 12.80 + 0.12
# + 5.00 + 300.00, are $442.02 too. Python's own "{:.2f}" prints 442.01 (the binary 442.01499...).
HARBOR = 442.015
HARBOR_SHOWN = "$442.02"


@pytest.mark.parametrize(
    "x, cents", [(442.015, 442.02), (656.005, 656.01), (563.245, 563.25), (0.115, 0.12), (2.675, 2.68), (-0.005, -0.01)]
)
def test_one_rounding_half_up_from_the_figure_as_written(x, cents):
    assert labels.rounded(x) == cents
    assert labels.money(x) == ("−$" if x < 0 else "$") + f"{abs(cents):,.2f}"


def test_the_default_harbor_prints_the_same_cents_everywhere(book):
    e = engine.estimate(from_dict({}), book)
    harbor = e["harbor"]
    assert harbor.monthly_cost == pytest.approx(HARBOR)
    assert labels.money(harbor.monthly_cost) == HARBOR_SHOWN
    # the Overview chart: the label above the bar, and the stacked parts the hover reads
    fig = charts.cost_breakdown(e)
    i = [r.id for r in e.ranked()].index("harbor")
    total = next(t for t in fig.data if t.name == "total")
    assert total.text[i] == HARBOR_SHOWN
    stacked = sum(t.y[i] for t in fig.data if t.name != "total")
    assert round(stacked, 2) == 442.02
    # the Overview / Compare tables: the browser is given the cents, not a half cent to round its own way
    table = ui_money.convert(pd.DataFrame({"monthly_cost": [harbor.monthly_cost, 656.005]}), ["monthly_cost"])
    assert list(table["monthly_cost"]) == [442.02, 656.01]
    # the deck's chart values and the text report
    assert deck.pptx_charts._value(harbor.monthly_cost) == 442.02
    line = next(x for x in report.to_text(e).splitlines() if x.startswith("Harbor"))
    assert line.split("$")[-1].strip() == "442.02"
    assert labels.signed_money(harbor.monthly_cost) == "+" + HARBOR_SHOWN
    # a saving shown between two shown figures adds up: $442.02 − $0.12 = $441.90
    assert labels.shown_difference(harbor.monthly_cost, 0.115) == pytest.approx(441.90)


def test_a_signed_won_amount_in_prose_puts_its_sign_after_yak():
    import datetime as dt

    from lib.core import i18n
    from lib.core.numbers import signed_money

    won = i18n.Krw(rate=1000.0, as_of=dt.date(2026, 11, 20))
    with i18n.using("ko", krw=won):
        assert signed_money(123.4, prose=True) == "약 +12만 3천 원"  # 123,400 won: to the 천
        assert signed_money(-3_000.0, prose=True) == "−300만 원"  # exactly 3,000,000 won: no 약
        assert signed_money(5.0, prose=True) == "+5,000원"
    with i18n.using("en", krw=won):
        assert signed_money(123.4, prose=True) == "+₩123,400"  # English keeps the exact figure


def test_no_change_is_written_without_a_sign():
    """Eighth Korean review: Compare's B − A column showed "+₩0" where B and A cost the same, which reads as a
    rise. Zero (as shown, after rounding) has no sign; a change either way keeps its sign."""
    import datetime as dt

    from lib.core import i18n
    from lib.core.numbers import signed_money, signed_percent

    assert signed_money(0.0) == "$0.00"
    assert signed_money(-0.004) == "$0.00"  # rounds to no change: no "−$0.00"
    assert signed_money(0.005) == "+$0.01" and signed_money(-0.01) == "−$0.01"
    assert signed_percent(0.0) == "0.0 %" and signed_percent(-0.0004) == "0.0 %"
    assert signed_percent(0.001) == "+0.1 %" and signed_percent(-0.001) == "−0.1 %"
    won = i18n.Krw(rate=1000.0, as_of=dt.date(2026, 11, 20))
    with i18n.using("ko", krw=won):
        assert signed_money(0.0) == "₩0"
        assert signed_money(0.0004) == "₩0"  # 0.4 won
        assert signed_money(0.001) == "+₩1"
