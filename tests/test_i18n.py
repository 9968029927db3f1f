"""The language plumbing (lib/core/i18n.py), the Korean catalogue's completeness, and the formats per locale.

The catalogue test is what `make locales` promises: every message the code marks is in the Korean
catalogue with a translation, nothing in the catalogue is unused, nothing is fuzzy, and every
translation keeps its message's {placeholders} (a lost one would raise KeyError at .format time).
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po

from lib.core import i18n
from lib.pricing import labels

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locales" / "ko" / "LC_MESSAGES" / "messages.po"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"{([a-z_0-9]*)[^{}]*}")


def _code_messages() -> set[str]:
    """The msgids the code marks, extracted as `make locales` does (babel.cfg: Python files)."""
    found = set()
    method = [("**.py", "python")]
    sources = [extract_from_dir(ROOT / d, method_map=method, keywords=KEYWORDS) for d in ("lib", "ui", "pages")]
    for source in sources:
        for _filename, _lineno, msg, _comments, _ctx in source:  # extract_from_dir also yields the file
            found.add(msg if isinstance(msg, str) else msg[0])  # a plural message is keyed by its singular
    for _lineno, msg, _comments, _ctx in extract_from_file("python", ROOT / "app.py", keywords=KEYWORDS):
        found.add(msg if isinstance(msg, str) else msg[0])  # a plural message is keyed by its singular
    return found


def _catalogue():
    with PO.open("rb") as f:
        return read_po(f, locale="ko")


def test_every_marked_message_is_in_the_korean_catalogue():
    # a plural entry (ngettext) holds both of its message ids
    in_po = {i for m in _catalogue() if m.id for i in ((m.id,) if isinstance(m.id, str) else m.id)}
    missing = sorted(_code_messages() - in_po)
    assert not missing, f"run `make locales` and translate: {missing[:10]}"


def test_the_korean_catalogue_has_no_unused_messages():
    code = _code_messages()
    unused = sorted(
        m.id if isinstance(m.id, str) else m.id[0]
        for m in _catalogue()
        if m.id and (m.id if isinstance(m.id, str) else m.id[0]) not in code
    )
    assert not unused, f"run `make locales` (these are no longer in the code): {unused[:10]}"


def test_every_korean_message_is_translated_and_not_fuzzy():
    untranslated = [
        m.id for m in _catalogue() if m.id and not all(m.string if isinstance(m.string, tuple) else [m.string])
    ]
    fuzzy = [m.id for m in _catalogue() if m.id and m.fuzzy]
    assert not untranslated, f"{len(untranslated)} without Korean, e.g. {untranslated[:5]}"
    assert not fuzzy, f"fuzzy translations are not used: {fuzzy[:5]}"


def test_every_translation_keeps_its_placeholders():
    wrong = []
    for m in _catalogue():
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        want = set(PLACEHOLDER.findall(ids[-1]))
        wrong += [(ids[0], s) for s in strings if s and set(PLACEHOLDER.findall(s)) != want]
    assert not wrong, f"placeholders differ: {wrong[:5]}"


def test_the_placeholder_check_catches_a_lost_placeholder():
    # the check above must be able to fail: a translation that dropped {n} differs
    assert set(PLACEHOLDER.findall("{n} pulls a month")) != set(PLACEHOLDER.findall("월간 풀"))
    assert set(PLACEHOLDER.findall("{cost:,.2f} a month")) == set(PLACEHOLDER.findall("월 {cost:,.2f}"))


# ---- the language plumbing -------------------------------------------------------------------


def _tiny_catalogue(tmp_path, monkeypatch, compiled: bool):
    d = tmp_path / "ko" / "LC_MESSAGES"
    d.mkdir(parents=True)
    (d / "messages.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\nmsgid "Storage"\nmsgstr "스토리지"\n',
        encoding="utf-8",
    )
    if compiled:
        from babel.messages.mofile import write_mo

        with (d / "messages.po").open("rb") as f:
            cat = read_po(f, locale="ko")
        with (d / "messages.mo").open("wb") as f:
            write_mo(f, cat)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.catalogue.cache_clear()


@pytest.mark.parametrize("compiled", [True, False], ids=["from the .mo", "from the .po in memory"])
def test_a_message_is_shown_in_the_language_of_the_run(tmp_path, monkeypatch, compiled):
    _tiny_catalogue(tmp_path, monkeypatch, compiled)
    try:
        assert i18n._("Storage") == "Storage"
        with i18n.using("ko"):
            assert i18n._("Storage") == "스토리지"
            assert i18n._("Not in the catalogue") == "Not in the catalogue"
        assert i18n._("Storage") == "Storage"
    finally:
        i18n.catalogue.cache_clear()


def test_a_stale_mo_is_not_used(tmp_path, monkeypatch):
    _tiny_catalogue(tmp_path, monkeypatch, compiled=True)
    po = tmp_path / "ko" / "LC_MESSAGES" / "messages.po"
    po.write_text(po.read_text(encoding="utf-8").replace("스토리지", "저장 공간"), encoding="utf-8")
    mo = po.with_suffix(".mo")
    import os

    os.utime(mo, (po.stat().st_mtime - 10, po.stat().st_mtime - 10))
    try:
        with i18n.using("ko"):
            assert i18n._("Storage") == "저장 공간"
    finally:
        i18n.catalogue.cache_clear()


def test_each_thread_starts_in_english():
    # Streamlit runs each session's script in its own thread: one reader's Korean must not leak
    seen = []
    with i18n.using("ko"):
        t = threading.Thread(target=lambda: seen.append(i18n.lang()))
        t.start()
        t.join(5)
        assert i18n.lang() == "ko"
    assert seen == ["en"] and i18n.lang() == "en"


@pytest.mark.parametrize(
    "given, lang",
    [
        ("ko-KR", "ko"),
        ("ko", "ko"),
        ("ko_KR", "ko"),
        ("KO-kr", "ko"),
        ("en-US", "en"),
        ("en-GB", "en"),
        ("de-DE", "en"),
        ("", "en"),
        (None, "en"),
        ("kok-IN", "en"),
    ],
)
def test_the_browser_locale_picks_the_language(given, lang):
    assert i18n.from_locale(given) == lang


def test_an_unknown_language_is_a_clear_error():
    with pytest.raises(i18n.UnknownLanguage, match="unknown language `fr`: use en or ko"):
        i18n.parse_lang("fr")
    assert i18n.parse_lang(" KO ") == "ko"


def test_data_text_in_both_languages():
    entry = {"en": "Pull-through cache", "ko": "풀스루 캐시"}
    assert i18n.text(entry) == "Pull-through cache"
    with i18n.using("ko"):
        assert i18n.text(entry) == "풀스루 캐시"
        assert i18n.text("GB") == "GB"


# ---- formats per locale ------------------------------------------------------------------------

DAY = dt.date(2026, 11, 29)


def test_english_formats_are_the_house_style():
    assert labels.money(2996.85) == "$2,996.85"
    assert labels.money(-3.2) == "−$3.20"
    assert labels.money(2996.85, cents=False) == "$2,997"
    assert labels.percent(0.05) == "5 %"
    assert labels.number(1234.5, 1) == "1,234.5"
    assert labels.date_text(DAY) == "29 November 2026"


def test_korean_formats():
    with i18n.using("ko"):
        assert labels.money(2996.85) == "$2,996.85"  # prices stay dollars unless the reader asks for won
        assert labels.percent(0.05) == "5%"  # no space before the sign in Korean
        assert labels.signed_percent(-0.125) == "−12.5%"
        assert labels.date_text(DAY) == "2026년 11월 29일"


def test_won_at_the_readers_rate():
    rate = i18n.Krw(rate=1380.5, as_of=dt.date(2026, 11, 20))
    with i18n.using("ko", krw=rate):
        # 2,996.85 × 1,380.5 = 4,137,151.425 won, shown to the won
        assert labels.money(2996.85) == "₩4,137,151"
        # 3.20 × 1,380.5 = 4,417.6 -> 4,418
        assert labels.signed_money(-3.2) == "−₩4,418"
        assert labels.currency_symbol() == "₩" and labels.amount(2) == 2761.0
        assert labels.unit_price(0.1) == "$0.10"  # the price book's own figures stay in dollars
    assert labels.money(2996.85) == "$2,996.85"
