"""One number format: amounts, percentages, quantities, prices and dates as the reader's language
writes them. Plain formatting over lib.core.i18n (the language and the won rate): the pricing core uses it
to write its arithmetic ("60,000 GB x $0.02 = $1,200.00"), so it sits below everything that names things
(lib.pricing.labels re-exports it, the name every page and exporter has used)."""

from __future__ import annotations

import datetime as _dt
import math
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from . import i18n

# ---- one number format -------------------------------------------------------------------
# Digits are rounded by Python's own formatting (the figures the tests work out by hand); the
# separators, the percent sign's place and the dates follow the current language's locale (Babel's
# CLDR data). Amounts are US dollars, or won at the user's rate when `i18n.krw()` is set.

MINUS = "−"  # U+2212: a real minus sign, as wide as the plus
# Two monthly amounts closer than half a cent print the same: no saving, no gap, "costs the same".
# Every comparison of money in lib/ (recommendation, cheaper setups, deck) uses this one figure.
SAME_MONEY = 0.005


@cache
def _symbols(loc: str) -> tuple[str, str]:
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return get_decimal_symbol(loc), get_group_symbol(loc)


def _local(digits: str) -> str:
    """'1,234.5' written with the current locale's group and decimal signs."""
    dec, grp = _symbols(i18n.locale())
    if (dec, grp) == (".", ","):
        return digits
    return digits.replace(",", "\0").replace(".", dec).replace("\0", grp)


def currency_symbol() -> str:
    """'$', or '₩' when amounts are shown in won: the prefix of every amount and money axis."""
    return "₩" if i18n.krw() else "$"


def amount(x: float) -> float:
    """A US-dollar amount in the display currency (won at the user's rate, or dollars)."""
    k = i18n.krw()
    return x * k.rate if k else x


def rounded(x: float, places: int = 2) -> float:
    """The one rounding of money: to the cent (`places` 0: the whole won), half up, from the figure
    as written. Python's "{:.2f}" rounds the binary value (442.015 is 442.01499...: "442.01") where the
    browser's number format rounds the decimal one ("442.02"): every surface is given this figure,
    so a table, a bar label, a hover and a slide print the same cents."""
    return float(Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP))


def shown(x: float) -> float:
    """An amount in the display currency, rounded as it is shown: cents, or whole won."""
    return rounded(amount(x), 0 if i18n.krw() else 2)


def won_words(won: float) -> str:
    """A won amount as a Korean sentence writes it (issue 28): in 만 (10^4) and 억 (10^8), the way a
    review document says "약 404만 원". Below 1만 the exact figure ("5,678원"); up to 100만 to the 천
    ("약 12만 3천 원"); from 100만 on to the 만, with 약 when the rounding dropped something
    ("약 1,235만 원", "약 1억 2,346만 원"; exactly "300만 원")."""
    w = int(rounded(abs(won), 0))
    sign = MINUS if won < 0 and w else ""  # after 약: "약 −336만 원"
    if w < 10_000:
        return f"{sign}{w:,}원"
    if w < 1_000_000:  # to the 천 (10^3): "약 77만 8천 원"
        cheon = int(rounded(w / 1_000, 0))
        about = "약 " if cheon * 1_000 != w else ""
        man, rest = divmod(cheon, 10)
        return f"{about}{sign}{man:,}만" + (f" {rest}천 원" if rest else " 원")
    man = int(rounded(w / 10_000, 0))
    about = "약 " if man * 10_000 != w else ""
    eok, man = divmod(man, 10_000)
    parts = ([f"{eok:,}억"] if eok else []) + ([f"{man:,}만"] if man else [])
    return f"{about}{sign}{' '.join(parts)} 원"


