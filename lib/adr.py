"""A Markdown architecture decision record, ready to paste into a review document."""
from __future__ import annotations

import datetime as dt

from . import registries, wording
from .analysis import Analysis, analyse
from .i18n import _
from .labels import field, in_sentence, money, number, percent
from .pricebook import PriceBook
from .workload import SPECS, Workload


def adr(w: Workload, book: PriceBook, link: str = "", today: dt.date | None = None,
        analysis: Analysis | None = None) -> str:
    """`analysis`: w's result when the caller has it (analysis.analyse), so nothing is priced again."""
    a = analysis if analysis is not None else analyse(w, book)
    e, r = a.estimate, a.recommendation
    names = {rid: registries.name(rid) for rid in registries.IDS}  # in the language of the run
    today = today or dt.date.today()
    situation = [_("workloads in {place}").format(place=wording.value("runs_on", w.runs_on)),
                 _("CI {ci}").format(ci=wording.value("ci", w.ci)), wording.value("lifetime", w.lifetime)]
    if w.compliance:
        situation.append(_("compliance: {needs}").format(needs=wording.value("compliance", w.compliance)))
    if w.private_network_only:
        situation.append(_("access only from a private network"))
    lines = [
        _("# ADR: Use {registry} as the container registry").format(registry=names[r.recommended]),
        "",
        _("- Date: {date}").format(date=today.isoformat()),
        _("- Status: proposed"),
        _("- Price book: {version} (as of {dates}), region {region}, USD list prices").format(
            version=book.version, dates=", ".join(book.as_of_dates()), region=w.region),
        "",
        _("## Context"),
        "",
        _("Workload: {workload}, {visibility}; network path: {network}; region {region}.").format(
            workload=wording.workload(w), visibility=wording.value("visibility", w.visibility),
            network=wording.value("network", w.network), region=wording.region(w.region)),
        _("Situation: {items}.").format(items=", ".join(situation)),
    ]
    changed = {k: v for k, v in w.to_dict(only_changed=True).items() if SPECS[k].group not in ("analysis",)}
    if changed:
        lines += ["", _("Inputs that differ from the defaults: {inputs}.").format(
            inputs="; ".join(f"{in_sentence(field(k))} {wording.value(k, v)}" for k, v in changed.items()))]
    lines += ["", _("## Options considered"), "", _("| Registry | Monthly cost (USD) | Outcome |"), "|---|---:|---|"]
    why = {x.id: x.why for x in r.rejected}
    for reg in e.ranked():
        if reg.id == r.recommended:
            outcome = _("**chosen**")
        elif reg.id == r.runner_up:
            outcome = _("runner-up: {why}").format(why=why[reg.id])
        else:
            outcome = why[reg.id]
        lines.append(f"| {reg.name} | {number(reg.monthly_cost, 2)} | {wording.reason(outcome).replace('|', '/')} |")
    if r.setup_description:
        decided = _("We will use **{registry}** {setup} ({cost}/month for this workload).").format(
            registry=names[r.recommended], setup=r.setup_description, cost=money(r.recommended_cost))
    else:
        decided = _("We will use **{registry}** ({cost}/month for this workload).").format(
            registry=names[r.recommended], cost=money(r.recommended_cost))
    lines += ["", _("## Decision"), "", f"{decided} {wording.reason(r.summary)}", ""]
    for i, s in enumerate(r.path, 1):
        lines.append(f"{i}. {s.question} **{s.answer}**: {' '.join(wording.reason(x) for x in s.reasons)}")
    if r.cost_note:
        lines += ["", r.cost_note]
    rec = e[r.recommended]
    top = max(rec.components, key=lambda c: c.monthly_cost, default=None)
    lines += ["", _("## Consequences"), "",
              _("- Monthly cost: {cost}, mostly {part} ({share}).").format(
                  cost=money(rec.monthly_cost), part=top.name, share=percent(top.monthly_cost / rec.monthly_cost))
              if top is not None and rec.monthly_cost > 0 else _("- Monthly cost: {cost} under current prices.").format(
                  cost=money(0.0))]
    lines += [f"- {f.message}" for f in rec.flags]
    if r.runner_up:
        lines.append(_("- Fallback: {registry} ({cost}/month).").format(registry=names[r.runner_up],
                                                                       cost=money(r.costs[r.runner_up])))
    lines += ["", _("## References"), ""]
    if link:
        lines.append(_("- Scenario (reopens every input and figure): {link}").format(link=link))
    lines.append(_("- Prices: the Registry Decision Dashboard's price book {version}; each price has its source URL "
                   "(the dashboard's About page lists them).").format(version=book.version))
    return "\n".join(lines) + "\n"

