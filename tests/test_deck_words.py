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


@pytest.mark.parametrize("preset", ["medium", "doc-project", "large"])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_adr_names_the_runner_up_once(book, preset, lang):
    from lib.exports import adr
    from lib.pricing import registries

    w, _ = presets.load(preset)
    with i18n.using(lang):
        a = analyse(w, book)
        text = adr.adr(a)
        name = registries.name(a.recommendation.runner_up)
        label = i18n._("runner-up: {why}").split(":")[0]
    assert a.recommendation.runner_up
    said = [line for line in text.splitlines() if name in line and label in line]
    assert len(said) == 1, said  # its row among the options considered, with its cost and why
    assert not [line for line in text.splitlines() if line.startswith("- ") and name in line], text
