"""A PowerPoint deck of the current scenario, made for a 16:9 architecture review.

Every slide uses the blank layout with its own text boxes placed for 13.333 x 7.5 in, so nothing
depends on the template's 4:3 placeholders. Charts are native, editable PowerPoint charts in the
product's palette (lib/palette.py: one colour per registry, one per cost component); the one
picture (the sensitivity sweep) is rendered by kaleido when a Chromium is present, and the slide
says so when it is not. Text never shows field names or price keys: lib/wording.py gives the words.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlparse

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from . import charts, export, i18n, labels, links, regions, registries, sensitivity, setups, timeline, wording
from .analysis import Analysis, analyse
from .bill import report as bill_report
from .bill.section import Section
from .bill.words import SHARE_WORDS
from .bill.words import period as bill_period
from .components import CATEGORIES, Category
from .i18n import N_, _, ngettext
from .labels import SAME_MONEY, money, percent
from .palette import CATEGORY_COLOURS, MUTED_TEXT, REGISTRY_COLOURS, TEXT
from .pricebook import PriceBook
from .workload import SPECS, Workload, lenient

if TYPE_CHECKING:  # python-pptx's classes, for annotations only
    import pandas as pd
    from pptx.chart.chart import Chart
    from pptx.presentation import Presentation as Pres
    from pptx.shapes.autoshape import Shape
    from pptx.slide import Slide
    from pptx.text.text import TextFrame, _Paragraph

# (text, bold, link) runs of one paragraph
Runs = Iterable[tuple[str, bool, str]]
# a sources-slide paragraph: (kind, a line of text or a page's (text, url, as-of, items), font size)
Block = tuple[str, Any, int]

SLIDE_W, SLIDE_H = 13.333, 7.5  # inches: PowerPoint's 16:9
MARGIN = 0.6
CONTENT_W = SLIDE_W - 2 * MARGIN
BODY_TOP, BODY_BOTTOM = 1.95, 6.85
FONT = "Arial"  # in every PowerPoint; LibreOffice substitutes a metric-compatible or wider face
# Hangul (and any East Asian text) on every run: Arial has none, and a renderer without a font for
# the script draws boxes. Debian's fonts-noto-cjk; PowerPoint falls back to its own Korean font.
EA_FONT = "Noto Sans CJK KR"
# A Korean deck is opened in PowerPoint on Windows or a Mac (issue 28): 맑은 고딕 (Malgun Gothic) comes with
# Windows and with Office for Mac, so its Hangul reads as a Korean office expects; a machine without it
# (LibreOffice on Linux, as the tests render it) falls back to a Hangul face it has (fonts-noto-cjk).
KOREAN_EA_FONT = "맑은 고딕"
KOREAN_LANG = "ko-KR"  # each run marked Korean: spelling, line breaking and font choice follow it


def ea_font() -> str:
    """The East Asian typeface of this run's deck: 맑은 고딕 in Korean, Noto Sans CJK KR otherwise."""
    return KOREAN_EA_FONT if i18n.lang() == "ko" else EA_FONT


BODY_PT, SMALL_PT, FOOT_PT = 16, 12, 10
# Average glyph width as a share of the font size, for DejaVu Sans (the widest face a renderer
# may substitute): text is laid out for it, so a narrower font only leaves more room.
CHAR_EM = 0.58
LINE = 1.2  # line height as a multiple of the font size
# Hangul is full width (1 em, 1.7x an average Latin glyph) and Noto CJK's lines are taller (1.45 em)
WIDE_EM = 1.0
LINE_WIDE = 1.45


# ---- colours and text ----------------------------------------------------------------


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _length(word: str) -> float:
    """A word's width in average Latin glyphs: a Hangul syllable counts as WIDE_EM / CHAR_EM of them."""
    return len(word) + sum(WIDE_EM / CHAR_EM - 1 for ch in word if _wide(ch))


def line_height(text: str) -> float:
    """A line's height as a multiple of the font size: taller when the text has Hangul."""
    return LINE_WIDE if any(_wide(ch) for ch in text) else LINE


def lines_needed(text: str, pt: float, width_in: float) -> int:
    """Wrapped lines a paragraph takes at `pt` in a box `width_in` wide (word wrap, estimated)."""
    per_line = max(10, int(width_in * 72 / (pt * CHAR_EM)))
    n, line = 1, 0.0
    for word in text.split():
        size = _length(word)
        if line and line + 1 + size > per_line:
            n, line = n + 1, size
        else:
            line += (1 if line else 0) + size
    return n


def height_needed(paragraphs: Iterable[tuple[str, float]], width_in: float, space_pt: float = 6) -> float:
    """Inches a list of (text, pt) paragraphs takes, with `space_pt` after each."""
    return sum(lines_needed(t, pt, width_in) * pt * line_height(t) / 72 + space_pt / 72 for t, pt in paragraphs) + 0.15


