"""Every money chart in the display currency (issue 18): won at the reader's rate when one is set
(values through labels.amount, "₩" on the ticks, whole won in hovers and ticks, axis titles naming
won), and exactly today's US-dollar figures when none is."""

import datetime as dt
import io
import re
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
import plotly.graph_objects as go
import pytest
from pptx import Presentation

from lib.analyses import compare, sensitivity, timeline
from lib.analyses.analysis import analyse
from lib.core import i18n
from lib.exports import deck
from lib.inputs.workload import from_dict
from lib.presentation import charts
from lib.pricing import engine
from lib.pricing.network import PathCosts
from tests.apphelpers import EKS_LINK, array, bar_value, figure, open_app
from tests.conftest import EKS_TEAM

RATE = 1380.5
WON = i18n.Krw(RATE, dt.date(2026, 11, 20))

# The EKS team of tests/test_exports.py, behind one NAT gateway (us-east-1, price book 2026-11-29):
#   stored = 40 images x 1.2 GB x 30 versions = 1,440 GB; pulled = 50,000 x 1.2 GB = 60,000 GB
#   ECR storage 1,440 x $0.10 = 144; NAT 730 h x $0.045 = 32.85 + 60,000 GB x $0.045 = 2,700
#   ECR total 144 + 32.85 + 2,700 = 2,876.85; with endpoints (B) 144 + 29.20 + 0.05 = 173.25
EKS = EKS_TEAM
W = from_dict(EKS)
B = W.replace(network="endpoints")
ECR_STORAGE, ECR_NETWORK, ECR_NAT, ECR_ENDPOINTS = 144.0, 32.85 + 2700.0, 2876.85, 173.25
# in won at 1,380.5 won per dollar
STORAGE_WON = 198_792.0  # 144 x 1,380.5
NETWORK_WON = 3_772_699.425  # 2,732.85 x 1,380.5
ECR_NAT_WON = 3_971_491.425  # 2,876.85 x 1,380.5
ECR_ENDPOINTS_WON = 239_171.625  # 173.25 x 1,380.5


def _validated(fig: go.Figure) -> dict:
    """The figure's spec, after plotly's validators accept it (a wrong property would raise)."""
    spec = fig.to_dict()
    go.Figure(spec)
    return spec


def _bar(fig, trace: str, x: str) -> float:
    for tr in fig.data:
        if tr.name == trace:
            xs = [str(v) for v in tr.x]
            return float(tr.y[xs.index(x)])
    raise KeyError(trace)


def test_the_hand_figures_agree():
    assert ECR_STORAGE * RATE == pytest.approx(STORAGE_WON)
    assert ECR_NETWORK * RATE == pytest.approx(NETWORK_WON)
    assert ECR_NAT * RATE == pytest.approx(ECR_NAT_WON)
    assert ECR_ENDPOINTS * RATE == pytest.approx(ECR_ENDPOINTS_WON)


def _assert_man_eok(axis) -> None:
    """A linear won axis in Korean counts in 만 and 억 (issue 28): marks placed at even steps from 0,
    each written "200만" / "1.5억", none in plotly's thousands ("₩2,000,000"), and no ₩ beside the 만:
    the axis title says 원, as the page's sentences say "약 156만 원" (one way to write won on a page)."""
    assert axis.tickmode == "array" and axis.tickvals[0] <= 0
    steps = {round(b - a, 6) for a, b in zip(axis.tickvals, axis.tickvals[1:], strict=False)}
    assert len(steps) == 1 and len(axis.tickvals) >= 3
    assert all(t == "0" or re.fullmatch(r"−?[\d,.]+(만|억|조)", t) for t in axis.ticktext), axis.ticktext
    assert not axis.tickprefix


@pytest.mark.parametrize(
    "top, marks",
    [
        # by hand: 4,000,000 won over ~5 marks: a step of 100만 (1 x 10^6): 0, 100만 ... 400만
        (4_000_000, ["0", "100만", "200만", "300만", "400만"]),
        # 250,000,000 won: steps of 5 x 10^7 = 5,000만; 1.5 x 10^8 = 1.5억
        (250_000_000, ["0", "5,000만", "1억", "1.5억", "2억", "2.5억"]),
        # 35,000 won: steps of 10^4 = 1만
        (35_000, ["0", "1만", "2만", "3만"]),
    ],
)
def test_a_linear_won_axis_counts_in_man_and_eok(top, marks):
    with i18n.using("ko", krw=WON):
        assert charts._won_ticks(top)["ticktext"] == marks
    with i18n.using("en", krw=WON):
        assert charts._won_ticks(top) == {}  # English keeps plotly's ₩4,000,000
    with i18n.using("ko"):
        assert charts._won_ticks(top) == {}  # dollars keep their format


