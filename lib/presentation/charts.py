"""Plotly figures built from estimates (no streamlit here, so exports can reuse them)."""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import plotly.graph_objects as go

from ..analyses.sensitivity import BreakEven
from ..core import i18n
from ..core.i18n import _
from ..inputs.workload import Workload
from ..pricing import labels
from ..pricing.components import CATEGORIES
from ..pricing.engine import Estimate
from ..pricing.labels import axis_title, field as field_name, percent
from ..pricing.network import PathCosts
from ..pricing.registries import SPECS, name as registry_name
from . import wording
from .palette import CATEGORY_COLOURS, REGISTRY_COLOURS, TEXT
from .report import width

COLOURS = CATEGORY_COLOURS


# ---- money in the display currency ----------------------------------------------------------------
# Estimates are US dollars. With a won rate set (i18n.krw) every money chart draws won: the values
# through labels.amount (the one conversion the tables and texts use), "₩" on the ticks, no
# fractions of a won in hovers and ticks, axis titles naming the currency. Without a rate the
# figures are exactly what they were (the same objects, the same English titles).


def _won() -> bool:
    return i18n.krw() is not None


def _shown(values: npt.ArrayLike) -> Any:
    """US-dollar values in the display currency: the same object without a won rate."""
    if not _won():
        return values
    return np.array([labels.amount(float(v)) for v in np.asarray(values, dtype=float)])


def _shown_frame(table: pd.DataFrame) -> pd.DataFrame:
    return table.map(labels.amount) if _won() else table


def _hover_money(ref: str) -> str:
    """A plotly hover field for an amount: "$%{y:,.2f}", or "₩%{y:,.0f}" in won."""
    return labels.currency_symbol() + "%{" + ref + (":,.0f}" if _won() else ":,.2f}")


def _per_month_title() -> str:
    return _("KRW a month") if _won() else _("USD a month")


def _monthly_cost_title(log: bool = False) -> str:
    if _won():
        return _("Monthly cost (KRW, log scale)") if log else _("Monthly cost (KRW)")
    return _("Monthly cost (USD, log scale)") if log else _("Monthly cost (USD)")


def _won_axis() -> dict[str, Any]:
    """A money axis's extra settings in won: room for ticks like ₩1,000,000,000, which the fixed
    margins sized for dollars cut off. Nothing in dollars, so those figures stay as they were."""
    return {"automargin": True} if _won() else {}


def _money_tickformat(dollars: str) -> str:
    """The tick format for a money axis: `dollars` in US dollars, whole won in won."""
    return ",.0f" if _won() else dollars


def scenario_title(e: Estimate | Workload) -> str:
    """One line naming the scenario and what drives its cost (size and pulls, the pull mix, the
    network path, the region), for chart and slide subtitles (an Estimate or a Workload)."""
    return wording.drivers(e.workload if isinstance(e, Estimate) else e)


def _tick(name: str) -> str:
    """Long registry names on two lines split near the middle, so eight bars' labels never touch
    or tilt ("Azure Container<br>Registry", "Harbor<br>(self-hosted)")."""
    if len(name) <= 12 or " " not in name:
        return name
    if " (" in name:
        return name.replace(" (", "<br>(", 1)
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return name[:cut] + "<br>" + name[cut + 1 :]


SUBTITLE_COLUMNS = 56  # a phone's chart (~350 px) holds about this many columns of subtitle text


def _subtitle_lines(text: str, columns: int = SUBTITLE_COLUMNS) -> list[str]:
    """A chart subtitle broken into lines a phone shows whole (issue 28: a 390 px screen cut it off at
    the right edge; plotly never wraps a title). Breaks at the " · " between the scenario's parts,
    then at ", " inside one, never inside a phrase; widths in display columns (Hangul counts two)."""
    lines: list[str] = []
    for part in text.split(" · "):
        line = ""
        for piece in _top_level_split(part):
            joined = f"{line}, {piece}" if line else piece
            if line and width(joined) > columns:
                lines.append(line + ",")
                line = piece
            else:
                line = joined
        if lines and not lines[-1].endswith(",") and width(f"{lines[-1]} · {line}") <= columns:
            lines[-1] = f"{lines[-1]} · {line}"
        else:
            lines.append(line)
    return lines


