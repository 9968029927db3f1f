"""Two scenarios side by side, bar by bar (the Compare page)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from ...core import i18n
from ...core.i18n import _
from ...inputs.workload import Workload
from ...pricing import labels
from .. import wording
from ..palette import REGISTRY_COLOURS, TEXT
from .common import (
    _bar_money,
    _data_top,
    _hover_money,
    _per_month_title,
    _shown,
    _subtitle_lines,
    _tick,
    _won,
    _won_axis,
    _won_ticks,
)


def tint(colour: str, amount: float = 0.55) -> str:
    """The colour mixed with white: scenario B's bars keep their registry's hue, lighter."""
    c = colour.lstrip("#")
    rgb = [int(c[i : i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(v + (255 - v) * amount):02X}" for v in rgb)


def _scenario_names(a: Workload | None, b: Workload | None, horizontal: bool) -> tuple[str, str, str]:
    """What B changes in words, and the legend's names of A and B: bare "A" and "B" without the two
    workloads. Across (a phone) B's name is cut into lines: plotly never wraps a legend's item."""
    what = wording.changes(a, b) if a is not None and b is not None else ""
    name_a = _("A: as described")
    name_b = _("B: {changes}").format(changes=what) if what else _("B: the same as A")
    if a is None or b is None:
        name_a, name_b = "A", "B"
    if horizontal:  # plotly never wraps a legend's item: what B changes goes on lines a phone shows whole
        name_b = "<br>".join(_subtitle_lines(name_b, 44))
    return what, name_a, name_b


def _marked_ticks(
    ids: pd.Series, ticks: list[str], marks: Mapping[str, Sequence[str]], lacking: Mapping[str, Sequence[str]]
) -> list[str]:
    """The axis' words only: the bars' x stay the names (what tests and hovers read); a marked registry's
    name in bold, its marks ("recommended", "cheapest") under it; ✗ after a name that lacks a required
    feature, as on the Overview (eighth Korean review: Compare showed them as any other)."""
    ticks = [x + " ✗" if lacking.get(i) else x for i, x in zip(ids, ticks, strict=True)]
    return [
        "<br>".join([f"<b>{x}</b>", *(f"<b>{m}</b>" for m in marks[i])]) if marks.get(i) else x
        for i, x in zip(ids, ticks, strict=True)
    ]


def _add_scenario(
    fig: go.Figure,
    t: pd.DataFrame,
    ticks: list[str],
    name: str,
    col: str,
    light: bool,
    horizontal: bool,
    lacking: Mapping[str, Sequence[str]],
) -> None:
    """One scenario's bars, each in its registry's colour (B's in the lighter tint, outlined), its total
    at its end, faded where the registry lacks a required feature; and the legend's swatch in neutral grey,
    since the bars' colours are the registries'."""
    colours = [REGISTRY_COLOURS.get(i, "#777777") for i in t["id"]]
    cat, val = ("y", "x") if horizontal else ("x", "y")
    across = {"orientation": "h"} if horizontal else {}
    fill = [tint(c) for c in colours] if light else colours
    fig.add_bar(
        name=name,
        **{cat: ticks, val: _shown(t[col])},
        **across,
        offsetgroup=col,
        showlegend=False,
        marker=dict(
            color=fill,
            line=dict(color=colours, width=1.5 if light else 0),
            opacity=[0.35 if lacking.get(i) else 1.0 for i in t["id"]],  # as the Overview's faded bars
        ),
        # B's figure where it differs from A's: where they are equal, the same words twice ran together over the
        # two bars ("58만 4천 원58만 4천 원", ninth Korean review); its hover still gives it
        text=[
            "" if light and _bar_money(b, cents=False) == _bar_money(a, cents=False) else _bar_money(b, cents=False)
            for a, b in zip(t["A"], t[col], strict=True)
        ],
        textposition="outside",
        cliponaxis=False,
        # won in 만 and 억 ("58만 4천 원") is twice as long as "$584": smaller, so two bars' figures stay apart
        textfont=dict(size=12 if horizontal else (14 if _won() and i18n.lang() == "ko" else 18), color=TEXT),
        hovertemplate="<b>%{" + cat + "}</b><br>" + name + ": " + _hover_money(val) + "<extra></extra>",
    )
    # the legend's swatch in neutral grey: the bars' colours are the registries', the legend tells A from B
    fig.add_bar(
        name=name,
        **{cat: ticks[:1], val: [None]},
        **across,
        offsetgroup=col,
        hoverinfo="skip",
        marker=dict(
            color=tint("#777777") if light else "#777777", line=dict(color="#777777", width=1.5 if light else 0)
        ),
    )


def _lay_out_across(fig: go.Figure, t: pd.DataFrame, ticks: list[str], marked: list[str], title: str) -> None:
    """The phone's form: a row per registry, the money across with room for the totals, the title on
    lines a phone shows whole, the legend below."""
    lines = _subtitle_lines(title, 36)  # the title's type is larger than a subtitle's
    top = max([float(v) for v in _shown(t["A"])] + [float(v) for v in _shown(t["B"])] + [1.0])
    fig.update_xaxes(
        {
            **dict(
                tickprefix=labels.currency_symbol(),
                tickformat=",.0f",
                nticks=4,
                range=[0, top * 1.35],  # room past the longest bar for its total
                title=dict(text=_per_month_title()),
                **_won_axis(),
            ),
            **_won_ticks(top * 1.35, ticks=3),  # won's marks replace the prefix (Korean: "200만")
        }
    )
    fig.update_yaxes(tickvals=ticks, ticktext=marked, automargin=True, autorange="reversed")
    fig.update_layout(
        barmode="group",
        bargap=0.22,
        bargroupgap=0.04,
        uniformtext=dict(mode="hide", minsize=9),
        # below the bars: the legend's long "B: …" wraps on a phone and sat over the title
        legend=dict(orientation="h", yref="container", yanchor="bottom", y=0.0, xanchor="left", x=0.0),
        title=dict(text="<br>".join(lines), yref="container", y=1.0, yanchor="top", pad=dict(t=12)),
        margin=dict(t=30 + 24 * len(lines), l=8, r=8, b=150),
        # a row of about 64 px a registry (two bars), the title above and the legend's rows below
        height=30 + 24 * len(lines) + 64 * len(ticks) + 200,
    )


def _lay_out_standing(fig: go.Figure, ticks: list[str], marked: list[str], title: str) -> None:
    """The wide form: a column per registry, A's and B's bars side by side, the legend above."""
    fig.update_yaxes(tickprefix=labels.currency_symbol(), tickformat=",.0f", **_won_axis())
    fig.update_xaxes(tickvals=ticks, ticktext=marked)
    if _won() and i18n.lang() == "ko":
        top = _data_top(fig) * 1.1
        fig.update_yaxes(range=[0, top], **_won_ticks(top))
    fig.update_layout(
        barmode="group",
        bargap=0.18,
        bargroupgap=0.06,
        yaxis_title=_per_month_title(),
        uniformtext=dict(mode="hide", minsize=9),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0.0),
        # in the title's first line, so the exported picture (which swaps the subtitle) keeps it
        title=title,
    )


def compare_bars(
    table: pd.DataFrame,
    a: Workload | None = None,
    b: Workload | None = None,
    marks: Mapping[str, Sequence[str]] | None = None,
    horizontal: bool = False,
    lacking: Mapping[str, Sequence[str]] | None = None,
) -> go.Figure:
    """Monthly cost per registry under scenario A and B: each registry in its own colour, B in
    its lighter tint, outlined (as in the deck). With the two workloads, the legend says what B
    changes ("B: interface endpoints instead of NAT") instead of a bare "B". `marks`: registry id ->
    words under its name, in bold ("recommended", "cheapest"), as the Overview marks the answer.
    `horizontal`: the phone's form (issue 28, fifth review), as the Overview's: a row per registry,
    cheapest on top, its name level on the left, A's and B's bars across with their totals at the ends
    (standing, 16 bars on 390 px tilted the names and hid the totals). `lacking`: registry id -> the required
    features it does not meet (under A or B): its bars faded, ✗ after its name."""
    t = table.sort_values("A", kind="stable")
    ticks = [_tick(n) for n in t["registry"]]
    lacking = lacking or {}
    marked = _marked_ticks(t["id"], ticks, marks or {}, lacking)
    what, name_a, name_b = _scenario_names(a, b, horizontal)
    fig = go.Figure()
    _add_scenario(fig, t, ticks, name_a, "A", False, horizontal, lacking)
    _add_scenario(fig, t, ticks, name_b, "B", True, horizontal, lacking)
    title = (
        _("Monthly cost per registry, A against B: {changes}").format(changes=what)
        if what
        else _("Monthly cost per registry, A against B")
    )
    if horizontal:
        _lay_out_across(fig, t, ticks, marked, title)
    else:
        _lay_out_standing(fig, ticks, marked, title)
    return fig
