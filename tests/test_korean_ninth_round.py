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
