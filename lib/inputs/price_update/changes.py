"""What differs between two price books, one line per price: the change report of an update."""

from __future__ import annotations

from ...core.i18n import _
from .. import pricebook


def _flat(book: pricebook.PriceBook) -> dict[tuple[str, str | None], tuple[float, str, str]]:
    """(value, English unit: what is compared, unit in the reader's language: what is shown) per price."""
    out: dict[tuple[str, str | None], tuple[float, str, str]] = {}
    for k, p in book.prices.items():
        if isinstance(p.value, dict):
            for d, v in p.value.items():
                out[(k, str(d))] = (float(v), p.unit, p.shown_unit)
        else:
            out[(k, None)] = (float(p.value), p.unit, p.shown_unit)  # None: the entry has one value
    return out


def diff(old: pricebook.PriceBook, new: pricebook.PriceBook) -> list[str]:
    """One line per price that differs, was added or was removed."""
    a, b = _flat(old), _flat(new)
    lines = []
    for key in sorted(set(a) | set(b), key=lambda t: (t[0], t[1] or "")):
        name = key[0] + (f" [{key[1]}]" if key[1] else "")
        if key not in b:
            lines.append(
                "  " + _("removed  {name}: was {value:g} {unit}").format(name=name, value=a[key][0], unit=a[key][2])
            )
        elif key not in a:
            lines.append(
                "  " + _("added    {name}: {value:g} {unit}").format(name=name, value=b[key][0], unit=b[key][2])
            )
        elif abs(a[key][0] - b[key][0]) > 1e-12 or a[key][1] != b[key][1]:
            pct = f" ({(b[key][0] / a[key][0] - 1):+.1%})" if a[key][0] else ""
            lines.append(
                "  "
                + _("changed  {name}: {old:g} -> {new:g} {unit}{change}").format(
                    name=name, old=a[key][0], new=b[key][0], unit=b[key][2], change=pct
                )
            )
    return lines
