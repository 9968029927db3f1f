"""Issue 28: one Korean term per idea, held by the glossary in locales/ko/glossary.yaml.

A Seoul architect reviewing the Korean scored its terminology 6/10: the same idea under two words
(스캔/스캐닝, 요금제/플랜, 프로덕션/운영 환경, 연동/통합, ...), "(egress)" repeated 18 times, text
pointing at a sidebar label in other words than the label's. The glossary names the term each idea
uses and the variants that must not come back; these tests read every msgstr of the catalogue and
every `ko:` text of data/ against it."""

import re
from pathlib import Path

import pytest
import yaml

from tests.test_korean_particles import _korean_in_data, _msgstrs

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = yaml.safe_load((ROOT / "locales/ko/glossary.yaml").read_text(encoding="utf-8"))
TERMS = GLOSSARY["terms"]


def _texts() -> list[tuple[str, str]]:
    return [(f"messages.po: {i[:60]}", s) for i, s in _msgstrs()] + [(f"data/{w}", s) for w, s in _korean_in_data()]


TEXTS = _texts()


def test_the_glossary_and_the_texts_were_read():
    assert len(TERMS) >= 15  # every pair the reviewer named has an entry
    assert len(TEXTS) > 1500  # the catalogue and the data files, not nothing
    for t in TERMS:
        assert t["use"] and t["reject"] and t["why"], t
        for r in t["reject"]:
            re.compile(r)


def _variants(rule: str) -> list[tuple[str, str]]:
    return [(w, s) for w, s in TEXTS if re.search(rule, s)]


@pytest.mark.parametrize("term", TERMS, ids=[t["en"] for t in TERMS])
def test_no_korean_text_uses_a_rejected_variant(term):
    found = {r: _variants(r)[:3] for r in term["reject"]}
    assert {r: hits for r, hits in found.items() if hits} == {}, f"use {term['use']!r}"


@pytest.mark.parametrize(
    "term",
    [t for t in TERMS if t["use"] not in ("→",)],
    ids=[t["en"] for t in TERMS if t["use"] not in ("→",)],
)
def test_every_chosen_term_is_in_use(term):
    # a glossary entry whose term nothing uses is stale; "GitHub는 / GitHub가" counts by its first form's word
    word = re.sub(r"[는가를]$", "", term["use"].split(" / ")[0]).replace("N/3", "")
    assert any(word in s for _, s in TEXTS), term["use"]


def test_the_detectors_catch_what_the_reviewer_saw():
    # each rule fails on the reviewer's own examples, and passes the words that only look alike
    def rejected(text: str) -> bool:
        return any(re.search(r, text) for t in TERMS for r in t["reject"])

    for seen in (
        "취약점 스캐닝",
        "Personal 플랜은",
        "AWS 운영 환경: ECR",
        "사설 네트워크에서만 접근",
        "공급사 페이지",
        "IAM 연동",
        "JSON 리스트",
        "시트당 Team",
        "향상된 스캔, 최초 스캔",
        "처음 10 TB",
        "이미지 풀의 출처",
        "차단:",
        "*기간별 비용*",
        "*엔지니어 시간당 비용*",
        "설정하십시오",
        "GitHub은 과금하지 않습니다",
        "(분명히 적합, 3점 만점에 3점)",
        "AWS 프로덕션 -> ECR",
        "팀이 비용과 구축 속도를 우선하지 않는 한 ECR이 네이티브 선택입니다",
        "트래픽 이전에 게이트웨이당 시간당 $0.045, 곧 **월 $32.85**",
        "월 $0.50 더 저렴하지만 상황상 다른 쪽이 맞습니다: AWS 프로덕션",
        # round 4: the fourth review's words
        "일회성 구축비에 더해",
        "누적 비용(구축 비용 포함)",
        "일회성 작업",
        "월간 이미지 풀 수",
        "데이터 전송과 송신",
        "요구 사항 불충족",
        "제외 사유: 감사 로그",
        "더 저렴한 선택지는 없습니다",
        "Harbor(Pro, 결정안)",
        "운영 기간은 얼마나 되며",
        "730 인스턴스-시간",
        "$0.167 + 15 x $0.003",
        "{size} GB x {price}",
        "Azure CR",
        "요금표(acr.internet_egress_free_gb)",
    ):
        assert rejected(seen), seen
    for fine in (
        "스프레드시트",
        "5점 만점 평가",
        "차단 요인",
        "기간별 누적 비용",
        "첫 10 TB",
        "GitHub Actions",
        "GitHub이슈",
        "청구서 한 달 치를 내보낸 뒤(처음 한 번, 몇 분)",
        "초기 구축 비용",
        "초기 구축 시간",
        "구축 속도",
        "월 이미지 풀 횟수",
        "월 운영 작업 시간",  # ninth review: 월 운영 시간 is now a rejected variant
        "GB-월",
        "1920×1080 PNG",
        "Azure Container Registry",
        "요금제",
    ):
        assert not rejected(fine), fine


