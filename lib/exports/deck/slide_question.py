"""Slide 1: the question and the answer, with the share link."""

from __future__ import annotations

from urllib.parse import urlparse

from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Inches

from ...core.i18n import _
from ...presentation import wording
from ...presentation.palette import MUTED_TEXT, REGISTRY_COLOURS
from ...pricing import labels
from ...pricing.labels import SAME_MONEY, money
from .frame import _Deck
from .layout import BODY_PT, CONTENT_W, MARGIN, _box, _para, _rgb, lines_needed
from .slide_summary import _rate_words
from .story import _short_link, _situation, answer_words


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
