"""The summary slide: the recommendation, why, and what it costs."""

from __future__ import annotations

from pptx.util import Pt

from ...core import i18n
from ...core.i18n import _
from ...pricing import labels
from .frame import _Deck
from .layout import BODY_BOTTOM, CONTENT_W, MARGIN, _box, _para, _slide, height_needed
from .story import alternative_sentence, answer_words, main_risk, why_bullets


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
