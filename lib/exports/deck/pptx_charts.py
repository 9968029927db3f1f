"""The native, editable PowerPoint charts of the deck, in the product's palette: cost bars, the
breakdown, the comparison with scenario B and the timeline."""

from __future__ import annotations

import math
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Inches, Pt

from ...analyses import timeline
from ...analyses.analysis import Analysis
from ...core import i18n
from ...core.i18n import _
from ...inputs.pricebook import PriceBook
from ...inputs.workload import Workload
from ...presentation import charts, wording
from ...presentation.palette import CATEGORY_COLOURS, REGISTRY_COLOURS, TEXT
from ...pricing import labels, registries, setups
from ...pricing.components import CATEGORIES, Category

if TYPE_CHECKING:  # python-pptx's classes, for annotations only
    import pandas as pd
    from pptx.chart.chart import Chart
    from pptx.slide import Slide

from .layout import (
    BODY_BOTTOM,
    BODY_TOP,
    CONTENT_W,
    LINE,
    MARGIN,
    SMALL_PT,
    _box,
    _font,
    _para,
    _rgb,
    line_height,
    lines_needed,
)

# ---- charts ----------------------------------------------------------------------------


def lacking(a: Analysis) -> frozenset[str]:
    """The registries that fail a hard requirement (the decision's): their names carry ✗ on every chart of the
    deck, as on the app's (eighth Korean review: the deck showed them as any; ninth: the S3 baseline too)."""
    return frozenset(a.failing())


def lacking_key(marked: Collection[str]) -> list[str]:
    """The subtitle's part saying what ✗ means, where a chart marks one."""
    return [_("✗: fails a hard requirement")] if marked else []


def _named(name: str, rid: str, marked: Collection[str]) -> str:
    return name + " ✗" if rid in marked else name


def _chart(
    slide: Slide,
    kind: Any,
    data: CategoryChartData,
    top: float = BODY_TOP,
    height: float = BODY_BOTTOM - BODY_TOP,
    legend: Any = None,
) -> Chart:
    gf = slide.shapes.add_chart(kind, Inches(MARGIN), Inches(top), Inches(CONTENT_W), Inches(height), data)
    gf.name = "Chart"
    ch = gf.chart
    _font(ch.font, Pt(SMALL_PT))
    ch.font.color.rgb = _rgb(TEXT)
    ch.has_legend = legend is not None
    if legend is not None:
        ch.legend.position = legend
        ch.legend.include_in_layout = False
        _font(ch.legend.font, Pt(SMALL_PT))
    _font(ch.value_axis.tick_labels.font, Pt(SMALL_PT))
    _font(ch.category_axis.tick_labels.font, Pt(14))
    ch.value_axis.has_major_gridlines = True
    ch.value_axis.major_gridlines.format.line.color.rgb = _rgb("#DDDDDD")
    ch.value_axis.format.line.fill.background()
    return ch


def _axis_title(axis: Any, text: str) -> None:
    axis.has_title = True
    axis.axis_title.text_frame.text = text
    run = axis.axis_title.text_frame.paragraphs[0].runs[0]
    _font(run.font, Pt(SMALL_PT), False)


# Money in the display currency: US dollars, or won at the reader's rate (i18n.krw), converted by
# labels.amount like every other figure; whole won, without fractions.


def _won() -> bool:
    return i18n.krw() is not None


def _money_format(cents: bool) -> str:
    """An Office number format for amounts: "$"#,##0.00 (or without cents), "₩"#,##0 in won."""
    if _won():
        return '"₩"#,##0'
    return '"$"#,##0.00' if cents else '"$"#,##0'


def _value(usd: float) -> float:
    """A chart value: dollars to the cent, or won to the won."""
    return labels.shown(usd)


def _per_month_title() -> str:
    return _("KRW a month") if _won() else _("USD a month")


