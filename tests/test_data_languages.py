"""Data in both languages: every question, answer and reason of the decision tree, the feature
matrix, the migration steps and the assumptions carry English and Korean; the cached loaders
keep both and hand out the run's language where the text is shown."""

import re
import unicodedata
from types import SimpleNamespace

import pytest
import yaml

from lib.analyses import migration, timeline
from lib.analyses.analysis import analyse
from lib.core import i18n
from lib.core.frozen import freeze
from lib.decide import decision
from lib.inputs import price_update as pu, pricebook
from lib.inputs.price_update.from_lists import _note
from lib.inputs.price_update.layout import _scalar
from lib.inputs.workload import from_dict
from lib.presentation import decision_chart
from lib.pricing import features

HANGUL = re.compile(r"[\uac00-\ud7a3]")
# names read the same in both languages (a product, a cloud, an acronym): Korean may repeat them
NAMES = {
    "Amazon ECR",
    "GitHub Container Registry",
    "Google Artifact Registry",
    "Azure Container Registry",
    "GitHub Actions",
    "AWS",
    "GCP",
    "Google Cloud",
    "Azure",
    "RBAC",
    "IAM",
    "Cloud Audit Logs",
}


def _items(doc, path):
    """(where, value) for the values at `path`: keys, '*' for every key or item."""
    if not path:
        yield "", doc
        return
    head, rest = path[0], path[1:]
    if head == "*":
        pairs = doc.items() if isinstance(doc, dict) else enumerate(doc)
        for k, v in pairs:
            for where, x in _items(v, rest):
                yield f"{k}.{where}".rstrip("."), x
    elif isinstance(doc, dict) and head in doc:
        for where, x in _items(doc[head], rest):
            yield f"{head}.{where}".rstrip("."), x
    elif isinstance(doc, list) and isinstance(head, int):
        yield from ((f"{head}.{w}".rstrip("."), x) for w, x in _items(doc[head], rest))


def _steps(doc):
    """Every [title, command] list of migrations.yaml, wherever it sits."""
    if isinstance(doc, list) and doc and all(isinstance(s, list) and len(s) == 2 for s in doc):
        yield from (s[0] for s in doc)
    elif isinstance(doc, dict):
        for v in doc.values():
            yield from _steps(v)


def _texts():
    def read(name):
        with open(f"data/{name}", encoding="utf-8") as f:
            return yaml.safe_load(f)

    tree, matrix, moves, onetime, book = (
        read(n) for n in ("decision_tree.yaml", "features.yaml", "migrations.yaml", "onetime.yaml", "prices.yaml")
    )
    for path in (
        ("nodes", "*", "question"),
        ("nodes", "*", "branches", "*", "answer"),
        ("nodes", "*", "branches", "*", "reason"),
        ("leaves", "*", "title"),
        ("leaves", "*", "summary"),
        ("strengths", "*"),
        ("requirements", "*", "label"),
        ("requirements", "*", "fails", "*"),
    ):
        yield from ((f"decision_tree.yaml {w}", v) for w, v in _items(tree, path))
    feature_ids = list(matrix["features"])
    yield from ((f"features.yaml {w}", v) for w, v in _items(matrix, ("features", "*")))
    for path in [
        ("registries", "*", "document", "cost"),
        ("registries", "*", "document", "recommended_for"),
        *[("registries", "*", f, "note") for f in feature_ids],
    ]:
        yield from ((f"features.yaml {w}", v) for w, v in _items(matrix, path))
    yield from ((f"migrations.yaml step {i}", t) for i, t in enumerate(_steps(moves)))
    yield from ((f"migrations.yaml {w}", v) for w, v in _items(moves, ("pairs", "*", "source")))
    yield from ((f"migrations.yaml pull_security_group {p}", v[1]) for p, v in moves["pull_security_group"].items())
    yield ("migrations.yaml endpoint_hint", moves["endpoint_hint"])
    yield from ((f"onetime.yaml {w}", v) for w, v in _items(onetime, ("setup_hours", "*", "note")))
    yield from ((f"prices.yaml {w}", v) for w, v in _items(book, ("prices", "*", "note")))


