"""A PowerPoint deck of the current scenario. Charts are native, editable PowerPoint charts
(no browser needed); the one picture (the break-even chart) is rendered by kaleido when a
Chromium is present, and the slide says so when it is not."""
from __future__ import annotations

import io

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.util import Emu, Inches, Pt

from . import charts, decision, engine, export, registries, sensitivity, timeline
from .components import CATEGORIES
from .pricebook import PriceBook

WIDE = (Inches(13.333), Inches(7.5))


def _title(prs, text: str):
    slide = prs.slides.add_slide(prs.slide_layouts[5])  # title only
    title = slide.shapes.title
    title.left, title.top, title.width, title.height = Inches(0.5), Inches(0.3), Inches(12.3), Inches(1.0)
    title.text = text
    title.text_frame.paragraphs[0].font.size = Pt(30)
    return slide


def _bullets(slide, items, top=Inches(1.5), size=16):
    box = slide.shapes.add_textbox(Inches(0.6), top, Inches(12.1), Inches(5.6)).text_frame
    box.word_wrap = True
    for i, text in enumerate(items):
        p = box.paragraphs[0] if i == 0 else box.add_paragraph()
        p.text = text
        p.font.size = Pt(size)
    return box


def _chart(slide, kind, data, legend=True):
    gf = slide.shapes.add_chart(kind, Inches(0.5), Inches(1.4), Inches(12.3), Inches(5.8), data)
    ch = gf.chart
    ch.has_legend = legend
    if legend:
        ch.legend.position = XL_LEGEND_POSITION.BOTTOM
        ch.legend.include_in_layout = False
    ch.value_axis.tick_labels.font.size = Pt(12)
    ch.category_axis.tick_labels.font.size = Pt(12)
    return ch


def build(w, book: PriceBook, link: str = "", pictures: bool = True) -> tuple[bytes, list[str]]:
    """The deck as bytes, and the list of pictures that could not be made (with why)."""
    e = engine.estimate(w, book)
    r = decision.recommend(w, book, costs=e.totals())
    ranked = e.ranked()
    names = [x.name for x in ranked]
    missing: list[str] = []

    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(WIDE[0]), Emu(WIDE[1])

    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = "Container registry decision"
    s.placeholders[1].text = (f"{charts.scenario_title(e)}\nRecommended: {registries.NAMES[r.recommended]} "
                              f"(${r.costs[r.recommended]:,.2f}/month) · price book {book.version}"
                              + (f"\n{link}" if link else ""))

    s = _title(prs, "Monthly cost by registry")
    data = CategoryChartData()
    data.categories = names
    data.add_series("Monthly cost (USD)", [round(x.monthly_cost, 2) for x in ranked])
    ch = _chart(s, XL_CHART_TYPE.COLUMN_CLUSTERED, data, legend=False)
    ch.plots[0].has_data_labels = True
    ch.plots[0].data_labels.number_format = '"$"#,##0.00'
    ch.plots[0].data_labels.number_format_is_linked = False

    s = _title(prs, "Where the money goes")
    data = CategoryChartData()
    data.categories = names
    for cat in CATEGORIES:
        values = [round(x.by_category().get(cat, 0.0), 2) for x in ranked]
        if any(values):
            data.add_series(cat, values)
    _chart(s, XL_CHART_TYPE.COLUMN_STACKED, data)

    s = _title(prs, f"Recommendation: {r.title}")
    items = [r.summary] + [f"{st.answer}: {' '.join(st.reasons)}" for st in r.path[-2:]]
    if r.cost_note:
        items.append(r.cost_note)
    if r.runner_up:
        items.append(f"Runner-up: {registries.NAMES[r.runner_up]} (${r.costs[r.runner_up]:,.2f}/month)")
    items += [f"Not {x.name}: {x.why}" for x in r.rejected if x.kind == "constraint"][:3]
    _bullets(s, items, size=18)

    cumulative, _monthly = timeline.cost_over_time(w, book)
    s = _title(prs, f"Cost over {w.horizon_months} months (cumulative, setup included)")
    data = CategoryChartData()
    data.categories = [str(m) for m in cumulative.index]
    for rid in cumulative.columns:
        data.add_series(registries.NAMES[rid], [round(v, 2) for v in cumulative[rid]])
    _chart(s, XL_CHART_TYPE.LINE, data)

    s = _title(prs, f"Sensitivity: cost as {w.sweep_field} varies")
    table = sensitivity.sweep(w, w.sweep_field, book)
    points = sensitivity.break_evens(w, w.sweep_field, book, table=table)
    png = None
    if pictures:
        try:
            fig = charts.break_even(table, points, w.sweep_field, sensitivity.UNITS[w.sweep_field],
                                    sensitivity.RANGES[w.sweep_field][2])
            png = export.image(export.slide_figure(fig, charts.scenario_title(e)))
        except export.ImageExportError as err:
            missing.append(f"sensitivity chart: {err}")
    else:
        missing.append("sensitivity chart: pictures were not requested")
    if png:
        s.shapes.add_picture(io.BytesIO(png), Inches(0.9), Inches(1.3), height=Inches(6.0))
    else:
        _bullets(s, ["Picture missing: the sensitivity chart needs Chromium to render "
                     "(install it, or open the Break-even page)."] + [p.sentence(w.sweep_field) for p in points[:6]])

    s = _title(prs, "Assumptions and sources")
    used = sorted({c.price_key for x in ranked for c in x.components if c.price_key})
    _bullets(s, [f"{book.hours_per_month:g}-hour month; 1 GB = 1,000 MB; {book.currency} on-demand list prices before tax; "
                 f"region {w.region}.",
                 f"Price book {book.version}; prices as of {', '.join(book.as_of_dates())}.",
                 f"GHCR billing mode: {w.ghcr_billing}. Self-hosted: {w.selfhosted_nodes} node(s), "
                 f"{w.ops_hours_per_month:g} h/month at ${w.engineer_hourly_rate:g}/h (assumptions)."]
             + [f"{k}: {book.prices[k].source}" for k in used[:12]], size=12)

    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue(), missing