def _font(font: Any, size: Any = None, bold: bool | None = None) -> None:
    """A run's or a chart's font: Arial for Latin, EA_FONT for Hangul (the `a:ea` typeface, which
    python-pptx does not set; it goes right after `a:latin`, where the schema wants it)."""
    from pptx.oxml.ns import qn

    if size is not None:
        font.size = size
    if bold is not None:
        font.bold = bold
    font.name = FONT
    rpr = font._rPr
    ea = rpr.find(qn("a:ea"))
    if ea is None:
        from lxml import etree

        ea = etree.SubElement(rpr, qn("a:ea"))
        rpr.find(qn("a:latin")).addnext(ea)
    ea.set("typeface", ea_font())
    if i18n.lang() == "ko":
        rpr.set("lang", KOREAN_LANG)
        rpr.set("altLang", "en-US")


def _box(slide: Slide, left: float, top: float, width: float, height: float, name: str = "Text") -> Shape:
    shape = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    shape.name = name
    tf = shape.text_frame
    tf.word_wrap = True
    tf.auto_size = None
    for side in ("left", "right"):
        setattr(tf, f"margin_{side}", Inches(0.05))
    tf.margin_top = tf.margin_bottom = Inches(0.03)
    return shape


def _para(
    tf: TextFrame,
    text: str,
    pt: float,
    bold: bool = False,
    colour: str = TEXT,
    first: bool = False,
    space_after: float = 6,
    link: str = "",
    align: Any = None,
) -> _Paragraph:
    p = tf.paragraphs[0] if first else tf.add_paragraph()
    run = p.add_run()
    run.text = text
    f = run.font
    _font(f, Pt(pt), bold)
    f.color.rgb = _rgb(colour)
    if link:
        run.hyperlink.address = link
        f.color.rgb = _rgb("#0B5CAD")
        f.underline = True
    p.space_after = Pt(space_after)
    p.line_spacing = 1.0
    if align is not None:
        p.alignment = align
    return p


def _runs(tf: TextFrame, parts: Runs, pt: float, first: bool = False, space_after: float = 6) -> _Paragraph:
    """One paragraph of (text, bold, link) runs."""
    p = tf.paragraphs[0] if first else tf.add_paragraph()
    for text, bold, link in parts:
        run = p.add_run()
        run.text = text
        f = run.font
        _font(f, Pt(pt), bold)
        f.color.rgb = _rgb("#0B5CAD" if link else TEXT)
        if link:
            run.hyperlink.address = link
            f.underline = True
    p.space_after = Pt(space_after)
    return p


def _slide(prs: Pres, title: str, subtitle: str = "") -> Slide:
    """A blank slide with its title (28 pt on one line, else 22 pt on two) and an optional
    subtitle below it, both sized so they end above the body (BODY_TOP)."""
    slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank: no 4:3 placeholders
    pt = 28 if lines_needed(title, 28, CONTENT_W) == 1 else 22
    title_h = lines_needed(title, pt, CONTENT_W) * pt * line_height(title) / 72 + 0.12
    tf = _box(slide, MARGIN, 0.4, CONTENT_W, title_h, "Title").text_frame
    tf.vertical_anchor = MSO_ANCHOR.TOP
    _para(tf, title, pt, bold=True, first=True, space_after=0)
    if subtitle:
        top = 0.4 + title_h + 0.02
        room = BODY_TOP - 0.05 - top
        sub_pt = next((p for p in (14, 13, 12) if height_needed([(subtitle, p)], CONTENT_W, 0) <= room), 12)
        tf = _box(slide, MARGIN, top, CONTENT_W, max(room, 0.3), "Subtitle").text_frame
        _para(tf, subtitle, sub_pt, colour=MUTED_TEXT, first=True, space_after=0)
    return slide


def _footer(slide: Slide, text: str) -> None:
    tf = _box(slide, MARGIN, 7.02, CONTENT_W, 0.3, "Footnote").text_frame
    _para(tf, text, FOOT_PT, colour=MUTED_TEXT, first=True, space_after=0)


# ---- charts ----------------------------------------------------------------------------


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
    bars = []
    for x in a.shown.ranked():
        if x.id != r.recommended:
            changes = a.changes(x.id)
            name = f"{x.name} {setups.describe(changes, x.id, short=True)}" if changes else x.name
            bars.append((name, x.id, x.monthly_cost, False))
        elif a.setup:
            now = a.estimate[x.id]
            bars.append((_("{registry} (as set up now)").format(registry=now.name), x.id, now.monthly_cost, False))
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
    data.categories = [x.name for x in ranked]
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
    slide: Slide, a_totals: dict[str, float], b_totals: dict[str, float], label_a: str, label_b: str
) -> tuple[Chart, list[str]]:
    """Each registry's A and B side by side in the registry's colour, B lighter."""
    ids = sorted(registries.IDS, key=lambda rid: (a_totals[rid], rid))
    data = CategoryChartData(number_format=_money_format(cents=False))
    data.categories = [registries.name(rid) for rid in ids]
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
    _font(ch.font, Pt(SMALL_PT))
    ch.has_legend = False
    _font(ch.value_axis.tick_labels.font, Pt(SMALL_PT))
    _font(ch.category_axis.tick_labels.font, Pt(SMALL_PT))
    ch.value_axis.major_gridlines.format.line.color.rgb = _rgb("#DDDDDD")
    _money_axis(ch.value_axis, "")  # no axis title: the subtitle says "cumulative cost", dollars are on the ticks
    _axis_title(ch.category_axis, _("Month"))
    top_value = _nice_ceiling(max(float(shown.iloc[-1].max()), 1.0) * 1.05)
    ch.value_axis.maximum_scale = top_value
    _fix_plot_area(ch)
    for s, rid in zip(ch.plots[0].series, order, strict=False):
        s.smooth = False
        s.marker.style = XL_MARKER_STYLE.NONE
        s.format.line.color.rgb = _rgb(REGISTRY_COLOURS[rid])
        s.format.line.width = Pt(4.5 if rid == a.recommendation.recommended else 2.25)
    # direct labels: one per distinct end value, beside the plot at the line's height
    groups: list[list[str]] = []
    for rid in order:
        end = shown[rid].iloc[-1]
        if groups and abs(shown[groups[-1][0]].iloc[-1] - end) <= 0.005 * top_value:
            groups[-1].append(rid)
        else:
            groups.append([rid])
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
            _para(
                tf, registries.name(rid), SMALL_PT, bold=rid == a.recommendation.recommended, first=True, space_after=0
            )
    return ch, cumulative, order


