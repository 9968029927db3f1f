"""Months as vendors bill them: hourly charges and GitHub's GB-hours count the hours of the actual
month (GitHub: "6,768 GB-Hours / (744 hours per month) = 9.097 GB-Months"); the price book's
`hours_per_month` (730) is the average month every estimate uses unless a month is chosen."""

from __future__ import annotations

import calendar
from collections.abc import Iterable


def hours_in(year: int, month: int) -> int:
    """Hours of one calendar month: 744 for a 31-day month, 672 for February 2026."""
    return calendar.monthrange(year, month)[1] * 24


def gb_months(usage: Iterable[tuple[float, float]], month_hours: float) -> float:
    """GB-months of storage from (GB stored, hours stored) spans: GB-hours over the month's hours."""
    return sum(gb * hours for gb, hours in usage) / month_hours