TEXTS = list(_texts())


def test_the_data_files_have_every_kind_of_text_checked():
    # a path that stopped matching (a renamed key) would make the check below vacuous
    counts = {
        f: sum(w.startswith(f) for w, _v in TEXTS)
        for f in ("decision_tree.yaml", "features.yaml", "migrations.yaml step", "onetime.yaml", "prices.yaml")
    }
    assert counts == {
        "decision_tree.yaml": 93,  # + the public-images branch's answer and reason, + the endpoint note's reason
        "features.yaml": 11 + 8 * 2 + 8 * 11,
        "migrations.yaml step": 34,
        "onetime.yaml": 8,
        "prices.yaml": 14,  # the entries with a note (aws.public_ipv4_hourly: the 14th)
    }


@pytest.mark.parametrize("where, value", TEXTS, ids=[w for w, _v in TEXTS])
def test_every_text_has_english_and_korean(where, value):
    assert isinstance(value, dict) and set(value) == {"en", "ko"}, f"{where}: not {{en: ..., ko: ...}}"
    en, ko = value["en"], value["ko"]
    assert isinstance(en, str) and en.strip() and isinstance(ko, str) and ko.strip(), where
    assert HANGUL.search(ko) or (ko == en and en in NAMES), f"{where}: Korean text without Hangul: {ko!r}"


def test_the_check_itself_rejects_english_only_and_korean_without_hangul():
    with pytest.raises(AssertionError, match="not"):
        test_every_text_has_english_and_korean("x", "only English")
    with pytest.raises(AssertionError, match="without Hangul"):
        test_every_text_has_english_and_korean("x", {"en": "Replication", "ko": "Replication"})
    with pytest.raises(AssertionError):
        test_every_text_has_english_and_korean("x", {"en": "Replication", "ko": " "})


# ---- the loaders cache both languages and pick one where the text is shown ------------


@pytest.fixture
def fresh_caches():
    """Empty caches, so the first load below happens in Korean."""
    for loader in (decision.load, features.load, migration.data, timeline.onetime):
        loader.cache_clear()
    yield
    for loader in (decision.load, features.load, migration.data, timeline.onetime):
        loader.cache_clear()


def test_a_recommendation_speaks_the_language_of_its_run(book, fresh_caches):
    w = from_dict({"runs_on": "aws", "lifetime": "production", "ci": "jenkins"})
    with i18n.using("ko"):
        ko = decision.recommend(w, book)
        # its words are made when read (at the edge): read in the language of the run
        ko_question, ko_summary = ko.path[0].question, ko.summary
        ko_steps = [(s.answer, s.reasons) for s in ko.path]
        ko_why = [x.why for x in ko.rejected]
        ko_declined = [s.answer for s in ko.path if s.declines]
    en = decision.recommend(w, book)  # the same cached tree, read in English
    assert ko.recommended == en.recommended == "ecr"
    assert ko_question == "금융권 수준의 보안이 필요해 감사 로그, 이미지 서명, 팀별 격리가 모두 필수입니까?"
    assert en.path[0].question.startswith("Is it finance-grade / security-critical")
    assert (
        ko_summary == "AWS 프로덕션 환경이므로 ECR을 권장합니다(추천 강도 3/3)."
        and en.summary == "AWS production -> ECR (strength 3 of 3)."
    )
    assert all(
        (HANGUL.search(answer) or answer in NAMES) and all(map(HANGUL.search, reasons)) for answer, reasons in ko_steps
    )
    assert all(HANGUL.search(why) for why in ko_why)
    assert not any(HANGUL.search(x.why) for x in en.rejected)
    # which steps only say "no" / "none of these" does not depend on the language (the deck skips them)
    assert [s.declines for s in ko.path] == [s.declines for s in en.path] == [True, True, False, True, False]
    assert ko_declined == ["아니요", "아니요", "아니요"]  # each question asks yes or no in Korean (issue 28)


