"""Checks of single fields read from untrusted files: sizes, times, names."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime

from ..core.i18n import _
from .limits import MAX_BYTES_VALUE, MAX_NAME, TIME_MAX, TIME_MIN


def byte_size(v: object, where: str, probs: list[str]) -> int | None:
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, (int, float)) or (isinstance(v, float) and not v.is_integer()):
        probs.append(_("{where}: expected a whole number of bytes, got {got}").format(where=where, got=show(v)))
        return None
    if v < 0 or v > MAX_BYTES_VALUE:
        probs.append(_("{where}: {n:,} bytes is not a plausible image size").format(where=where, n=v))
        return None
    return int(v)


def _iso_time(v: str) -> float | None:
    """An ISO 8601 date and time as seconds since 1970 (naive means UTC), or None when it is not one."""
    try:
        d = datetime.fromisoformat(v)
    except ValueError:
        return None
    return (d if d.tzinfo else d.replace(tzinfo=UTC)).timestamp()


def _any_time(v: object) -> float | None:
    """The slow path: seconds since 1970 as a number (never a bool), or ISO 8601 with spaces around it."""
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v) if math.isfinite(v) else None
    if isinstance(v, str) and len(v) <= 64:
        return _iso_time(v.strip())
    return None


def when(v: object, where: str, probs: list[str]) -> float | None:
    """ISO 8601 (with offset or Z; naive means UTC) or seconds since 1970."""
    if v is None or v == "":
        return None
    if type(v) is str and len(v) <= 64:  # the usual case first: a well-formed ISO string in range
        t = _iso_time(v)
        if t is not None and TIME_MIN <= t <= TIME_MAX:
            return t
    t = _any_time(v)
    if t is None or not (TIME_MIN <= t <= TIME_MAX):
        probs.append(
            _("{where}: expected a date and time (ISO 8601 or seconds since 1970, 2000-2100), got {got}").format(
                where=where, got=show(v)
            )
        )
        return None
    return t


def name_text(v: object, where: str, probs: list[str], required: bool = True) -> str | None:
    if v is None and not required:
        return None
    if not isinstance(v, str) or not v or len(v) > MAX_NAME:
        probs.append(_("{where}: expected a name, got {got}").format(where=where, got=show(v)))
        return None
    return v


def stem(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return base[:-5] if base.lower().endswith(".json") else base


def string(v: object) -> str | None:
    """A string field, or None: a hostile file may put a list where a media type belongs."""
    return v if isinstance(v, str) else None


def show(v: object) -> str:
    s = json.dumps(v) if isinstance(v, (str, int, float, bool, type(None))) else type(v).__name__
    return s if len(s) <= 60 else s[:57] + "..."