# ---- the Overview's bars ---------------------------------------------------------------------------


def test_cost_breakdown_in_won(book):
    with i18n.using("ko", krw=WON):
        fig = charts.cost_breakdown(engine.estimate(W, book))
        _validated(fig)
        storage, network = "스토리지", "네트워크 경로(NAT, 엔드포인트)"
        assert {storage, network} <= {t.name for t in fig.data}
        assert _bar(fig, storage, "Amazon ECR") == pytest.approx(STORAGE_WON)
        assert _bar(fig, network, "Amazon ECR") == pytest.approx(NETWORK_WON)
        total = next(t for t in fig.data if t.name == "total")
        ecr = [str(x) for x in total.x].index("Amazon ECR")
        # 3,971,491 won = 397만 1,491: to the 만, 397만 (1,491 rounds down), as the prose writes it
        assert total.text[ecr] == "397만 원"
        _assert_man_eok(fig.layout.yaxis)
        assert fig.layout.yaxis.title.text == "월 비용(원)"
        assert fig.layout.yaxis.range[1] > ECR_NAT_WON  # the axis reaches the tallest bar in won
        hover = next(t for t in fig.data if t.name == storage).hovertemplate
        assert "₩%{y:,.0f}" in hover and "$" not in hover


def test_cost_breakdown_without_a_rate_is_todays_dollars(book):
    fig = charts.cost_breakdown(engine.estimate(W, book))
    assert _bar(fig, "Storage", "Amazon ECR") == pytest.approx(ECR_STORAGE)
    assert _bar(fig, "Network path (NAT, endpoints)", "Amazon ECR") == pytest.approx(ECR_NETWORK)
    total = next(t for t in fig.data if t.name == "total")
    assert total.text[[str(x) for x in total.x].index("Amazon ECR")] == "$2,876.85"
    assert fig.layout.yaxis.tickprefix == "$" and fig.layout.yaxis.title.text == "USD a month"
    assert "$%{y:,.2f}" in fig.data[0].hovertemplate
    with i18n.using("ko"):  # Korean without a rate: still dollars
        ko = charts.cost_breakdown(engine.estimate(W, book))
    assert _bar(ko, "스토리지", "Amazon ECR") == pytest.approx(ECR_STORAGE)
    assert ko.layout.yaxis.tickprefix == "$" and ko.layout.yaxis.title.text == "월 비용(USD)"


def test_won_in_english_titles_the_axis_in_krw(book):
    with i18n.using("en", krw=WON):
        fig = charts.cost_breakdown(engine.estimate(W, book))
    assert fig.layout.yaxis.title.text == "KRW a month" and fig.layout.yaxis.tickprefix == "₩"
    assert _bar(fig, "Storage", "Amazon ECR") == pytest.approx(STORAGE_WON)


# ---- Compare, Break-even, Cost over time, Network path ------------------------------------------------


def test_compare_bars_in_won(book):
    table = compare.side_by_side(W, B, book)
    ecr = list(table["id"]).index("ecr")
    with i18n.using("ko", krw=WON):
        fig = charts.compare_bars(table, W, B)
        _validated(fig)
    a, b = (t for t in fig.data if t.showlegend is False)
    ticks = [str(x) for x in a.x]
    i = ticks.index("Amazon ECR")
    assert a.y[i] == pytest.approx(ECR_NAT_WON) and b.y[i] == pytest.approx(ECR_ENDPOINTS_WON)
    # 3,971,491 -> 397만; 239,171.625 -> 239,172 -> to the 천: 23만 9천 (172 rounds down)
    assert a.text[i] == "397만 원" and b.text[i] == "23만 9천 원"
    _assert_man_eok(fig.layout.yaxis)
    assert fig.layout.yaxis.title.text == "월 비용(원)"
    assert "₩%{y:,.0f}" in a.hovertemplate
    plain = charts.compare_bars(table, W, B)  # no rate: the table's dollars, untouched
    pa = next(t for t in plain.data if t.showlegend is False)
    assert list(pa.y) == list(table.sort_values("A", kind="stable")["A"])
    assert float(table["A"].iloc[ecr]) == pytest.approx(ECR_NAT)
    assert plain.layout.yaxis.tickprefix == "$" and plain.layout.yaxis.title.text == "USD a month"


