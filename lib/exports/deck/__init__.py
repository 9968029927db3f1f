"""A PowerPoint deck of the current scenario, made for a 16:9 architecture review.

Every slide uses the blank layout with its own text boxes placed for 13.333 x 7.5 in, so nothing
depends on the template's 4:3 placeholders. Charts are native, editable PowerPoint charts in the
product's palette (lib/presentation/palette.py: one colour per registry, one per cost component); the one
picture (the sensitivity sweep) is rendered by kaleido when a Chromium is present, and the slide
says so when it is not. Text never shows field names or price keys: lib/presentation/wording.py gives the words.

`build` is the entry. One module per slide kind (slide_question, slide_summary, slide_cost, slide_timeline,
slide_sensitivity, slide_bill, and price_sources for the sources slides); layout measures text and
places boxes; pptx_charts draws the native charts; story says the answer, reasons and risk; frame is
what every slide step is given.
"""

from __future__ import annotations

import datetime as dt
import io

from pptx import Presentation
from pptx.util import Emu, Inches

from ...analyses.analysis import Analysis
from ...bill.section import Section
from ...inputs.workload import Workload
from .frame import _Deck
from .layout import SLIDE_H, SLIDE_W
from .price_sources import source_slides
from .slide_bill import bill_slide
from .slide_cost import breakdown_slide, cost_slide, scenario_b_slide
from .slide_question import question_slide
from .slide_sensitivity import sensitivity_slide
from .slide_summary import summary_slide
from .slide_timeline import timeline_slide
from .story import _b_from_link


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
