"""A won rate as a reader gives it (a link's krw_rate and krw_date, the CLI's --krw-rate and --krw-date): read
and checked once, for the app and the command line alike. A bad one is not used: amounts stay in US dollars,
and the message says which value was wrong and why."""

from __future__ import annotations

import datetime as dt
import math
import re

from ..core.i18n import N_, _, quote
from ..core.numbers import number

RATE_FIELD, DATE_FIELD = "krw_rate", "krw_date"
MIN_RATE = 0.01  # the input's own minimum (krw_controls)
FIRST_DAY = dt.date(2000, 1, 1)  # the price book starts in 2020s; a year 0001 rate is a typo
_PLAIN_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)", re.ASCII)
MAX_RATE = 100_000.0  # won per dollar: ~1,400 in 2026; anything near this bound is a typo, not a rate
RATE_HELP = N_("Won per US dollar, from your bank or treasury. Leave empty to show US dollars.")


def today() -> dt.date:
    return dt.date.today()


def parse_rate(value: str) -> tuple[float | None, str | None]:
    """A won rate from a link: (rate, None) or (None, what is wrong)."""
    text = value.strip().replace(",", "")
    try:
        # ASCII digits only: float() also reads Arabic-Indic and full-width digits, "1_400" and "nan"
        if not _PLAIN_NUMBER.fullmatch(text):
            raise ValueError(text)
        rate = float(text)
    except ValueError:
        return None, _("{field}: {value} is not a number; amounts are shown in US dollars").format(
            field=RATE_FIELD, value=quote(value)
        )
    if not math.isfinite(rate) or rate < MIN_RATE:
        # below the input's own minimum every amount rounds to ₩0
        return None, _(
            "{field}: {value} must be at least {min} won per US dollar; amounts are shown in US dollars"
        ).format(field=RATE_FIELD, value=quote(value), min=number(MIN_RATE))
    if rate > MAX_RATE:
        return None, _(
            "{field}: {value} won per US dollar is not a plausible rate (at most {max}); "
            "amounts are shown in US dollars"
        ).format(field=RATE_FIELD, value=quote(value), max=number(MAX_RATE))
    return rate, None


def parse_date(value: str) -> tuple[dt.date | None, str | None]:
    """The day of a won rate from a link (YYYY-MM-DD, not in the future): (day, None) or (None, why)."""
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        return None, _(
            "{field}: {value} is not a date (write it as 2026-11-20); amounts are shown in US dollars"
        ).format(field=DATE_FIELD, value=quote(value))
    if day < FIRST_DAY:
        return None, _(
            "{field}: {value} is not a plausible day for an exchange rate (from {first} on); "
            "amounts are shown in US dollars"
        ).format(field=DATE_FIELD, value=quote(value), first=FIRST_DAY.isoformat())
    if day > today():
        return None, _(
            "{field}: {value} is in the future: a rate is from a day that has passed; amounts are shown in US dollars"
        ).format(field=DATE_FIELD, value=quote(value))
    return day, None
