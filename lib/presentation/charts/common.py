"""What every chart shares: money in the display currency (dollars or won), titles and subtitles, axis
styles and ticks, each registry's colour, dash, marker and short name, labels at a line's end."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import plotly.graph_objects as go

from ...core import i18n
from ...core.i18n import _
from ...inputs.workload import Workload
from ...pricing import labels
from ...pricing.engine import Estimate
from ...pricing.registries import SPECS
from .. import wording
from ..palette import CATEGORY_COLOURS, REGISTRY_COLOURS, TEXT
from ..report import width

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


# ---- line charts: one colour, one dash and one marker per registry, labelled at the line's end --------

# each registry's dash, marker and short name are part of its identity (its SPEC's chart)
DASHES = {rid: s.chart.dash for rid, s in SPECS.items()}
SYMBOLS = {rid: s.chart.symbol for rid, s in SPECS.items()}
SHORT = {rid: s.chart.short for rid, s in SPECS.items()}  # product names stay; the baseline is words
# a phone's legend: below the plot at the figure's foot, in rows across (Over time's and Break-even's phone forms)
PHONE_LEGEND = {"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0.0, "xanchor": "left", "x": 0.0}
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
    ends: dict[str, float], x: float, lo: float, hi: float, lacking: Mapping[str, Sequence[str]]
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
