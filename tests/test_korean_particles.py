"""Issue 18, a Korean reader's review: no Korean text picks a particle it cannot know.

A particle after a filled-in value depends on how the value ends (Amazon ECR을 / Harbor를), which
the sentence cannot know, so the catalogue once wrote both ("을(를)") and read machine-glued. Each
such sentence is now worded so no particle follows a placeholder (a colon label, "~의 경우", a noun
that takes none). These tests fail on the both-forms spelling anywhere in the Korean (catalogue and
data files), and on a value-dependent particle written right after a placeholder."""

import re
from pathlib import Path

import yaml
from babel.messages.pofile import read_po

from lib.core import i18n
from lib.presentation import wording

ROOT = Path(__file__).resolve().parent.parent
BOTH_FORMS = re.compile(r"이\(가\)|을\(를\)|은\(는\)|\(으\)로|와\(과\)|\(이\)|\(을\)")
# a particle whose form depends on the last syllable before it, right after "{placeholder}";
# 의, 에, 도, 만 and the copula 입니다 are the same after any word and stay allowed
AFTER_PLACEHOLDER = re.compile(r"\}(이|가|을|를|은|는|와|과|로|으로)(?![\uac00-\ud7a3])")


def _msgstrs() -> list[tuple[str, str]]:
    with open(ROOT / "locales/ko/LC_MESSAGES/messages.po", "rb") as f:
        cat = read_po(f)
    out = []
    for m in cat:
        if m.id:
            strings = m.string if isinstance(m.string, (list, tuple)) else [m.string]
            out += [(str(m.id), s) for s in strings]
    return out


def _korean_in_data() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []

    def walk(where: str, value: object) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("ko"), str):
                out.append((where, value["ko"]))
            for k, v in value.items():
                walk(f"{where}.{k}", v)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(f"{where}[{i}]", v)

    for path in sorted((ROOT / "data").glob("*.yaml")) + sorted((ROOT / "data/presets").glob("*.yaml")):
        walk(path.name, yaml.safe_load(path.read_text(encoding="utf-8")))
    return out


def test_the_detector_catches_what_the_reviewer_saw():
    # the review's own examples, so a regex that cannot match fails here first
    assert BOTH_FORMS.search("**Amazon ECR**을(를) 사용합니다")
    assert BOTH_FORMS.search("Amazon ECR(으)로 옮기면")
    assert AFTER_PLACEHOLDER.search("{registry}를 사용합니다")
    assert AFTER_PLACEHOLDER.search("시간당 {rate}로 계산합니다")
    assert not AFTER_PLACEHOLDER.search("{registry}입니다, {dst}에 푸시, {part}의 비중")


def test_no_message_in_the_catalogue_guesses_a_particle():
    strings = _msgstrs()
    assert len(strings) > 500  # the whole catalogue was read
    both = [(i, s) for i, s in strings if BOTH_FORMS.search(s)]
    glued = [(i, s) for i, s in strings if AFTER_PLACEHOLDER.search(s)]
    assert both == [] and glued == []


def test_no_korean_data_text_guesses_a_particle():
    texts = _korean_in_data()
    assert len(texts) > 100  # every data file's ko texts were found
    assert [(w, s) for w, s in texts if BOTH_FORMS.search(s) or AFTER_PLACEHOLDER.search(s)] == []


def test_one_korean_word_per_idea():
    # the S3 baseline is 기준선, a repository 리포지토리 (저장소 read as "storage" beside 스토리지)
    texts = [s for _, s in _msgstrs()] + [s for _, s in _korean_in_data()]
    assert [s for s in texts if "기준안" in s or "저장소" in s] == []


def test_a_setup_reads_as_a_noun_phrase_in_korean_and_unchanged_in_english():
    # the deck's title and the ADR put the setup after the registry's name: Korean puts it in
    # brackets (issue 28: "Amazon ECR(… 구성), 월 $563.25"), named as the chart and every other surface
    # name what it holds, then 구성, as the chart's short name does (VPC 엔드포인트 구성); no colon inside the
    # brackets (the eighth review: "Amazon ECR(VPC 엔드포인트 구성: …)" read as a label inside a name)
    with i18n.using("ko"):
        words = wording.setup({"network": "endpoints"})
        assert words == "인터페이스 엔드포인트 + S3 게이트웨이 엔드포인트 구성"
        assert (
            i18n._("{registry} {setup}").format(registry="Amazon ECR", setup=words)
            == "Amazon ECR(인터페이스 엔드포인트 + S3 게이트웨이 엔드포인트 구성)"
        )
        assert i18n._("with VPC endpoints") == "VPC 엔드포인트 구성"
    with i18n.using("en"):
        assert wording.setup({"network": "endpoints"}) == "with VPC interface endpoints and the S3 gateway endpoint"
