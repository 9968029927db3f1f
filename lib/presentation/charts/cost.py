"""The monthly cost by registry: bars stacked by category (the Overview, the deck), a phone's form across."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

import plotly.graph_objects as go

from ...core.i18n import _
from ...pricing import labels
from ...pricing.components import CATEGORIES
from ...pricing.engine import Estimate, RegistryEstimate
from .. import wording
from ..palette import TEXT
from .common import (
    BAR_GAP,
    BAR_HALF,
    COLOURS,
    _bar_money,
    _hover_money,
    _per_month_title,
    _tick,
    _titled,
    _won_axis,
    _won_ticks,
    figure,
    scenario_title,
)


def cost_breakdown(
    e: Estimate,
    registry_ids: Collection[str] | None = None,
    lacking: dict[str, list[str]] | None = None,
    recommended: str | None = None,
    other: Mapping[str, float] | None = None,
    other_name: str = "",
    horizontal: bool = False,
) -> go.Figure:
    """cost_breakdown_spec's figure (the exports, the CLI, the tests)."""
    spec = cost_breakdown_spec(e, registry_ids, lacking, recommended, other, other_name, horizontal)
    return figure(spec["data"], spec["layout"])


def _across(horizontal: bool) -> dict[str, str]:
    """A bar trace's orientation: plotly's default (standing) is no property."""
    return {"orientation": "h"} if horizontal else {}


def _category_trace(
    regs: list[RegistryEstimate],
    names: list[str],
    values: list[float],
    cat_key: str,
    opacity: list[float],
    horizontal: bool,
) -> dict[str, object]:
    """One category's part of every bar; the hover lists the registry's components in it, with their
    arithmetic."""
    cat, val = _axes(horizontal)
    label = wording.category(cat_key)
    detail = [
        "<br>".join(f"{c.name}: {c.arithmetic()}" for c in r.components if c.category == cat_key) or _("none")
        for r in regs
    ]
    return {
        "type": "bar",
        "name": label,
        cat: names,
        val: values,
        **_across(horizontal),
        "marker": dict(color=COLOURS[cat_key], opacity=opacity),
        "customdata": detail,
        "hovertemplate": "<b>%{"
        + cat
        + "}</b><br>"
        + label
        + ": "
        + _hover_money(val)
        + "<br>%{customdata}<extra></extra>",
    }


def _category_traces(
    regs: list[RegistryEstimate], names: list[str], opacity: list[float], horizontal: bool
) -> tuple[list[dict[str, object]], list[float]]:
    """The stacked parts, a trace per category any registry has, and each bar's height as drawn."""
    by_cat = [r.by_category() for r in regs]
    traces: list[dict[str, object]] = []  # plotly trace specs: mixed value types
    stacked = [0.0] * len(regs)  # each bar's height as drawn
    for cat_key in CATEGORIES:
        values = [labels.shown(c.get(cat_key, 0.0)) for c in by_cat]
        if cat_key != "storage" and not any(values):
            continue  # storage stays so every chart has the same first trace
        stacked = [h + v for h, v in zip(stacked, values, strict=True)]
        traces.append(_category_trace(regs, names, values, cat_key, opacity, horizontal))
    return traces, stacked


def _totals_trace(
    regs: list[RegistryEstimate],
    names: list[str],
    stacked: list[float],
    other: Mapping[str, float],
    horizontal: bool,
) -> dict[str, object]:
    """The totals above the bars: the text of a (near) zero-height bar stacked on top, so plotly hides a
    label wider than its bar (uniformtext) instead of overlapping it on a narrow screen; one trace is far
    cheaper to build than one annotation per bar."""
    cat, val = _axes(horizontal)
    # across (a phone), a total written at the bar's end ran into the open marker of the registry's other
    # view when that lay past the bar (issue 28, fifth review): there the invisible bar that carries the
    # total reaches the marker, so the total is written beyond it
    reach = [
        max(labels.amount(other[r.id]) - stacked[i], 1e-9) if horizontal and r.id in other else 1e-9
        for i, r in enumerate(regs)
    ]
    return {
        "type": "bar",
        cat: names,
        val: reach,
        **_across(horizontal),
        "text": [_bar_money(r.monthly_cost) for r in regs],
        "textposition": "outside",
        "cliponaxis": False,
        "marker": dict(color="rgba(0,0,0,0)"),
        "textfont": dict(color=TEXT),
        "showlegend": False,
        "hoverinfo": "skip",
        "name": "total",
    }


