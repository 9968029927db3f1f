"""Korean wording of the seventh fresh review (issue 28) that a catalogue or a function holds: brackets set
against their word, Streamlit's own words translated. Page text: tests/test_app_seventh_review.py."""

import re

from lib.core import i18n
from lib.pricing import labels
from tests.test_korean_glossary import TEXTS
from ui import accessibility

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