def test_egress_is_explained_once():
    for word in GLOSSARY["explained_once"]:
        places = [w for w, s in TEXTS for _ in range(s.count(word))]
        assert len(places) == 1, places


def _labels() -> set[str]:
    """Every text the catalogue puts on screen as a whole, and the part of each before its colon (a
    section title "추가 입력: 요금제, 과금, 자체 호스팅" is pointed at as "추가 입력")."""
    whole = {s for _, s in _msgstrs()} | {s for _, s in _korean_in_data()}
    return whole | {s.split(":")[0].strip() for s in whole}


def test_text_that_points_at_a_label_uses_its_exact_words():
    # *italics* in a Korean sentence name a label, page or preset on screen: the reviewer found
    # "*엔지니어 시간당 단가*" where the sidebar said "엔지니어 시간당 비용"
    labels = _labels()
    pointed = [
        (i, name) for i, s in _msgstrs() for name in re.findall(r"(?<![*\w])\*([^*\n]+)\*(?!\*)", s) if "{" not in name
    ]
    assert len(pointed) >= 8  # the references were found
    notation = {"수량 × 단가", "추천 강도 N/3", "추천 강도 3/3"}  # a formula and the rating's notation, not labels
    assert [(i, n) for i, n in pointed if n not in labels and n not in notation] == []


# ---- money as Koreans write it (issue 28) -------------------------------------------------------


@pytest.mark.parametrize(
    "won, words",
    [
        # worked by hand: 12,345,678 = 1,234만 5,678 -> to the 만: 1,235만 (5,678 rounds up), "약" as dropped
        (12_345_678, "약 1,235만 원"),
        # 123,456,789 = 1억 2,345만 6,789 -> 1억 2,346만 (6,789 rounds up)
        (123_456_789, "약 1억 2,346만 원"),
        # the reviewer's example: 4,040,000 = 404만 exactly, no "약"
        (4_040_000, "404만 원"),
        # below 100만 to the 천: 123,457 = 12만 3,457 -> 12만 3천 (457 rounds down)
        (123_456.6, "약 12만 3천 원"),
        # 777,560 = 77만 7,560 -> 77만 8천 (560 rounds up)
        (777_560, "약 77만 8천 원"),
        (20_000, "2만 원"),
        (5_678, "5,678원"),
        (300_000_000, "3억 원"),
        (-3_359_591, "약 −336만 원"),
    ],
)
def test_won_in_a_sentence_is_written_in_man_and_eok(won, words):
    from lib.pricing import labels

    assert labels.won_words(won) == words


def test_a_korean_sentence_says_won_in_man_and_a_table_keeps_the_figure():
    import datetime as dt

    from lib.core import i18n
    from lib.pricing import labels

    rate = i18n.Krw(1380.5, dt.date(2026, 11, 20))
    with i18n.using("ko", krw=rate):
        # 2,996.85 x 1,380.5 = 4,137,151.4 won: 413만 7,151 -> about 414만
        assert labels.money(2996.85, prose=True) == "약 414만 원"
        assert labels.money(2996.85) == "₩4,137,151"  # tables, metrics and bar labels: the exact won
    with i18n.using("en", krw=rate):
        assert labels.money(2996.85, prose=True) == "₩4,137,151"  # English keeps its own way
    with i18n.using("ko"):
        assert labels.money(2996.85, prose=True) == "$2,996.85"  # dollars stay dollars


def test_a_korean_spreadsheet_says_its_amounts_are_dollars(book):
    # issue 28: the app may show won while the files carry the price book's dollars: the header says which
    import io

    import openpyxl

    from lib.core import i18n
    from lib.exports import export
    from lib.inputs.workload import from_dict
    from lib.pricing import engine

    with i18n.using("ko", krw=i18n.Krw(1380.5, __import__("datetime").date(2026, 11, 20))):
        data = export.xlsx_table(engine.estimate(from_dict({}), book), book)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    headers = {c.value for ws in wb.worksheets for c in ws[1]}
    assert "월 비용(USD)" in headers and "단가(USD)" in headers


def test_a_monthly_count_reads_as_korean_counts_it():
    # issue 28: "281회/월" is a unit glued on; Korean says "월 281회". English keeps "281 pulls a month"
    from lib.analyses import decision_sweep
    from lib.core import i18n

    with i18n.using("ko"):
        assert decision_sweep.value("pulls_per_month", 281) == "월 281회"
        assert decision_sweep.value("versions_kept", 12) == "버전 12개"
    assert decision_sweep.value("pulls_per_month", 281) == "281 pulls a month"
    assert decision_sweep.value("versions_kept", 12) == "12 versions"
