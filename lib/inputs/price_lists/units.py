"""A price list's units ('GB-Mo', '100 GB/Month', '1/Day') as the price book's, and a price per one
unit as a price per another."""

from __future__ import annotations

import re

_UNIT_BASE = {  # a file's unit -> (base, scale): the price is per `scale` of `base`
    "GB-Mo": ("GB-month", 1),
    "Hrs": ("hour", 1),
    "GB": ("GB", 1),
    "Images": ("image", 1),
    "Image": ("image", 1),
    "Count": ("image", 1),
    "Quantity": ("image", 1),
    "scans": ("image", 1),
    "Scans": ("image", 1),
}
_AZURE_UNIT = re.compile(r"^\s*(\d+(?:\.\d+)?)?\s*(K|M)?\s*(GB/Month|GB|Hour|/Day|/Month|/Hour)?\s*$")


def unit_base(unit: str) -> tuple[str, float]:
    """('GB-month', 1) for 'GB-Mo' or '1 GB/Month'; ('GB-month', 100) for '100 GB/Month'."""
    if unit in _UNIT_BASE:
        return _UNIT_BASE[unit]
    m = _AZURE_UNIT.match(unit or "")
    if not m or not m.group(3):
        raise ValueError(f"unknown unit {unit!r}")
    scale = float(m.group(1) or 1) * {"K": 1e3, "M": 1e6, None: 1}[m.group(2)]
    base = {"GB/Month": "GB-month", "GB": "GB", "Hour": "hour", "/Hour": "hour", "/Day": "day", "/Month": "month"}[
        m.group(3)
    ]
    return base, scale


def convert(value: float, unit: str, to: str, hours_per_month: float) -> float:
    """A price per `unit` as a price per `to`. Months are hours_per_month long (730), days 24 h."""
    base, scale = unit_base(unit)
    v = value / scale
    days = hours_per_month / 24.0
    if base == to:
        return v
    table = {
        ("GB-month", "GB-day"): 1 / days,
        ("hour", "month"): hours_per_month,
        ("day", "month"): days,
        ("hour", "day"): 24.0,
        ("GB-day", "GB-month"): days,
        ("month", "day"): 1 / days,
    }
    if (base, to) not in table:
        raise ValueError(f"cannot convert a price per {unit} to one per {to}")
    return v * table[(base, to)]
