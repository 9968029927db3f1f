"""Cost as one input sweeps its range, break-even points marked (the Break-even page, the deck)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
import pandas as pd
import plotly.graph_objects as go

from ...analyses.sensitivity import BreakEven
from ...core import i18n
from ...core.i18n import _
from ...pricing import labels
from ...pricing.labels import axis_title, field as field_name, percent
from ...pricing.registries import name as registry_name
from ..palette import REGISTRY_COLOURS, TEXT
from .common import (
    DASHES,
    PHONE_LEGEND,
    SHORT,
    SYMBOLS,
    _axis_style,
    _big_number,
    _end_labels,
    _hover_money,
    _log_ticks,
    _money_tick,
    _money_tickformat,
    _monthly_cost_title,
    _now_line,
    _shown_frame,
    _won,
    _won_axis,
    _won_ticks,
    figure,
)


def break_even(
    table: pd.DataFrame,
    points: Sequence[BreakEven],
    field: str,
    unit: str = "",
    log: bool = False,
    lacking: dict[str, list[str]] | None = None,
    current: float | None = None,
    narrow: bool = False,
) -> go.Figure:
    """break_even_spec's figure (the deck, the tests)."""
    spec = break_even_spec(table, points, field, unit, log, lacking, current, narrow)
    return figure(spec["data"], spec["layout"])


class _Scale(NamedTuple):
    """Where the sweep's chart puts things: the x values, the y axis's floor and top (a log axis has no 0:
    its floor is the "$0" line), the y range drawn, and the x span the end labels are placed by."""

    log: bool
    xs: npt.NDArray[np.float64]
    floor: float
    top: float
    ylo: float
    yhi: float
    xspan: float

    def at(self, x: float) -> float:
        """A value where the axis puts it: plotly places log axes by the value's log10."""
        return math.log10(x) if self.log else x


def _scale(xs: npt.NDArray[np.float64], values: npt.NDArray[np.float64], log: bool) -> _Scale:
    """The y axis from the costs drawn: on a log scale the floor is a decade under the cheapest cost above
    $0, so registries at $0 sit on a line at the bottom instead of vanishing (log 0 has no place)."""
    positive = values[values > 0]
    if log:
        floor = 10.0 ** (math.floor(math.log10(positive.min())) - 1) if positive.size else 0.01
        if _won():
            floor = max(floor, 1.0)  # whole won: the bottom line is ₩1 (or ₩0), never ₩0.1
        top = max(float(values.max()), floor * 10)
        ylo, yhi = math.log10(floor), math.log10(top) + 0.05 * (math.log10(top) - math.log10(floor))
    else:
        floor, top = 0.0, max(float(values.max()), 1.0)
        ylo, yhi = 0.0, top * 1.05
    xspan = (math.log10(xs[-1]) - math.log10(xs[0])) if log else (xs[-1] - xs[0])
    return _Scale(log, xs, floor, top, ylo, yhi, xspan)


def _registry_line(
    table: pd.DataFrame, rid: str, s: _Scale, percent_x: bool, lacking: dict[str, list[str]], narrow: bool
) -> dict[str, Any]:
    """One registry's cost across the range, in its own colour, dash and marker; faded and marked ✗ when it
    lacks a required feature. The hover reads the real cost (customdata), not the floor it is drawn at."""
    y = table[rid].to_numpy(dtype=float)
    return dict(
        type="scatter",
        x=s.xs,
        y=np.maximum(y, s.floor) if s.log else y,
        mode="lines+markers",
        name=(_(SHORT[rid]) if narrow else registry_name(rid)) + (" ✗" if lacking.get(rid) else ""),
        line=dict(color=REGISTRY_COLOURS[rid], dash=DASHES[rid], width=2.5),
        marker=dict(symbol=SYMBOLS[rid], size=8, color=REGISTRY_COLOURS[rid], maxdisplayed=12),
        opacity=0.45 if lacking.get(rid) else 1.0,
        customdata=y,
        hovertemplate=f"<b>{registry_name(rid)}</b><br>"
        + _("{x}: {cost} a month").format(
            x=f"%{{x:{'.0%' if percent_x else ',.4~r'}}}", cost=_hover_money("customdata")
        )
        + "<extra></extra>",
    )


