"""Migration's metrics in won, as a Korean review document writes them (sixth Korean review, issue 28):
"₩2,995,139" had too many digits to read at a glance; the amounts are in 만 and 억 as every sentence
of the app writes them (numbers.won_words). Figures worked by hand below."""

from tests.apphelpers import open_app
from tests.test_app_korean import TEAM

PAGE = "pages/migration.py"
WON = {"krw_rate": "1380.5", "krw_date": "2026-11-20"}


def _metrics(lang: str) -> dict[str, str]:
    at = open_app({**TEAM, **WON, "lang": lang}, page=PAGE)
    assert not at.exception
    return {m.label: m.value for m in at.metric}


def test_migration_metrics_say_won_in_man_and_eok():
    got = _metrics("ko")
    # the copy: 1,440 GB x $0.055 = $79.20 x 1,380.5 = 109,335.6 won -> to the 천: 약 10만 9천 원
    assert got["복사 시 데이터 전송 비용"] == "약 10만 9천 원"
    # the effort: 10.75 hours x $75 = $806.25 x 1,380.5 = 1,113,028.1 won -> to the 만: 약 111만 원
    assert got["마이그레이션 작업 비용(10.75시간)"] == "약 111만 원"
    # the change: 777,560 - 3,772,699 = -2,995,139 won (the two figures of its help) -> 약 −300만 원
    assert got["월 비용 변화"] == "약 −300만 원"
    assert not [v for v in got.values() if "₩" in v], got


def test_english_keeps_the_exact_won_figures():
    got = _metrics("en")
    assert got["One-time effort (10.75 hours)"] == "₩1,113,028"
    assert got["Change in monthly cost"] == "−₩2,995,139"
    assert got["Transfer cost of the copy"] == "₩109,336"