def count_words(n: float) -> str | None:
    """A large round count as Korean writes it in a sentence, in 만 (10^4) and 억 (10^8): 100,000,000 is
    "1억", 50,000 "5만", 250,000,000 "2억 5,000만" (seventh Korean review: "월 100,000,000회"). None when
    it is not a whole number of 만 (12,345 stays "12,345") or below 1만."""
    k = round(n)
    if k < 10_000 or k % 10_000 or abs(n - k) > 1e-9:
        return None
    eok, man = divmod(k // 10_000, 10_000)
    return " ".join(([f"{eok:,}억"] if eok else []) + ([f"{man:,}만"] if man else []))


def money(x: float, cents: bool = True, prose: bool = False) -> str:
    """$2,996.85 (or $2,997 without cents); −$3.20 for a negative amount; ₩4,135,653 in won (no
    fractions of a won). `prose`: the amount sits in a sentence, which in Korean says won in 만 and
    억 ("약 414만 원", won_words); tables, metrics and bar labels keep the exact figure."""
    if prose and i18n.krw() and i18n.lang() == "ko":
        return won_words(amount(x))
    if i18n.krw():
        x, cents = amount(x), False
    x = rounded(x, 2 if cents else 0)
    s = currency_symbol() + _local(f"{abs(x):,.2f}" if cents else f"{abs(x):,.0f}")
    return (MINUS + s) if x < 0 and abs(x) else s


def won_rate(rate: float) -> str:
    """The won rate as the sentence around it needs it: "₩1,380.50" in English ("at ₩1,380.50 per US
    dollar"), the bare figure in Korean, whose sentence writes "1달러당 1,380.50원" (issue 28: one way
    to state the rate on every surface)."""
    figure = number(rate, 2 if rate % 1 else 0)
    return figure if i18n.lang() == "ko" else "₩" + figure


def shown_difference(total: float, part: float) -> float:
    """The amount that prints as money(total) − money(part), so three figures on screen add up to
    the cent (or to the won): 2,996.85 − 563.245 prints as $2,433.60, not $2,433.61."""
    k = i18n.krw()
    if k:
        return (rounded(total * k.rate, 0) - rounded(part * k.rate, 0)) / k.rate
    return rounded(rounded(total) - rounded(part))


def signed_money(x: float, prose: bool = False) -> str:
    """+$10.50 / −$2,103.65: a change in cost, sign first. `prose`: in Korean with won shown, in 만 and 억
    as money(prose=True) writes them, the sign after 약 ("약 +12만 3천 원", "약 −336만 원")."""
    if prose and i18n.krw() and i18n.lang() == "ko":
        words = won_words(amount(x))
        if rounded(amount(x), 0) > 0:
            words = "약 +" + words[2:] if words.startswith("약 ") else "+" + words
        return words
    # no change is written without a sign, as a plain figure ("₩0", "$0.00"; eighth Korean review: "+₩0" in a
    # column of changes read as a rise)
    if i18n.krw():
        y = rounded(amount(x), 0)
        return _sign(y) + currency_symbol() + _local(f"{abs(y):,.0f}")
    x = rounded(x)
    return _sign(x) + "$" + _local(f"{abs(x):,.2f}")


def _sign(shown: float) -> str:
    """A figure's sign as shown: "+", "−", or none for zero (after rounding, so −0.001 is "$0.00")."""
    return "" if not shown else ("+" if shown > 0 else MINUS)


def percent(fraction: float, digits: int = 0) -> str:
    """0.05 -> "5 %" in English (a space before the sign), "5%" in Korean."""
    return _local(f"{fraction * 100:,.{digits}f}") + (" %" if i18n.lang() == "en" else "%")


def signed_percent(fraction: float, digits: int = 1) -> str:
    return _sign(round(fraction * 100, digits)) + percent(abs(fraction), digits)


def number(x: float, digits: int = 0) -> str:
    """Thousands separators, never scientific notation: 60,000 / 0.25 / 1,234.5."""
    if not math.isfinite(x):
        return str(x)
    if digits == 0 and x != round(x):
        # fractional quantities keep what they have: up to 4 decimals below 100 (0.5 GB-month), 2 above
        return _local(f"{x:,.{4 if abs(x) < 100 else 2}f}".rstrip("0").rstrip("."))
    return _local(f"{x:,.{digits}f}")


def quantity(x: float, unit: str = "") -> str:
    """A measured amount with its unit: "60,000 GB", "0.5 GB-month", "730 hours"; a Korean counter attaches to
    its number as Korean writes it: "12개월", "730시간" (ninth Korean review: "12 개월")."""
    if unit and KOREAN_COUNTER.fullmatch(unit):
        return f"{number(x)}{unit}"
    return f"{number(x)} {unit}".strip()


KOREAN_COUNTER = re.compile(
    "[\uac00-\ud7a3]+"
)  # one Hangul word (개월, 시간, 일); "엔지니어 시간", "GB-월" keep the space


def data_size_mb(mb: float) -> str:
    """500 MB, 1.2 GB, 60,000 GB: MB below a gigabyte, GB (1 GB = 1,000 MB) from there."""
    return f"{number(mb)} MB" if mb < 1000 else f"{number(mb / 1000, 0 if mb % 1000 == 0 else 1)} GB"


def date_text(day: _dt.date) -> str:
    """29 November 2026 / 2026년 11월 29일: a date as the reader's language writes it."""
    if i18n.lang() == "en":
        return f"{day:%d %B %Y}"  # what the slides have always said; Babel's en_US would say "November 29, 2026"
    from babel.dates import format_date

    return format_date(day, format="long", locale=i18n.locale())


def unit_price(p: float) -> str:
    """$0.10, $0.0274, $15.00: cents always, more digits only when the price has them."""
    s = f"{abs(p):,.6f}".rstrip("0")
    whole, _point, frac = s.partition(".")
    return ("−" if p < 0 else "") + "$" + _local(f"{whole}.{frac.ljust(2, '0')}")  # the price book is in dollars