def test_break_even_in_won(book):
    table = sensitivity.sweep(W, "pulls_per_month", book)
    points = sensitivity.break_evens(W, "pulls_per_month", book, table=table)
    assert points  # the markers are exercised
    plain = charts.break_even(table, points, "pulls_per_month", "pulls a month", log=True)
    with i18n.using("ko", krw=WON):
        fig = charts.break_even(table, points, "pulls_per_month", "pulls a month", log=True)
        _validated(fig)
        sentence = points[0].sentence("pulls_per_month")
    ecr = next(t for t in fig.data if t.name == "Amazon ECR")
    ecr_usd = next(t for t in plain.data if t.name == "Amazon ECR")
    assert list(ecr.customdata) == pytest.approx([v * RATE for v in table["ecr"]])
    assert list(ecr_usd.customdata) == pytest.approx(list(table["ecr"]))  # without a rate: dollars, as before
    assert "₩%{customdata:,.0f}" in ecr.hovertemplate and "$%{customdata:,.2f}" in ecr_usd.hovertemplate
    marks = next(t for t in fig.data if t.mode == "markers")
    assert list(marks.y) == pytest.approx([max(p.cost * RATE, 1.0) for p in points])
    assert not any("₩" in t for t in fig.layout.yaxis.ticktext)  # the axis title says 원 (issue 28)
    assert "100만" in fig.layout.yaxis.ticktext  # 1,000,000 won as Korean counts it (100 x 10^4)
    assert fig.layout.yaxis.automargin is True  # ₩1,000,000,000 needs more room than the dollars' margin
    assert plain.layout.yaxis.automargin is None
    assert fig.layout.yaxis.title.text == "월 비용(원, 로그 척도)"
    assert plain.layout.yaxis.title.text == "Monthly cost (USD, log scale)"
    assert all(t.startswith("$") for t in plain.layout.yaxis.ticktext)
    assert "₩" in sentence and "$" not in sentence  # the markers' hover text
    linear = table[["ecr", "ghcr"]]
    with i18n.using("en", krw=WON):
        lin = charts.break_even(linear, [], "pulls_per_month", "pulls a month")
    assert lin.layout.yaxis.tickprefix == "₩" and lin.layout.yaxis.tickformat == ",.0f"
    assert lin.layout.yaxis.title.text == "Monthly cost (KRW)"


def test_cost_over_time_in_won(book):
    cumulative, _monthly = timeline.cost_over_time(W, book)
    with i18n.using("ko", krw=WON):
        fig = charts.cost_over_time(cumulative, W.horizon_months, W.monthly_growth)
        _validated(fig)
    ecr = next(t for t in fig.data if t.name == "Amazon ECR")
    assert list(ecr.y) == pytest.approx([v * RATE for v in cumulative["ecr"]])
    _assert_man_eok(fig.layout.yaxis)
    assert fig.layout.yaxis.title.text == "누적 비용(원, 초기 구축 비용 포함)"
    assert "₩%{y:,.2f}" not in ecr.hovertemplate and "₩%{y:,.0f}" in ecr.hovertemplate
    plain = charts.cost_over_time(cumulative, W.horizon_months, W.monthly_growth)
    assert list(next(t for t in plain.data if t.name == "Amazon ECR").y) == list(cumulative["ecr"])
    assert plain.layout.yaxis.title.text == "Cost so far (USD, setup included)" and plain.layout.yaxis.tickprefix == "$"


def test_network_paths_in_won():
    # by hand: NAT $32.85 a month + $0.045/GB; four endpoints $58.40 + $0.01/GB. They cost the same at
    # (58.40 - 32.85) / (0.045 - 0.01) = 730 GB, where each is 32.85 + 0.045 x 730 = $65.70 = ₩90,698.85
    costs = PathCosts("us-east-1", 730, 32.85, 0.045, 58.40, 0.01)
    with i18n.using("ko", krw=WON):
        fig = charts.network_paths(costs, 500, "us-east-1")
        _validated(fig)
    nat, endpoints, public, be = fig.data
    assert nat.y[0] == pytest.approx(32.85 * RATE)  # 0 GB: the gateway's hours, 45,349.425 won
    assert endpoints.y[0] == pytest.approx(58.40 * RATE)
    assert list(public.y) == [0.0] * len(public.y)
    assert be.x[0] == pytest.approx(730) and be.y[0] == pytest.approx(90_698.85)
    _assert_man_eok(fig.layout.yaxis)
    assert fig.layout.yaxis.title.text == "월 비용(원)"
    plain = charts.network_paths(costs, 500, "us-east-1")
    assert plain.data[0].y[0] == pytest.approx(32.85) and plain.data[3].y[0] == pytest.approx(65.70)
    assert plain.layout.yaxis.tickprefix == "$" and plain.layout.yaxis.title.text == "Monthly cost (USD)"
    # the cheap paths named at the right end with their cost (eighth Korean review: beside the NAT line they lie
    # flat along the axis): the axis ends at 3 x the break-even, 2,190 GB, where the endpoints cost
    # 58.40 + 0.01 x 2,190 = $80.30
    ends = {a.text: a.y for a in plain.layout.annotations if a.xanchor == "right"}
    assert ends == {"Public subnets: $0/month": 0.0, "ECR through interface endpoints: $80/month": pytest.approx(80.30)}


