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


def _subtitles(data: bytes) -> list[str]:
    import io

    from pptx import Presentation

    out = []
    for slide in Presentation(io.BytesIO(data)).slides:
        texts = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame and sh.name == "Subtitle"]
        out.append(texts[0] if texts else "")
    return out


def test_the_sensitivity_slide_says_what_its_crosses_are(book):
    from lib.inputs.workload import from_dict
    from tests.conftest import EKS_TEAM, need

    need("chromium", "chromium-browser", "google-chrome")
    with i18n.using("ko"):
        data, missing = deck.build(analyse(from_dict(EKS_TEAM), book), None)
    assert not [m for m in missing if "sensitivity" in m], missing
    subs = [t for t in _subtitles(data) if "손익분기점" in t]
    assert subs and "◆는 두 레지스트리의 비용이 같아지는 손익분기점입니다." in subs[0], _subtitles(data)


def test_the_korean_over_time_subtitle_is_a_short_phrase(book):
    from lib.inputs.workload import from_dict
    from tests.conftest import EKS_TEAM

    with i18n.using("ko"):
        grows, _ = deck.build(analyse(from_dict({**EKS_TEAM, "monthly_growth": 0.05}), book), None, pictures=False)
        flat, _ = deck.build(analyse(from_dict(EKS_TEAM), book), None, pictures=False)
    assert any(t.startswith("누적 비용, 이미지 풀·버전 월 5% 증가 · ") for t in _subtitles(grows)), _subtitles(grows)
    assert any(t.startswith("누적 비용, 증가 없음 · ") for t in _subtitles(flat)), _subtitles(flat)


def test_a_note_every_price_of_a_page_shares_is_said_once():
    from lib.exports.deck.price_sources import notes_once

    docker = [
        "Personal: $0/month (Pro per account, billed annually)",
        "Pro: $9/month (Pro per account, billed annually)",
        "Team: $15/month (Pro per account, billed annually)",
        "Transfer (no egress charge): $0",
    ]
    assert notes_once(docker) == [
        "Personal: $0/month",
        "Pro: $9/month",
        "Team: $15/month (Pro per account, billed annually)",
        "Transfer (no egress charge): $0",
    ]
    # a note not every price carries stays where it is; so does one alone; nested brackets are one note
    mixed = ["Storage: $0.1/GB-month", "Egress (first 10 TB): $0.09/GB (first 10 TB a month)"]
    assert notes_once(mixed) == mixed
    assert notes_once(["40,000 components (a limit (CE))"]) == ["40,000 components (a limit (CE))"]
    assert notes_once(["a (x (y))", "b (x (y))"]) == ["a", "b (x (y))"]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_sources_slides_do_not_repeat_a_note(book, lang):
    from lib.inputs.workload import from_dict
    from tests.conftest import EKS_TEAM

    with i18n.using(lang):
        data, _ = deck.build(analyse(from_dict(EKS_TEAM), book), None, pictures=False)
        note = i18n._("(Nexus Repository Community Edition limit)") if lang == "en" else "Community Edition 한도"
    import io

    from pptx import Presentation

    text = "\n".join(
        sh.text_frame.text
        for slide in Presentation(io.BytesIO(data)).slides
        for sh in slide.shapes
        if sh.has_text_frame and sh.name == "Sources"
    )
    lines = [line for line in text.splitlines() if "help.sonatype.com" in line]
    assert lines and all(line.count(note.strip("()")) <= 1 for line in lines), lines
    docker = [line for line in text.splitlines() if "docker.com/pricing" in line]
    assert docker and all(line.count("Business") <= 1 for line in docker), docker


