"""Korean wording of the seventh fresh review (issue 28) that a catalogue or a function holds: brackets set
against their word, Streamlit's own words translated. Page text: tests/test_app_seventh_review.py."""

import datetime as dt
import re

from lib.analyses import decision_sweep, migration
from lib.analyses.analysis import analyse
from lib.core import i18n
from lib.core.numbers import count_words
from lib.decide import decision
from lib.exports import adr
from lib.inputs.workload import from_dict
from lib.presentation import wording
from lib.pricing import engine, labels
from tests.test_korean_glossary import TEXTS
from ui import accessibility, bill_upload

# a word, then a space, then a bracket that closes: "월 비용 (원)". After punctuation (":", "·", "→") or a
# quoted English name ("Cost and usage (FOCUS)", a console's own words) the space stays.
SPACED = re.compile(r"[가-힣A-Za-z0-9})\]%] \((?=[^)]*\))")
ENGLISH_NAMES = ("Cost and usage (FOCUS)",)


def test_korean_sets_a_bracket_against_its_word():
    """Korean writes "월 비용(원)", "Harbor(자체 호스팅)": 161 messages had a space before the bracket and 267
    none (seventh review: "check consistency across the catalogue"). The data's Korean too."""
    texts = [t for _where, t in TEXTS]
    spaced = []
    for t in texts:
        for name in ENGLISH_NAMES:
            t = t.replace(name, "")
        spaced += [t[max(0, m.start() - 12) : m.end() + 12] for m in SPACED.finditer(t)]
    assert not spaced, spaced


def test_a_unit_in_brackets_follows_the_language():
    with i18n.using("ko"):
        assert labels.bracketed("월 비용", "원") == "월 비용(원)"
        assert labels.axis_title("image_size_mb") == "이미지 크기(MB)"
    with i18n.using("en"):
        assert labels.bracketed("Monthly cost", "₩") == "Monthly cost (₩)"
        assert labels.axis_title("image_size_mb") == "Image size (MB)"


def test_streamlits_own_words_are_translated_on_a_korean_page_only():
    """Streamlit 1.67's uploader takes no texts: the page script replaces them (browser test:
    tests/browser/test_phone_seventh_review.py)."""
    ko = accessibility._script("ko")
    assert '"Drag and drop a file here": "여기에 파일을 끌어다 놓으세요"' in ko
    assert '"Upload": "파일 선택"' in ko and '"Skip to main content": "본문으로 건너뛰기"' in ko
    assert '"perFile": "파일당 최대 {size}"' in ko
    assert '"own"' not in accessibility._script("en")


def test_a_large_round_count_reads_in_man_and_eok():
    # by hand: 100,000,000 = 1 x 10^8 -> 1억; 50,000 = 5 x 10^4 -> 5만; 250,000,000 = 2억 + 5,000만
    assert count_words(100_000_000) == "1억"
    assert count_words(50_000) == "5만"
    assert count_words(250_000_000) == "2억 5,000만"
    assert count_words(12_345) is None and count_words(9_000) is None  # not a whole number of 만 / below 1만


def test_break_evens_range_says_1eok_pulls_not_nine_digits():
    """'월 10회부터 월 100,000,000회까지' (seventh review): a count a Korean sentence says in 만 and 억, the unit
    after the number word set apart ('1억 회'). Sizes keep their digits; English keeps its figures."""
    with i18n.using("ko"):
        assert decision_sweep.value("pulls_per_month", 1e8) == "월 1억 회"
        assert decision_sweep.value("pulls_per_month", 50_000) == "월 5만 회"
        assert decision_sweep.value("pulls_per_month", 10) == "월 10회"
        assert decision_sweep.value("team_seats", 10_000) == "1만 명"
        assert (
            decision_sweep.value("image_size_mb", 20_000) == "20,000 MB"
        )  # ninth review: a space before MB, as "1,200 MB"
    with i18n.using("en"):
        assert decision_sweep.value("pulls_per_month", 1e8) == "100,000,000 pulls a month"


def test_a_name_in_brackets_and_its_setup_make_one_bracket():
    with i18n.using("ko"):
        assert wording.one_bracket("S3 + docker save(기준선)(NAT 대신 S3 게이트웨이 엔드포인트 구성)") == (
            "S3 + docker save(기준선, NAT 대신 S3 게이트웨이 엔드포인트 구성)"
        )
    with i18n.using("en"):
        text = "S3 + docker save (baseline) with the S3 gateway endpoint instead of NAT"
        assert wording.one_bracket(text) == text