# ---- the deck's native charts ---------------------------------------------------------------------------


def _deck_charts(book, krw):
    with i18n.using("ko", krw=krw):
        data, _missing = deck.build(analyse(W, book), b=B, pictures=False, today=dt.date(2026, 11, 29))
    prs = Presentation(io.BytesIO(data))
    return [sh.chart for slide in prs.slides for sh in slide.shapes if sh.has_chart]


def test_deck_charts_in_won(book):
    cost, breakdown, comparison, line = _deck_charts(book, WON)
    cats = [str(c) for c in cost.plots[0].categories]
    ecr = cats.index("Amazon ECR(입력한 구성)")  # as set up now; the recommended setup is a bar of its own
    assert cost.plots[0].series[0].values[ecr] == 3_971_491  # 3,971,491.425 to the won
    # ECR with endpoints, the recommended bar: 173.25 x 1,380.5 = 239,171.625 -> 239,172
    assert cost.plots[0].series[0].values[cats.index("Amazon ECR(VPC 엔드포인트 구성, 추천)")] == 239_172
    assert cost.plots[0].series[0].data_labels.number_format == '"₩"#,##0'
    assert cost.value_axis.tick_labels.number_format == '"₩"#,##0'
    assert cost.value_axis.axis_title.text_frame.text == "월 비용(원)"
    storage = next(s for s in breakdown.plots[0].series if s.name == "스토리지")
    assert (
        storage.values[[str(c) for c in breakdown.plots[0].categories].index("Amazon ECR")] == 198_792
    )  # 144 x 1,380.5
    ids = [str(c) for c in comparison.plots[0].categories]
    i = ids.index("Amazon ECR")
    a, b = comparison.plots[0].series
    # A and B each in its best setup, as on every slide: ECR with the endpoints under both (issue 24)
    assert (a.values[i], b.values[i]) == (239_172, 239_172)
    ecr_line = next(s for s in line.plots[0].series if s.name == "Amazon ECR")
    # over time, ECR climbs in its recommended setup (issue 24): the endpoints (the bar above at 239,172)
    cumulative, _monthly = timeline.cost_over_time(W.replace(network="endpoints"), book)
    # to the won, half up (money rounded once, issue 24): month 8 is 1,461.00 x 1,380.5 = 2,016,910.5 -> 2,016,911
    won = [int((Decimal(repr(v)) * Decimal("1380.5")).quantize(Decimal(1), ROUND_HALF_UP)) for v in cumulative["ecr"]]
    assert won[7] == 2_016_911
    assert list(ecr_line.values) == won
    assert line.value_axis.tick_labels.number_format == '"₩"#,##0'


def test_deck_charts_without_a_rate_keep_dollars(book):
    cost, breakdown, comparison, _line = _deck_charts(book, None)
    cats = [str(c) for c in cost.plots[0].categories]
    ecr = cats.index("Amazon ECR(입력한 구성)")
    assert cost.plots[0].series[0].values[ecr] == pytest.approx(ECR_NAT)
    assert cost.plots[0].series[0].data_labels.number_format == '"$"#,##0.00'
    assert cost.value_axis.tick_labels.number_format == '"$"#,##0'
    assert cost.value_axis.axis_title.text_frame.text == "월 비용(USD)"
    i = [str(c) for c in comparison.plots[0].categories].index("Amazon ECR")
    assert comparison.plots[0].series[1].values[i] == pytest.approx(ECR_ENDPOINTS)