# ---- what the slides say ---------------------------------------------------------------


def answer_words(a: Analysis) -> str:
    """ "Amazon ECR with VPC interface endpoints" / "Amazon ECR, as described"."""
    name = registries.name(a.recommendation.recommended)
    words = wording.setup(dict(a.setup))
    return (
        _("{registry}, {setup}").format(registry=name, setup=words)
        if not a.setup
        else _("{registry} {setup}").format(registry=name, setup=words)
    )


def why_bullets(a: Analysis, limit: int = 3) -> list[str]:
    """At most three plain reasons, the most specific first: the decision steps that said
    something (not the "no" / "none of these" answers), then the cost note."""
    steps = [s for s in reversed(a.recommendation.path) if not s.declines]  # in any language, unlike the answer's words
    out = [wording.reason(s.reasons[0]) for s in steps[:2]]  # earlier steps are too general to say why
    if a.recommendation.cost_note:
        out.insert(1, a.recommendation.cost_note)
    seen, plain = set(), []
    for text in out:
        if text not in seen:
            seen.add(text)
            plain.append(text)
    return plain[:limit]


def alternative_sentence(w: Workload, a: Analysis) -> str:
    """The cheapest registry that meets every hard requirement, as the recommendation found it
    (each registry in its cheapest setup): one source, so the deck never disagrees with the page."""
    r = a.recommendation
    rec = registries.name(r.recommended)
    if r.cheapest is None:
        return _("None: no registry meets every requirement here.")
    if r.cheapest == r.recommended:
        return _(
            "None cheaper: {answer} is itself the cheapest that meets every hard requirement, at {cost} a month."
        ).format(answer=answer_words(a), cost=money(r.cheapest_cost, prose=True))
    name = (
        _("{registry} {setup}").format(registry=registries.name(r.cheapest), setup=r.cheapest_setup)
        if r.cheapest_setup
        else registries.name(r.cheapest)
    )
    gap = a.cost - r.cheapest_cost
    if gap > SAME_MONEY:
        text = _("{registry}: {cost} a month, {gap} a month less than {recommended}.").format(
            registry=name, cost=money(r.cheapest_cost, prose=True), gap=money(gap, prose=True), recommended=rec
        )
    else:
        text = _("{registry}: {cost} a month, the same as {recommended}.").format(
            registry=name, cost=money(r.cheapest_cost, prose=True), recommended=rec
        )
    ops = a.estimate[r.cheapest].by_category().get("operations", 0.0)
    if ops:
        text += " " + _("That includes {hours} engineer hours a month at {rate} an hour, an assumption.").format(
            hours=f"{w.ops_hours_per_month:g}", rate=f"${w.engineer_hourly_rate:g}"
        )
    return (
        text
        + " "
        + _("It is set aside because the situation points to {recommended} (see why above).").format(recommended=rec)
    )


def main_risk(w: Workload, a: Analysis) -> str:
    """One sentence about the recommended registry in the recommended setup: a failed
    requirement, else the worst flag, else where the cost is concentrated, else the first note."""
    rec = a.recommendation.recommended
    if a.recommendation.failures.get(rec):
        return _("{registry} fails a requirement: {failures}.").format(
            registry=registries.name(rec), failures="; ".join(a.recommendation.failures[rec])
        )
    est = a.recommended
    flags = est.flags
    for severity in ("blocker", "warning"):
        for f in flags:
            if f.severity == severity:
                return f.message
    comps = sorted(est.components, key=lambda c: -c.monthly_cost)
    total = est.monthly_cost
    if comps and total > 0 and comps[0].monthly_cost / total >= 0.5:
        c = comps[0]
        return _("The cost is concentrated: {part} is {share} of the monthly cost ({cost}) and grows {how}.").format(
            part=c.name,
            share=percent(c.monthly_cost / total),
            cost=money(c.monthly_cost, prose=True),
            how=_(GROWS.get(c.category, GROWS_WITH_USE)),
        )
    return flags[0].message if flags else _("No flags for this workload.")


