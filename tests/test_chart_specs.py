"""Figures built from plain dicts (lib/charts.figure skips plotly's validators on every rerun)
must still be figures plotly's validators accept unchanged: a misspelt property or a wrong
value would otherwise reach the browser silently."""

import plotly.graph_objects as go
import pytest

from lib.inputs import presets
from lib.inputs.workload import DEFAULT, from_dict
from lib.presentation import charts
from lib.pricing import engine, features


def _pruned(v):
    """Drop empty dicts, as plotly's validators do (e.g. `xaxis: {title: {}}`)."""
    if isinstance(v, dict):
        out = {k: _pruned(x) for k, x in v.items()}
        return {k: x for k, x in out.items() if x != {}}
    if isinstance(v, (list, tuple)):
        return [_pruned(x) for x in v]
    return v


def _validated_unchanged(fig: go.Figure) -> None:
    spec = fig.to_dict()
    validated = go.Figure(spec).to_dict()  # raises ValueError on an unknown property or a bad value
    assert _pruned(validated) == _pruned(spec)


@pytest.mark.parametrize("pid", list(presets.available()))
def test_cost_breakdown_passes_plotlys_validators(book, pid):
    w, _ = presets.load(pid)
    _validated_unchanged(charts.cost_breakdown(engine.estimate(w, book)))


def test_cost_breakdown_with_lacking_features_and_a_subset_passes_the_validators(book):
    w = from_dict({**DEFAULT.to_dict(), "required_features": ["signing", "no_pull_rate_limit"]})
    e = engine.estimate(w, book)
    lacking = features.missing(w.required_features)
    assert any(lacking.values())  # some registries are faded: the opacity list is exercised
    fig = charts.cost_breakdown(e, registry_ids=["ecr", "ghcr", "dockerhub"], lacking=lacking)
    _validated_unchanged(fig)
    assert len(fig.data[0].x) == 3


def test_a_misspelt_property_is_caught_by_the_check():
    fig = charts.figure([{"type": "bar", "x": [1], "yy": [2]}], {})
    with pytest.raises(ValueError):
        _validated_unchanged(fig)


@pytest.mark.parametrize("pid", list(presets.available()))
def test_the_phones_bars_across_pass_the_validators_and_keep_every_figure(book, pid):
    # issue 28: on a phone the Overview draws its bars across, the names level on the left axis; the
    # same traces with x and y swapped, so the same figures whichever way they are drawn
    w, _ = presets.load(pid)
    e = engine.estimate(w, book)
    other = {r.id: r.monthly_cost * 2 for r in e.ranked()[:2]}  # two registries with an as-set-up mark
    up = charts.cost_breakdown(e, other=other, other_name="As set up now")
    across = charts.cost_breakdown(e, other=other, other_name="As set up now", horizontal=True)
    _validated_unchanged(across)
    assert [t.type for t in across.data] == [t.type for t in up.data]
    for a, u in zip(across.data, up.data, strict=True):
        assert list(a.y) == list(u.x)
        if a.name != "total":  # the totals' carrier differs: below
            assert list(a.x) == list(u.y)
        if a.type == "bar":
            assert a.orientation == "h" and u.orientation is None
    # across, a total was written at the bar's end, under the mark of a dearer as-set-up figure (issue 28,
    # fifth review): its invisible carrier reaches the mark, so the total is written past it. The marks
    # here are twice the bar, so the carrier is the bar's own length again; elsewhere it has none
    total = next(t for t in across.data if t.name == "total")
    expect = [max(r.monthly_cost, 1e-9) if r.id in other else 1e-9 for r in e.ranked()]
    assert list(total.x) == pytest.approx(expect, abs=0.02)
    assert list(next(t for t in up.data if t.name == "total").y) == [1e-9] * len(expect)  # standing: unchanged
    # cheapest on top, names on the left axis, and each mark as tall as its bar (i ± 0.4 of a row)
    assert across.layout.yaxis.autorange == "reversed" and list(across.layout.yaxis.tickvals) == list(up.data[0].x)
    assert [(s.y0, s.y1, s.x0) for s in across.layout.shapes] == [(s.x0, s.x1, s.y0) for s in up.layout.shapes]
    assert across.layout.shapes[0].y1 - across.layout.shapes[0].y0 == pytest.approx(0.8)


def test_the_phones_cost_over_time_has_its_legend_below_and_no_end_labels():
    # issue 28: at 390 px the line-end names took 40 % of the width; on a phone they are a legend below
    import pandas as pd

    cumulative = pd.DataFrame({"ecr": [1.0, 2.0, 3.0], "ghcr": [0.0, 0.5, 1.0]}, index=[1, 2, 3])
    wide = charts.cost_over_time(cumulative, 3, 0.0)
    narrow = charts.cost_over_time(cumulative, 3, 0.0, narrow=True)
    assert wide.layout.showlegend is False and len(wide.layout.annotations) == 2  # a name at each line's end
    assert narrow.layout.showlegend is True and not narrow.layout.annotations
    assert narrow.layout.legend.orientation == "h" and narrow.layout.legend.yanchor == "bottom"
    assert narrow.layout.legend.y == 0.0 and narrow.layout.legend.yref == "container"  # at the figure's foot
    assert [t.name for t in narrow.data] == ["ECR", "GHCR"]  # the short names the line ends carry
    assert [list(t.y) for t in narrow.data] == [list(t.y) for t in wide.data]
    assert narrow.layout.margin.r < wide.layout.margin.r


def test_the_phones_break_even_has_level_ticks_and_its_legend_below(book):
    # sixth Korean review: at 390 px the sweep's x ticks stood on end and the line-end names left the plot a
    # third of the screen; the phone's form names the lines (and the ✕) in a legend below, level ticks, every
    # other decade of the log axis (the last kept)
    from lib.analyses import sensitivity

    w = from_dict({})
    table = sensitivity.sweep(w, "pulls_per_month", book)
    points = sensitivity.break_evens(w, "pulls_per_month", book, table=table)
    wide = charts.break_even(table, points, "pulls_per_month", "pulls", True, current=w.pulls_per_month)
    narrow = charts.break_even(table, points, "pulls_per_month", "pulls", True, current=w.pulls_per_month, narrow=True)
    _validated_unchanged(narrow)
    assert wide.layout.showlegend is False and len(wide.layout.annotations) > 3  # names at the lines' ends
    assert narrow.layout.showlegend is True and narrow.layout.legend.orientation == "h"
    assert len(narrow.layout.annotations) == 1  # "You are here" alone
    assert narrow.layout.xaxis.tickangle == 0
    wt, nt = list(wide.layout.xaxis.tickvals), list(narrow.layout.xaxis.tickvals)
    assert len(wt) > 4 and nt == wt[len(wt) - 1 :: -2][::-1]  # every other decade, counted from the last
    assert narrow.layout.margin.r < wide.layout.margin.r
    assert [list(t.y) for t in narrow.data] == [list(t.y) for t in wide.data]
