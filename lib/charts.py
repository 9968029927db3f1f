"""Plotly figures built from estimates (no streamlit here, so exports can reuse them)."""
from __future__ import annotations

import plotly.graph_objects as go

from .components import CATEGORIES
from .engine import Estimate
from .palette import CATEGORY_COLOURS, REGISTRY_COLOURS

COLOURS = CATEGORY_COLOURS


def scenario_title(e) -> str:
    """One line naming the scenario, for chart and slide titles (an Estimate or a Workload)."""
    w = getattr(e, "workload", e)
    return (f"{w.repositories:,} x {w.image_size_mb:,.0f} MB image, {w.versions_kept} versions, "
            f"{w.pulls_per_month:,.0f} pulls/month, {w.visibility}, {w.region}")


def cost_breakdown(e: Estimate, registry_ids=None, lacking: dict | None = None) -> go.Figure:
    """Stacked bars: each registry's monthly cost by category, cheapest first; the hover
    lists the components with their arithmetic. Registries in `lacking` (id -> missing
    required features) are faded and marked with ✗."""
    lacking = lacking or {}
    regs = [r for r in e.ranked() if registry_ids is None or r.id in registry_ids]
    names = [r.name + (" ✗" if lacking.get(r.id) else "") for r in regs]
    opacity = [0.35 if lacking.get(r.id) else 1.0 for r in regs]
    fig = go.Figure()
    for cat in CATEGORIES:
        values = [r.by_category().get(cat, 0.0) for r in regs]
        if cat != "storage" and not any(values):
            continue  # storage stays so every chart has the same first trace
        detail = ["<br>".join(f"{c.name}: {c.arithmetic()}" for c in r.components if c.category == cat) or "none"
                  for r in regs]
        fig.add_bar(name=cat, x=names, y=values, marker=dict(color=COLOURS[cat], opacity=opacity), customdata=detail,
                    hovertemplate="<b>%{x}</b><br>" + cat + ": $%{y:,.2f}<br>%{customdata}<extra></extra>")
    # totals above the bars: one text trace is far cheaper to build than one annotation per bar
    fig.add_scatter(x=names, y=[r.monthly_cost for r in regs], mode="text", text=[f"${r.monthly_cost:,.2f}" for r in regs],
                    textposition="top center", showlegend=False, hoverinfo="skip", name="total")
    fig.update_layout(barmode="stack", title=f"Monthly cost by registry<br><sup>{scenario_title(e)}</sup>",
                      yaxis_title="USD / month", xaxis_title=None, legend_title="component", margin=dict(t=80))
    return fig


def break_even(table, points, field: str, unit: str, log: bool, lacking: dict | None = None) -> go.Figure:
    """Cost of every registry as one input sweeps its range, break-even points marked."""
    from .registries import NAMES
    lacking = lacking or {}
    fig = go.Figure()
    for rid in table.columns:
        fig.add_scatter(x=table.index, y=table[rid], mode="lines", name=NAMES[rid] + (" ✗" if lacking.get(rid) else ""),
                        line=dict(color=REGISTRY_COLOURS[rid], dash="dot" if lacking.get(rid) else "solid"))
    if points:
        fig.add_scatter(x=[p.x for p in points], y=[p.cost for p in points], mode="markers", name="break-even",
                        marker=dict(size=10, color="black", symbol="x"),
                        hovertext=[p.sentence(field) for p in points], hoverinfo="text")
    fig.update_layout(xaxis_type="log" if log else "linear", yaxis_type="log" if log else "linear",
                      xaxis_title=f"{field} ({unit})", yaxis_title="USD / month",
                      title=f"Monthly cost as {field} varies (other inputs fixed)")
    return fig


def cost_over_time(cumulative, horizon: int, growth: float) -> go.Figure:
    from .registries import NAMES
    fig = go.Figure()
    for rid in cumulative.columns:
        fig.add_scatter(x=cumulative.index, y=cumulative[rid], mode="lines+markers", name=NAMES[rid],
                        line=dict(color=REGISTRY_COLOURS[rid]))
    fig.update_layout(xaxis_title="month", yaxis_title="cumulative USD",
                      title=f"Total cost of ownership over {horizon} months, {growth:.0%} monthly growth of pulls and versions")
    return fig


def compare_bars(table) -> go.Figure:
    fig = go.Figure()
    fig.add_bar(name="A (sidebar)", x=table["registry"], y=table["A"], marker_color="#4C78A8")
    fig.add_bar(name="B (variant)", x=table["registry"], y=table["B"], marker_color="#F58518")
    fig.update_layout(barmode="group", yaxis_title="USD / month",
                      title="Monthly cost per registry: A against B")
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
