"""Plain renderings of an estimate: JSON-ready dicts, CSV rows and a text table."""

from __future__ import annotations

import csv
import io
from typing import Any

from ..core import i18n
from ..core.i18n import _
from ..pricing import labels
from ..pricing.components import unit_text
from ..pricing.engine import Estimate
from ..pricing.setups import Setup
from .tables import category_text, header


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
                "flags": [
                    {
                        "code": f.code,  # the stable key: the same in every language (the interface)
                        "severity": f.severity,
                        "message": f.message,  # in the reader's language, made now from the flag's Label
                    }
                    for f in r.flags
                ],
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
                    unit_text(c.unit),  # "GB-월" in Korean, as the spreadsheet writes it
                    f"{c.price:.6g}",
                    f"{c.monthly_cost:.6f}",
                ]
            )
        out.writerow([r.id, r.name, _("TOTAL"), "", "", "", "", f"{r.monthly_cost:.6f}"])
    return buf.getvalue()


def width(text: str) -> int:
    """Columns a terminal gives the text: Hangul and other wide characters take two."""
    from wcwidth import wcswidth

    w = wcswidth(text)
    return w if w >= 0 else len(text)  # a control character: count code points


def pad(text: str, columns: int, right: bool = False) -> str:
    """`text` filled with spaces to `columns` terminal columns (str.ljust counts characters, so a
    Korean name of ten syllables came out ten columns short and pushed every figure after it)."""
    fill = " " * max(0, columns - width(text))
    return fill + text if right else text + fill


def to_text(e: Estimate) -> str:
    """The estimate as a terminal table: each registry's total, then its components as quantity x unit
    price = cost. Quantities with separators, never in e-notation ("60,000 GB", not "6e+04"); units in the
    reader's language; columns lined up by display width, so Korean names keep the figures in line."""
    ranked = e.ranked()
    rows = [
        (
            c.name,
            labels.number(c.quantity),
            unit_text(c.unit),
            labels.unit_price(c.price),
            labels.money(labels.rounded(c.monthly_cost)),
        )
        for r in ranked
        for c in r.components
    ]
    name_w, qty_w, unit_w, price_w, cost_w = (max([width(row[i]) for row in rows] + [1]) for i in range(5))
    totals = [labels.money(labels.rounded(r.monthly_cost)) for r in ranked]
    cost_w = max([cost_w] + [width(t) for t in totals])
    line_w = 4 + name_w + 2 + qty_w + 1 + unit_w + 3 + price_w + 3 + cost_w
    k = i18n.krw()
    lines = [
        _("Monthly cost by registry (USD, price book {version}, region {region})").format(
            version=e.price_book_version, region=e.workload.region
        )
        if k is None
        else _(
            "Monthly cost by registry (won at {rate} per US dollar, rate of {day}; unit prices in US dollars; "
            "price book {version}, region {region})"
        ).format(
            rate=labels.won_rate(k.rate),
            day=k.as_of.isoformat(),
            version=e.price_book_version,
            region=e.workload.region,
        ),
        # the order is by this cost, each registry as the scenario has it (ECR behind the NAT gateway it
        # names): a reader took the first row for the answer (eighth Korean review: Harbor first, ECR sixth)
        _("Each registry as the scenario sets it up; `recommend` compares each in its cheapest setup."),
        "",
    ]
    times = "x" if i18n.lang() == "en" else "×"  # English as it always printed; Korean multiplies with ×
    i = 0
    for r, total in zip(ranked, totals, strict=True):
        lines.append(pad(r.name, line_w - cost_w - 1) + " " + pad(total, cost_w, right=True))
        for _c in r.components:
            name, qty, unit, price, cost = rows[i]
            i += 1
            lines.append(
                f"    {pad(name, name_w)}  {pad(qty, qty_w, right=True)} {pad(unit, unit_w)} {times} "
                f"{pad(price, price_w)} = {pad(cost, cost_w, right=True)}"
            )
        for f in r.flags:
            lines.append(f"    [{_severity(f.severity)}] {f.message}")
        lines.append("")
    return "\n".join(lines)


def _severity(code: str) -> str:
    """A flag's severity in the text table: its code in English (as it always printed), its word in Korean."""
    return code if i18n.lang() == "en" else _(labels.SEVERITIES[code])


def signed_money(x: float) -> str:
    """+$10.50 / −$3.20: a change in cost, sign first."""
    return f"{'+' if x >= 0 else '−'}${labels.rounded(abs(x)):,.2f}"
