"""Plotly figures built from estimates (no streamlit here, so exports can reuse them)."""
from __future__ import annotations

import math

import plotly.graph_objects as go

from .components import CATEGORIES
from .engine import Estimate
from . import wording
from .palette import CATEGORY_COLOURS, REGISTRY_COLOURS, TEXT
from .workload import SPECS

COLOURS = CATEGORY_COLOURS


def scenario_title(e) -> str:
    """One line naming the scenario and what drives its cost (size and pulls, the pull mix, the
    network path, the region), for chart and slide subtitles (an Estimate or a Workload)."""
    return wording.drivers(getattr(e, "workload", e))


def _tick(name: str) -> str:
    """Long registry names on two lines split near the middle, so eight bars' labels never touch
    or tilt ("Azure Container<br>Registry", "Harbor<br>(self-hosted)")."""
    if len(name) <= 12 or " " not in name:
        return name
    if " (" in name:
        return name.replace(" (", "<br>(", 1)
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return name[:cut] + "<br>" + name[cut + 1:]


def cost_breakdown(e: Estimate, registry_ids=None, lacking: dict | None = None,
                   recommended: str | None = None) -> go.Figure:
    """Stacked bars: each registry's monthly cost by category, cheapest first; the hover
    lists the components with their arithmetic. Registries in `lacking` (id -> missing
    required features) are faded and marked with ✗; the `recommended` registry's label says so."""
    lacking = lacking or {}
    regs = [r for r in e.ranked() if registry_ids is None or r.id in registry_ids]
    names = [r.name + (" ✗" if lacking.get(r.id) else "") for r in regs]
    opacity = [0.35 if lacking.get(r.id) else 1.0 for r in regs]
    fig = go.Figure()
    for cat in CATEGORIES:
        values = [r.by_category().get(cat, 0.0) for r in regs]
        if cat != "storage" and not any(values):
            continue  # storage stays so every chart has the same first trace
        label = wording.CATEGORY_LABELS[cat]
        detail = ["<br>".join(f"{c.name}: {c.arithmetic()}" for c in r.components if c.category == cat) or "none"
                  for r in regs]
        fig.add_bar(name=label, x=names, y=values, marker=dict(color=COLOURS[cat], opacity=opacity), customdata=detail,
                    hovertemplate="<b>%{x}</b><br>" + label + ": $%{y:,.2f}<br>%{customdata}<extra></extra>")
    # totals above the bars: one text trace is far cheaper to build than one annotation per bar
    fig.add_scatter(x=names, y=[r.monthly_cost for r in regs], mode="text", text=[f"${r.monthly_cost:,.2f}" for r in regs],
                    textposition="top center", showlegend=False, hoverinfo="skip", name="total",
                    textfont=dict(color=TEXT))
    ticks = [f"<b>{_tick(n)}</b><br><b>recommended</b>" if r.id == recommended else _tick(n)
             for r, n in zip(regs, names)]
    top = max([r.monthly_cost for r in regs] + [1.0])
    fig.update_xaxes(tickvals=names, ticktext=ticks, tickangle=0)
    fig.update_yaxes(tickprefix="$", tickformat=",.0f", range=[0, top * 1.12])
    fig.update_layout(barmode="stack", title=f"Monthly cost by registry<br><sup>{scenario_title(e)}</sup>",
                      yaxis_title="USD a month", xaxis_title=None, legend_title="Cost component", margin=dict(t=80),
                      legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="right", x=1.0))
    return fig


def break_even(table, points, field: str, unit: str, log: bool, lacking: dict | None = None,
               now: float | None = None) -> go.Figure:
    """Cost of every registry as one input sweeps its range, break-even points marked; `now`
    (the scenario's own value) marked "this scenario". Titles name the input in words."""
    from .registries import NAMES
    words = sweep_axis(field, unit)
    lacking = lacking or {}
    fig = go.Figure()
    for rid in table.columns:
        fig.add_scatter(x=table.index, y=table[rid], mode="lines", name=NAMES[rid] + (" ✗" if lacking.get(rid) else ""),
                        line=dict(color=REGISTRY_COLOURS[rid], dash="dot" if lacking.get(rid) else "solid"))
    if points:
        fig.add_scatter(x=[p.x for p in points], y=[p.cost for p in points], mode="markers", name="break-even",
                        marker=dict(size=10, color="black", symbol="x"),
                        hovertext=[p.sentence(field) for p in points], hoverinfo="text")
    if now is not None:
        fig.add_vline(x=now, line_dash="dash", line_color=TEXT)
        # placed by hand: an annotation's x on a log axis is the log of the value (add_vline's own
        # annotation lands at 10**now, off the chart)
        fig.add_annotation(x=math.log10(now) if log and now > 0 else now, y=1, yref="paper", text="this scenario",
                           showarrow=False, xanchor="right", yanchor="top", xshift=-4)
    fig.update_layout(xaxis_type="log" if log else "linear", yaxis_type="log" if log else "linear",
                      xaxis_title=words, yaxis_title="USD a month",
                      title=f"Monthly cost as {SPECS[field].label.lower()} varies (other inputs fixed)")
    return fig


