"""A value's problem, in words that name the field and quote the user's value: coercing what links and
files give (strings, YAML numbers) and checking typed values against their Spec and the pull mix."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from ...core.i18n import _, quote  # quote: every user value in a problem goes through it
from .fields import SPECS
from .spec import Spec

SHARE_FIELDS = ("same_region_share", "cross_region_share", "internet_share")
SHARE_TOLERANCE = 1e-6

# a number as a person writes it in a link or file: ASCII digits only (float() would also take
# "１２３" and "٣"), an optional point and exponent, `_` between digits as in `1_000_000`
_DECIMAL = re.compile(
    r"[-+]?(?:[0-9]+(?:_[0-9]+)*(?:\.(?:[0-9]+(?:_[0-9]+)*)?)?|\.[0-9]+(?:_[0-9]+)*)(?:[eE][-+]?[0-9]+)?"
)


def _unit(spec: Spec) -> str:
    """ " MB" after a bound, or nothing."""
    return f" {spec.unit}" if spec.unit else ""


Coerced = tuple[Any, str | None]  # (value, problem): the value is None when there is a problem


def _coerce_bool(name: str, value: Any, spec: Spec) -> Coerced:
    if isinstance(value, bool):
        return value, None
    if isinstance(value, str) and value.lower() in ("true", "false", "1", "0", "yes", "no"):
        return value.lower() in ("true", "1", "yes"), None
    return None, _("{name}: must be true or false, got {value}").format(name=name, value=quote(value))


def _coerce_text(name: str, value: Any, spec: Spec) -> Coerced:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)  # YAML reads an account ID as a number
    if not isinstance(value, str) or not re.fullmatch(spec.pattern, value):
        return None, _("{name}: {value} is not a valid {label} (expected {pattern})").format(
            name=name, value=quote(value), label=spec.label.lower(), pattern=quote(spec.pattern)
        )
    return value, None


def _coerce_set(name: str, value: Any, spec: Spec) -> Coerced:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)):
        return None, _("{name}: must be a list of {choices}, got {value}").format(
            name=name, choices=", ".join(spec.choices), value=quote(value)
        )
    items = [i.strip() if isinstance(i, str) else i for i in items if i != ""]
    bad = [i for i in items if i not in spec.choices]
    if bad:
        return None, _("{name}: unknown item(s) {items} (choose from {choices})").format(
            name=name, items=", ".join(quote(b, 30) for b in bad[:5]), choices=", ".join(spec.choices)
        )
    return tuple(c for c in spec.choices if c in items), None


def _coerce_choice(name: str, value: Any, spec: Spec) -> Coerced:
    if isinstance(value, str) and value in spec.choices:
        return value, None
    return None, _("{name}: must be one of {choices}, got {value}").format(
        name=name, choices=", ".join(spec.choices), value=quote(value)
    )


def _as_float(name: str, value: Any) -> tuple[float | None, str | None]:
    """A YAML number or a number written in ASCII digits, as a float (inf when too large); NaN refused."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None, _("{name}: must be a number, got {value}").format(name=name, value=quote(value))
    if isinstance(value, str):
        if not _DECIMAL.fullmatch(value.strip()):
            return None, _("{name}: must be a number written in digits 0-9, got {value}").format(
                name=name, value=quote(value)
            )
        value = float(value.strip())  # inf when too large for a float: named as too large by the caller
    if isinstance(value, int) and not -1e300 < value < 1e300:
        value = math.inf if value > 0 else -math.inf  # float() would raise OverflowError on an int this big
    number = float(value)
    if math.isnan(number):
        return None, _("{name}: must be a number, got {value}").format(name=name, value=quote(number))
    return number, None


def _bounded(name: str, value: float, spec: Spec) -> Coerced:
    """The value within its Spec's bounds, or the bound it breaks."""
    if spec.min is not None and value < spec.min:
        message = (
            _("{name}: {value:g} is negative (must be at least {min:g}{unit})")
            if value < 0
            else _("{name}: {value:g} is too small (must be at least {min:g}{unit})")
        )
        return None, message.format(name=name, value=value, min=spec.min, unit=_unit(spec))
    if spec.max is not None and value > spec.max:
        return None, _("{name}: {value:g} is too large (at most {max:g}{unit})").format(
            name=name, value=value, max=spec.max, unit=_unit(spec)
        )
    return value, None


