"""A Markdown architecture decision record, ready to paste into a review document."""
from __future__ import annotations

import datetime as dt

from . import decision, engine, labels, registries
from .pricebook import PriceBook
from .workload import SPECS


def _value(name: str, v) -> str:
    """A value in words: choices by their display names, shares as percentages."""
    if SPECS[name].kind == "set":
        return labels.choices(name, v).lower()
    if SPECS[name].kind == "choice":
        return labels.choice(name, v)
    if name in labels.PERCENT_FIELDS:
        return labels.percent(v)
    return f"{v:,g}" if isinstance(v, float) else str(v)


def adr(w, book: PriceBook, link: str = "", today: dt.date | None = None) -> str:
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
        f"Workload: {w.repositories:,} image(s) of {w.image_size_mb:,g} MB, {w.versions_kept} versions kept, "
        f"{w.pulls_per_month:,.0f} pulls a month ({w.same_region_share:.0%} same region, {w.cross_region_share:.0%} "
        f"cross region, {w.internet_share:.0%} internet), {labels.choice('visibility', w.visibility)}, "
        f"network path: {labels.choice('network', w.network)}.",
        f"Situation: workloads on {labels.choice('runs_on', w.runs_on)}, CI {labels.choice('ci', w.ci)}, "
        f"{labels.choice('lifetime', w.lifetime).lower()}"
        + (f", compliance: {labels.choices('compliance', w.compliance).lower()}" if w.compliance else "")
        + (", access only from a private network" if w.private_network_only else "") + ".",
    ]
    changed = {k: v for k, v in w.to_dict(only_changed=True).items() if SPECS[k].group not in ("analysis",)}
    if changed:
        lines += ["", "Inputs that differ from the defaults: "
                  + "; ".join(f"{SPECS[k].label.lower()} {_value(k, v)}" for k, v in changed.items()) + "."]
    lines += ["", "## Options considered", "", "| Registry | Monthly cost (USD) | Outcome |", "|---|---:|---|"]
    why = {x.id: x.why for x in r.rejected}
    for reg in e.ranked():
        outcome = "**chosen**" if reg.id == r.recommended else ("runner-up: " if reg.id == r.runner_up else "") + why[reg.id]
        lines.append(f"| {reg.name} | {reg.monthly_cost:,.2f} | {outcome.replace('|', '/')} |")
    lines += ["", "## Decision", "", f"We will use **{names[r.recommended]}** "
              f"(${r.costs[r.recommended]:,.2f}/month for this workload). {labels.plain(r.summary)}", ""]
    for i, s in enumerate(r.path, 1):
        lines.append(f"{i}. {s.question} **{s.answer}**: {labels.plain(' '.join(s.reasons))}")
    if r.cost_note:
        lines += ["", r.cost_note]
    rec = e[r.recommended]
    lines += ["", "## Consequences", "",
              f"- Monthly cost: ${rec.monthly_cost:,.2f}, mostly {max(rec.by_category(), key=rec.by_category().get)}."
              if rec.monthly_cost > 0 else "- Monthly cost: $0.00 under current prices."]
    lines += [f"- {f.message}" for f in rec.flags]
    if r.runner_up:
        lines.append(f"- Fallback: {names[r.runner_up]} (${r.costs[r.runner_up]:,.2f}/month).")
    lines += ["", "## References", ""]
    if link:
        lines.append(f"- Scenario (reopens every input and figure): {link}")
    lines.append(f"- Prices: the Registry Decision Dashboard's price book {book.version}; each price has its source URL "
                 "(the dashboard's About page lists them).")
    return "\n".join(lines) + "\n"

