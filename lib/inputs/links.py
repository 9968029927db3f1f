"""Share links: a scenario as a short, readable query string, and back.

Parameter names are the scenario file's field names, so a link can be written by hand
(`?image_size_mb=800&pulls_per_month=5000`). Defaults are left out. A second scenario for
comparison travels as overrides prefixed `b_` (`?b_versions_kept=30`). `price_book` records
which price book the link was made with.

Parsing is lenient by design: a hand-edited link with one bad parameter keeps every other
valid input, and each problem is named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ..core.errors import InputError
from ..core.i18n import _, quote
from . import pricebook
from .workload import DEFAULT, SHARE_FIELDS, SPECS, Workload, from_dict, lenient

PRICE_BOOK = "price_book"
B_PREFIX = "b_"
MAX_VALUE_BYTES = 200  # in UTF-8 bytes, not characters: 84 x "€" is 252 bytes, too long for a file name
IGNORED = {"embed", "embed_options"}  # Streamlit's own parameters


def format_value(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (tuple, list)):
        return ",".join(v)
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
    return str(v)


def _changed(w: Workload, base: Workload) -> dict[str, Any]:
    out = {k: getattr(w, k) for k in SPECS if getattr(w, k) != getattr(base, k)}
    if any(k in out for k in SHARE_FIELDS):
        # all three, so the mix is read back exactly (a missing share would be 1 - the others)
        out.update({k: getattr(w, k) for k in SHARE_FIELDS})
    return out


def to_query(w: Workload, price_book: str | None = None, b: Workload | None = None) -> dict[str, str]:
    q = {k: format_value(v) for k, v in _changed(w, DEFAULT).items()}
    if b is not None:
        q.update({B_PREFIX + k: format_value(v) for k, v in _changed(b, w).items()})
    if price_book:
        q[PRICE_BOOK] = price_book
    return q


@dataclass
class Parsed:
    workload: Workload
    b_overrides: dict[str, Any] = field(default_factory=dict)
    price_book: str | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def b(self) -> Workload | None:
        if not self.b_overrides:
            return None
        try:
            return from_dict({**self.workload.to_dict(), **self.b_overrides})
        except InputError:
            return None


# what a link's parameter sets: the price book, a field of scenario A, or one of B's ("b_" fields)
Target = Literal["book", "a", "b"]


def _read_param(name: str, values: list[Any]) -> tuple[Target, str, str] | str:
    """One parameter of a link: what it sets, the field and the value; or, as a string, the problem that
    keeps it from being used (given more than once, too long, not a price book version, unknown)."""
    ours = name in SPECS or name == PRICE_BOOK or name.removeprefix(B_PREFIX) in SPECS
    shown = name if ours else quote(name)  # anything else came from whoever wrote the link: shown as text
    if len(values) != 1:
        return _("{name}: given {count} times in the link ({values}); none was used").format(
            name=shown, count=len(values), values=", ".join(quote(str(v), 20) for v in values[:3])
        )
    value = str(values[0])
    if len(value.encode("utf-8", "surrogatepass")) > MAX_VALUE_BYTES:
        return _("{name}: value longer than {limit} bytes; not used").format(name=shown, limit=MAX_VALUE_BYTES)
    if name == PRICE_BOOK:
        if not pricebook.valid_version(value):
            return _("{name}: {value} is not a price book version ({rule}); not used").format(
                name=shown, value=quote(value), rule=pricebook.VERSION_RULE
            )
        return "book", name, value
    if name.startswith(B_PREFIX) and name[len(B_PREFIX) :] in SPECS:
        return "b", name[len(B_PREFIX) :], value
    if name in SPECS:
        return "a", name, value
    return _("{name}: unknown parameter; ignored (parameters are scenario field names)").format(name=shown)


def from_query(params: dict[str, list[str]]) -> Parsed:
    """Parse a query string given as {name: [values...]} (repeated keys keep every value)."""
    problems: list[str] = []
    raw: dict[Target, dict[str, str]] = {"a": {}, "b": {}}
    book = None
    for name, values in params.items():
        if name in IGNORED:
            continue
        read = _read_param(name, list(values) if isinstance(values, (list, tuple)) else [values])
        if isinstance(read, str):
            problems.append(read)
        elif read[0] == "book":
            book = read[2]
        else:
            raw[read[0]][read[1]] = read[2]
    a, a_problems = lenient(raw["a"])
    b_values = {}
    if raw["b"]:
        b, b_problems = lenient(raw["b"], a, _("comparison: "))  # the prefix of each problem with scenario B
        b_values = {k: v for k, v in b.to_dict().items() if v != a.to_dict()[k]}
        a_problems += b_problems
    return Parsed(a, b_values, book, problems + a_problems)


def query_string(q: dict[str, str]) -> str:
    from urllib.parse import urlencode

    return urlencode(q, safe=",")