def test_the_tree_is_drawn_in_the_language_of_its_run(fresh_caches):
    tree = decision.load()
    with i18n.using("ko"):
        dot = decision_chart.to_dot(tree)
    assert 'label="워크로드는 어디에서\\n실행됩니까?"' in dot
    assert "Where do the workloads\\nrun?" in decision_chart.to_dot(tree)
    # questions wrap at about 24 columns (24 plus the space before the last word, as in English; issue 28
    # narrowed them from 34 so the tree's text stays readable), a Hangul syllable as wide as two letters:
    # else Korean boxes would grow twice as wide as English ones
    questions = re.findall(r'shape=box, style="rounded", group=questions, label="([^"]*)"', dot)
    lines = [line for q in questions for line in q.split("\\n")]
    assert len(lines) > len(questions) and all(HANGUL.search(q) for q in questions)
    assert max(sum(2 if unicodedata.east_asian_width(c) == "W" else 1 for c in line) for line in lines) <= 25


def test_the_feature_matrix_speaks_the_language_of_its_run(fresh_caches):
    with i18n.using("ko"):
        lacking = features.missing(["scanning"])
        table = features.feature_table()
    assert lacking["ghcr"] == ["취약점 스캔"]
    assert table.loc["Amazon ECR", "취약점 스캔"].startswith("예: 내장: 기본 스캔 무료")
    assert features.missing(["scanning"])["ghcr"] == ["Vulnerability scanning"]
    assert features.label("scanning") == "Vulnerability scanning"


def test_migration_steps_and_assumptions_speak_the_language_of_their_run(book, fresh_caches):
    w = from_dict({"owner": "octo", "repository_name": "simple-api"})
    with i18n.using("ko"):
        ko = migration.plan(w, book, "ghcr", "ecr")
        note = timeline.onetime()["setup_hours"]["ghcr"]["note"]
    en = migration.plan(w, book, "ghcr", "ecr")
    assert [t for t, _c in ko.steps][:2] == ["ECR 리포지토리 생성", "GHCR에서 이미지 풀"]
    assert [t for t, _c in en.steps][:2] == ["Create the ECR repository", "Pull the image from GHCR"]

    # commands are commands in any language; only their comments are the reader's
    def commands(steps):
        return [[line.split("#")[0].rstrip() for line in c.splitlines()] for _t, c in steps]

    assert commands(ko.steps) == commands(en.steps)
    assert "# user data: docker pull" in en.steps[6][1] and "# 사용자 데이터: docker pull" in ko.steps[6][1]
    with i18n.using("ko"):  # the batch plan (many repositories): its comments in Korean too
        batch_ko = "\n".join(c for _t, c in migration.plan(from_dict({"repositories": 3}), book, "ghcr", "ecr").steps)
    comments = [line.split("#", 1)[1] for line in batch_ko.splitlines() if "#" in line]
    assert comments and all(
        re.search(r"[\uac00-\ud7a3]", c) or not re.search(r"[a-z]{4,} [a-z]{3,}", c) for c in comments
    ), comments  # no English sentence left in a Korean comment
    assert ko.steps_source.startswith("비교 문서의") and en.steps_source.startswith("the comparison's")
    assert note == "GitHub Actions에서 한 줄 설정: 약 5분(비교 문서)"
    assert timeline.onetime()["setup_hours"]["ghcr"]["note"].startswith("one-line setup in GitHub Actions")


def test_a_frozen_text_document_reads_each_language_on_use():
    doc = freeze({"steps": [[{"en": "Push", "ko": "푸시"}, "docker push x"]], "n": 1}, texts=True)
    ((title, command),) = doc["steps"]
    assert (title, command, doc["n"]) == ("Push", "docker push x", 1)
    with i18n.using("ko"):
        ((title, command),) = doc["steps"]
        assert (title, command) == ("푸시", "docker push x")
        assert doc["steps"][0][0] == "푸시"


def test_a_price_note_reads_in_the_language_of_its_run():
    p = pricebook.load().price("acr.internet_egress_gb")
    with i18n.using("ko"):
        assert p.note == (
            "Microsoft 네트워크를 통한 라우팅 기준입니다. "
            "East US는 영역 1(북미, 유럽), Korea Central은 영역 2(아시아)입니다."
        )
    assert p.note.startswith("Routing over Microsoft's network")


