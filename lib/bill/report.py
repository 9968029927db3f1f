""" "Today's bill against the model" as a Markdown section, for the ADR (and a deck's notes) once a
bill was applied. Every text from a bill file is escaped for Markdown and put on one line: a usage
type or a file name can never become a link, a heading or a table cell of its own.

Not yet wired into lib/adr.py and lib/deck.py: both are being refactored on other branches; the call
is one line there (`sections.append(report.markdown(bill, comparison, shares))`) once they land."""

from __future__ import annotations

import re

from .. import labels, registries
from ..components import unit_text
from ..i18n import _
from .compare import Comparison
from .reader import Bill
from .words import SHARE_WORDS, causes, kind, period, text

_MD = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:&])")


def escape(value: object, limit: int = 120) -> str:
    """Text from a file, safe inside Markdown: one line, visible controls, every Markdown character escaped."""
    return _MD.sub(r"\\\1", text(value, limit))


def markdown(bill: Bill, c: Comparison, shares: dict[str, float | None]) -> str:
    title = _("Today’s bill against the model")
    out = [f"## {title}", ""]
    out.append(
        _("{registry}, billing period {period}; files: {files}.").format(
            registry=registries.name(c.registry),
            period=escape(period(bill)),
            files=", ".join(f"{escape(f.name, 80)} ({escape(f.format)})" for f in bill.files),
        )
    )
    out.append("")
    out.append(f"| {_('Component')} | {_('Model')} | {_('Bill')} | {_('Difference')} | {_('Likely cause')} |")
    out.append("|---|---:|---:|---:|---|")
    for r in c.rows:
        u = unit_text(r.unit) if r.unit else ""
        model = f"{labels.number(r.model_quantity, 2)} {u} = {labels.money(r.model_cost)}"
        billed = f"{labels.number(r.bill_quantity, 2)} {u} = {labels.money(r.bill_cost)}"
        out.append(
            f"| {kind(r.kind)} | {escape(model)} | {escape(billed)} | {escape(labels.signed_money(r.difference))} "
            f"| {escape(causes(r), 300)} |"
        )
    out.append(
        f"| **{_('Total for the period')}** | {escape(labels.money(c.model_total))} | "
        f"{escape(labels.money(c.bill_total))} | {escape(labels.signed_money(c.bill_total - c.model_total))} | |"
    )
    for key, share in shares.items():
        if share is not None:
            out.append("")
            out.append(
                _("Share of the {what} counted as registry traffic: {share}").format(
                    what=_(SHARE_WORDS[key]), share=escape(labels.percent(share))
                )
            )
    return "\n".join(out) + "\n"
