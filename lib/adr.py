"""A Markdown architecture decision record, ready to paste into a review document."""
from __future__ import annotations

import datetime as dt

from . import decision, engine, registries, wording
from .labels import in_sentence, money, number, percent
from .pricebook import PriceBook
from .workload import SPECS, Workload


def adr(w: Workload, book: PriceBook, link: str = "", today: dt.date | None = None) -> str:
    e = engine.estimate(w, book)
    r = decision.recommend(w, book, costs=e.totals())
    names = registries.NAMES
    today = today or dt.date.today()
    lines = [
        f"# ADR: Use {names[r.recommended]} as the container registry",
        "",
        f"- Date: {today.isoformat()}",
        "- Status: proposed",
        f"- Price book: {book.version} (as of {', '.join(book.as_of_dates())}), region {w.region}, USD list prices",
        "",
        "## Context",
        "",
        f"Workload: {wording.workload(w)}, {wording.value('visibility', w.visibility)}; network path: "
        f"{wording.value('network', w.network)}; region {wording.region(w.region)}.",
        f"Situation: workloads in {wording.value('runs_on', w.runs_on)}, CI {wording.value('ci', w.ci)}, "
        f"{wording.value('lifetime', w.lifetime)}"
        + (f", compliance: {wording.value('compliance', w.compliance)}" if w.compliance else "")
        + (", access only from a private network" if w.private_network_only else "") + ".",
    ]
    changed = {k: v for k, v in w.to_dict(only_changed=True).items() if SPECS[k].group not in ("analysis",)}
    if changed:
        lines += ["", "Inputs that differ from the defaults: "
                  + "; ".join(f"{in_sentence(SPECS[k].label)} {wording.value(k, v)}" for k, v in changed.items()) + "."]
    lines += ["", "## Options considered", "", "| Registry | Monthly cost (USD) | Outcome |", "|---|---:|---|"]
    why = {x.id: x.why for x in r.rejected}
    for reg in e.ranked():
        outcome = "**chosen**" if reg.id == r.recommended else ("runner-up: " if reg.id == r.runner_up else "") + why[reg.id]
        lines.append(f"| {reg.name} | {number(reg.monthly_cost, 2)} | {wording.reason(outcome).replace('|', '/')} |")
    lines += ["", "## Decision", "", f"We will use **{names[r.recommended]}** "
              f"{(r.setup_description + ' ') if r.setup_description else ''}({money(r.recommended_cost)}/month for this workload). {wording.reason(r.summary)}", ""]
    for i, s in enumerate(r.path, 1):
        lines.append(f"{i}. {s.question} **{s.answer}**: {' '.join(wording.reason(x) for x in s.reasons)}")
    if r.cost_note:
        lines += ["", r.cost_note]
    rec = e[r.recommended]
    top = max(rec.components, key=lambda c: c.monthly_cost, default=None)
    lines += ["", "## Consequences", "",
              f"- Monthly cost: {money(rec.monthly_cost)}, mostly {top.name} ({percent(top.monthly_cost / rec.monthly_cost)})."
              if top is not None and rec.monthly_cost > 0 else "- Monthly cost: $0.00 under current prices."]
    lines += [f"- {f.message}" for f in rec.flags]
    if r.runner_up:
        lines.append(f"- Fallback: {names[r.runner_up]} ({money(r.costs[r.runner_up])}/month).")
    lines += ["", "## References", ""]
    if link:
        lines.append(f"- Scenario (reopens every input and figure): {link}")
    lines.append(f"- Prices: the Registry Decision Dashboard's price book {book.version}; each price has its source URL "
                 "(the dashboard's About page lists them).")
    return "\n".join(lines) + "\n"