# what a cost category grows with, for the main risk
GROWS = {
    "network": N_("with every gigabyte pulled"),
    "transfer": N_("with every gigabyte pulled"),
    "storage": N_("with every version kept"),
    "operations": N_("with engineer time"),
    "compute": N_("with every node"),
    "plan": N_("with seats or tier"),
    "scanning": N_("with every image scanned"),
}
GROWS_WITH_USE = N_("with use")  # any other category


def _situation(w: Workload) -> str:
    parts = [
        _("workloads in {place}").format(place=wording.value("runs_on", w.runs_on)),
        _("built with {ci}").format(ci=wording.value("ci", w.ci)),
        wording.value("lifetime", w.lifetime),
        wording.value("visibility", w.visibility),
    ]
    if w.compliance:
        parts.append(_("must have {needs}").format(needs=wording.value("compliance", w.compliance)))
    return ", ".join(parts)


def _short_link(link: str) -> str:
    from .public_address import ENV

    host = urlparse(link).netloc
    return (
        _("Open this scenario in the dashboard ({host})").format(host=host)
        if host
        else _("No public address is set for this dashboard ({setting}): no link to open.").format(setting=ENV)
    )


def _b_from_link(w: Workload, link: str) -> Workload | None:
    """Scenario B when the share link carries one (parameters prefixed b_), else None."""
    if not link:
        return None
    params = parse_qs(urlparse(link).query)
    overrides = {
        k[len(links.B_PREFIX) :]: v
        for k, v in params.items()
        if k.startswith(links.B_PREFIX) and k[len(links.B_PREFIX) :] in SPECS
    }
    if not overrides:
        return None
    b, problems = lenient({k: v[0] for k, v in overrides.items()}, w)
    return None if problems or b == w else b


# ---- sources ---------------------------------------------------------------------------

VENDORS = {
    "aws.amazon.com": "Amazon Web Services",
    "docs.aws.amazon.com": "Amazon Web Services",  # the ECR user guide and quotas (assumptions issue 11 sourced)
    "docs.github.com": "GitHub",
    "github.com": "GitHub",
    "www.docker.com": "Docker",
    "docs.docker.com": "Docker",
    "cloud.google.com": "Google Cloud",
    "azure.microsoft.com": "Microsoft Azure",
    "learn.microsoft.com": "Microsoft Azure",
    "goharbor.io": "Harbor (CNCF)",
    "help.sonatype.com": "Sonatype",
}


# the sections of vendors' pages the price book points at (after #), named in the reader's language
PAGE_SECTIONS = (N_("Data Transfer"), N_("Data Transfer within the same AWS Region"))


def page_words(url: str) -> str:
    """A source page as short text: host and path, the section after # in words."""
    u = urlparse(url)
    text = (u.netloc + u.path).rstrip("/")
    if len(text) > 60:
        text = u.netloc + "/…/" + u.path.rstrip("/").rsplit("/", 1)[-1]
    if u.fragment:
        section = u.fragment.replace("_", " ")
        text += f" ({_(section) if section in PAGE_SECTIONS else section})"
    return text


def _price_words(value: float, unit: str) -> str:
    if unit.startswith("USD/"):
        return f"${labels.number(value)}/{unit[4:]}"
    if unit.startswith("USD "):
        return f"${labels.number(value)} {unit[4:]}"
    return f"{labels.number(value)} {unit}"


def sources(a: Analysis) -> list[tuple[str, list[tuple[str, str, str, list[str]]]]]:
    """[(vendor, [(page text, url, as-of, [price in words...])...])...] for every price the
    analysis used (flags and allowances included: the engine records every look-up), vendors and
    pages in a stable order. The recommended setup's prices are sourced too: its cost is the
    answer on slide 1, so its endpoint prices are quoted."""
    book, e = a.book, a.estimate
    priced = [r for x in a.estimates for r in x.registries]
    used: dict[str, dict[str | None, float]] = {}
    for x in a.estimates:
        for key, by_choice in x.prices_used.items():
            used.setdefault(key, {}).update(by_choice)
    names: dict[str, list[str]] = {}
    for r in e.registries:
        for c in r.components:
            if c.price_key and c.name not in names.setdefault(c.price_key, []):
                names[c.price_key].append(c.name)
    for r in priced[len(e.registries) :]:  # the setup's own lines name only prices not named above
        for c in r.components:
            if c.price_key and (c.price_key not in names or names[c.price_key] == []):
                names.setdefault(c.price_key, []).append(c.name)
    pages: dict[str, dict[str, list[str]]] = {}
    for key in sorted(used):
        price = book.price(key)
        for choice, v in used[key].items():
            unit = price.shown_unit  # the reader's language (English ones start "USD/" or "USD ", Korean ones too)
            label = ", ".join(names.get(key, [])[:3])
            if choice is not None:
                label = (
                    labels.choice(price.by, choice) if price.by in SPECS else str(choice).replace("_", " ").capitalize()
                )
            words = _price_words(v, unit)
            item = f"{label}: {words}" if label else words
            here = price.regional.get(a.workload.region)
            if here is not None and here.stand_in:  # no source gave this region's figure
                item += " " + _("(a stand-in: {region} figure)").format(region=regions.name(here.stand_in))
            elif here is not None and here.secondary:
                item += " " + _("(secondary source)")
            url, as_of = price.source_in(a.workload.region), price.as_of_in(a.workload.region)
            pages.setdefault(url, {}).setdefault(as_of, [])
            if item not in pages[url][as_of]:
                pages[url][as_of].append(item)
    # prices of zero with no price-book entry (GHCR free today, free same-region pulls): their
    # vendor's page is the source, so the vendor is not missing from the list
    for r in priced:
        home = next((k for k in book.prices if k.startswith(r.id + ".")), None)
        if home is None:
            continue
        price = book.price(home)
        for c in r.components:
            if not c.price_key and c.price == 0 and c.category in ("storage", "transfer", "network", "scanning"):
                items = pages.setdefault(price.source, {}).setdefault(price.as_of, [])
                if f"{c.name}: $0" not in items:
                    items.append(f"{c.name}: $0")
    by_vendor: dict[str, list[tuple[str, str, str, list[str]]]] = {}
    for url in sorted(pages):
        vendor = VENDORS.get(urlparse(url).netloc, urlparse(url).netloc)
        for as_of, items in sorted(pages[url].items()):
            by_vendor.setdefault(vendor, []).append((page_words(url), url, as_of, items))
    order = list(dict.fromkeys(VENDORS.values()))
    return sorted(by_vendor.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else 99, kv[0]))


