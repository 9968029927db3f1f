"""Cost as one input sweeps its range, break-even points marked (the Break-even page, the deck)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
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
    xs = table.index.to_numpy(dtype=float)
    percent_x = field in ("cross_region_share",)
    values = table.to_numpy(dtype=float)
    positive = values[values > 0]
    traces: list[dict[str, Any]] = []
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
    for rid in table.columns:
        y = table[rid].to_numpy(dtype=float)
        trace = dict(
            type="scatter",
            x=xs,
            y=np.maximum(y, floor) if log else y,
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
        traces.append(trace)
    if points:
        traces.append(
            dict(
                type="scatter",
                x=[p.x for p in points],
                y=[max(labels.amount(p.cost), floor) if log else labels.amount(p.cost) for p in points],
                mode="markers",
                name=_("Break-even point"),
                marker=dict(size=11, color=TEXT, symbol="x-thin", line=dict(width=2.5, color=TEXT)),
                hovertext=[p.sentence(field) for p in points],
                hoverinfo="text",
            )
        )
    ends = {rid: float(table[rid].iloc[-1]) for rid in table.columns}
    ends = {r: (math.log10(max(v, floor)) if log else v) for r, v in ends.items()}
    label_x = (math.log10(xs[-1]) if log else xs[-1]) + 0.02 * xspan
    annotations = [] if narrow else _end_labels(ends, label_x, ylo, yhi, lacking)
    shapes = []
    if current is not None:
        here = f"{percent(current)}" if percent_x else f"{current:,.0f}"
        shapes.append(_now_line(current))
        where = ((math.log10(current) if log else current) - (math.log10(xs[0]) if log else xs[0])) / (xspan or 1)
        annotations.append(
            dict(
                x=math.log10(current) if log else current,
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
        )
    xaxis = _axis_style(title_text=_("{axis}, log scale").format(axis=axis_title(field)) if log else axis_title(field))
    yaxis = _axis_style(title_text=_monthly_cost_title(log), **_won_axis())
    if log:
        lo, hi = float(xs[0]), float(xs[-1])
        tv, tt = _log_ticks(lo, hi, _big_number)
        xaxis.update(type="log", tickvals=tv, ticktext=tt, range=[math.log10(lo), math.log10(hi) + 0.16 * xspan])
        yv, yt = _log_ticks(floor, top, _money_tick)
        if positive.size < values.size:  # some registry costs $0 somewhere: the bottom line says so
            yt[0] = _money_tick(0.0) if _won() and i18n.lang() == "ko" else labels.currency_symbol() + "0"
        yaxis.update(type="log", tickvals=yv, ticktext=yt, range=[ylo, yhi])
    else:
        xaxis.update(range=[xs[0], xs[-1] + 0.16 * xspan], tickformat=".0%" if percent_x else ",")
        if percent_x:
            xaxis.update(tickvals=[0, 0.25, 0.5, 0.75, 1.0])
        yaxis.update(range=[ylo, yhi], tickprefix=labels.currency_symbol(), tickformat=_money_tickformat(","))
        yaxis.update(_won_ticks(yhi, ylo))
    if narrow:
        room = 0.02 * xspan  # no end labels to make room for
        if log:
            tv, tt = list(xaxis["tickvals"]), list(xaxis["ticktext"])
            if len(tv) > 4:  # every other decade, the last kept: level labels that do not touch
                keep = [i for i in range(len(tv)) if (len(tv) - 1 - i) % 2 == 0]
                tv, tt = [tv[i] for i in keep], [tt[i] for i in keep]
            xaxis.update(tickvals=tv, ticktext=tt, range=[math.log10(float(xs[0])), math.log10(float(xs[-1])) + room])
        else:
            xaxis.update(range=[xs[0], xs[-1] + room], nticks=5)
        xaxis.update(tickangle=0)
    for axis in (xaxis, yaxis):  # as plotly stores them: the title's font and text in one title
        axis["title"] = dict(font=axis.pop("title_font"), text=axis.pop("title_text"))
    layout = dict(
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
        margin=dict(t=80, r=16, b=190) if narrow else dict(t=80, r=100),
        title=dict(
            text=_("Monthly cost against {field}").format(field=field_name(field).lower())
            + "<br><sup>"
            + _("other inputs as in the sidebar")
            + "</sup>",
            font=dict(color=TEXT),
        ),
    )
    return {"data": traces, "layout": layout}


def sweep_axis(field: str, unit: str) -> str:
    """The swept input in words, with its unit when the name does not already say it
    ("Image size (MB)", "Pulls a month")."""
    label = field_name(field)
    return label if unit.lower() in label.lower() else f"{label} ({unit})"