def _break_even_marks(points: Sequence[BreakEven], field: str, s: _Scale) -> dict[str, Any]:
    """The break-even points as diamonds, each hover the point's sentence: not crosses, which beside the ✗ of a
    registry without a required feature read as the same mark (ninth Korean review)."""
    return dict(
        type="scatter",
        x=[p.x for p in points],
        y=[max(labels.amount(p.cost), s.floor) if s.log else labels.amount(p.cost) for p in points],
        mode="markers",
        name=_("Break-even point"),
        marker=dict(size=11, color=TEXT, symbol="diamond", line=dict(width=1.5, color="white")),
        hovertext=[p.sentence(field) for p in points],
        hoverinfo="text",
    )


def _line_names(table: pd.DataFrame, s: _Scale, lacking: dict[str, list[str]]) -> list[dict[str, Any]]:
    """The registries' names at the lines' right ends, pushed apart so none overlap."""
    ends = {rid: float(table[rid].iloc[-1]) for rid in table.columns}
    ends = {r: (math.log10(max(v, s.floor)) if s.log else v) for r, v in ends.items()}
    label_x = s.at(s.xs[-1]) + 0.02 * s.xspan
    return _end_labels(ends, label_x, s.ylo, s.yhi, lacking)


def _you_are_here(current: float, s: _Scale, percent_x: bool) -> dict[str, Any]:
    """The workload's own value written over the plot, anchored so it stays inside near either edge."""
    here = f"{percent(current)}" if percent_x else f"{current:,.0f}"
    where = (s.at(current) - s.at(s.xs[0])) / (s.xspan or 1)
    return dict(
        x=s.at(current),
        y=1,
        xref="x",
        yref="paper",
        yanchor="bottom",
        xanchor="left" if where < 0.15 else "right" if where > 0.85 else "center",
        showarrow=False,
        text=_("<b>You are here</b>: {value}").format(value=here),
        font=dict(color=TEXT, size=12),
        bgcolor="rgba(255,255,255,0.85)",
    )


def _log_axes(xaxis: dict[str, Any], yaxis: dict[str, Any], s: _Scale, some_zero: bool) -> None:
    """Both axes on log scales, marked at the powers of ten; room on the right for the end labels."""
    lo, hi = float(s.xs[0]), float(s.xs[-1])
    tv, tt = _log_ticks(lo, hi, _big_number)
    xaxis.update(type="log", tickvals=tv, ticktext=tt, range=[math.log10(lo), math.log10(hi) + 0.16 * s.xspan])
    yv, yt = _log_ticks(s.floor, s.top, _money_tick)
    if some_zero:  # some registry costs $0 somewhere: the bottom line says so
        yt[0] = _money_tick(0.0) if _won() and i18n.lang() == "ko" else labels.currency_symbol() + "0"
    yaxis.update(type="log", tickvals=yv, ticktext=yt, range=[s.ylo, s.yhi])


def _linear_axes(xaxis: dict[str, Any], yaxis: dict[str, Any], s: _Scale, percent_x: bool) -> None:
    """Both axes linear, money from $0; room on the right for the end labels."""
    xs = s.xs
    xaxis.update(range=[xs[0], xs[-1] + 0.16 * s.xspan], tickformat=".0%" if percent_x else ",")
    if percent_x:
        xaxis.update(tickvals=[0, 0.25, 0.5, 0.75, 1.0])
    yaxis.update(range=[s.ylo, s.yhi], tickprefix=labels.currency_symbol(), tickformat=_money_tickformat(","))
    yaxis.update(_won_ticks(s.yhi, s.ylo))


def _phone_x_axis(xaxis: dict[str, Any], s: _Scale) -> None:
    """The phone's x axis: level ticks, no room kept for end labels (the names are in a legend), and on a
    log scale every other decade, so the labels do not touch at 390 px."""
    xs = s.xs
    room = 0.02 * s.xspan  # no end labels to make room for
    if s.log:
        tv, tt = list(xaxis["tickvals"]), list(xaxis["ticktext"])
        if len(tv) > 4:  # every other decade, the last kept: level labels that do not touch
            keep = [i for i in range(len(tv)) if (len(tv) - 1 - i) % 2 == 0]
            tv, tt = [tv[i] for i in keep], [tt[i] for i in keep]
        xaxis.update(tickvals=tv, ticktext=tt, range=[math.log10(float(xs[0])), math.log10(float(xs[-1])) + room])
    else:
        xaxis.update(range=[xs[0], xs[-1] + room], nticks=5)
    xaxis.update(tickangle=0)