def assumption_lines(w: Workload, book: PriceBook) -> list[str]:
    return [
        _(
            "{hours}-hour month; 1 GB = 1,000 MB; {currency} on-demand list prices before tax; "
            "region {region}; price book {version}."
        ).format(
            hours=f"{book.hours_per_month:g}",
            currency=book.currency,
            region=wording.region(w.region),
            version=book.version,
        ),
        _(
            "GitHub Container Registry billing: {billing}. Self-hosted: {nodes} node(s), "
            "{hours} engineer hours a month at {rate} an hour, "
            "and one-time setup hours per registry: assumptions, not prices."
        ).format(
            billing=wording.value("ghcr_billing", w.ghcr_billing),
            nodes=w.selfhosted_nodes,
            hours=f"{w.ops_hours_per_month:g}",
            rate=f"${w.engineer_hourly_rate:g}",
        ),
    ]


def _source_blocks(a: Analysis) -> list[Block]:
    """Paragraph blocks for the sources slides: (kind, text-or-runs, pt)."""
    blocks: list[Block] = [("assumption", x, SMALL_PT) for x in assumption_lines(a.workload, a.book)]
    for vendor, pages in sources(a):
        blocks.append(("vendor", vendor, 14))
        for text, url, as_of, items in pages:
            blocks.append(("page", (text, url, as_of, "; ".join(items)), SMALL_PT))
    return blocks


def _block_text(kind: str, content: Any) -> str:
    if kind == "page":
        text, _url, as_of, items = content
        return f"{text}{_(', as of {date}: ').format(date=as_of)}{items}"
    return str(content)


def source_slides(prs: Pres, a: Analysis, footer: Callable[[Slide], None]) -> int:
    blocks = _source_blocks(a)
    room = BODY_BOTTOM - 1.3
    heights = [
        max(height_needed([(_block_text(k, c), pt)], CONTENT_W, space_pt=2 if k == "vendor" else 4) - 0.15, 0.0)
        for k, c, pt in blocks
    ]
    pages: list[list[Block]] = []
    page: list[Block] = []
    used, vendor = 0.0, None
    for i, (kind, content, pt) in enumerate(blocks):
        # a vendor's heading goes to the next slide with its first page, never alone at the bottom
        need = heights[i] + (heights[i + 1] if kind == "vendor" and i + 1 < len(blocks) else 0.0)
        if page and used + need > room - 0.15:
            pages.append(page)
            page, used = [], 0.0
            if kind == "page" and vendor:  # the vendor's list goes on: say whose pages these are
                page.append(("vendor", _("{vendor} (continued)").format(vendor=vendor), 14))
                used += heights[i - 1] if blocks[i - 1][0] == "vendor" else 0.3
        if kind == "vendor":
            vendor = content
        page.append((kind, content, pt))
        used += heights[i]
    if page:
        pages.append(page)
    for i, page in enumerate(pages, 1):
        title = (
            _("Assumptions and sources ({i} of {n})").format(i=i, n=len(pages))
            if len(pages) > 1
            else _("Assumptions and sources")
        )
        s = _slide(prs, title)
        tf = _box(s, MARGIN, 1.3, CONTENT_W, room, "Sources").text_frame
        for j, (kind, content, pt) in enumerate(page):
            if kind == "vendor":
                _para(tf, content, pt, bold=True, first=j == 0, space_after=2)
            elif kind == "page":
                text, url, as_of, items = content
                _runs(
                    tf,
                    [(text, False, url), (_(", as of {date}: ").format(date=as_of), False, ""), (items, False, "")],
                    pt,
                    first=j == 0,
                    space_after=4,
                )
            else:
                _para(tf, content, pt, first=j == 0, space_after=4)
        footer(s)
    return len(pages)