def _money_axis(axis: Any, title: str | None = None) -> None:
    """Money from 0, titled "USD a month" (or "KRW a month") unless `title` says otherwise ("": no title)."""
    axis.tick_labels.number_format = _money_format(cents=False)
    axis.tick_labels.number_format_is_linked = False
    axis.minimum_scale = 0
    title = _per_month_title() if title is None else title
    if title:
        _axis_title(axis, title)


def cost_bars(a: Analysis) -> list[tuple[str, str, float, bool]]:
    """The cost slide's bars, cheapest first: (label, registry id, monthly cost, recommended).

    Every registry in its cheapest setup (named with it), as every page shows them (issue 24); when
    the recommendation changes the setup, that setup is a bar of its own, marked recommended, and
    the registry's as-set-up bar says it is that (else the bar marked "recommended" would show a
    cost the answer does not quote)."""
    r = a.recommendation
    marked = lacking(a)
    bars = []
    for x in a.shown.ranked():
        if x.id != r.recommended:
            changes = a.changes(x.id)
            # the catalogue's words for a registry in a setup: the Korean deck read "S3 + docker save (기준선)
            # VPC 엔드포인트 구성", English word order glued together (issue 28, fifth review)
            setup = setups.describe(changes, x.id, short=True)
            # one bracket in Korean: "S3 + docker save(기준선, VPC 엔드포인트 구성)", not "(기준선)(…)" (ninth review)
            name = (
                wording.one_bracket(_("{registry} {setup}").format(registry=x.name, setup=setup)) if changes else x.name
            )
            bars.append((_named(name, x.id, marked), x.id, x.monthly_cost, False))
        elif a.setup:
            now = a.estimate[x.id]
            name = _("{registry} (as set up now)").format(registry=now.name)
            bars.append((_named(name, x.id, marked), x.id, now.monthly_cost, False))
        else:
            bars.append((_("{registry} (recommended)").format(registry=x.name), x.id, x.monthly_cost, True))
    if a.setup:
        label = _("{registry} {setup} (recommended)").format(
            registry=registries.name(r.recommended), setup=setups.describe(dict(a.setup), r.recommended, short=True)
        )
        bars.append((label, r.recommended, a.cost, True))
    return sorted(bars, key=lambda b: b[2])  # stable: ties keep the ranking's order


def cost_chart(slide: Slide, a: Analysis) -> Chart:
    """Horizontal bars, cheapest on top, each registry in its colour; the recommended one
    outlined and named as such; totals with thousands separators at the bar ends."""
    bars = cost_bars(a)
    data = CategoryChartData(number_format=_money_format(cents=True))
    data.categories = [label for label, *_rest in bars]
    data.add_series(_("Monthly cost"), [_value(cost) for _label, _id, cost, _rec in bars])
    ch = _chart(slide, XL_CHART_TYPE.BAR_CLUSTERED, data)
    ch.category_axis.reverse_order = True  # cheapest first, read top-down
    _money_axis(ch.value_axis)
    ch.has_title = False
    plot = ch.plots[0]
    plot.gap_width = 45
    plot.vary_by_categories = True
    series = plot.series[0]
    top = labels.amount(max(cost for _label, _id, cost, _rec in bars)) or 1.0
    ch.value_axis.maximum_scale = _nice_ceiling(top * 1.18)  # room for the label after the longest bar
    for i, (_label, rid, _cost, recommended) in enumerate(bars):
        point = series.points[i]
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = _rgb(REGISTRY_COLOURS[rid])
        if recommended:
            point.format.line.color.rgb = _rgb(TEXT)
            point.format.line.width = Pt(3)
            point.data_label.font.bold = True
            point.data_label.font.size = Pt(14)
            point.data_label.position = XL_LABEL_POSITION.OUTSIDE_END
    # series-level labels after the point's: touching a point's label writes a series-level
    # block that hides every other value unless shown again here
    value_labels = series.data_labels  # not `labels`: that is the module converting the amounts
    value_labels.show_value = True
    value_labels.number_format, value_labels.number_format_is_linked = _money_format(cents=True), False
    value_labels.position = XL_LABEL_POSITION.OUTSIDE_END
    _font(value_labels.font, Pt(14))
    return ch


