"""What the slides say: the answer, the reasons, the alternative and the main risk, the situation,
and scenario B read from a share link."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from ...analyses.analysis import Analysis
from ...core.i18n import N_, _
from ...core.public_address import ENV
from ...inputs import links
from ...inputs.workload import SPECS, Workload, lenient
from ...presentation import wording
from ...pricing import registries
from ...pricing.labels import SAME_MONEY, money, percent

# ---- what the slides say ---------------------------------------------------------------


def answer_words(a: Analysis) -> str:
    """ "Amazon ECR with VPC interface endpoints" / "Amazon ECR, as described"."""
    name = registries.name(a.recommendation.recommended)
    words = wording.setup(dict(a.setup))
    return (
        _("{registry}, {setup}").format(registry=name, setup=words)
        if not a.setup
        else _("{registry} {setup}").format(registry=name, setup=words)
    )


def why_bullets(a: Analysis, limit: int = 3) -> list[str]:
    """At most three plain reasons, as an argument runs: the general one, then the specific one (the last
    two decision steps that said something, not the "no" / "none of these" answers, in the order they were
    taken), then the cost note. The sixth Korean review read the specific reason before the general one as
    backwards ("AWS 프로덕션 환경에는 ECR이 적합합니다 …" above "워크로드가 AWS에서 실행되므로 …")."""
    steps = [s for s in a.recommendation.path if not s.declines][-2:]  # earlier steps are too general to say why
    out = [wording.reason(s.reasons[0]) for s in steps]  # in any language, unlike the answer's words
    if a.recommendation.cost_note:
        out.append(a.recommendation.cost_note)
    seen, plain = set(), []
    for text in out:
        if text not in seen:
            seen.add(text)
            plain.append(text)
    return plain[:limit]


def _set_aside_cheaper(a: Analysis) -> str:
    """The sentence after "None cheaper": "S3 + docker save (baseline) at $33.12 a month is cheaper but fails
    a hard requirement." The cost slide shows it below the answer, so the sentence beside it names it rather
    than leaving the reader to wonder (the sixth Korean review: the slide said only that anything cheaper
    must have failed one)."""
    r, totals = a.recommendation, a.shown.totals()
    cheaper = [rid for rid in totals if r.failures.get(rid) and totals[rid] < r.cheapest_cost - SAME_MONEY]
    # a sentence per registry, its name and cost apart: Korean says "S3 + docker save(기준선)의 월 비용(약 58만
    # 4천 원)이 더 낮지만 …" (ninth Korean review), which a list joined into one placeholder could not
    return "".join(
        " "
        + _("{registry} at {cost} a month is cheaper but fails a hard requirement.").format(
            registry=registries.name(rid), cost=money(totals[rid], prose=True)
        )
        for rid in cheaper
    )


def alternative_sentence(w: Workload, a: Analysis) -> str:
    """The cheapest registry that meets every hard requirement, as the recommendation found it
    (each registry in its cheapest setup): one source, so the deck never disagrees with the page."""
    r = a.recommendation
    rec = registries.name(r.recommended)
    if r.cheapest is None:
        return _("None: no registry meets every requirement here.")
    if r.cheapest == r.recommended:
        return _(
            "None cheaper: {answer} is itself the cheapest that meets every hard requirement, at {cost} a month."
        ).format(answer=answer_words(a), cost=money(r.cheapest_cost, prose=True)) + _set_aside_cheaper(a)
    name = (
        wording.one_bracket(
            _("{registry} {setup}").format(registry=registries.name(r.cheapest), setup=r.cheapest_setup)
        )
        if r.cheapest_setup
        else registries.name(r.cheapest)
    )
    gap = a.cost - r.cheapest_cost
    if gap > SAME_MONEY:
        text = _("{registry}: {cost} a month, {gap} a month less than {recommended}.").format(
            registry=name, cost=money(r.cheapest_cost, prose=True), gap=money(gap, prose=True), recommended=rec
        )
    else:
        text = _("{registry}: {cost} a month, the same as {recommended}.").format(
            registry=name, cost=money(r.cheapest_cost, prose=True), recommended=rec
        )
    ops = a.estimate[r.cheapest].by_category().get("operations", 0.0)
    if ops:
        text += " " + _("That includes {hours} engineer hours a month at {rate} an hour, an assumption.").format(
            hours=f"{w.ops_hours_per_month:g}", rate=f"${w.engineer_hourly_rate:g}"
        )
    return (
        text
        + " "
        + _("It is set aside because the situation points to {recommended} (see why above).").format(recommended=rec)
    )


def main_risk(w: Workload, a: Analysis) -> str:
    """One sentence about the recommended registry in the recommended setup: a failed
    requirement, else the worst flag, else where the cost is concentrated, else the first note."""
    rec = a.recommendation.recommended
    if a.recommendation.failures.get(rec):
        return _("{registry} fails a requirement: {failures}.").format(
            registry=registries.name(rec), failures="; ".join(a.recommendation.failures[rec])
        )
    est = a.recommended
    flags = est.flags
    for severity in ("blocker", "warning"):
        for f in flags:
            if f.severity == severity:
                return f.message
    comps = sorted(est.components, key=lambda c: -c.monthly_cost)
    total = est.monthly_cost
    if comps and total > 0 and comps[0].monthly_cost / total >= 0.5:
        c = comps[0]
        # the part's cost and the month's both named: "of the monthly cost ($144.00)" read as if the month cost
        # $144.00 (seventh Korean review: storage's $144.00 of $173.25)
        return _(
            "The cost is concentrated: {part} is {share} of the monthly cost, {part_cost} of {cost}, and grows {how}."
        ).format(
            part=c.name,
            part_cost=money(c.monthly_cost, prose=True),
            share=percent(c.monthly_cost / total),
            cost=money(total, prose=True),
            how=_(GROWS.get(c.category, GROWS_WITH_USE)),
        )
    return flags[0].message if flags else _("No flags for this workload.")


# what a cost category grows with, for the main risk
GROWS = {
    "network": N_("with every gigabyte pulled"),
    "transfer": N_("with every gigabyte pulled"),
    "storage": N_("with every version kept"),
    "operations": N_("with engineer time"),
    "compute": N_("with every node"),
    "plan": N_("with seats or tier"),
    "scanning": N_("with every image scanned"),
}
GROWS_WITH_USE = N_("with use")  # any other category


def _situation(w: Workload) -> str:
    parts = [
        _("workloads in {place}").format(place=wording.value("runs_on", w.runs_on)),
        _("built with {ci}").format(ci=wording.value("ci", w.ci)),
        wording.value("lifetime", w.lifetime),
        wording.value("visibility", w.visibility),
    ]
    if w.compliance:
        parts.append(_("must have {needs}").format(needs=wording.value("compliance", w.compliance)))
    return ", ".join(parts)


def _short_link(link: str) -> str:
    host = urlparse(link).netloc
    return (
        _("Open this scenario in the dashboard ({host})").format(host=host)
        if host
        else _("No public address is set for this dashboard ({setting}): no link to open.").format(setting=ENV)
    )


def _b_from_link(w: Workload, link: str) -> Workload | None:
    """Scenario B when the share link carries one (parameters prefixed b_), else None."""
    if not link:
        return None
    params = parse_qs(urlparse(link).query)
    overrides = {
        k[len(links.B_PREFIX) :]: v
        for k, v in params.items()
        if k.startswith(links.B_PREFIX) and k[len(links.B_PREFIX) :] in SPECS
    }
    if not overrides:
        return None
    b, problems = lenient({k: v[0] for k, v in overrides.items()}, w)
    return None if problems or b == w else b