# ---- the deck --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Deck:
    """What every slide step needs: the presentation being built, the scenario and its analysis."""

    prs: Pres
    w: Workload
    book: PriceBook
    a: Analysis
    link: str
    today: dt.date

    def footer(self, slide: Slide) -> None:
        _footer(
            slide,
            " · ".join(
                [
                    _("Container registry decision"),
                    labels.date_text(self.today),
                    _("price book {version}").format(version=self.book.version),
                    str(len(self.prs.slides)),
                ]
            ),
        )


def build(
    a: Analysis,
    link: str = "",
    pictures: bool = True,
    b: Workload | Analysis | None = None,
    today: dt.date | None = None,
    bill: Section | None = None,
) -> tuple[bytes, list[str]]:
    """The deck of one analysis (analysis.analyse: nothing is priced again) as bytes, and the list
    of pictures that could not be made (with why).

    `b`: a second scenario to compare against (by default, the one the share link carries); its
    analysis when the caller has it, else it is priced here, once. `bill`: the bill that was applied,
    held against this scenario (one more slide before the sources)."""
    w = a.workload
    b = b if b is not None else _b_from_link(w, link)
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(Inches(SLIDE_W)), Emu(Inches(SLIDE_H))
    deck = _Deck(prs, w, a.book, a, link, today or dt.date.today())
    question_slide(deck)
    summary_slide(deck)
    cost_slide(deck)
    breakdown_slide(deck)
    if b is not None:
        scenario_b_slide(deck, b)
    timeline_slide(deck)
    missing = sensitivity_slide(deck, pictures)
    if bill is not None:
        bill_slide(deck, bill)
    source_slides(prs, a, deck.footer)  # as many as the prices need
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue(), missing


def question_slide(deck: _Deck) -> None:
    """Slide 1: the question and the answer, with the share link."""
    w, a, book, today, link = deck.w, deck.a, deck.book, deck.today, deck.link
    r = a.recommendation
    s = deck.prs.slides.add_slide(deck.prs.slide_layouts[6])
    tf = _box(s, MARGIN, 0.8, CONTENT_W, 0.45, "Kicker").text_frame
    _para(tf, _("Container registry decision"), BODY_PT, colour=MUTED_TEXT, first=True, space_after=0)
    tf = _box(s, MARGIN, 1.3, CONTENT_W, 0.8, "Question").text_frame
    _para(tf, _("Which container registry should we use?"), 36, bold=True, first=True, space_after=0)
    context = _("For {drivers}; {situation}.").format(drivers=wording.drivers(w), situation=_situation(w))
    tf = _box(s, MARGIN, 2.25, CONTENT_W, 1.0, "Context").text_frame
    _para(
        tf,
        context,
        BODY_PT if lines_needed(context, BODY_PT, CONTENT_W) <= 2 else 14,
        colour=MUTED_TEXT,
        first=True,
        space_after=0,
    )
    panel = s.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(MARGIN), Inches(3.55), Inches(CONTENT_W), Inches(2.2))
    panel.name = "Answer panel"
    panel.fill.solid()
    panel.fill.fore_color.rgb = _rgb("#F2F2F2")
    panel.line.fill.background()
    panel.shadow.inherit = False
    bar = s.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(MARGIN), Inches(3.55), Inches(0.15), Inches(2.2))
    bar.name = "Answer mark"
    bar.fill.solid()
    bar.fill.fore_color.rgb = _rgb(REGISTRY_COLOURS[r.recommended])
    bar.line.fill.background()
    bar.shadow.inherit = False
    answer = answer_words(a)
    tf = _box(s, MARGIN + 0.4, 3.7, CONTENT_W - 0.6, 1.95, "Answer").text_frame
    _para(tf, _("Answer"), 14, colour=MUTED_TEXT, first=True, space_after=2)
    _para(tf, answer, 32 if lines_needed(answer, 32, CONTENT_W - 0.6) == 1 else 24, bold=True, space_after=4)
    as_described = r.costs[r.recommended]
    cost = (
        _("{cost} a month for this workload ({described} as described)").format(
            cost=money(a.cost, prose=True), described=money(as_described, prose=True)
        )
        if a.setup and abs(as_described - a.cost) > SAME_MONEY
        else _("{cost} a month for this workload").format(cost=money(a.cost, prose=True))
    )
    _para(tf, cost, 24)
    tf = _box(s, MARGIN, 6.05, CONTENT_W, 1.0, "Details").text_frame
    _para(
        tf,
        " · ".join(
            [
                labels.date_text(today),
                _("price book {version} (prices as of {dates})").format(
                    version=book.version, dates=", ".join(book.as_of_dates())
                ),
                _("{currency} list prices before tax").format(currency=book.currency),
                *_rate_words(),
            ]
        ),
        14,
        colour=MUTED_TEXT,
        first=True,
        space_after=6,
    )
    if link:
        _para(tf, _short_link(link), 14, link=link if urlparse(link).netloc else "", space_after=0)