def test_an_updated_price_keeps_its_note_in_both_languages():
    found = SimpleNamespace(as_of="2026-11-01", page="https://aws.amazon.com/ecr/pricing/")
    got = _note([found], {"en": "Layers come through S3.", "ko": "레이어는 S3를 거칩니다."}, "AWS")
    assert got == {
        "en": "Read from the AWS price list (published 2026-11-01; page https://aws.amazon.com/ecr/pricing/). "
        "Layers come through S3.",
        "ko": "AWS 가격표에서 읽음(게시일 2026-11-01, 페이지 https://aws.amazon.com/ecr/pricing/). "
        "레이어는 S3를 거칩니다.",
    }
    assert _note([found], got, "AWS") == got  # the next update replaces the line it wrote, in both languages
    assert _scalar(got).startswith(
        '{en: "Read from the AWS price list (published 2026-11-01; '
    )  # quoted: commas inside


# ---- the price book's units ------------------------------------------------------------------------
# Names a Korean unit keeps as the vendor writes them (a SKU, a product, a plan, an address family)
UNIT_NAMES = (
    "Nexus Repository Community Edition",
    "Amazon Inspector",
    "S3 Standard",
    "ECR Public",
    "c6i.xlarge",
    "ecr.api",
    "ecr.dkr",
    "GitHub",
    "Harbor",
    "Linux",
    "CNCF",
    "CPU",
    "NAT",
    "AWS",
    "AZ",
    "USD",
    "IPv4",
    "IPv6",
    "Pro",
    "Team",
    "Business",
    "Personal",
    "GB",
    "TB",
    "PB",
)


def _english_left(text: str) -> list[str]:
    for name in UNIT_NAMES:
        text = text.replace(name, " ")
    return re.findall(r"[A-Za-z]{2,}", text)


def test_the_scan_of_a_unit_finds_english():
    assert _english_left("USD/GB each way") == ["each", "way"]
    assert _english_left("USD/GB, 양방향 각각") == []


def test_every_price_has_its_unit_in_english_and_korean():
    doc = yaml.safe_load(pricebook.DEFAULT_PATH.read_text(encoding="utf-8"))
    worded = 0
    for key, entry in doc["prices"].items():
        unit = entry["unit"]
        assert isinstance(unit, dict) and set(unit) == {"en", "ko"}, key
        assert unit["en"].strip() and unit["ko"].strip(), key
        assert _english_left(unit["ko"]) == [], (key, unit["ko"])  # nothing left untranslated
        if _english_left(unit["en"]):  # "USD/GB" reads the same in Korean; words are translated
            worded += 1
            assert HANGUL.search(unit["ko"]) and unit["ko"] != unit["en"], key
    assert worded >= 35  # of 46 entries, only "USD/GB" and "USD/GB-month"-like ones have no words


def test_the_english_unit_is_what_code_reads_and_the_korean_one_is_shown():
    book = pricebook.load()
    # hand-copied from the price book before it became bilingual: code and price updates compare these
    english = {
        "aws.cross_az_gb": "USD/GB each way",
        "aws.internet_egress_free_gb": "GB/month (account-wide, applied when the free-tier toggle is on)",
        "ecr.storage_gb_month": "USD/GB-month",
        "acr.tier_daily": "USD/day",
        "dockerhub.pull_limit_per_6h": "pulls per 6 hours (per IPv4 address or IPv6 /64 subnet when anonymous; "
        "per user when Personal)",
        "nexus.ce_components": "components cap of Nexus Repository Community Edition",
    }
    korean = {
        "aws.cross_az_gb": "USD/GB, 양방향 각각",
        "aws.internet_egress_free_gb": "GB/월(계정 전체, 프리 티어 토글이 켜져 있을 때 적용)",
        "ecr.storage_gb_month": "USD/GB-월",
        "acr.tier_daily": "USD/일",
    }
    for key, en in english.items():
        p = book.price(key)
        assert p.unit == en and p.shown_unit == en
        with i18n.using("ko"):
            assert p.unit == en  # the same in a Korean run: it is data, not words
            if key in korean:
                assert p.shown_unit == korean[key]
    assert all(isinstance(p.unit, str) for p in book.prices.values())