def _sweep_axes(
    field: str, s: _Scale, some_zero: bool, percent_x: bool, narrow: bool
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The swept input's axis and the money axis, as plotly stores them."""
    xaxis = _axis_style(
        title_text=_("{axis}, log scale").format(axis=axis_title(field)) if s.log else axis_title(field)
    )
    yaxis = _axis_style(title_text=_monthly_cost_title(s.log), **_won_axis())
    if s.log:
        _log_axes(xaxis, yaxis, s, some_zero)
    else:
        _linear_axes(xaxis, yaxis, s, percent_x)
    if narrow:
        _phone_x_axis(xaxis, s)
    for axis in (xaxis, yaxis):  # as plotly stores them: the title's font and text in one title
        axis["title"] = dict(font=axis.pop("title_font"), text=axis.pop("title_text"))
    return xaxis, yaxis


def _sweep_layout(
    field: str,
    axes: tuple[dict[str, Any], dict[str, Any]],
    shapes: list[dict[str, Any]],
    annotations: list[dict[str, Any]],
    narrow: bool,
) -> dict[str, Any]:
    """The chart's layout: the desktop's names at the lines' ends, the phone's in a legend below."""
    xaxis, yaxis = axes
    return dict(
        xaxis=xaxis,
        yaxis=yaxis,
        showlegend=narrow,
        **(
            # below the plot at the figure's foot, in rows across, as the phone's Over time chart has it
            dict(
                legend=dict(PHONE_LEGEND),
                height=640,
            )
            if narrow
            else {}
        ),
        **({"shapes": shapes} if shapes else {}),  # an empty list is no property (plotly leaves it out)
        annotations=annotations,
        plot_bgcolor="white",
        font=dict(color=TEXT),
        # the phone's: room left of the y axis's title, which automargin set flush against the figure's left
        # edge (ninth review: "월 비용(원, 로그 척도)" clipped at 390 px), and right of the last x tick ("1억")
        margin=dict(t=80, r=24, b=190, l=84) if narrow else dict(t=80, r=100),
        title=dict(
            text=_("Monthly cost against {field}").format(field=field_name(field).lower())
            + "<br><sup>"
            + _("other inputs as in the sidebar")
            + "</sup>",
            font=dict(color=TEXT),
        ),
    )


def break_even_spec(
    table: pd.DataFrame,
    points: Sequence[BreakEven],
    field: str,
    unit: str = "",
    log: bool = False,
    lacking: dict[str, list[str]] | None = None,
    current: float | None = None,
    narrow: bool = False,
) -> dict[str, Any]:
    """Cost of every registry as one input sweeps its range: break-even points marked, the
    workload's own value marked "you are here". On a log scale registries at $0 sit on a
    "$0" line at the bottom instead of vanishing (log 0 has no place on the axis). `narrow`: the phone's
    form (sixth Korean review: at 390 px the x ticks stood on end and the names at the lines' ends left the
    plot a third of the screen): short names in a legend below, level ticks, every other decade.

    As plain dicts ({"data": traces, "layout": layout}), what the Break-even page sends (ui/chart.py):
    add_scatter and update_layout validating every property was about half of a new scenario's
    Break-even rerun (issue 29, sixth round)."""
    lacking = lacking or {}
    table = _shown_frame(table)  # the costs in the display currency; the swept input is never money
    percent_x = field in ("cross_region_share",)
    values = table.to_numpy(dtype=float)
    s = _scale(table.index.to_numpy(dtype=float), values, log)
    traces = [_registry_line(table, rid, s, percent_x, lacking, narrow) for rid in table.columns]
    if points:
        traces.append(_break_even_marks(points, field, s))
    annotations = [] if narrow else _line_names(table, s, lacking)
    shapes = []
    if current is not None:
        shapes.append(_now_line(current))
        annotations.append(_you_are_here(current, s, percent_x))
    some_zero = values[values > 0].size < values.size
    axes = _sweep_axes(field, s, some_zero, percent_x, narrow)
    return {"data": traces, "layout": _sweep_layout(field, axes, shapes, annotations, narrow)}


def sweep_axis(field: str, unit: str) -> str:
    """The swept input in words, with its unit when the name does not already say it
    ("Image size (MB)", "Pulls a month")."""
    label = field_name(field)
    # Korean sets the bracket against the word, "이미지 크기(MB)", as every other axis (eighth review: " (회/월)")
    return label if unit.lower() in label.lower() else labels.bracketed(label, unit)
