"""A Markdown architecture decision record, ready to paste into a review document."""

from __future__ import annotations

import datetime as dt

from ..analyses.analysis import Analysis
from ..bill import report as bill_report
from ..bill.section import Section
from ..core import i18n, public_address
from ..core.i18n import _
from ..decide.decision_text import step_reasons
from ..inputs.workload import SPECS, Workload
from ..presentation import wording
from ..pricing import engine, registries, setups
from ..pricing.labels import amount, field, in_sentence, money, number, percent, rounded, shown_difference, won_rate


def adr(a: Analysis, link: str = "", today: dt.date | None = None, bill: Section | None = None) -> str:
    """The record of one analysis (analysis.analyse): nothing is priced again. `bill`: the bill that was
    applied, held against this scenario (its own section before the references)."""
    lines = [
        *_heading(a, today or dt.date.today()),
        *_context(a),
        *_options(a),
        *_decision(a),
        *_consequences(a),
        *bill_section(bill),
        *_references(link, a.book.version),
    ]
    return "\n".join(lines) + "\n"


def _heading(a: Analysis, today: dt.date) -> list[str]:
    """The title (the registry chosen), the date, the status and the prices the record stands on."""
    w, book = a.workload, a.book
    return [
        _("# ADR: Use {registry} as the container registry").format(
            registry=registries.name(a.recommendation.recommended)
        ),
        "",
        _("- Date: {date}").format(date=today.isoformat()),
        _("- Status: proposed"),
        _("- Price book: {version} (as of {dates}), region {region}, USD list prices").format(
            version=book.version, dates=", ".join(book.as_of_dates(w.region)), region=w.region
        ),
        *_rate_lines(),
        "",
    ]


def _context(a: Analysis) -> list[str]:
    """The workload and the situation it runs in, then what the reader entered beyond the defaults."""
    w = a.workload
    lines = [
        _("## Context"),
        "",
        _("Workload: {workload}, {visibility}; network path: {network}; region {region}.").format(
            workload=wording.workload(w),
            visibility=wording.value("visibility", w.visibility),
            network=wording.value("network", w.network),
            region=wording.region(w.region),
        ),
        _("Situation: {items}.").format(items=", ".join(_situation(w))),
    ]
    # what the reader entered that weighs on the decision and the costs ahead: the features required (they
    # set registries aside) and the growth (Over time); the seventh Korean review found neither in the context
    if w.required_features:
        lines.append(
            _("Required features: {features}.").format(features=wording.value("required_features", w.required_features))
        )
    if w.monthly_growth:
        lines.append(_("Growth: {growth} a month.").format(growth=wording.value("monthly_growth", w.monthly_growth)))
    return lines + _changed_inputs(w)


def _situation(w: Workload) -> list[str]:
    """Where the workloads run, the CI, their lifetime, and the constraints only when there are some."""
    situation = [
        _("workloads in {place}").format(place=wording.value("runs_on", w.runs_on)),
        _("CI {ci}").format(ci=wording.value("ci", w.ci)),
        wording.value("lifetime", w.lifetime),
    ]
    if w.compliance:
        situation.append(_("compliance: {needs}").format(needs=wording.value("compliance", w.compliance)))
    if w.private_network_only:
        situation.append(_("access only from a private network"))
    return situation


def _changed_inputs(w: Workload) -> list[str]:
    """The inputs that differ from the defaults (the analysis settings aside), or nothing."""
    changed = {k: v for k, v in w.to_dict(only_changed=True).items() if SPECS[k].group not in ("analysis",)}
    if not changed:
        return []
    return [
        "",
        _("Inputs that differ from the defaults: {inputs}.").format(
            # Korean lists with commas: a semicolon is not Korean punctuation
            inputs=(", " if i18n.lang() == "ko" else "; ").join(
                f"{in_sentence(field(k))} {wording.value(k, v)}" for k, v in changed.items()
            )
        ),
    ]


def _options(a: Analysis) -> list[str]:
    """The table of every registry's monthly cost and outcome, cheapest first."""
    lines = [
        "",
        _("## Options considered"),
        "",
        _options_note(a),
        "",
        _("| Registry | Monthly cost ({currency}) | Outcome |").format(currency=_currency_code()),
        "|---|---:|---|",
    ]
    for cost, name, outcome in sorted(_option_rows(a), key=lambda x: x[0]):  # stable: ties keep the ranking's order
        lines.append(f"| {name} | {_table_amount(cost)} | {outcome.replace('|', '/')} |")
    return lines


def _options_note(a: Analysis) -> str:
    """Which costs the table shows: each registry's cheapest setup or as set up now, and whether the chosen
    setup has a row of its own."""
    if a.setup:
        if a.as_set_up:
            return _("Each registry as set up now; the chosen setup has its own row.")
        return _("Each registry in its cheapest setup; the chosen registry as set up now has its own row.")
    return _("Each registry as set up now.") if a.as_set_up else _("Each registry in its cheapest setup.")