def _other_view_trace(
    regs: list[RegistryEstimate],
    ghosts: list[RegistryEstimate],
    names: list[str],
    other: Mapping[str, float],
    other_name: str,
    horizontal: bool,
) -> dict[str, object]:
    """The other view's totals as open markers: the legend's key and the hover; the line itself is a
    shape as wide as the bar (_bar_tops)."""
    cat, val = _axes(horizontal)
    return {
        "type": "scatter",
        "mode": "markers",
        "name": other_name,
        cat: [names[regs.index(r)] for r in ghosts],
        val: [labels.amount(other[r.id]) for r in ghosts],
        "marker": dict(
            symbol="line-ns-open" if horizontal else "line-ew-open",
            size=14,
            color=TEXT,
            line=dict(width=3, color=TEXT),
        ),
        "customdata": [labels.money(other[r.id]) for r in ghosts],
        "hovertemplate": "<b>%{" + cat + "}</b><br>" + other_name + ": %{customdata}<extra></extra>",
    }


def _bar_tops(
    regs: list[RegistryEstimate], ghosts: list[RegistryEstimate], other: Mapping[str, float], horizontal: bool
) -> list[dict[str, object]]:
    """An open bar-top as wide as the bar ("the bar would reach here"), at any screen width: a marker of
    fixed pixels ran into the next bar's on a phone. Category i spans i ± 0.5; a bar, i ± 0.4 (bargap 0.2)."""
    cat, val = _axes(horizontal)
    return [
        {
            "type": "line",
            "xref": "x",
            "yref": "y",
            f"{cat}0": regs.index(r) - BAR_HALF,
            f"{cat}1": regs.index(r) + BAR_HALF,
            f"{val}0": labels.amount(other[r.id]),
            f"{val}1": labels.amount(other[r.id]),
            "line": dict(color=TEXT, width=3),
        }
        for r in ghosts
    ]


def _axes(horizontal: bool) -> tuple[str, str]:
    """The names' axis and the money's: x and y for standing bars, swapped for bars across."""
    return ("y", "x") if horizontal else ("x", "y")


def _name_ticks(regs: list[RegistryEstimate], names: list[str], recommended: str | None) -> list[str]:
    """The names on the axis, the recommended registry's in bold with the word under it."""
    chosen = _("recommended")
    return [
        f"<b>{_tick(n)}</b><br><b>{chosen}</b>" if r.id == recommended else _tick(n)
        for r, n in zip(regs, names, strict=True)
    ]


def _faded_names(regs: list[RegistryEstimate], lacking: dict[str, list[str]]) -> tuple[list[str], list[float]]:
    """Each bar's name and opacity: a registry lacking a required feature is faded and marked ✗."""
    names = [r.name + (" ✗" if lacking.get(r.id) else "") for r in regs]
    opacity = [0.35 if lacking.get(r.id) else 1.0 for r in regs]
    return names, opacity


def _money_top(regs: list[RegistryEstimate], ghosts: list[RegistryEstimate], other: Mapping[str, float]) -> float:
    """The highest figure drawn (a bar or another view's marker), at least 1 so an all-free chart has an axis."""
    return max([labels.amount(r.monthly_cost) for r in regs] + [labels.amount(other[r.id]) for r in ghosts] + [1.0])


def cost_breakdown_spec(
    e: Estimate,
    registry_ids: Collection[str] | None = None,
    lacking: dict[str, list[str]] | None = None,
    recommended: str | None = None,
    other: Mapping[str, float] | None = None,
    other_name: str = "",
    horizontal: bool = False,
) -> dict[str, Any]:
    """The figure as plain dicts ({"data": traces, "layout": layout}), what the page sends: building
    the Figure from them and turning it back into a dict was ~4-5 ms of a new scenario's Overview
    rerun (issue 29, fourth round); ui/chart.py makes the Figure only when an export asks for one.

    Stacked bars: each registry's monthly cost by category, cheapest first; the hover
    lists the components with their arithmetic. Registries in `lacking` (id -> missing
    required features) are faded and marked with ✗; the `recommended` registry's label says so.
    `other`: the registry's total in the other view where it differs (analysis.Analysis.other_totals),
    drawn as an open marker named `other_name` over the bar ("As set up now").
    `horizontal`: the phone's form (issue 28): bars across, cheapest on top, the names read level on the
    left axis; standing bars left each name tilted 90 degrees under a bar 40 px wide."""
    lacking = lacking or {}
    regs = [r for r in e.ranked() if registry_ids is None or r.id in registry_ids]
    names, opacity = _faded_names(regs, lacking)
    traces, stacked = _category_traces(regs, names, opacity, horizontal)
    other = other or {}
    traces.append(_totals_trace(regs, names, stacked, other, horizontal))
    ghosts = [r for r in regs if r.id in other]
    if ghosts:
        traces.append(_other_view_trace(regs, ghosts, names, other, other_name, horizontal))
    ticks = _name_ticks(regs, names, recommended)
    top = _money_top(regs, ghosts, other)
    title, top_margin = _titled(_("Monthly cost by registry"), scenario_title(e))
    tops = _bar_tops(regs, ghosts, other, horizontal)
    draw = _bars_across if horizontal else _bars_standing
    return draw(traces, tops, names, ticks, top, title, top_margin)