def _rate_words() -> list[str]:
    """In won, the rate and its day, once, where slide 1 says what the amounts are."""
    k = i18n.krw()
    if k is None:
        return []
    return [
        _("amounts in won at {rate} per US dollar (rate of {day})").format(
            rate=labels.won_rate(k.rate), day=labels.date_text(k.as_of)
        )
    ]


def summary_slide(deck: _Deck) -> None:
    """Slide 2: the answer, why, the cheapest alternative and the main risk, sized to fit."""
    w, a = deck.w, deck.a
    s = _slide(deck.prs, _("Recommendation: {answer}").format(answer=answer_words(a)))
    bullets = why_bullets(a)
    alt = alternative_sentence(w, a)
    risk = main_risk(w, a)
    why, cheapest, risky = _("Why"), _("Cheapest alternative that meets the requirements"), _("Main risk")
    pt = 20
    while (
        pt > 12
        and height_needed(
            [(why, pt)] + [(x, pt) for x in bullets] + [(cheapest, pt), (alt, pt), (risky, pt), (risk, pt)],
            CONTENT_W - 0.3,
        )
        > BODY_BOTTOM - 1.3
    ):
        pt -= 1
    tf = _box(s, MARGIN, 1.3, CONTENT_W, BODY_BOTTOM - 1.3, "Summary").text_frame
    _para(tf, why, pt, bold=True, first=True, space_after=4)
    for x in bullets:
        p = _para(tf, f"•  {x}", pt, space_after=6)
        p.level = 0
    _para(tf, cheapest, pt, bold=True, space_after=4).space_before = Pt(10)
    _para(tf, alt, pt, space_after=6)
    _para(tf, risky, pt, bold=True, space_after=4).space_before = Pt(10)
    _para(tf, risk, pt, space_after=0)
    deck.footer(s)


def cost_slide(deck: _Deck) -> None:
    """Monthly cost by registry: every bar as described, so say so when the recommendation
    changes the setup (else the slide contradicts slide 1)."""
    w, a = deck.w, deck.a
    r = a.recommendation
    rec_est = a.estimate[r.recommended]
    top_comp = max(rec_est.components, key=lambda c: c.monthly_cost, default=None)
    parts = [wording.drivers(w)]
    if top_comp is not None and rec_est.monthly_cost > 0:
        facts = dict(
            part=top_comp.name,
            share=percent(top_comp.monthly_cost / rec_est.monthly_cost),
            registry=registries.name(r.recommended),
        )
        parts.append(
            _("{part} is {share} of {registry}'s cost as described").format(**facts)
            if a.setup
            else _("{part} is {share} of {registry}'s cost").format(**facts)
        )
    if a.setup:
        parts.append(
            _("recommended {setup}: {cost} a month").format(
                setup=wording.setup(dict(a.setup)), cost=money(a.cost, prose=True)
            )
        )
    s = _slide(deck.prs, _("Monthly cost by registry, cheapest first"), " · ".join(parts))
    cost_chart(s, a)
    deck.footer(s)


def breakdown_slide(deck: _Deck) -> None:
    """Where the money goes: each registry's cost by component."""
    s = _slide(deck.prs, _("Where the money goes"), _("Monthly cost by component") + " · " + wording.drivers(deck.w))
    breakdown_chart(s, deck.a)
    deck.footer(s)


def scenario_b_slide(deck: _Deck, b: Workload | Analysis) -> None:
    """What scenario B changes, A and B side by side, each registry in its best setup as on the
    other slides (or as set up now: the view): B's analysis when given (nothing priced again), else
    B's workload analysed once here."""
    w = deck.w
    b = b if isinstance(b, Analysis) else analyse(b, deck.book)
    tb = b.shown.totals()
    b = b.workload
    what = wording.changes(w, b) or _("nothing")
    title = _("Scenario B: {changes}").format(changes=what)
    if lines_needed(title, 22, CONTENT_W) > 2:  # many changes: the legend lists them
        n = what.count("; ") + 1
        title = ngettext("Scenario B: {n} change against A", "Scenario B: {n} changes against A", n).format(n=n)
    subtitle = _("A: as described, {drivers}.").format(drivers=wording.drivers(w))
    s = _slide(deck.prs, title, subtitle + " " + labels.choice("view", w.view) + ".")
    compare_chart(s, deck.a.shown.totals(), tb, _("A: as described"), _("B: {changes}").format(changes=what))
    deck.footer(s)


