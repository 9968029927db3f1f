"""A Markdown architecture decision record, ready to paste into a review document."""

from __future__ import annotations

import datetime as dt

from ..analyses.analysis import Analysis
from ..bill import report as bill_report
from ..bill.section import Section
from ..core import i18n, public_address
from ..core.i18n import _
from ..decide.decision_text import step_reasons
from ..inputs.workload import SPECS
from ..presentation import wording
from ..pricing import engine, registries, setups
from ..pricing.labels import amount, field, in_sentence, money, number, percent, rounded, shown_difference, won_rate


def adr(a: Analysis, link: str = "", today: dt.date | None = None, bill: Section | None = None) -> str:
    """The record of one analysis (analysis.analyse): nothing is priced again. `bill`: the bill that was
    applied, held against this scenario (its own section before the references)."""
    w, book = a.workload, a.book
    e, r = a.estimate, a.recommendation
    names = {rid: registries.name(rid) for rid in registries.IDS}  # in the language of the run
    today = today or dt.date.today()
    situation = [
        _("workloads in {place}").format(place=wording.value("runs_on", w.runs_on)),
        _("CI {ci}").format(ci=wording.value("ci", w.ci)),
        wording.value("lifetime", w.lifetime),
    ]
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
            version=book.version, dates=", ".join(book.as_of_dates(w.region)), region=w.region
        ),
        *_rate_lines(),
        "",
        _("## Context"),
        "",
        _("Workload: {workload}, {visibility}; network path: {network}; region {region}.").format(
            workload=wording.workload(w),
            visibility=wording.value("visibility", w.visibility),
            network=wording.value("network", w.network),
            region=wording.region(w.region),
        ),
        _("Situation: {items}.").format(items=", ".join(situation)),
    ]
    # what the reader entered that weighs on the decision and the costs ahead: the features required (they
    # set registries aside) and the growth (Over time); the seventh Korean review found neither in the context
    if w.required_features:
        lines.append(
            _("Required features: {features}.").format(features=wording.value("required_features", w.required_features))
        )
    if w.monthly_growth:
        lines.append(_("Growth: {growth} a month.").format(growth=wording.value("monthly_growth", w.monthly_growth)))
    changed = {k: v for k, v in w.to_dict(only_changed=True).items() if SPECS[k].group not in ("analysis",)}
    if changed:
        lines += [
            "",
            _("Inputs that differ from the defaults: {inputs}.").format(
                # Korean lists with commas: a semicolon is not Korean punctuation
                inputs=(", " if i18n.lang() == "ko" else "; ").join(
                    f"{in_sentence(field(k))} {wording.value(k, v)}" for k, v in changed.items()
                )
            ),
        ]
    # every registry as set up now, and the chosen setup in its own row at its own cost: the outcomes
    # compare against that cost, so the chosen row quotes it (not the registry as set up now)
    rows: list[tuple[float, str, str]] = []
    if a.setup:
        rows.append(
            (
                a.cost,
                _("{registry} {setup}, as decided").format(registry=names[r.recommended], setup=r.setup_description),
                _("**chosen**"),
            )
        )
    why = {x.id: x.why for x in r.rejected}
    best = a.shown  # the others in their best setup (issue 24), as every page and slide shows them
    for reg in (e[x.id] if x.id == r.recommended else x for x in best.ranked()):
        if reg.id == r.recommended:
            outcome = (
                _("as set up now: {gap}/month more than the chosen setup").format(
                    gap=money(shown_difference(reg.monthly_cost, a.cost), prose=True)
                )
                if a.setup
                else _("**chosen**")
            )
        elif reg.id == r.runner_up:
            outcome = _("runner-up: {why}").format(why=why[reg.id])
        else:
            outcome = why[reg.id]
        changes = a.changes(reg.id) if reg.id != r.recommended else {}
        name = (
            wording.one_bracket(
                _("{registry} {setup}").format(registry=reg.name, setup=setups.describe(changes, reg.id))
            )
            if changes
            else reg.name
        )
        rows.append((reg.monthly_cost, name, wording.reason(outcome)))
    lines += [
        "",
        _("## Options considered"),
        "",
        (
            _("Each registry in its cheapest setup; the chosen registry as set up now has its own row.")
            if not a.as_set_up
            else _("Each registry as set up now; the chosen setup has its own row.")
        )
        if a.setup
        else (_("Each registry in its cheapest setup.") if not a.as_set_up else _("Each registry as set up now.")),
        "",
        _("| Registry | Monthly cost ({currency}) | Outcome |").format(currency=_currency_code()),
        "|---|---:|---|",
    ]
    for cost, name, outcome in sorted(rows, key=lambda x: x[0]):  # stable: ties keep the ranking's order
        lines.append(f"| {name} | {_table_amount(cost)} | {outcome.replace('|', '/')} |")
    if r.setup_description:
        decided = _("We will use **{registry}** {setup} ({cost}/month for this workload).").format(
            registry=names[r.recommended], setup=r.setup_description, cost=money(r.recommended_cost, prose=True)
        )
    else:
        decided = _("We will use **{registry}** ({cost}/month for this workload).").format(
            registry=names[r.recommended], cost=money(r.recommended_cost, prose=True)
        )
    lines += ["", _("## Decision"), "", f"{decided} {wording.reason(r.summary)}", ""]
    for i, s in enumerate(r.path, 1):
        because = step_reasons(s.answer, s.reasons)  # "**AWS**: ECR is...", not "**AWS**: AWS: ECR is..."
        lines.append(f"{i}. {s.question} **{s.answer}**: {' '.join(wording.reason(x) for x in because)}")
    if r.cost_note:
        lines += ["", r.cost_note]
    lines += ["", _("## Consequences"), ""]
    if a.setup:  # the cost of what is decided, then what it costs as set up today
        lines.append(
            _cost_line(
                a.recommended, _("- Monthly cost {setup}: {cost}, mostly {part} ({share})."), setup=r.setup_description
            )
        )
        lines.append(_cost_line(e[r.recommended], _("- As set up today: {cost}, mostly {part} ({share}).")))
    else:
        lines.append(_cost_line(e[r.recommended], _("- Monthly cost: {cost}, mostly {part} ({share}).")))
    rec = a.recommended  # the flags of what is decided
    lines += [f"- {f.message}" for f in rec.flags]
    # the runner-up is said once, in its row of the options with its cost and why (the sixth Korean review
    # met it there and again as a "Fallback" line here)
    lines += bill_section(bill)
    lines += ["", _("## References"), ""]
    if link and public_address.has_address(link):
        lines.append(_("- Scenario (reopens every input and figure): {link}").format(link=link))
    elif link:
        lines.append(
            _(
                "- Scenario: no public address is set for this dashboard ({setting}); append this query to its "
                "address to reopen every input and figure: {query}"
            ).format(setting=public_address.ENV, query=link)
        )
    lines.append(
        _(
            "- Prices: the Registry Decision Dashboard's price book {version}; each price has its source URL "
            "(the dashboard's About page lists them)."
        ).format(version=book.version)
    )
    return "\n".join(lines) + "\n"