def _bars_standing(
    traces: list[dict[str, object]],
    tops: list[dict[str, object]],
    names: list[str],
    ticks: list[str],
    top: float,
    title: str,
    top_margin: int,
) -> dict[str, Any]:
    """cost_breakdown_spec's standing bars (a wide screen, the exports): a column per registry, cheapest
    on the left, its total above it."""
    return dict(
        data=traces,
        layout=dict(
            barmode="stack",
            uniformtext=dict(mode="hide", minsize=10),
            title=dict(text=title),
            # no tickangle: plotly's own "auto" keeps them upright where they fit (they are on two lines for
            # that) and tilts them on a phone, where upright names ran into one another ("HarbonatypeNexus…")
            xaxis=dict(tickvals=names, ticktext=ticks, title=dict(), automargin=True),
            yaxis={
                **dict(
                    tickprefix=labels.currency_symbol(),
                    tickformat=",.0f",
                    range=[0, top * 1.12],
                    title=dict(text=_per_month_title()),
                    **_won_axis(),
                ),
                **_won_ticks(top * 1.12),
            },
            # below the bars, without a title: above them it sat on the subtitle's line, and on a narrow
            # screen its wrapped rows covered the title; the items name themselves ("Storage", ...)
            # at the foot of the figure (yref "container"), not at a fixed distance below the axis: names
            # tilted on a phone take more room, and the legend drawn over them cut them off (issue 28)
            legend=dict(orientation="h", yref="container", yanchor="bottom", y=0.0, xanchor="left", x=0.0),
            margin=dict(t=top_margin),
            # taller than plotly's 450 px: the subtitle's lines, the names (tilted on a phone) and the legend
            # below all take room from the bars, which on a phone were left about 90 px (issue 28)
            height=600,
            bargap=BAR_GAP,
            **({"shapes": tops} if tops else {}),
        ),
    )


def _bars_across(
    traces: list[dict[str, object]],
    tops: list[dict[str, object]],
    names: list[str],
    ticks: list[str],
    top: float,
    title: str,
    top_margin: int,
) -> dict[str, Any]:
    """cost_breakdown_spec's bars drawn across, for a phone: a row per registry (cheapest on top, as the
    totals table reads), its name level on the left in its two lines, its total at the bar's end."""
    rows = len(names)
    return dict(
        data=traces,
        layout=dict(
            barmode="stack",
            uniformtext=dict(mode="hide", minsize=10),
            title=dict(
                text=title, yref="container", y=1.0, yanchor="top", pad=dict(t=12)
            ),  # from the top down: its last line stays clear of the first row's name
            yaxis=dict(tickvals=names, ticktext=ticks, title=dict(), automargin=True, autorange="reversed"),
            xaxis={
                # room past the longest bar for its total ("1,130만"), three marks so none run together
                **dict(
                    tickprefix=labels.currency_symbol(),
                    tickformat=",.0f",
                    nticks=4,
                    range=[0, top * 1.3],
                    title=dict(text=_per_month_title()),
                    **_won_axis(),
                ),
                **_won_ticks(top * 1.3, ticks=3),
            },
            legend=dict(orientation="h", yref="container", yanchor="bottom", y=0.0, xanchor="left", x=0.0),
            margin=dict(t=top_margin, l=8, r=8),
            # a row of about 44 px a registry, the title above and the legend's rows below
            height=top_margin + 44 * rows + 260,
            bargap=BAR_GAP,
            **({"shapes": tops} if tops else {}),
        ),
    )
