"""The seventh fresh Korean review's findings (issue 28), each held by what the page sends: words, a
table's columns and rows, the phone form's style sheet. Layout in a browser: tests/browser/
test_phone_seventh_review.py."""

import json

from tests.apphelpers import open_app

# the review's scenario: 40 repositories of 1.2 GB, 30 versions, 50,000 pulls a month through NAT on EKS
REVIEW = {
    "image_size_mb": "1200",
    "repositories": "40",
    "versions_kept": "30",
    "pulls_per_month": "50000",
    "network": "nat",
    "deploy_platform": "eks",
    "required_features": "private_endpoint",
    "monthly_growth": "0.05",
    "ci": "github_actions",
}
WON = {"krw_rate": "1380.5", "krw_date": "2026-11-20"}


def test_overview_totals_rows_let_the_setup_wrap():
    """The setup in words ("ecr.api·ecr.dkr 인터페이스 엔드포인트 + S3 게이트웨이 엔드포인트 구성") was
    cut at its 340 px column: Streamlit's grid wraps text only in a row taller than 4rem (64
    px), and the table is as tall as its rows ("auto" showed about five rows of 68 px)."""
    at = open_app({**REVIEW, "lang": "ko"})
    assert not at.exception
    totals = at.dataframe[0]
    assert totals.proto.row_height > 64
    assert "setup" in json.loads(totals.proto.columns)


def test_break_even_table_drops_the_columns_nothing_is_written_in():
    """In the review's scenario no input changes the answer: "바뀌는 추천" and "현재 값과의 거리" were two
    empty columns. The table sends its columns in order without them, and the range has one line."""
    at = open_app({**REVIEW, "lang": "ko"}, page="pages/break_even.py")
    assert not at.exception
    answers = at.dataframe[0]
    df = answers.value
    assert (df["changes_to"] == "").all() and (df["how_far"] == "").all()  # nothing changes here
    assert list(answers.proto.column_order) == ["input", "today", "answer", "changes_at"]


def test_migration_calls_the_source_the_registry_you_are_on():
    """입력한 구성 is the setup entered in the sidebar; the registry the images are in today is 현재
    레지스트리 (seventh review: 현재 구성 meant both). The monthly change's help subtracts the two."""
    at = open_app({**REVIEW, **WON, "lang": "ko", "migrate_from": "ghcr"}, page="pages/migration.py")
    assert not at.exception
    (why,) = [m.proto.help for m in at.metric if m.label == "월 비용 변화"]
    assert "− 현재 레지스트리 GitHub Container Registry 월 " in why, why
    assert why.startswith("Amazon ECR(ecr.api·ecr.dkr 인터페이스 엔드포인트 + S3 게이트웨이 엔드포인트 구성)"), why


def test_migration_help_in_english_is_unchanged():
    at = open_app({**REVIEW, "lang": "en", "migrate_from": "ghcr"}, page="pages/migration.py")
    assert not at.exception
    (why,) = [m.proto.help for m in at.metric if m.label == "Change in monthly cost"]
    # ECR in its best setup $173.25 (the ADR's figure for this workload), GHCR as entered $2,732.85
    assert why.startswith("Amazon ECR with interface endpoints"), why
    assert why.endswith("$173.25 − GitHub Container Registry $2,732.85"), why


def test_about_price_table_has_a_phone_form():
    """At 390 px the six columns set one Korean syllable a line: on a phone each price is a card."""
    at = open_app({"lang": "ko"}, page="pages/about.py")
    assert not at.exception
    css = [h.proto.body for h in at.get("html") if "st-key-price_book_table" in h.proto.body]
    assert css, "no phone form for the price table"
    assert "@media (max-width: 640px)" in css[0]
    assert 'content: "확인일: "' in css[0] and 'content: "출처: "' in css[0]  # Hangul as such, not \\ud655


def test_network_paths_metrics_say_won_in_man_and_eok():
    """'월 ₩3,772,699' on the Network path page (the review's photo): won in 만 and 억 as Migration's metrics
    write them. By hand: 3,772,699 won -> to the 만: 약 377만 원; the endpoints' ₩40,380 -> to the 천:
    40천 = 4만, 약 4만 원; the public subnets' 0 -> 0원."""
    at = open_app({**REVIEW, **WON, "lang": "ko"}, page="pages/network_path.py")
    assert not at.exception
    values = [m.value for m in at.metric]
    assert not [v for v in values if "₩" in v], values
    assert values == ["월 약 377만 원", "월 약 4만 원", "월 0원"], values


def test_overview_lists_the_registries_without_a_required_feature_in_korean_punctuation():
    """'GitHub Container Registry: 프라이빗 네트워크 엔드포인트; Docker Hub: …' - a semicolon is not Korean
    punctuation. The caption names the faded registries once and sends the reader to the Recommendation page's
    reasons (ninth review: every hard requirement failed is marked, the S3 baseline's too)."""
    at = open_app({**REVIEW, "lang": "ko"})
    assert not at.exception
    (caption,) = [c.value for c in at.caption if c.value.startswith("✗ 표시된 흐린 막대")]
    assert ";" not in caption and "Docker Hub, " in caption and "S3 + docker save(기준선))" in caption, caption
    assert "필수 요구 사항을 충족하지 못한" in caption


def test_over_times_caption_is_a_sentence():
    """'각 레지스트리의 가장 저렴한 구성.' was the menu's noun phrase with a full stop under the chart."""
    at = open_app({**REVIEW, "lang": "ko"}, page="pages/cost_over_time.py")
    assert not at.exception
    assert "모든 레지스트리는 가장 저렴한 구성 기준입니다." in [c.value for c in at.caption]
    en = open_app({**REVIEW, "lang": "en"}, page="pages/cost_over_time.py")
    assert "Each registry in its cheapest setup." in [c.value for c in en.caption]  # the English as it was


def test_the_sidebar_sets_its_units_against_the_word_in_korean():
    """'이미지 크기(MB)', not '이미지 크기 (MB)' (the bracket rule of every Korean message); English keeps its space."""
    for lang, size in (("ko", "이미지 크기(MB)"), ("en", "Image size (MB)")):
        at = open_app({"lang": lang})
        shown = [n.label for n in at.sidebar.number_input]
        assert size in shown, shown
        if lang == "ko":
            assert [x for x in shown if " (" in x] == [], shown