def _option_rows(a: Analysis) -> list[tuple[float, str, str]]:
    """(monthly cost, name, outcome) of every registry as shown, and of the chosen setup in a row of its own."""
    # every registry as set up now, and the chosen setup in its own row at its own cost: the outcomes
    # compare against that cost, so the chosen row quotes it (not the registry as set up now)
    e, r = a.estimate, a.recommendation
    rows: list[tuple[float, str, str]] = []
    if a.setup:
        rows.append(
            (
                a.cost,
                _("{registry} {setup}, as decided").format(
                    registry=registries.name(r.recommended), setup=r.setup_description
                ),
                _("**chosen**"),
            )
        )
    why = {x.id: x.why for x in r.rejected}
    best = a.shown  # the others in their best setup (issue 24), as every page and slide shows them
    for reg in (e[x.id] if x.id == r.recommended else x for x in best.ranked()):
        rows.append((reg.monthly_cost, _option_name(a, reg), wording.reason(_outcome(a, reg, why))))
    return rows


def _outcome(a: Analysis, reg: engine.RegistryEstimate, why: dict[str, str]) -> str:
    """What became of a registry: chosen (or what it costs more as set up now), runner-up, or why not."""
    r = a.recommendation
    if reg.id == r.recommended:
        if not a.setup:
            return _("**chosen**")
        return _("as set up now: {gap}/month more than the chosen setup").format(
            gap=money(shown_difference(reg.monthly_cost, a.cost), prose=True)
        )
    if reg.id == r.runner_up:
        return _("runner-up: {why}").format(why=why[reg.id])
    return why[reg.id]


def _option_name(a: Analysis, reg: engine.RegistryEstimate) -> str:
    """A registry's name, with the setup it is shown in when that differs from how it is set up now."""
    changes = a.changes(reg.id) if reg.id != a.recommendation.recommended else {}
    if not changes:
        return reg.name
    return wording.one_bracket(
        _("{registry} {setup}").format(registry=reg.name, setup=setups.describe(changes, reg.id))
    )


def _decision(a: Analysis) -> list[str]:
    """What we will use and at what cost, why, and the steps of the decision that led there."""
    r = a.recommendation
    if r.setup_description:
        decided = _("We will use **{registry}** {setup} ({cost}/month for this workload).").format(
            registry=registries.name(r.recommended),
            setup=r.setup_description,
            cost=money(r.recommended_cost, prose=True),
        )
    else:
        decided = _("We will use **{registry}** ({cost}/month for this workload).").format(
            registry=registries.name(r.recommended), cost=money(r.recommended_cost, prose=True)
        )
    lines = ["", _("## Decision"), "", f"{decided} {wording.reason(r.summary)}", ""]
    for i, s in enumerate(r.path, 1):
        because = step_reasons(s.answer, s.reasons)  # "**AWS**: ECR is...", not "**AWS**: AWS: ECR is..."
        lines.append(f"{i}. {s.question} **{s.answer}**: {' '.join(wording.reason(x) for x in because)}")
    if r.cost_note:
        lines += ["", r.cost_note]
    return lines


def _consequences(a: Analysis) -> list[str]:
    """What the decision costs a month and the flags of what is decided."""
    e, r = a.estimate, a.recommendation
    lines = ["", _("## Consequences"), ""]
    if a.setup:  # the cost of what is decided, then what it costs as set up today
        lines.append(
            _cost_line(
                a.recommended, _("- Monthly cost {setup}: {cost}, mostly {part} ({share})."), setup=r.setup_description
            )
        )
        lines.append(_cost_line(e[r.recommended], _("- As set up today: {cost}, mostly {part} ({share}).")))
    else:
        lines.append(_cost_line(e[r.recommended], _("- Monthly cost: {cost}, mostly {part} ({share}).")))
    # the flags of what is decided; the runner-up is said once, in its row of the options with its cost and
    # why (the sixth Korean review met it there and again as a "Fallback" line here)
    return lines + [f"- {f.message}" for f in a.recommended.flags]


def _references(link: str, version: str) -> list[str]:
    """The scenario's link (or its query, when the dashboard has no public address) and the price book."""
    lines = ["", _("## References"), ""]
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
        ).format(version=version)
    )
    return lines


def bill_section(bill: Section | None) -> list[str]:
    """ "Today's bill against the model": only when a bill was applied; every text from the file escaped."""
    if bill is None:
        return []
    return ["", *bill_report.markdown(bill.bill, bill.comparison, bill.share_map()).rstrip("\n").split("\n")]


# Amounts in the display currency: US dollars, or won at the reader's rate (i18n.krw), said once.


def _currency_code() -> str:
    return _("KRW") if i18n.krw() else "USD"  # Korean says 원 (ninth review: "월 비용(KRW)")


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
