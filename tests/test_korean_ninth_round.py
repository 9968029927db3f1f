"""Korean wording of the eighth fresh review (issue 28), fixed in the ninth round: each test fails on the
words the reviewer read. The catalogue's and the data's Korean: tests.test_korean_glossary.TEXTS."""

import datetime as dt
import re
from pathlib import Path

import pytest

from lib.analyses.analysis import analyse
from lib.core import i18n
from lib.exports import adr
from lib.inputs import presets
from lib.presentation import wording
from lib.pricing import setups
from tests.test_korean_glossary import TEXTS

ROOT = Path(__file__).resolve().parent.parent
KO = [t for _where, t in TEXTS]


def _ko(msgid: str) -> str:
    with i18n.using("ko"):
        return i18n._(msgid)


# ---- 1. the recommendation sentence and the ADR ----------------------------------------------------


def test_a_setup_in_brackets_holds_no_colon():
    # "Amazon ECR(VPC 엔드포인트 구성: …)": a label and a colon inside a name's brackets
    with i18n.using("ko"):
        assert wording.setup({"network": "endpoints"}) == "인터페이스 엔드포인트 + S3 게이트웨이 엔드포인트 구성"
        ecr = setups.describe({"network": "endpoints"}, "ecr")
        assert ecr == "ecr.api·ecr.dkr 인터페이스 엔드포인트 + S3 게이트웨이 엔드포인트 구성"
        line = i18n._("Recommended: {registry} {setup} ({cost}/month; {as_now} as set up now)").format(
            registry="Amazon ECR", setup=ecr, cost="$563.25", as_now="$2,996.85"
        )
    assert line.startswith(
        "추천: Amazon ECR(ecr.api·ecr.dkr 인터페이스 엔드포인트 + S3 게이트웨이 엔드포인트 구성), 월 $563.25"
    )
    assert not re.search(r"\([^()]*구성: [^()]*\)", line), line
    assert [t for t in KO if "엔드포인트 구성:" in t] == []


def test_as_set_up_now_reads_outside_the_tool():
    # "입력한 구성으로는" only means something next to the sidebar; the ADR and the deck are read without it
    assert [t for t in KO if "입력한 구성으로는" in t] == []
    assert _("- As set up today: {cost}, mostly {part} ({share}).").startswith(
        "- 구성을 바꾸지 않으면 월 비용은 {cost}"
    )


def _(msgid: str) -> str:
    return _ko(msgid)


def test_the_adr_says_the_recommended_setups_cost_in_a_whole_sentence(book):
    # "- VPC 엔드포인트 구성: … 시 월 $563.25이며, …": a fragment, with the setup as its subject
    w, _yaml = presets.load("eks-private")
    with i18n.using("ko"):
        text = adr.adr(analyse(w, book), today=dt.date(2026, 12, 8))
    assert " 시 월 " not in text
    (line,) = [x for x in text.splitlines() if x.startswith("- 추천대로 구성을 바꾸면")]
    # the preset's worked figures (tests/test_exports.py): ECR with both endpoints $563.25 a month, as entered $2,996.85
    assert line.startswith("- 추천대로 구성을 바꾸면 월 비용은 $563.25이며, 가장 큰 항목(48%)은 NAT 데이터 처리"), line
    assert line.endswith("추천 구성은 ecr.api·ecr.dkr 인터페이스 엔드포인트 + S3 게이트웨이 엔드포인트 구성입니다."), (
        line
    )
    assert "- 구성을 바꾸지 않으면 월 비용은 $2,996.85이며" in text
    assert "엔드포인트 구성, 추천)" in text  # the chosen row: not "(… 구성, 추천 구성)"


# ---- 2. one term per idea -------------------------------------------------------------------------


def test_a_required_feature_upload_and_the_current_registry_have_one_word_each():
    # the review met 요구 기능 beside 필수 기능, 올리기 beside 업로드, 마이그레이션 원본 / 기존 레지스트리 beside
    # 현재 레지스트리 (the glossary holds the rejected words: tests/test_korean_glossary.py)
    assert _("Faded lines marked ✗: registries without a required feature (see the Features page).") == (
        "✗ 표시된 흐린 선: 필수 기능을 갖추지 못한 레지스트리입니다(기능 페이지 참고)."
    )
    assert _("Migrate from") == "현재 레지스트리"
    assert _("The uploaded file could not be used:") == "업로드한 파일을 사용할 수 없었습니다:"
    words = " ".join(KO)
    assert words.count("요구 기능") == 0 and words.count("기존 레지스트리") == 0
    assert re.findall(r"\S+ 올[리린려]\S*", words) == ["마우스를 올리면"]  # a hover, not an upload
    migrations = (ROOT / "data/migrations.yaml").read_text(encoding="utf-8")
    assert "현재 레지스트리 로그인" in migrations and "원본 레지스트리" not in migrations