def test_a_plain_unit_still_reads_and_a_half_translated_one_is_refused(tmp_path):
    doc = yaml.safe_load(pricebook.DEFAULT_PATH.read_text(encoding="utf-8"))
    doc["prices"]["acr.tier_daily"]["unit"] = "USD/day"  # a book written before units had Korean
    p = pricebook.parse(doc).price("acr.tier_daily")
    with i18n.using("ko"):
        assert (p.unit, p.shown_unit) == ("USD/day", "USD/day")
    for bad in ({"en": "USD/day"}, {"en": "USD/day", "ko": ""}, {"en": "USD/day", "ko": "USD/일", "fr": "USD/jour"}):
        doc["prices"]["acr.tier_daily"]["unit"] = bad
        with pytest.raises(pricebook.PriceBookError, match=r"price 'acr\.tier_daily': 'unit' must be text"):
            pricebook.parse(doc)


def test_a_price_book_update_keeps_units_in_both_languages(tmp_path):
    from tests.test_price_lists import FIX, book_copy

    book = book_copy(tmp_path)
    old = pricebook.load(book)
    with i18n.using("ko"):
        r = pu.update(FIX, book, tmp_path / "hist", today="2026-11-30")
    assert r.changed  # the fixtures' Azure figures differ: acr.tier_daily and acr.extra_storage_gb_day are rewritten
    # the Korean report shows the Korean unit; the English diff of the same books the English one
    assert "  변경   acr.tier_daily [basic]: 0.167 → 0.1666 USD/일 (-0.2%)" in r.report.splitlines()
    new = pricebook.load(book)
    assert "  changed  acr.tier_daily [basic]: 0.167 -> 0.1666 USD/day (-0.2%)" in pu.diff(old, new)
    text = book.read_text(encoding="utf-8")
    assert '    unit: {en: "USD/day", ko: "USD/일"}' in text  # a rewritten entry, as the book writes it
    doc = yaml.safe_load(text)
    rewritten = {k for k, p in new.prices.items() if p.source != old.price(k).source}  # read from the lists
    assert {"acr.tier_daily", "acr.extra_storage_gb_day", "ecr.storage_gb_month"} <= rewritten
    for key, p in new.prices.items():  # every entry, rewritten or kept, has both languages as it had
        assert doc["prices"][key]["unit"] == dict(old.price(key).units), key
        assert (p.unit, dict(p.units)) == (old.price(key).unit, dict(old.price(key).units)), key


def test_the_decks_sources_quote_prices_with_units_in_the_readers_language(book):
    from lib.exports import deck

    w = from_dict(
        {
            "runs_on": "aws",
            "network": "nat",
            "repositories": 40,
            "image_size_mb": 1200,
            "versions_kept": 30,
            "pulls_per_month": 50_000,
        }
    )

    def items():
        return [
            item
            for _vendor, pages in deck.price_sources.sources(analyse(w, book))
            for *_page, priced in pages
            for item in priced
        ]

    with i18n.using("ko"):
        ko = "\n".join(items())
    en = "\n".join(items())
    # NAT $0.045 an hour and per GB processed, cross-AZ $0.01/GB each way (data/prices.yaml, us-east-1)
    assert "$0.045/시간, NAT 게이트웨이당" in ko and "$0.045/GB, 처리한 데이터" in ko and "$0.01/GB, 양방향 각각" in ko
    assert "$0.045/hour per NAT gateway" in en and "$0.045/GB processed" in en and "$0.01/GB each way" in en
    assert "100,000 요청/일(Nexus Repository Community Edition 한도)" in ko
    for p in book.prices.values():
        if re.search(r"[a-z]{3,}", p.unit):
            assert p.unit.removeprefix("USD").lstrip("/ ") not in ko, p.unit


def test_every_price_in_the_book_has_a_name_in_words():
    # an entry without one shows its key's words ("internet egress tier2 gb") in English and Korean alike
    from lib.inputs import pricebook
    from lib.pricing import labels

    unnamed = [k for k in pricebook.load().prices if k not in labels.PRICES]
    assert unnamed == []