def _nice_ceiling(x: float) -> float:
    """The next round number above x (1, 2 or 5 times a power of ten), for an axis end."""
    if x <= 0:
        return 1.0
    p: float = 10 ** math.floor(math.log10(x))
    return next(m * p for m in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if m * p >= x)


def breakdown_chart(slide: Slide, a: Analysis) -> tuple[Chart, list[Category]]:
    ranked = a.shown.ranked()  # each registry in its best setup (the recommended one as recommended)
    data = CategoryChartData(number_format=_money_format(cents=True))
    marked = lacking(a)
    data.categories = [_named(x.name, x.id, marked) for x in ranked]
    used = []
    for cat in CATEGORIES:
        values = [_value(x.by_category().get(cat, 0.0)) for x in ranked]
        if any(values):
            data.add_series(wording.category(cat), values)
            used.append(cat)
    ch = _chart(slide, XL_CHART_TYPE.BAR_STACKED, data, legend=XL_LEGEND_POSITION.TOP)
    ch.category_axis.reverse_order = True
    _money_axis(ch.value_axis)
    ch.plots[0].gap_width = 45
    ch.plots[0].overlap = 100
    for series, cat in zip(ch.plots[0].series, used, strict=False):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = _rgb(CATEGORY_COLOURS[cat])
    return ch, used


def compare_chart(
    slide: Slide,
    a_totals: dict[str, float],
    b_totals: dict[str, float],
    label_a: str,
    label_b: str,
    marked: Collection[str] = (),
) -> tuple[Chart, list[str]]:
    """Each registry's A and B side by side in the registry's colour, B lighter; ✗ after the names in
    `marked` (a required feature not met under A or B)."""
    ids = sorted(registries.IDS, key=lambda rid: (a_totals[rid], rid))
    data = CategoryChartData(number_format=_money_format(cents=False))
    data.categories = [_named(registries.name(rid), rid, marked) for rid in ids]
    data.add_series(label_a, [_value(a_totals[rid]) for rid in ids])
    data.add_series(label_b, [_value(b_totals[rid]) for rid in ids])
    # the legend is drawn as shapes above the chart: renderers list a bar chart's series in
    # opposite orders, and "B above A" misleads
    y = BODY_TOP
    for label, hatched in ((label_a, False), (label_b, True)):
        h = lines_needed(label, 14, CONTENT_W - 0.7) * 14 * line_height(label) / 72 + 0.1
        key = slide.shapes.add_shape(
            MSO_SHAPE.RECTANGLE, Inches(MARGIN + 0.1), Inches(y + 0.05), Inches(0.4), Inches(0.2)
        )
        key.name = "Legend key"
        _fill(key, "#777777", hatched)
        key.line.color.rgb = _rgb("#777777")
        key.shadow.inherit = False
        tf = _box(slide, MARGIN + 0.6, y, CONTENT_W - 0.7, h, "Legend").text_frame
        _para(tf, label, 14, first=True, space_after=0)
        y += h + 0.02
    ch = _chart(slide, XL_CHART_TYPE.BAR_CLUSTERED, data, top=y + 0.08, height=BODY_BOTTOM - y - 0.08)
    ch.category_axis.reverse_order = True
    _money_axis(ch.value_axis)
    plot = ch.plots[0]
    plot.gap_width, plot.overlap = 40, 0
    plot.has_data_labels = True
    plot.data_labels.number_format, plot.data_labels.number_format_is_linked = _money_format(cents=False), False
    plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END
    _font(plot.data_labels.font, Pt(SMALL_PT))
    top = max([labels.amount(v) for v in list(a_totals.values()) + list(b_totals.values())] + [1.0])
    ch.value_axis.maximum_scale = _nice_ceiling(top * 1.15)
    for s, hatched in zip(plot.series, (False, True), strict=False):
        _fill(s.format, "#777777", hatched)  # the series' own colour: grey, darker for A, lighter for B
        for i, rid in enumerate(ids):
            _fill(s.points[i].format, REGISTRY_COLOURS[rid], hatched)
    return ch, ids


