""" "Today's bill against the model" as a Markdown section, for the ADR (and a deck's notes) once a
bill was applied, and the same table as plain cells for the deck's slide. Every text from a bill file is
put on one line with its control characters shown (words.text); in Markdown it is escaped as well, so a
usage type or a file name can never become a link, a heading or a table cell of its own."""

from __future__ import annotations

import re

from ..core.i18n import _, ngettext
from ..pricing import labels, registries
from ..pricing.components import unit_text
from .comparison import Comparison
from .reader import Bill
from .words import SHARE_WORDS, causes, kind, period, text

_MD = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:&])")


def escape(value: object, limit: int = 120) -> str:
    """Text from a file, safe inside Markdown: one line, visible controls, every Markdown character escaped."""
    return _MD.sub(r"\\\1", text(value, limit))


def title() -> str:
    return _("Today’s bill against the model")


def header() -> tuple[str, str, str, str, str]:
    return _("Component"), _("Model"), _("Bill"), _("Difference"), _("Likely cause")


def cells(c: Comparison) -> list[tuple[str, str, str, str, str]]:
    """One row of words per component (component, model, bill, difference, likely cause), plain text."""
    out = []
    for r in c.rows:
        u = unit_text(r.unit) if r.unit else ""
        model = f"{labels.number(r.model_quantity, 2)} {u} = {labels.money(r.model_cost)}"
        billed = f"{labels.number(r.bill_quantity, 2)} {u} = {labels.money(r.bill_cost)}"
        out.append((kind(r.kind), model, billed, labels.signed_money(r.difference), causes(r)))
    return out


def total(c: Comparison) -> tuple[str, str, str, str, str]:
    diff = labels.signed_money(c.bill_total - c.model_total)
    return _("Total for the period"), labels.money(c.model_total), labels.money(c.bill_total), diff, ""


def files_text(bill: Bill, shown: int = 3) -> str:
    """The files read, by name and format (one line each, at most `shown`, then how many more)."""
    names = [f"{text(f.name, 80)} ({text(f.format)})" for f in bill.files[:shown]]
    more = len(bill.files) - shown
    if more > 0:
        names.append(ngettext("{n} more file", "{n} more files", more).format(n=more))
    return ", ".join(names)


def markdown(bill: Bill, c: Comparison, shares: dict[str, float | None]) -> str:
    out = [f"## {title()}", ""]
    out.append(
        _("{registry}, billing period {period}; files: {files}.").format(
            registry=registries.name(c.registry),
            period=escape(period(bill)),
            files=", ".join(f"{escape(f.name, 80)} ({escape(f.format)})" for f in bill.files),
        )
    )
    out.append("")
    out.append("| " + " | ".join(header()) + " |")
    out.append("|---|---:|---:|---:|---|")
    for component, model, billed, diff, cause in cells(c):
        out.append(f"| {component} | {escape(model)} | {escape(billed)} | {escape(diff)} | {escape(cause, 300)} |")
    name, model, billed, diff, _none = total(c)
    out.append(f"| **{name}** | {escape(model)} | {escape(billed)} | {escape(diff)} | |")
    for key, share in shares.items():
        if share is not None:
            out.append("")
            out.append(
                _("Share of the {what} counted as registry traffic: {share}").format(
                    what=_(SHARE_WORDS[key]), share=escape(labels.percent(share))
                )
            )
    return "\n".join(out) + "\n"