def test_the_main_risk_names_the_parts_cost_and_the_months(book):
    # the EKS team without growth: ECR with endpoints, storage 40 x 30 x 1.2 GB = 1,440 GB x $0.10 = $144.00
    # of 144 + 29.20 (two interface endpoints x 2 zones x $0.01 x 730 h) + 0.045 (endpoint GB) = $173.245:
    # 83 %. The sentence said "of the monthly cost ($144.00)", as if the month cost $144.00 (seventh review)
    from lib.inputs.workload import from_dict
    from tests.conftest import EKS_TEAM

    w = from_dict({**EKS_TEAM, "monthly_growth": 0})
    with i18n.using("en"):
        en = deck.story.main_risk(w, analyse(w, book))
    with i18n.using("ko"):
        ko = deck.story.main_risk(w, analyse(w, book))
    assert "Storage is 83 % of the monthly cost, $144.00 of $173.25," in en, en
    assert "스토리지 비용이 월 비용의 83%($173.25 중 $144.00)에 달하며" in ko, ko


def test_every_deck_chart_marks_the_registries_lacking_a_required_feature(book):
    """Eighth Korean review: the app's charts fade and mark ✗ the registries without a required feature; the
    deck's showed them as any other. data/features.yaml: GHCR and Docker Hub have no private endpoint, and
    Artifact Registry's and ACR's are inside Google Cloud and Azure, of no use to this AWS workload."""
    import datetime as dt
    import io

    from pptx import Presentation

    from lib.inputs.workload import from_dict
    from lib.pricing.registries import NAMES

    w = from_dict({"required_features": ["private_endpoint"]})
    lacking = {NAMES[r] for r in ("ghcr", "dockerhub", "gar", "acr", "s3")}  # and S3: no registry (ninth review)
    data, _missing = deck.build(
        analyse(w, book), b=w.replace(pulls_per_month=20_000), pictures=False, today=dt.date(2026, 11, 29)
    )
    prs = Presentation(io.BytesIO(data))
    charts = [sh.chart for slide in prs.slides for sh in slide.shapes if sh.has_chart]
    cost, breakdown, comparison, _line = charts
    for ch in (cost, breakdown, comparison):
        cats = [str(c) for c in ch.plots[0].categories]
        assert {c.removesuffix(" ✗") for c in cats if c.endswith(" ✗")} == lacking, cats
    labels = [sh.text_frame.text for slide in prs.slides for sh in slide.shapes if sh.name == "Line label"]
    assert {t.removesuffix(" ✗") for t in labels if t.endswith(" ✗")} == lacking, labels
    said = [sh.text_frame.text for slide in prs.slides for sh in slide.shapes if sh.has_text_frame]
    assert sum("✗: fails a hard requirement" in t for t in said) == 4  # each chart's slide says what ✗ is
    # without the requirement, the S3 baseline alone (no registry) is marked
    plain, _missing = deck.build(analyse(from_dict({}), book), pictures=False, today=dt.date(2026, 11, 29))
    cost = next(sh.chart for slide in Presentation(io.BytesIO(plain)).slides for sh in slide.shapes if sh.has_chart)
    assert [str(c) for c in cost.plots[0].categories if "✗" in str(c)] == ["S3 + docker save (baseline) ✗"]


def test_a_bar_name_in_korean_holds_one_bracket(book):
    """Ninth Korean review, slide 3: "S3 + docker save(기준선)(VPC 엔드포인트 구성)": one bracket, as Korean
    writes it."""
    from lib.exports.deck import pptx_charts
    from lib.inputs.workload import from_dict

    w = from_dict({"network": "nat", "repositories": 40, "image_size_mb": 1200, "versions_kept": 30})
    with i18n.using("ko"):
        names = [b[0] for b in pptx_charts.cost_bars(analyse(w, book))]
    assert "S3 + docker save(기준선, VPC 엔드포인트 구성) ✗" in names, names  # ✗: no registry
    assert not [n for n in names if ")(" in n]
    with i18n.using("en"):  # English sets the setup apart in words: unchanged
        assert any(
            n.startswith("S3 + docker save (baseline) ")
            for n in pptx_charts.cost_bars(analyse(w, book))
            for n in [n[0]]
        )