def _top_level_split(text: str) -> list[str]:
    """`text` split at ", " outside brackets: "(90 % same region, 10 % other regions)" stays whole."""
    pieces, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0 and text.startswith(", ", i):
            pieces.append(text[start:i])
            start = i + 2
    return [*pieces, text[start:]]


def _titled(title: str, subtitle: str) -> tuple[str, int]:
    """The title with its subtitle lines below it, and the top margin that holds them."""
    lines = _subtitle_lines(subtitle) if subtitle else []
    return title + "".join(
        f"<br><span style='font-size:12px;font-weight:normal'>{x}</span>" for x in lines
    ), 64 + 20 * len(lines)


def figure(traces: list[dict[str, Any]], layout: dict[str, Any]) -> go.Figure:
    """A Figure from plain dicts, without running plotly's property validators.

    Building the Overview's chart with add_bar / update_layout validated every property on every
    rerun: ~5 ms, 30 % of the server's time per rerun (bench/README.md). Plain dicts give the
    same figure in ~1 ms. tests/test_chart_specs.py checks each figure built here against the
    validators, so a wrong property name still fails, in the tests instead of on every rerun."""
    return go.Figure({"data": traces, "layout": layout}, _validate=False)


BAR_GAP = 0.2  # the gap between bars, a share of a category (plotly's default)
BAR_HALF = (1 - BAR_GAP) / 2  # half a bar's width, in categories


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
    # the names' axis and the money's: x and y for standing bars, swapped for bars across
    cat, val = ("y", "x") if horizontal else ("x", "y")
    lacking = lacking or {}
    regs = [r for r in e.ranked() if registry_ids is None or r.id in registry_ids]
    names = [r.name + (" ✗" if lacking.get(r.id) else "") for r in regs]
    opacity = [0.35 if lacking.get(r.id) else 1.0 for r in regs]
    by_cat = [r.by_category() for r in regs]
    traces: list[dict[str, object]] = []  # plotly trace specs: mixed value types
    stacked = [0.0] * len(regs)  # each bar's height as drawn
    for cat_key in CATEGORIES:
        values = [labels.shown(c.get(cat_key, 0.0)) for c in by_cat]
        if cat_key != "storage" and not any(values):
            continue  # storage stays so every chart has the same first trace
        stacked = [h + v for h, v in zip(stacked, values, strict=True)]
        label = wording.category(cat_key)
        detail = [
            "<br>".join(f"{c.name}: {c.arithmetic()}" for c in r.components if c.category == cat_key) or _("none")
            for r in regs
        ]
        traces.append(
            {
                "type": "bar",
                "name": label,
                cat: names,
                val: values,
                **({"orientation": "h"} if horizontal else {}),
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
        )
    # totals above the bars: the text of a (near) zero-height bar stacked on top, so plotly hides a
    # label wider than its bar (uniformtext) instead of overlapping it on a narrow screen; one trace
    # is far cheaper to build than one annotation per bar
    other = other or {}
    # across (a phone), a total written at the bar's end ran into the open marker of the registry's other
    # view when that lay past the bar (issue 28, fifth review): there the invisible bar that carries the
    # total reaches the marker, so the total is written beyond it
    reach = [
        max(labels.amount(other[r.id]) - stacked[i], 1e-9) if horizontal and r.id in other else 1e-9
        for i, r in enumerate(regs)
    ]
    traces.append(
        {
            "type": "bar",
            cat: names,
            val: reach,
            **({"orientation": "h"} if horizontal else {}),
            "text": [_bar_money(r.monthly_cost) for r in regs],
            "textposition": "outside",
            "cliponaxis": False,
            "marker": dict(color="rgba(0,0,0,0)"),
            "textfont": dict(color=TEXT),
            "showlegend": False,
            "hoverinfo": "skip",
            "name": "total",
        }
    )
    ghosts = [r for r in regs if r.id in other]
    if ghosts:
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": other_name,
                cat: [names[regs.index(r)] for r in ghosts],
                val: [labels.amount(other[r.id]) for r in ghosts],
                # the legend's key and the hover; the line itself is a shape as wide as the bar (below)
                "marker": dict(
                    symbol="line-ns-open" if horizontal else "line-ew-open",
                    size=14,
                    color=TEXT,
                    line=dict(width=3, color=TEXT),
                ),
                "customdata": [labels.money(other[r.id]) for r in ghosts],
                "hovertemplate": "<b>%{" + cat + "}</b><br>" + other_name + ": %{customdata}<extra></extra>",
            }
        )
    chosen = _("recommended")
    ticks = [
        f"<b>{_tick(n)}</b><br><b>{chosen}</b>" if r.id == recommended else _tick(n)
        for r, n in zip(regs, names, strict=True)
    ]
    top = max([labels.amount(r.monthly_cost) for r in regs] + [labels.amount(other[r.id]) for r in ghosts] + [1.0])
    title, top_margin = _titled(_("Monthly cost by registry"), scenario_title(e))
    # an open bar-top as wide as the bar ("the bar would reach here"), at any screen width: a marker of
    # fixed pixels ran into the next bar's on a phone. Category i spans i ± 0.5; a bar, i ± 0.4 (bargap 0.2)
    tops = [
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
    if horizontal:
        return _bars_across(traces, tops, names, ticks, top, title, top_margin)
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


# ---- line charts: one colour, one dash and one marker per registry, labelled at the line's end --------

# each registry's dash, marker and short name are part of its identity (its SPEC's chart)
DASHES = {rid: s.chart.dash for rid, s in SPECS.items()}
SYMBOLS = {rid: s.chart.symbol for rid, s in SPECS.items()}
SHORT = {rid: s.chart.short for rid, s in SPECS.items()}  # product names stay; the baseline is words
LABEL_GAP = 0.07  # share of the y axis a label line takes: 16 px of a ~230 px plot (narrow screens), 22 px on a slide


def _axis_style(**extra: Any) -> dict[str, Any]:
    """Text at 4.5:1 contrast or better on white (WCAG AA), light grid lines."""
    return dict(
        tickfont=dict(color=TEXT),
        title_font=dict(color=TEXT),
        gridcolor="#E3E3E3",
        linecolor="#888888",
        zeroline=False,
        **extra,
    )


def _spread(positions: list[float], heights: list[float], lo: float, hi: float) -> list[float]:
    """Move label centres (sorted ascending) apart so labels of these heights do not overlap,
    keeping them inside [lo, hi] where they fit."""
    out = list(positions)
    for i in range(1, len(out)):
        out[i] = max(out[i], out[i - 1] + (heights[i - 1] + heights[i]) / 2)
    if out and out[-1] + heights[-1] / 2 > hi:
        out[-1] = hi - heights[-1] / 2
        for i in range(len(out) - 2, -1, -1):
            out[i] = min(out[i], out[i + 1] - (heights[i] + heights[i + 1]) / 2)
    return out


def _end_labels(
    ends: dict[str, float], x: float, lo: float, hi: float, lacking: dict[str, list[str]]
) -> list[dict[str, Any]]:
    """Labels at the right end of the lines, in the lines' axis units, pushed apart so none
    overlap. Lines that end together share one label, a name a line. A coloured dash before each
    name ties it to its line; the name itself stays dark text, for contrast."""
    gap = LABEL_GAP * (hi - lo)
    order = sorted(ends, key=lambda r: ends[r])
    groups: list[list[str]] = []
    for r in order:
        if groups and ends[r] - ends[groups[-1][0]] < gap / 2:
            groups[-1].append(r)
        else:
            groups.append([r])
    centres = [sum(ends[r] for r in g) / len(g) for g in groups]
    ys = _spread(centres, [gap * len(g) for g in groups], lo, hi)
    return [
        dict(
            x=x,
            y=y,
            xref="x",
            yref="y",
            xanchor="left",
            yanchor="middle",
            showarrow=False,
            align="left",
            text="<br>".join(
                f"<span style='color:{REGISTRY_COLOURS[r]}'>━━</span> {_(SHORT[r])}" + (" ✗" if lacking.get(r) else "")
                for r in reversed(g)
            ),
            font=dict(color=TEXT, size=12),
        )
        for g, y in zip(groups, ys, strict=True)
    ]


def _log_ticks(lo: float, hi: float, fmt: Callable[[float], str]) -> tuple[list[float], list[str]]:
    """Tick marks at the powers of ten only: no stray "2" and "5" between them."""
    first, last = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
    vals = [10.0**k for k in range(first, last + 1) if lo <= 10.0**k * 1.0000001 and 10.0**k <= hi * 1.0000001]
    return vals, [fmt(v) for v in vals]


def _big_number(v: float) -> str:
    if i18n.lang() == "ko" and v >= 1e4:  # Korean counts in 만 (10^4), 억 (10^8), 조 (10^12): 100만, 1,000만, 1억
        size, unit = next((s, u) for s, u in ((1e12, "조"), (1e8, "억"), (1e4, "만")) if v >= s)
        q = v / size  # grouped like the plain numbers below 1만 ("1,000만", as "1,000"), not Babel's "1000만"
        return (f"{q:,.0f}" if abs(q - round(q)) < 1e-9 else f"{q:,.1f}".rstrip("0").rstrip(".")) + unit
    return f"{v / 1e6:,.0f} million" if v >= 1e6 else f"{v:,.0f}"


def _money_tick(v: float) -> str:
    if _won() and i18n.lang() == "ko":  # 100만, 1억: as Korean counts large sums; the axis title says 원
        return _big_number(v) if v >= 1e4 else f"{v:,.0f}"
    return labels.currency_symbol() + (f"{v:,.0f}" if v >= 1 else f"{v:g}")


def _bar_money(x: float, cents: bool = True) -> str:
    """A bar's total: "156만 원" in Korean won, as the page's sentences say it ("약 156만 원"; one way
    to write won on a page, issue 28), else the exact figure ("$1,130.02", "₩1,559,993")."""
    if _won() and i18n.lang() == "ko":
        return labels.money(x, prose=True).removeprefix("약 ")
    return labels.money(x, cents=cents)


def _nice_step(top: float, ticks: int = 5) -> float:
    """A step of 1, 2, 2.5 or 5 x 10^k giving about `ticks` marks from 0 to `top`."""
    raw = top / ticks
    power = 10.0 ** math.floor(math.log10(raw))
    return next(m * power for m in (1.0, 2.0, 2.5, 5.0, 10.0) if m * power >= raw)


def _won_ticks(top: float, lo: float = 0.0, ticks: int = 5) -> dict[str, Any]:
    """A linear money axis in Korean won counts as Korean does (issue 28): "₩200만", "₩1억", like the
    log axes and the pull counts. Plotly's number formats know only thousands, so the marks are
    placed here. Nothing outside Korean won: those axes keep their formats."""
    if not (_won() and i18n.lang() == "ko") or top <= 0:
        return {}
    step = _nice_step(top - min(lo, 0.0), ticks)
    first = math.ceil(min(lo, 0.0) / step)
    vals = [k * step for k in range(first, int(math.floor(top / step)) + 1)]
    return dict(
        tickmode="array",
        tickvals=vals,
        ticktext=[(labels.MINUS if v < 0 else "") + _money_tick(abs(v)) if v else "0" for v in vals],
        tickprefix="",
    )


def _data_top(fig: go.Figure) -> float:
    """The highest value a bar or line reaches (bars of one offset group stacked)."""
    stacks: dict[tuple[object, object], float] = {}
    top = 0.0
    for t in fig.data:
        ys = getattr(t, "y", None)
        if ys is None:
            continue
        xs = getattr(t, "x", None)
        xs = list(xs) if xs is not None else list(range(len(ys)))
        for x, y in zip(xs, ys, strict=False):
            if y is None or not isinstance(y, (int, float)) or not math.isfinite(y):
                continue
            if t.type == "bar":
                key = (getattr(t, "offsetgroup", None), x)
                stacks[key] = stacks.get(key, 0.0) + max(float(y), 0.0)
                top = max(top, stacks[key])
            else:
                top = max(top, float(y))
    return top


def _now_line(x: float) -> dict[str, Any]:
    """The dashed vertical line at the scenario's own value (the sweep's and the network chart's "now")."""
    return dict(
        type="line", xref="x", yref="paper", x0=x, x1=x, y0=0, y1=1, line=dict(color=TEXT, width=1.5, dash="dash")
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
                legend=dict(orientation="h", yref="container", yanchor="bottom", y=0.0, xanchor="left", x=0.0),
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


def cost_over_time(cumulative: pd.DataFrame, horizon: int, growth: float, narrow: bool = False) -> go.Figure:
    """Cumulative cost month by month, one line per registry, labelled at its end. `narrow`: the phone's
    form (issue 28): the names in a legend below the plot, across; at a line's end they took 40 % of a
    390 px screen and squeezed the months into tilted ticks."""
    fig = go.Figure()
    cumulative = _shown_frame(cumulative)
    months = cumulative.index.to_numpy()
    for rid in cumulative.columns:
        fig.add_scatter(
            x=months,
            y=cumulative[rid],
            mode="lines+markers",
            name=_(SHORT[rid]) if narrow else registry_name(rid),  # the short names the line ends carry
            line=dict(color=REGISTRY_COLOURS[rid], dash=DASHES[rid], width=2.5),
            marker=dict(symbol=SYMBOLS[rid], size=7, color=REGISTRY_COLOURS[rid], maxdisplayed=12),
            hovertemplate=f"<b>{registry_name(rid)}</b><br>"
            + _("month {month}: {cost} so far").format(month="%{x}", cost=_hover_money("y"))
            + "<extra></extra>",
        )
    top = max(float(cumulative.to_numpy().max()), 1.0)
    ends = {rid: float(cumulative[rid].iloc[-1]) for rid in cumulative.columns}
    span = max(months[-1] - months[0], 1)
    annotations = [] if narrow else _end_labels(ends, months[-1] + 0.02 * span, 0.0, top * 1.05, {})
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
                legend=dict(orientation="h", yref="container", yanchor="bottom", y=0.0, xanchor="left", x=0.0),
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


def tint(colour: str, amount: float = 0.55) -> str:
    """The colour mixed with white: scenario B's bars keep their registry's hue, lighter."""
    c = colour.lstrip("#")
    rgb = [int(c[i : i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(v + (255 - v) * amount):02X}" for v in rgb)


def compare_bars(
    table: pd.DataFrame,
    a: Workload | None = None,
    b: Workload | None = None,
    marks: Mapping[str, Sequence[str]] | None = None,
    horizontal: bool = False,
) -> go.Figure:
    """Monthly cost per registry under scenario A and B: each registry in its own colour, B in
    its lighter tint, outlined (as in the deck). With the two workloads, the legend says what B
    changes ("B: interface endpoints instead of NAT") instead of a bare "B". `marks`: registry id ->
    words under its name, in bold ("recommended", "cheapest"), as the Overview marks the answer.
    `horizontal`: the phone's form (issue 28, fifth review), as the Overview's: a row per registry,
    cheapest on top, its name level on the left, A's and B's bars across with their totals at the ends
    (standing, 16 bars on 390 px tilted the names and hid the totals)."""
    t = table.sort_values("A", kind="stable")
    colours = [REGISTRY_COLOURS.get(i, "#777777") for i in t["id"]]
    ticks = [_tick(n) for n in t["registry"]]
    marks = marks or {}
    marked = [  # the axis' words only: the bars' x stay the names (what tests and hovers read)
        "<br>".join([f"<b>{x}</b>", *(f"<b>{m}</b>" for m in marks[i])]) if marks.get(i) else x
        for i, x in zip(t["id"], ticks, strict=True)
    ]
    what = wording.changes(a, b) if a is not None and b is not None else ""
    name_a = _("A: as described")
    name_b = _("B: {changes}").format(changes=what) if what else _("B: the same as A")
    if a is None or b is None:
        name_a, name_b = "A", "B"
    if horizontal:  # plotly never wraps a legend's item: what B changes goes on lines a phone shows whole
        name_b = "<br>".join(_subtitle_lines(name_b, 44))
    cat, val = ("y", "x") if horizontal else ("x", "y")
    across = {"orientation": "h"} if horizontal else {}
    fig = go.Figure()
    for name, col, light in ((name_a, "A", False), (name_b, "B", True)):
        fill = [tint(c) for c in colours] if light else colours
        fig.add_bar(
            name=name,
            **{cat: ticks, val: _shown(t[col])},
            **across,
            offsetgroup=col,
            showlegend=False,
            marker=dict(color=fill, line=dict(color=colours, width=1.5 if light else 0)),
            text=[_bar_money(v, cents=False) for v in t[col]],
            textposition="outside",
            cliponaxis=False,
            textfont=dict(size=12 if horizontal else 18, color=TEXT),
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
    title = (
        _("Monthly cost per registry, A against B: {changes}").format(changes=what)
        if what
        else _("Monthly cost per registry, A against B")
    )
    if horizontal:
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
        return fig
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
    return fig


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
        annotations=[
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
