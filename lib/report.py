"""Plain renderings of an estimate: JSON-ready dicts, CSV rows and a text table."""

from __future__ import annotations

import csv
import io
from typing import Any

from . import labels
from .engine import Estimate
from .i18n import _
from .setups import Setup


def to_dict(e: Estimate, cheaper: dict[str, Setup | None] | None = None) -> dict[str, Any]:
    """`cheaper`: setups.cheaper_setups() for this estimate; given, every registry gets a
    `cheaper_setup` ({changes, monthly_cost, saving, description} or None)."""
    out: dict[str, Any] = {  # typed: its values are of several kinds
        "price_book": e.price_book_version,
        "region": e.workload.region,
        "workload": e.workload.to_dict(),
        "registries": [
            {
                "id": r.id,
                "name": r.name,
                "monthly_cost": round(r.monthly_cost, 6),
                "components": [
                    {
                        "key": c.key,  # the English name: the same in every language (the interface)
                        "name": c.name,  # in the reader's language
                        "category": c.category,
                        "unit": c.unit,
                        "quantity": c.quantity,
                        "price": c.price,
                        "monthly_cost": round(c.monthly_cost, 6),
                    }
                    for c in r.components
                ],
                "flags": [{"code": f.code, "severity": f.severity, "message": f.message} for f in r.flags],
            }
            for r in e.registries
        ],
    }
    if cheaper is not None:
        for r in out["registries"]:
            s = cheaper.get(r["id"])
            r["cheaper_setup"] = s.to_dict() if s else None
    return out


def to_csv(e: Estimate) -> str:
    buf = io.StringIO()
    out = csv.writer(buf)
    from .tables import category_text, header

    out.writerow(
        [
            header(k)
            for k in ("registry_id", "registry", "component", "category", "quantity", "unit", "price", "monthly_cost")
        ]
    )
    for r in e.registries:
        for c in r.components:
            out.writerow(
                [
                    r.id,
                    r.name,
                    c.name,
                    category_text(c.category),
                    f"{c.quantity:.6g}",
                    c.unit,
                    f"{c.price:.6g}",
                    f"{c.monthly_cost:.6f}",
                ]
            )
        out.writerow([r.id, r.name, _("TOTAL"), "", "", "", "", f"{r.monthly_cost:.6f}"])
    return buf.getvalue()


def to_text(e: Estimate) -> str:
    lines = [
        _("Monthly cost by registry (USD, price book {version}, region {region})").format(
            version=e.price_book_version, region=e.workload.region
        ),
        "",
    ]
    for r in e.ranked():
        lines.append(f"{r.name:<40} ${labels.rounded(r.monthly_cost):>12,.2f}")
        for c in r.components:
            cost = labels.rounded(c.monthly_cost)
            lines.append(f"    {c.name:<52} {c.quantity:>12,.4g} {c.unit:<14} x ${c.price:<10,.4g} = ${cost:>10,.2f}")
        for f in r.flags:
            lines.append(f"    [{_severity(f.severity)}] {f.message}")
        lines.append("")
    return "\n".join(lines)


def _severity(code: str) -> str:
    """A flag's severity in the text table: its code in English (as it always printed), its word in Korean."""
    from . import i18n

    return code if i18n.lang() == "en" else _(labels.SEVERITIES[code])


def signed_money(x: float) -> str:
    """+$10.50 / −$3.20: a change in cost, sign first."""
    return f"{'+' if x >= 0 else '−'}${labels.rounded(abs(x)):,.2f}"