REVIEW = from_dict(
    {
        "image_size_mb": 1200,
        "repositories": 40,
        "versions_kept": 30,
        "pulls_per_month": 50_000,
        "network": "nat",
        "deploy_platform": "eks",
        "required_features": ["private_endpoint"],
        "monthly_growth": 0.05,
        "ci": "github_actions",
    }
)


def test_the_adr_context_says_the_required_features_and_the_growth(book):
    """Changes English too: the context named neither what the reader requires nor the growth they entered."""
    a = analyse(REVIEW, book)
    with i18n.using("ko"):
        ko = adr.adr(a, today=dt.date(2026, 12, 8))
    en = adr.adr(a, today=dt.date(2026, 12, 8))
    context = ko.split("## 배경", 1)[1].split("## ", 1)[0]
    assert "- 필수 기능: 프라이빗 네트워크 엔드포인트\n" in context
    assert "- 월간 증가율: 5%\n" in context
    assert "Required features: private network endpoint.\nGrowth: 5 % a month.\n" in en
    # the baseline's row: one bracket (seventh review: "S3 + docker save(기준선)(NAT 대신 …)")
    assert "| S3 + docker save(기준선, NAT 대신 S3 게이트웨이 엔드포인트 구성) |" in ko
    assert ")(" not in ko


def test_the_decision_paths_fourth_step_says_what_a_required_endpoint_does():
    """'Nothing here requires ECR' read as if nothing were required while a private network endpoint was
    (changes English too): the step says none of the four needs applies, and what the endpoint requirement
    does - it sets aside GitHub Container Registry, Docker Hub and ACR (Premium only), not every other."""
    tree = decision.load()
    with i18n.using("en"):
        path, _leaf, _taken = decision.walk(REVIEW, tree)
        plain, _l, _t = decision.walk(REVIEW.replace(required_features=()), tree)
    step = next(s for s in path if s.node == "aws_needs")
    reasons = [str(x) for x in step.reasons]
    assert reasons[0] == "None of these four needs applies." and "Nothing here requires ECR" not in " ".join(reasons)
    assert "private network endpoint you require" in reasons[1] and "sets aside GitHub Container Registry" in reasons[1]
    assert [str(x) for x in next(s for s in plain if s.node == "aws_needs").reasons] == [
        "None of these four needs applies."
    ]


def test_migration_does_not_repeat_the_endpoints_its_first_steps_create(book):
    """Steps 1-3 create ECR's interface endpoints and the S3 gateway endpoint; step 10 (the EKS nodes' pull
    rights) then said 'private subnets: add the ecr.api, ecr.dkr and S3 endpoints' again (seventh review).
    Without those first steps (a plan priced as entered), the hint stays."""
    w = REVIEW.replace(migrate_from="ghcr")
    for lang, hint in (("ko", "엔드포인트 추가(네트워크 경로 페이지 참고)"), ("en", "add the ecr.api, ecr.dkr and S3")):
        with i18n.using(lang):
            set_up = migration.plan(w, book, target="ecr", changes={"network": "endpoints"})
            as_entered = migration.plan(w, book, target="ecr")
        assert any("create-vpc-endpoint" in c for _t, c in set_up.steps)
        assert not [c for _t, c in set_up.steps if hint in c], lang
        assert [c for _t, c in as_entered.steps if hint in c], lang


def test_the_bills_console_paths_name_the_korean_consoles_menus():
    """The Korean page read 'Billing and Cost Management > Data Exports > 생성' (seventh review): the AWS
    console in Korean says 결제 및 비용 관리 and 데이터 내보내기, Azure's 내보내기; the English stays in brackets,
    where a reader with an English console looks. GitHub has no Korean screens: it says so."""
    with i18n.using("ko"):
        how = i18n._(bill_upload.HOW_TO)
    assert "결제 및 비용 관리(Billing and Cost Management) > 데이터 내보내기(Data Exports)" in how
    assert "Cost Management > 내보내기(Exports)" in how
    assert "GitHub(영어 화면만 있음)" in how


def test_the_other_cloud_note_says_google_cloud_in_korean(book):
    """'워크로드가 GCP 밖에서 실행되므로 … Google Cloud의' (seventh review): one name for Google's cloud in Korean."""
    w = REVIEW
    with i18n.using("ko"):
        (ko,) = [f.message for f in engine.estimate(w, book)["gar"].flags if f.code == "other_cloud"]
    (en,) = [f.message for f in engine.estimate(w, book)["gar"].flags if f.code == "other_cloud"]
    assert ko.startswith("워크로드가 Google Cloud 밖에서 실행되므로") and "GCP" not in ko
    assert en.startswith("The workloads run outside GCP:")