def sweep_axis(field: str, unit: str) -> str:
    """The swept input in words, with its unit when the name does not already say it
    ("Image size (MB)", "Pulls a month")."""
    label = SPECS[field].label
    return label if unit.lower() in label.lower() else f"{label} ({unit})"


def cost_over_time(cumulative, horizon: int, growth: float) -> go.Figure:
    from .registries import NAMES
    fig = go.Figure()
    for rid in cumulative.columns:
        fig.add_scatter(x=cumulative.index, y=cumulative[rid], mode="lines+markers", name=NAMES[rid],
                        line=dict(color=REGISTRY_COLOURS[rid]))
    fig.update_layout(xaxis_title="month", yaxis_title="cumulative USD",
                      title=f"Total cost of ownership over {horizon} months, {growth:.0%} monthly growth of pulls and versions")
    return fig


def tint(colour: str, amount: float = 0.55) -> str:
    """The colour mixed with white: scenario B's bars keep their registry's hue, lighter."""
    c = colour.lstrip("#")
    rgb = [int(c[i:i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(v + (255 - v) * amount):02X}" for v in rgb)


def compare_bars(table, a=None, b=None) -> go.Figure:
    """Monthly cost per registry under scenario A and B: each registry in its own colour, B in
    its lighter tint, outlined (as in the deck). With the two workloads, the legend says what B changes ("B: interface endpoints
    instead of NAT") instead of a bare "B"."""
    t = table.sort_values("A", kind="stable")
    colours = [REGISTRY_COLOURS.get(i, "#777777") for i in t["id"]]
    ticks = [_tick(n) for n in t["registry"]]
    what = wording.changes(a, b) if a is not None and b is not None else ""
    name_a, name_b = "A: as described", f"B: {what}" if what else "B: the same as A"
    if a is None or b is None:
        name_a, name_b = "A", "B"
    fig = go.Figure()
    for name, col, light in ((name_a, "A", False), (name_b, "B", True)):
        fill = [tint(c) for c in colours] if light else colours
        fig.add_bar(name=name, x=ticks, y=t[col], offsetgroup=col, showlegend=False,
                    marker=dict(color=fill, line=dict(color=colours, width=1.5 if light else 0)),
                    text=[f"${v:,.0f}" for v in t[col]], textposition="outside", cliponaxis=False,
                    textfont=dict(size=18, color=TEXT),
                    hovertemplate="<b>%{x}</b><br>" + name + ": $%{y:,.2f}<extra></extra>")
        # the legend's swatch in neutral grey: the bars' colours are the registries', the legend tells A from B
        fig.add_bar(name=name, x=ticks[:1], y=[None], offsetgroup=col, hoverinfo="skip",
                    marker=dict(color=tint("#777777") if light else "#777777", line=dict(color="#777777", width=1.5 if light else 0)))
    fig.update_yaxes(tickprefix="$", tickformat=",.0f")
    fig.update_xaxes(tickangle=0)
    fig.update_layout(barmode="group", bargap=0.18, bargroupgap=0.06, yaxis_title="USD a month", uniformtext=dict(mode="hide", minsize=9),
                      legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0.0),
                      # in the title's first line, so the exported picture (which swaps the subtitle) keeps it
                      title="Monthly cost per registry, A against " + (f"B: {what}" if what else "B"))
    return fig


def network_paths(costs, gb_now: float, region: str) -> go.Figure:
    import numpy as np
    be = costs.break_even_gb()
    top = max(gb_now * 3, be * 3 if np.isfinite(be) else 0, 1000)
    gb = np.linspace(0, top, 200)
    fig = go.Figure()
    fig.add_scatter(x=gb, y=costs.nat(gb), name="NAT gateway (GHCR, Docker Hub, or ECR without endpoints)", mode="lines")
    fig.add_scatter(x=gb, y=costs.endpoints(gb), name="ECR through interface endpoints", mode="lines")
    fig.add_scatter(x=gb, y=costs.public(gb), name="public subnets", mode="lines", line=dict(dash="dot"))
    if 0 < be < top:
        fig.add_scatter(x=[be], y=[float(costs.nat(be))], mode="markers+text", text=[f"break-even {be:,.0f} GB"],
                        textposition="top left", name="break-even", marker=dict(size=12, color="black"))
    fig.add_vline(x=gb_now, line_dash="dash", annotation_text="this workload")
    fig.update_layout(xaxis_title="GB pulled into the VPC per month", yaxis_title="USD / month",
                      title=f"Network path cost per month, {region}")
    return fig