def bill_section(bill: Section | None) -> list[str]:
    """ "Today's bill against the model": only when a bill was applied; every text from the file escaped."""
    if bill is None:
        return []
    return ["", *bill_report.markdown(bill.bill, bill.comparison, bill.share_map()).rstrip("\n").split("\n")]


# Amounts in the display currency: US dollars, or won at the reader's rate (i18n.krw), said once.


def _currency_code() -> str:
    return "KRW" if i18n.krw() else "USD"


def _table_amount(usd: float) -> str:
    """A table cell: 2,996.85 in dollars, 4,137,151 in won (whole won, like every amount in won)."""
    return (
        number(round(amount(usd)), 0) if i18n.krw() else number(rounded(usd), 2)
    )  # number() keeps fractions at 0 digits


def _rate_lines() -> list[str]:
    k = i18n.krw()
    if k is None:
        return []
    return [
        _(
            "- Amounts in won at {rate} per US dollar (rate of {day}); the price book and unit prices are in "
            "US dollars."
        ).format(rate=won_rate(k.rate), day=k.as_of.isoformat())
    ]


def _cost_line(est: engine.RegistryEstimate, sentence: str, **words: str) -> str:
    """`sentence` with the estimate's monthly cost and its largest part filled in (and `words`)."""
    top = max(est.components, key=lambda c: c.monthly_cost, default=None)
    if top is None or est.monthly_cost <= 0:
        return _("- Monthly cost: {cost} under current prices.").format(cost=money(0.0, prose=True))
    return sentence.format(
        cost=money(est.monthly_cost, prose=True),
        part=top.name,
        share=percent(top.monthly_cost / est.monthly_cost),
        **words,
    )