def _coerce_number(name: str, value: Any, spec: Spec) -> Coerced:
    number, problem = _as_float(name, value)
    if number is None:
        return None, problem
    if math.isinf(number):
        message = (
            _("{name}: the number is too large (must be from {min:g} to {max:g}{unit})")
            if number > 0
            else _("{name}: the number is too small (must be from {min:g} to {max:g}{unit})")
        )
        return None, message.format(name=name, min=spec.min, max=spec.max, unit=_unit(spec))
    if spec.kind == "int":
        if number != int(number):
            return None, _("{name}: must be a whole number, got {value}").format(name=name, value=quote(number))
        return _bounded(name, int(number), spec)
    return _bounded(name, number, spec)


# a Spec's kind -> how a value of it is read; any other kind is a number (int or float)
_COERCE: dict[str, Callable[[str, Any, Spec], Coerced]] = {
    "bool": _coerce_bool,
    "text": _coerce_text,
    "set": _coerce_set,
    "choice": _coerce_choice,
}


def coerce_value(name: str, value: Any, spec: Spec) -> Coerced:
    """Return (value, problem). Accepts what YAML gives; strings are for link parameters.
    A user's value is repeated in a problem only through quote(): as text, truncated."""
    return _COERCE.get(spec.kind, _coerce_number)(name, value, spec)


def check_value(name: str, value: object, spec: Spec) -> str | None:
    """A typed value's problem, or None: as coerce_value, but a string is no number or truth value here
    (only links and files are read from text, by from_dict)."""
    # the fast paths first: every Workload built (sweeps build thousands) checks every field
    fast = _FAST_CHECKS.get(spec.kind)
    if fast is not None:
        decided, problem = fast(name, value, spec)
        if decided:
            return problem
    return coerce_value(name, value, spec)[1]


# (decided, problem): a value a fast check cannot decide (a choice not in the list, a number out of bounds)
# goes to coerce_value, whose messages name what is wrong
_Checked = tuple[bool, str | None]


def _check_choice(name: str, value: object, spec: Spec) -> _Checked:
    return value in spec.choices, None


def _check_number(name: str, value: object, spec: Spec) -> _Checked:
    if isinstance(value, (str, bool)) or not isinstance(value, (int, float)):
        return True, _("{name}: must be a number, got {value}").format(name=name, value=quote(value))
    fits = (
        (spec.min is None or value >= spec.min)
        and (spec.max is None or value <= spec.max)
        and (spec.kind == "float" or value == int(value))
    )
    return fits, None


def _check_bool(name: str, value: object, spec: Spec) -> _Checked:
    if isinstance(value, bool):
        return True, None
    return True, _("{name}: must be true or false, got {value}").format(name=name, value=quote(value))


def _check_set(name: str, value: object, spec: Spec) -> _Checked:
    if not isinstance(value, (list, tuple)):
        return True, _("{name}: must be a list of {choices}, got {value}").format(
            name=name, choices=", ".join(spec.choices), value=quote(value)
        )
    return False, None


_FAST_CHECKS: dict[str, Callable[[str, object, Spec], _Checked]] = {
    "choice": _check_choice,
    "float": _check_number,
    "int": _check_number,
    "bool": _check_bool,
    "set": _check_set,
}


def coerce_fields(data: dict[str, Any], *, strict: bool = True) -> tuple[dict[str, Any], list[str]]:
    """Check each field on its own. Returns (good values, problems); never raises.

    Unknown fields are problems when strict. Callers that must keep every valid input (a link
    with one bad parameter) use the good values and show the problems.
    """
    good, problems = {}, []
    for name, value in data.items():
        spec = SPECS.get(name)
        if spec is None:
            if strict:
                problems.append(
                    _("{field}: unknown field (known fields: see `python -m lib fields`)").format(field=quote(name))
                )
            continue
        v, problem = coerce_value(name, value, spec)
        if problem:
            problems.append(problem)
        else:
            good[name] = v
    return good, problems


def check_shares(values: dict[str, Any]) -> str | None:
    shares = [values[k] for k in SHARE_FIELDS]
    total = sum(shares)
    if abs(total - 1.0) > SHARE_TOLERANCE:
        parts = " + ".join(f"{k} {values[k]:g}" for k in SHARE_FIELDS)
        return _("pull mix: {parts} = {total:g}; the three shares must sum to 1").format(parts=parts, total=total)
    return None
