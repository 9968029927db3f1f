"""The sensitivity slide: the break-even points and the sweep picture (kaleido)."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pptx.util import Inches

from ...analyses import sensitivity
from ...core.i18n import _
from ...inputs.workload import Workload
from ...presentation import charts, wording
from ...pricing import labels
from .. import export

if TYPE_CHECKING:  # python-pptx's classes, for annotations only
    import pandas as pd

from .frame import _Deck
from .layout import BODY_BOTTOM, BODY_PT, BODY_TOP, CHAR_EM, CONTENT_W, MARGIN, _box, _length, _para, _slide
from .pptx_charts import _per_month_title, _won


def sensitivity_slide(deck: _Deck, pictures: bool) -> list[str]:
    """One input swept across its range (the picture from the Break-even page); without a
    picture, the break-even points in words. Returns the pictures that could not be made."""
    w, book = deck.w, deck.book
    missing: list[str] = []
    label = labels.field(w.sweep_field)
    shown = deck.a.shown_changes()  # each registry in its best setup, as on the slides before (or the view)
    table = sensitivity.sweep(w, w.sweep_field, book, setups=shown)
    points = sensitivity.break_evens(w, w.sweep_field, book, table=table, setups=shown)
    here = wording.value(w.sweep_field, getattr(w, w.sweep_field))
    subtitle = (
        _("Monthly cost of every registry as {field} varies, everything else as described (now: {value})")
        if deck.a.as_set_up
        else _(
            "Monthly cost of every registry in its cheapest setup as {field} varies, everything else as "
            "described (now: {value})"
        )
    )
    # the picture's ◆ marks are named nowhere on it (its end labels name the lines): the subtitle says what they
    # are (sixth Korean review: "what is ✕?"; ninth: a ✕ beside the ✗ of a registry that fails a requirement), as
    # a sentence of its own after the subtitle's bracket (ninth review: "(현재 값: 50,000) ✕는" ran on)
    legend = ". " + _("◆ marks a break-even point, where two registries cost the same.") if points and pictures else ""
    s = _slide(
        deck.prs,
        _("Sensitivity to {field}").format(field=label.lower()),
        subtitle.format(field=label.lower(), value=here) + legend,
    )
    png = None
    if pictures:
        try:
            png = sweep_picture(table, points, w)
        except export.ImageExportError as err:
            missing.append(_("sensitivity chart: {problem}").format(problem=err))
    else:
        missing.append(_("sensitivity chart: pictures were not requested"))
    if png:
        height = BODY_BOTTOM - BODY_TOP
        pic = s.shapes.add_picture(io.BytesIO(png), Inches(MARGIN), Inches(BODY_TOP), Inches(CONTENT_W), Inches(height))
        pic.name = "Sensitivity chart"
    else:
        tf = _box(s, MARGIN, BODY_TOP, CONTENT_W, BODY_BOTTOM - BODY_TOP, "Sensitivity").text_frame
        _para(
            tf,
            _(
                "Picture missing: the sensitivity chart needs Chromium to render "
                "(install it, or open the Break-even page)."
            ),
            BODY_PT,
            first=True,
        )
        for p in points[:6]:
            _para(tf, f"•  {_plain_break_even(p, w.sweep_field)}", BODY_PT)
    deck.footer(s)
    return missing


# "Today's bill against the model": the columns' shares of the width (component, model, bill,
# difference, likely cause), the sizes tried from the largest, and a cell's inner margins (inches)
SWEEP_SIZE = (1400, 566)


def sweep_picture(table: pd.DataFrame, points: Sequence[sensitivity.BreakEven], w: Workload) -> bytes:
    """The Break-even page's figure, styled for the slide: the slide carries the title, so the
    picture has none; the axis names the input in words."""
    field = w.sweep_field
    fig = charts.break_even(
        table, points, field, sensitivity.unit(field), sensitivity.RANGES[field][2], current=getattr(w, field)
    )
    f = export.slide_figure(fig)
    f.update_layout(
        title=None,
        margin=dict(l=110, r=30, t=30, b=90),
        width=SWEEP_SIZE[0],
        height=SWEEP_SIZE[1],
        font=dict(size=20),
        legend=dict(font=dict(size=20)),
    )
    f.update_xaxes(title=charts.sweep_axis(field, sensitivity.unit(field)))
    f.update_layout(margin=dict(r=_end_label_room(f)))
    # cents on a log axis: $0.1, not $0; whole won in won
    f.update_yaxes(
        title=_per_month_title(), tickprefix=labels.currency_symbol(), tickformat=",.0f" if _won() else ",.2~f"
    )
    for axis in (f.layout.xaxis, f.layout.yaxis):
        if axis.type == "log":
            axis.dtick = 1  # 10, 100, 1,000: the 2 and 5 ticks between crowd each other at slide size
    return export.image(f, "png", width=SWEEP_SIZE[0], height=SWEEP_SIZE[1], scale=1.5)


def _end_label_room(f: Any) -> int:
    """The right margin (px) the lines' end labels need to show whole ("Artifact Registry" was cut
    to "Artifact Regi"): they start just after the last point, inside the x range's spare end, and
    run on into the margin. Widths are estimated like the slides' text (DejaVu-wide, Hangul full)."""
    import re

    xr = f.layout.xaxis.range
    ends = [
        a for a in f.layout.annotations if a.xref == "x" and a.yref == "y" and a.xanchor == "left" and a.x is not None
    ]
    if not xr or not ends:
        return 30
    lo, hi = float(xr[0]), float(xr[1])
    font_px = max(float(a.font.size or 12) for a in ends)
    text_px = max(
        _length(line) * font_px * CHAR_EM for a in ends for line in re.sub(r"<(?!br)[^>]*>", "", a.text).split("<br>")
    )
    plot_w = SWEEP_SIZE[0] - (f.layout.margin.l or 0)  # before the right margin is taken off
    room = (hi - min(float(a.x) for a in ends)) / (hi - lo)  # the share of the plot after the label's start
    # r + room x (plot_w - r) >= text + padding
    return max(30, math.ceil((text_px + 16 - room * plot_w) / (1 - room)))


def _plain_break_even(p: sensitivity.BreakEven, field: str) -> str:
    return p.sentence(field)