def test_deck_scenario_b_as_set_up_now_compares_todays_bills(book):
    with i18n.using("ko", krw=WON):
        a = analyse(W.replace(view="as_set_up"), book)
        data, _missing = deck.build(a, b=B.replace(view="as_set_up"), pictures=False, today=dt.date(2026, 11, 29))
    charts_ = [sh.chart for slide in Presentation(io.BytesIO(data)).slides for sh in slide.shapes if sh.has_chart]
    comparison = charts_[2]
    i = [str(c) for c in comparison.plots[0].categories].index("Amazon ECR")
    a_, b_ = comparison.plots[0].series
    # A through the NAT gateway (2,876.85 x 1,380.5 = 3,971,491.425), B with the endpoints
    assert (a_.values[i], b_.values[i]) == (3_971_491, 239_172)


def test_sweep_picture_in_won(book, monkeypatch):
    seen = {}
    monkeypatch.setattr(
        deck.slide_sensitivity.export, "image", lambda fig, kind, **kw: seen.setdefault("fig", fig) and b"png"
    )
    table = sensitivity.sweep(W, W.sweep_field, book)
    with i18n.using("ko", krw=WON):
        deck.slide_sensitivity.sweep_picture(table, [], W)
    y = seen["fig"].layout.yaxis
    assert y.tickprefix == "₩" and y.tickformat == ",.0f" and y.title.text == "월 비용(원)"


# ---- the Overview page in won --------------------------------------------------------------------------

TEAM = EKS_LINK


def test_overview_chart_in_won():
    # issue 11's team through the NAT (tests/test_app_korean.py): ECR storage 1,440 GB x $0.10 = $144,
    # 144 x 1,380.5 = 198,792 won; the total $2,996.85 x 1,380.5 = 4,137,151.425 won, labelled to the won
    at = open_app({**TEAM, "krw_rate": "1380.5", "krw_date": "2026-11-20", "lang": "ko"})
    assert not at.exception
    fig = figure(at)
    assert bar_value(fig, "스토리지", "Amazon ECR") == pytest.approx(198_792)
    total = next(t for t in fig["data"] if t.get("name") == "total")
    # in its best setup (issue 24): $563.245 x 1,380.5 = 777,559.72 won; as set up now, the marker: 4,137,151
    # the bar's label as the page's sentence writes it: 777,560 = 77만 7,560 -> to the 천, 77만 8천 (560 rounds up)
    assert total["text"][array(total["x"]).index("Amazon ECR")] == "77만 8천 원"
    marker = next(t for t in fig["data"] if t.get("type") == "scatter")
    assert array(marker["y"])[array(marker["x"]).index("Amazon ECR")] == pytest.approx(4_137_151.425)
    _assert_man_eok(go.layout.YAxis(fig["layout"]["yaxis"]))
    assert fig["layout"]["yaxis"]["title"]["text"] == "월 비용(원)"
    plain = figure(open_app(TEAM))
    assert bar_value(plain, "Storage", "Amazon ECR") == pytest.approx(144.0)
    assert plain["layout"]["yaxis"]["tickprefix"] == "$"


def test_frames_without_a_rate_are_the_same_objects():
    # without a won rate the figures get the caller's own values back, not a converted copy
    frame = pd.DataFrame({"ecr": [1.0, 2.0]})
    assert charts._shown_frame(frame) is frame
    with i18n.using("en", krw=WON):
        assert list(charts._shown_frame(frame)["ecr"]) == [RATE, 2 * RATE]


def test_compare_writes_bs_figure_only_where_it_differs_from_as():
    """Ninth Korean review: where A and B cost the same the two bars' figures ran together ("58만 4천 원58만 4천
    원"); B's is written where it differs (its hover keeps it). Hand-made table: ECR the same under both, GHCR
    $100 under A and $150 under B."""
    import pandas as pd

    t = pd.DataFrame(
        [
            {"id": "ecr", "registry": "Amazon ECR", "A": 563.245, "B": 563.245, "difference": 0.0, "change_pct": 0.0},
            {
                "id": "ghcr",
                "registry": "GitHub Container Registry",
                "A": 100.0,
                "B": 150.0,
                "difference": 50.0,
                "change_pct": 50.0,
            },
        ]
    )
    fig = charts.compare_bars(t)
    a, _swatch_a, b, _swatch_b = fig.data
    assert list(a.text) == ["$100", "$563"]  # cheapest under A first
    assert list(b.text) == ["$150", ""]
    with i18n.using("ko", krw=WON):
        fig = charts.compare_bars(t)
    assert fig.data[2].text[1] == "" and fig.data[0].textfont.size == 14
