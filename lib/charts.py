"""Plotly figures built from estimates (no streamlit here, so exports can reuse them)."""
from __future__ import annotations

import plotly.graph_objects as go

from .components import CATEGORIES
from .engine import Estimate

COLOURS = {
    "storage": "#4C78A8", "transfer": "#F58518", "network": "#E45756", "plan": "#72B7B2",
    "scanning": "#54A24B", "compute": "#B279A2", "operations": "#9D755D",
}


REGISTRY_COLOURS = {
    "ecr": "#FF9900", "ghcr": "#24292F", "dockerhub": "#1D63ED", "harbor": "#60B932", "gar": "#4285F4",
    "acr": "#0078D4", "nexus": "#1B9E77", "s3": "#A0A0A0",
}


def scenario_title(e: Estimate) -> str:
    w = e.workload
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
    for r, name in zip(regs, names):
        fig.add_annotation(x=name, y=r.monthly_cost, text=f"${r.monthly_cost:,.2f}", showarrow=False, yshift=10)
    fig.update_layout(barmode="stack", title=f"Monthly cost by registry<br><sup>{scenario_title(e)}</sup>",
                      yaxis_title="USD / month", xaxis_title=None, legend_title="component",
                      template="plotly_white", margin=dict(t=80))
    return fig
