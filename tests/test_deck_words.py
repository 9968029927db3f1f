"""What the deck's slides say, read by a Korean architect (sixth review, issue 28)."""

import pytest

from lib.analyses.analysis import analyse
from lib.core import i18n
from lib.exports import deck
from lib.inputs import presets
from lib.presentation import wording


@pytest.mark.parametrize("preset", ["medium", "worked-example", "large", "financial-c"])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_slide_two_gives_the_general_reason_before_the_specific_one(book, preset, lang):
    # the path runs from the general question (where does it run) to the specific one (how long, what CI):
    # the bullets follow it, and the cost note, a different kind of reason, comes last
    w, _ = presets.load(preset)
    with i18n.using(lang):
        a = analyse(w, book)
        r = a.recommendation
        order = {wording.reason(s.reasons[0]): i for i, s in enumerate(r.path)}
        bullets = deck.story.why_bullets(a)
    steps = [order[b] for b in bullets if b in order]
    assert len(steps) >= 1 and steps == sorted(steps), bullets
    if r.cost_note and r.cost_note in bullets:
        assert bullets[-1] == r.cost_note, bullets
    if preset == "medium":  # AWS production: "where it runs" (AWS), then "how long" (production -> ECR)
        assert len(steps) == 2 and steps[0] < steps[1]