def _fill(fmt: Any, colour: str, light: bool) -> None:
    """A's bars in the registry's colour; B's in its tint, outlined in the colour (a pattern
    fill renders too faint in LibreOffice to tell B apart)."""
    fmt.fill.solid()
    fmt.fill.fore_color.rgb = _rgb(charts.tint(colour) if light else colour)
    if light:
        fmt.line.color.rgb = _rgb(colour)
        fmt.line.width = Pt(1.25)


# the plot's inner area as shares of the chart frame, fixed so labels can be placed beside lines
PLOT = {"x": 0.10, "y": 0.04, "w": 0.87, "h": 0.82}
LABEL_W = 3.3  # inches to the right of the chart for the direct labels


def _fix_plot_area(ch: Chart) -> None:
    """Pin the plot's inner rectangle (PowerPoint and LibreOffice both honour a manual layout)."""
    from lxml import etree
    from pptx.oxml.ns import qn

    plot_area = ch._chartSpace.chart.plotArea
    for old in plot_area.findall(qn("c:layout")):
        plot_area.remove(old)
    layout = etree.SubElement(plot_area, qn("c:layout"))
    plot_area.remove(layout)
    plot_area.insert(0, layout)
    manual = etree.SubElement(layout, qn("c:manualLayout"))
    etree.SubElement(manual, qn("c:layoutTarget")).set("val", "inner")
    for mode in ("c:xMode", "c:yMode"):
        etree.SubElement(manual, qn(mode)).set("val", "edge")
    for k in ("x", "y", "w", "h"):
        etree.SubElement(manual, qn(f"c:{k}")).set("val", str(PLOT[k]))


def _style_timeline(ch: Chart, order: list[str], top_value: float, recommended: str | None) -> None:
    """The chart's type, axes and lines: no legend (the lines are named at their ends), money on the
    value axis up to `top_value`, each line in its registry's colour, the recommended one thicker."""
    _font(ch.font, Pt(SMALL_PT))
    ch.has_legend = False
    _font(ch.value_axis.tick_labels.font, Pt(SMALL_PT))
    _font(ch.category_axis.tick_labels.font, Pt(SMALL_PT))
    ch.value_axis.major_gridlines.format.line.color.rgb = _rgb("#DDDDDD")
    _money_axis(ch.value_axis, "")  # no axis title: the subtitle says "cumulative cost", dollars are on the ticks
    _axis_title(ch.category_axis, _("Month"))
    ch.value_axis.maximum_scale = top_value
    _fix_plot_area(ch)
    for s, rid in zip(ch.plots[0].series, order, strict=False):
        s.smooth = False
        s.marker.style = XL_MARKER_STYLE.NONE
        s.format.line.color.rgb = _rgb(REGISTRY_COLOURS[rid])
        s.format.line.width = Pt(4.5 if rid == recommended else 2.25)


def _end_groups(shown: pd.DataFrame, order: list[str], top_value: float) -> list[list[str]]:
    """The lines (highest end first) grouped by where they end: lines that end within half a percent of
    the axis of each other share one place, their names stacked in order."""
    groups: list[list[str]] = []
    for rid in order:
        end = shown[rid].iloc[-1]
        if groups and abs(shown[groups[-1][0]].iloc[-1] - end) <= 0.005 * top_value:
            groups[-1].append(rid)
        else:
            groups.append([rid])
    return groups