def timeline_slide(deck: _Deck) -> None:
    """Cumulative cost over the horizon, one-time setup included."""
    w = deck.w
    s = _slide(
        deck.prs,
        _("Cost over {n} months, one-time setup included").format(n=w.horizon_months),
        (  # "grow 0 % a month" reads as a defect (issue 28): the chart's own words when nothing grows
            _("Cumulative cost; pulls and versions grow {rate} a month").format(
                rate=percent(w.monthly_growth, 1 if w.monthly_growth * 100 % 1 else 0)
            )
            if w.monthly_growth
            else _("Cumulative cost; no growth")
        )
        + " · "
        + wording.drivers(w),
    )
    timeline_chart(s, w, deck.book, deck.a)
    deck.footer(s)


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
    s = _slide(
        deck.prs,
        _("Sensitivity to {field}").format(field=label.lower()),
        subtitle.format(field=label.lower(), value=here),
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
BILL_COLUMNS = (0.18, 0.21, 0.21, 0.12, 0.28)  # the difference's header, bold, on one line
BILL_PTS = (14, 13, 12, 11, 10, 9)
SHORT_PTS = (10, 9, 8)  # with one cause a line: every component, each with several causes, in Korean
CELL_PAD_X, CELL_PAD_Y = 0.06, 0.03
BOLD_EM = 1.1  # a bold glyph is about a tenth wider: "Total for the period" took two lines, not one


def _row_height(row: Sequence[str], widths: Sequence[float], pt: float, bold: bool = False) -> float:
    """Inches a table row takes: its tallest cell, wrapped at `pt` (lines_needed, like every box)."""
    wide = pt * (BOLD_EM if bold else 1)  # bold measured as a larger regular face
    tallest = max(
        lines_needed(t, wide, w - 2 * CELL_PAD_X) * pt * line_height(t) / 72 for t, w in zip(row, widths, strict=True)
    )
    return tallest + 2 * CELL_PAD_Y + 0.02


def bill_notes(bill: Section) -> list[str]:
    c = bill.comparison
    notes = [
        _("Share of the {what} counted as registry traffic: {share}").format(what=_(SHARE_WORDS[k]), share=percent(v))
        for k, v in bill.shares
        if v is not None
    ]
    if c.unattributed > SAME_MONEY:
        notes.append(_("Shared lines not counted against the registry: {cost}").format(cost=money(c.unattributed)))
    return notes


def bill_slide(deck: _Deck, bill: Section) -> None:
    """Today's bill against the model: the bill that was applied, component by component, with the
    totals and the billing period. Text from the file (its name) is put in as plain, one-line text."""
    c = bill.comparison
    subtitle = _("{registry}, billing period {period}; files: {files}.").format(
        registry=registries.name(c.registry),
        period=bill_period(bill.bill),
        files=bill_report.files_text(bill.bill),
    )
    s = _slide(deck.prs, bill_report.title(), subtitle)
    head, body, total = bill_report.header(), bill_report.cells(c), bill_report.total(c)
    rows = [head, *body, total]
    notes = bill_notes(bill)
    widths = [CONTENT_W * f for f in BILL_COLUMNS]
    room = BODY_BOTTOM - BODY_TOP
    # the largest size at which the table and its notes fit above the footer; at the smallest, a line
    # with several likely causes keeps its first (the ADR lists them all)
    shortened = [r[:4] + (r[4].split("; ")[0] + ("; …" if "; " in r[4] else ""),) for r in body]
    tries = [(rows, pt) for pt in BILL_PTS] + [([head, *shortened, total], pt) for pt in SHORT_PTS]
    for rows, pt in tries:
        heights = [_row_height(r, widths, pt, bold=i in (0, len(rows) - 1)) for i, r in enumerate(rows)]
        notes_h = height_needed([(n, pt) for n in notes], CONTENT_W, 2) if notes else 0.0
        if sum(heights) + notes_h + 0.15 <= room:
            break
    shape = s.shapes.add_table(
        len(rows), len(head), Inches(MARGIN), Inches(BODY_TOP), Inches(CONTENT_W), Inches(sum(heights))
    )
    shape.name = "Bill against the model"
    table = shape.table
    table.horz_banding = False
    for j, w_in in enumerate(widths):
        table.columns[j].width = Inches(w_in)
    for i, (row, h) in enumerate(zip(rows, heights, strict=True)):
        table.rows[i].height = Inches(h)
        strong = i in (0, len(rows) - 1)  # the header and the totals
        for j, value in enumerate(row):
            cell = table.cell(i, j)
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb("#F2F2F2" if strong else "#FFFFFF")
            cell.margin_left = cell.margin_right = Inches(CELL_PAD_X)
            cell.margin_top = cell.margin_bottom = Inches(CELL_PAD_Y)
            cell.vertical_anchor = MSO_ANCHOR.TOP
            tf = cell.text_frame
            tf.word_wrap = True
            _para(
                tf,
                value,
                pt,
                bold=strong,
                colour=TEXT if strong or j != 4 else MUTED_TEXT,
                first=True,
                space_after=0,
                align=PP_ALIGN.RIGHT if j in (1, 2, 3) else None,
            )
    if notes:
        top = BODY_TOP + sum(heights) + 0.15
        tf = _box(s, MARGIN, top, CONTENT_W, BODY_BOTTOM - top, "Bill notes").text_frame
        for k, n in enumerate(notes):
            _para(tf, n, pt, colour=MUTED_TEXT, first=k == 0, space_after=2)
    deck.footer(s)


# the picture box's aspect (12.13 x 4.9 in), so it is not letterboxed; drawn at 1,400 px and
# scaled 1.5x, so 20 px text lands at about 13 pt on the slide, crisp
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
