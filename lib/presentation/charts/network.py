"""What each network path costs (the Network path page)."""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from ...core import i18n
from ...core.i18n import _
from ...pricing import labels
from ...pricing.network import PathCosts
from ..palette import REGISTRY_COLOURS, TEXT
from .common import (
    DASHES,
    _axis_style,
    _data_top,
    _money_tickformat,
    _monthly_cost_title,
    _now_line,
    _shown,
    _won,
    _won_axis,
    _won_ticks,
)


def _cheap_line_labels(costs: PathCosts, top: float) -> list[dict[str, Any]]:
    """The two cheap paths' names and monthly cost at the right end, stacked above their lines: beside the NAT
    line they lie flat along the axis, one over the other (eighth Korean review), and flat they are (the
    layers come through the free S3 gateway endpoint; public subnets pay no NAT), so the figures say it."""
    ends = [
        (_("Public subnets"), float(costs.public(top)), 0),
        (_("ECR through interface endpoints"), float(costs.endpoints(top)), 20),
    ]
    return [
        dict(
            x=top,
            y=labels.amount(cost),
            xref="x",
            yref="y",
            xanchor="right",
            yanchor="bottom",
            yshift=2 + shift,
            showarrow=False,
            # in a sentence's form: "월 약 4만 원" in won, as the figures above the chart write it (ninth review)
            text=f"{name}: " + _("{amount}/month").format(amount=labels.money(cost, cents=False, prose=True)),
            bgcolor="rgba(255,255,255,0.85)",
            font=dict(color=TEXT, size=12),
        )
        for name, cost, shift in ends
    ]


def network_paths(costs: PathCosts, gb_now: float, region: str) -> go.Figure:
    be = costs.break_even_gb()
    top = max(gb_now * 3, be * 3 if np.isfinite(be) else 0, 1000)
    gb = np.linspace(0, top, 200)
    fig = go.Figure()
    fig.add_scatter(
        x=gb,
        y=_shown(costs.nat(gb)),
        name=_("NAT gateway (GHCR, Docker Hub, or ECR without endpoints)"),
        mode="lines",
        line=dict(color=REGISTRY_COLOURS["ghcr"], width=2.5, dash=DASHES["ghcr"]),
    )
    fig.add_scatter(
        x=gb,
        y=_shown(costs.endpoints(gb)),
        name=_("ECR through interface endpoints"),
        mode="lines",
        line=dict(color=REGISTRY_COLOURS["ecr"], width=2.5),
    )
    fig.add_scatter(
        x=gb,
        y=_shown(costs.public(gb)),
        name=_("Public subnets"),
        mode="lines",
        line=dict(color=REGISTRY_COLOURS["dockerhub"], width=2.5, dash=DASHES["dockerhub"]),
    )
    if 0 < be < top:
        fig.add_scatter(
            x=[be],
            y=[labels.amount(float(costs.nat(be)))],
            mode="markers+text",
            text=[_("break-even {gb} GB").format(gb=f"{be:,.0f}")],
            textposition="top left",
            textfont=dict(color=TEXT),
            name=_("Break-even point"),
            marker=dict(size=12, color=TEXT),
        )
    fig.update_layout(
        xaxis=_axis_style(title_text=_("Data pulled into the VPC (GB a month)"), tickformat=","),
        yaxis=_axis_style(
            title_text=_monthly_cost_title(),
            tickprefix=labels.currency_symbol(),
            tickformat=_money_tickformat(","),
            **_won_axis(),
        ),
        shapes=[_now_line(gb_now)],
        annotations=_cheap_line_labels(costs, top)
        + [
            dict(
                x=gb_now,
                y=1,
                xref="x",
                yref="paper",
                yanchor="bottom",
                showarrow=False,
                text=_("<b>You are here</b>: {value}").format(value=f"{gb_now:,.0f} GB"),
                font=dict(color=TEXT, size=12),
            )
        ],
        legend=dict(orientation="h", y=-0.25, font=dict(color=TEXT)),
        plot_bgcolor="white",
        font=dict(color=TEXT),
        title=dict(
            text=_("Network path cost per month, {region}").format(region=labels.choice("region", region)),
            font=dict(color=TEXT),
        ),
    )
    if _won() and i18n.lang() == "ko":
        top = _data_top(fig) * 1.08
        fig.update_yaxes(range=[0, top], **_won_ticks(top))
    return fig
