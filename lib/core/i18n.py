"""The language a run speaks: English or Korean, for every word the app, the slides, the ADR,
the spreadsheets and the command line show.

Words come from gettext catalogues (`locales/ko/LC_MESSAGES/messages.po`, made by `make locales`);
the English text in the code is the message id, so English needs no catalogue. Data files carry
both languages themselves (`{en: ..., ko: ...}`), read with `text()`.

The current language is a ContextVar, not a global: the Streamlit server runs each session's script
in its own thread, and a thread starts with a fresh context, so one person's choice never leaks into
another's run. Each run starts in English until the frame calls `set_lang`; the CLI and the tests
use `using()`.
"""

from __future__ import annotations

import gettext
import io
import re
import unicodedata
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Literal, cast

from .errors import DashboardError

Lang = Literal["en", "ko"]
LANGS: dict[str, str] = {"en": "English", "ko": "한국어"}  # each in its own language: what a reader looks for
DEFAULT: Lang = "en"
_LOCALES: dict[str, str] = {"en": "en_US", "ko": "ko_KR"}  # Babel's locale for numbers, money and dates

LOCALE_DIR = Path(__file__).resolve().parent.parent.parent / "locales"
DOMAIN = "messages"

_lang: ContextVar[Lang] = ContextVar("lang", default=DEFAULT)


class UnknownLanguage(DashboardError):
    pass


@dataclass(frozen=True)
class Krw:
    """Amounts shown in won: the user's exchange rate (won per US dollar) and the day it is from.
    The price book stays in US dollars; only the display converts."""

    rate: float
    as_of: date


_krw: ContextVar[Krw | None] = ContextVar("krw", default=None)


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined (a module-level table); it is
    translated where it is shown, with `_()`."""
    return message


def lang() -> Lang:
    return _lang.get()


def locale() -> str:
    """Babel's locale for the current language: 'en_US' or 'ko_KR'."""
    return _LOCALES[_lang.get()]


def parse_lang(value: object) -> Lang:
    """A language code as links, files and the CLI give it ('ko', 'KO'); anything else is an error
    naming the choices."""
    code = str(value).strip().lower()
    if code not in LANGS:
        raise UnknownLanguage(f"unknown language {quote(str(value))}: use " + " or ".join(LANGS))
    return cast(Lang, code)


def from_locale(value: str | None) -> Lang:
    """The language for a browser's locale ('ko-KR', 'ko', 'en-GB', None): Korean for any Korean
    locale, English otherwise."""
    if value and value.replace("_", "-").split("-", 1)[0].lower() == "ko":
        return "ko"
    return DEFAULT


def set_lang(code: str) -> None:
    """The language of this run from here on (the Streamlit frame calls it first thing)."""
    _lang.set(parse_lang(code))


@contextmanager
def using(code: str, krw: Krw | None = None) -> Iterator[None]:
    """Speak `code` (and show won at `krw`, if given) inside the block, then what was spoken before."""
    token = _lang.set(parse_lang(code))
    krw_token = _krw.set(krw)
    try:
        yield
    finally:
        _krw.reset(krw_token)
        _lang.reset(token)


def krw() -> Krw | None:
    return _krw.get()


def set_krw(value: Krw | None) -> None:
    _krw.set(value)


@cache
def catalogue(code: str) -> gettext.NullTranslations:
    """The compiled catalogue for a language (English: the message ids themselves).

    `make locales` compiles the .mo next to the .po; without it (a fresh clone before `make`), the
    .po is compiled in memory, so the app never speaks a stale or missing catalogue: a .mo older
    than its .po is ignored."""
    if code == DEFAULT:
        return gettext.NullTranslations()
    po = LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo = po.with_suffix(".mo")
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as f:
            return gettext.GNUTranslations(f)
    if not po.exists():
        raise UnknownLanguage(f"no catalogue for {LANGS.get(code, code)} (expected {po.name} in locales/{code})")
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as f:
        cat = read_po(f, locale=code)
    buf = io.BytesIO()
    write_mo(buf, cat, use_fuzzy=False)
    buf.seek(0)
    return gettext.GNUTranslations(buf)


def _(message: str) -> str:
    """`message` in the current language."""
    return catalogue(_lang.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for a count: Korean has one, English two."""
    return catalogue(_lang.get()).ngettext(singular, plural, n)


def text(value: str | Mapping[str, str]) -> str:
    """A data file's text in the current language: `{en: ..., ko: ...}`, or a plain string (the same
    in every language: names, units)."""
    if isinstance(value, str):
        return value
    code = _lang.get()
    return value.get(code) or value[DEFAULT]


# ---- user text inside a message (here, beside `_`, which its own words need) ----

QUOTE_CHARS = 60


def _visible(ch: str) -> str:
    """A control, format or line-separator character as a visible escape (\\n, \\u202e)."""
    if ch in "\n\r\t":
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch]
    if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
        return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"
    return ch


MAX_MARKS = 2  # combining marks kept on one character: enough for any script's accents


def _few_marks(text: str) -> str:
    """Combining marks past MAX_MARKS on one character as visible escapes: hundreds of them stack
    above and below the line ("Zalgo" text) and cover the message around the quote."""
    out, run = [], 0
    for ch in text:
        if unicodedata.category(ch) in ("Mn", "Me"):
            run += 1
            if run > MAX_MARKS:
                out.append(f"\\u{ord(ch):04x}")
                continue
        else:
            run = 0
        out.append(ch)
    return "".join(out)


def quote(value: object, limit: int = QUOTE_CHARS) -> str:
    """Anything a user typed or uploaded, made safe to show inside a message: on one line,
    truncated to `limit` characters with an ellipsis, and as a Markdown code span, so that
    Streamlit shows it as text (no links, images or headings) and the CLI shows it plainly.

    Every message that repeats a user's name or value goes through here."""
    text = value if isinstance(value, str) else _short_repr(value)
    if not text:
        return _("(empty)")
    text = _few_marks("".join(_visible(c) for c in text[: limit + 1]))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    # a code span's fence must be longer than any run of backticks inside it
    fence = "`" * (max((len(r) for r in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _short_repr(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value).bit_length() > 200:
        # repr() of an int over 4,300 digits raises; the size is what matters here
        return _("a number of about {digits:,} digits").format(digits=int(abs(value).bit_length() * 0.30103) + 1)
    try:
        return repr(value)[: QUOTE_CHARS * 4]
    except (ValueError, RecursionError):
        return _("a {kind}").format(kind=type(value).__name__)
