"""Cumulative cost month by month, one line per registry (the Over time page, the deck)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from ...core.i18n import _
from ...pricing import labels
from ...pricing.labels import percent
from ...pricing.registries import name as registry_name
from ..palette import REGISTRY_COLOURS, TEXT
from .common import (
    DASHES,
    PHONE_LEGEND,
    SHORT,
    SYMBOLS,
    _axis_style,
    _end_labels,
    _hover_money,
    _money_tickformat,
    _shown_frame,
    _won,
    _won_axis,
    _won_ticks,
)


def cost_over_time(
    cumulative: pd.DataFrame,
    horizon: int,
    growth: float,
    narrow: bool = False,
    lacking: Mapping[str, Sequence[str]] | None = None,
) -> go.Figure:
    """Cumulative cost month by month, one line per registry, labelled at its end. `narrow`: the phone's
    form (issue 28): the names in a legend below the plot, across; at a line's end they took 40 % of a
    390 px screen and squeezed the months into tilted ticks. `lacking`: registry id -> the required features
    it does not meet: its line faded and ✗ after its name, as on Break-even (eighth Korean review)."""
    lacking = lacking or {}
    fig = go.Figure()
    cumulative = _shown_frame(cumulative)
    months = cumulative.index.to_numpy()
    for rid in cumulative.columns:
        fig.add_scatter(
            x=months,
            y=cumulative[rid],
            mode="lines+markers",
            name=(_(SHORT[rid]) if narrow else registry_name(rid))  # the short names the line ends carry
            + (" ✗" if lacking.get(rid) else ""),
            opacity=0.45 if lacking.get(rid) else 1.0,
            line=dict(color=REGISTRY_COLOURS[rid], dash=DASHES[rid], width=2.5),
            marker=dict(symbol=SYMBOLS[rid], size=7, color=REGISTRY_COLOURS[rid], maxdisplayed=12),
            hovertemplate=f"<b>{registry_name(rid)}</b><br>"
            + _("month {month}: {cost} so far").format(month="%{x}", cost=_hover_money("y"))
            + "<extra></extra>",
        )
    top = max(float(cumulative.to_numpy().max()), 1.0)
    ends = {rid: float(cumulative[rid].iloc[-1]) for rid in cumulative.columns}
    span = max(months[-1] - months[0], 1)
    annotations = [] if narrow else _end_labels(ends, months[-1] + 0.02 * span, 0.0, top * 1.05, lacking)
    fig.update_layout(
        xaxis=_axis_style(
            title_text=_("Month"),
            range=[months[0] - 0.02 * span, months[-1] + (0.02 if narrow else 0.16) * span],
            tickvals=list(range(int(months[0]), int(months[-1]) + 1, max(1, round(span / 12)))),
            tickformat="d",
        ),
        yaxis=_axis_style(
            title_text=_("Cost so far (KRW, setup included)") if _won() else _("Cost so far (USD, setup included)"),
            **{
                **dict(tickprefix=labels.currency_symbol(), tickformat=_money_tickformat(",")),
                **_won_ticks(top * 1.05),
            },
            range=[0, top * 1.05],
            **_won_axis(),
        ),
        showlegend=narrow,
        **(
            # below the plot at the figure's foot, in rows across, each item its line's dash and marker
            dict(
                legend=dict(PHONE_LEGEND),
                height=620,
            )
            if narrow
            else {}
        ),
        annotations=annotations,
        plot_bgcolor="white",
        font=dict(color=TEXT),
        margin=dict(t=80, r=16 if narrow else 100, **({"b": 170} if narrow else {})),
        title=dict(
            text=_("Cost over {n} months, setup included").format(n=horizon)
            + "<br><sup>"
            + (
                _("pulls and versions growing {rate} a month").format(
                    rate=percent(growth, 1 if growth * 100 % 1 else 0)
                )
                if growth
                else _("no growth")
            )
            + "</sup>",
            font=dict(color=TEXT),
        ),
    )
    return fig