def _label_tops(
    groups: list[list[str]], shown: pd.DataFrame, top: float, height: float, top_value: float
) -> list[float]:
    """Each group's label top, in inches: at its lines' end height, pushed down below the group above
    (like spread(), with label heights that differ) and back up from the bottom if the last one overflows."""
    plot_top = top + PLOT["y"] * height
    plot_h = PLOT["h"] * height
    line_h = SMALL_PT * LINE / 72
    ys = [plot_top + plot_h * (1 - shown[g[0]].iloc[-1] / top_value) - line_h / 2 for g in groups]
    heights = [line_h * len(g) for g in groups]
    placed: list[float] = []
    for i, y in enumerate(ys):  # like spread(), with label heights that differ
        y = max(y, placed[-1] + heights[i - 1] + 0.04) if placed else max(y, top)
        placed.append(y)
    overflow = placed[-1] + heights[-1] - (top + height) if placed else 0
    if overflow > 0:
        placed[-1] -= overflow
        for i in range(len(placed) - 2, -1, -1):
            placed[i] = min(placed[i], placed[i + 1] - heights[i] - 0.04)
    return placed


def _line_labels(
    slide: Slide, groups: list[list[str]], placed: list[float], recommended: str | None, marked: Collection[str]
) -> None:
    """Beside the plot, each line's colour key and name at its place, the recommended one's in bold."""
    line_h = SMALL_PT * LINE / 72
    left = MARGIN + CONTENT_W - LABEL_W + 0.05
    for g, y in zip(groups, placed, strict=False):
        for j, rid in enumerate(g):
            yy = y + j * line_h
            key = slide.shapes.add_shape(
                MSO_SHAPE.RECTANGLE, Inches(left), Inches(yy + line_h / 2 - 0.03), Inches(0.25), Inches(0.06)
            )
            key.name = "Line key"
            key.fill.solid()
            key.fill.fore_color.rgb = _rgb(REGISTRY_COLOURS[rid])
            key.line.fill.background()
            key.shadow.inherit = False
            tf = _box(slide, left + 0.3, yy - 0.02, LABEL_W - 0.35, line_h + 0.04, "Line label").text_frame
            tf.margin_top = tf.margin_bottom = 0
            name = _named(registries.name(rid), rid, marked)
            _para(tf, name, SMALL_PT, bold=rid == recommended, first=True, space_after=0)


def timeline_chart(
    slide: Slide, w: Workload, book: PriceBook, a: Analysis, top: float = BODY_TOP
) -> tuple[Chart, pd.DataFrame, list[str]]:
    """Cumulative cost lines in the registries' colours, each named at its end (no legend to
    match colours against); names of lines that end close together stack in order."""
    cumulative, _monthly = timeline.cost_over_time(w, book, changes=a.shown_changes())  # the shown setups
    order = sorted(cumulative.columns, key=lambda rid: -cumulative[rid].iloc[-1])
    data = CategoryChartData(number_format=_money_format(cents=False))
    data.categories = [str(m) for m in cumulative.index]
    for rid in order:
        data.add_series(registries.name(rid), [_value(v) for v in cumulative[rid]])
    shown = cumulative.map(labels.amount) if _won() else cumulative  # the axis's units, for the labels' places
    height = BODY_BOTTOM - top
    gf = slide.shapes.add_chart(
        XL_CHART_TYPE.LINE, Inches(MARGIN), Inches(top), Inches(CONTENT_W - LABEL_W), Inches(height), data
    )
    gf.name = "Chart"
    ch = gf.chart
    top_value = _nice_ceiling(max(float(shown.iloc[-1].max()), 1.0) * 1.05)
    recommended = a.recommendation.recommended
    _style_timeline(ch, order, top_value, recommended)
    # direct labels: one per distinct end value, beside the plot at the line's height
    groups = _end_groups(shown, order, top_value)
    _line_labels(slide, groups, _label_tops(groups, shown, top, height, top_value), recommended, lacking(a))
    return ch, cumulative, order
