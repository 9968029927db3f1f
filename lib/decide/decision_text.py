"""The recommendation in words: every sentence the decision explains itself with.

lib/decide/decision.py chooses (walks the tree, checks the hard requirements, ranks by cost) and asks
this module for the sentences; nothing here decides anything the numbers do not already say.
Each sentence is one message in the catalogue (Korean orders a sentence differently), made in
the language of the run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import reduce
from typing import Any, Protocol

from ..core.i18n import _, text
from ..pricing import registries, setups
from ..pricing.features import label as feature_label
from ..pricing.labels import SAME_MONEY, choice, choice_in_sentence, in_sentence, money, shown_difference
from . import serving


def _names(ids: Iterable[str]) -> str:
    """'Harbor (self-hosted) and Nexus Repository': registries' names as one phrase."""
    return reduce(lambda a, b: _("{first} and {second}").format(first=a, second=b), (registries.name(r) for r in ids))


# ---- hard requirements ---------------------------------------------------------------------


def failed_requirement(label: str, why: str) -> str:
    return _("{requirement}: {why}").format(requirement=label, why=why)


def outside_home_cloud(label: str, clouds: Sequence[str], runs_on: str) -> str:
    """A managed registry that is an outside service for workloads on `runs_on`."""
    where = choice_in_sentence("runs_on", runs_on)
    if clouds:
        return _("{requirement}: a managed service of {clouds}, outside where the workloads run ({where})").format(
            requirement=label, clouds="/".join(choice("runs_on", c) for c in clouds), where=where
        )
    return _("{requirement}: a third-party service, outside where the workloads run ({where})").format(
        requirement=label, where=where
    )


def lacks_features(
    features: Sequence[str], partial: Sequence[str] = (), elsewhere: Sequence[str] = (), cloud: str = ""
) -> str:
    """A registry without a feature the sidebar marks required, with it only in part (the Features page's
    ◐: a higher tier, an add-on or a workaround), or only inside its own cloud (`cloud`), another than the
    workloads': none meets a requirement."""
    what = (
        [_("no {features}").format(features=_and(in_sentence(feature_label(f)) for f in features))] if features else []
    )
    if partial:
        what.append(_("{features} only in part").format(features=_and(in_sentence(feature_label(f)) for f in partial)))
    if elsewhere:
        what.append(
            _("{features} only inside {cloud}").format(
                features=_and(in_sentence(feature_label(f)) for f in elsewhere), cloud=choice("runs_on", cloud)
            )
        )
    return _("required features: {what}").format(what="; ".join(what))


def _and(words: Iterable[str]) -> str:
    return reduce(lambda a, b: _("{first} and {second}").format(first=a, second=b), words)


# ---- how the leaf's registries were told apart -----------------------------------------------


def cost_decides(passing: Sequence[str], rec: str, other: str, gap: float) -> str:
    return _(
        "{registries} all satisfy every constraint, so cost decides: {chosen} is {gap}/month cheaper than "
        "{other} for this workload."
    ).format(
        registries=_names(passing),
        chosen=registries.name(rec),
        gap=money(gap, prose=True),
        other=registries.name(other),
    )


def same_cost(passing: Sequence[str], rec: str, cost: float) -> str:
    return _(
        "{registries} all satisfy every constraint and cost the same for this workload ({cost}/month); "
        "the document's order decides: {chosen}."
    ).format(registries=_names(passing), cost=money(cost, prose=True), chosen=registries.name(rec))


def fails_anyway(rec: str, fails: Sequence[str]) -> str:
    return _("Warning: {registry} fails a requirement: {failures}.").format(
        registry=registries.name(rec), failures="; ".join(fails)
    )


# ---- why not the others --------------------------------------------------------------------------


def fails_constraints(fails: Sequence[str]) -> str:
    return _("Fails {failures}").format(failures="; ".join(fails))


def other_cloud(home: str, runs_on: str) -> str:
    return _(
        "Belongs to {home}, the workloads run on {where}: pulls would cross clouds (internet egress, NAT) "
        "and lose IAM integration."
    ).format(home=choice("runs_on", home), where=choice("runs_on", runs_on))


def costs_more(gap: float, cost: float, rec_cost: float) -> str:
    return _("Costs {gap}/month more for this workload ({cost} against {chosen_cost}).").format(
        gap=money(shown_difference(cost, rec_cost), prose=True),  # the two figures beside it, subtracted as shown
        cost=money(cost, prose=True),
        chosen_cost=money(rec_cost, prose=True),
    )


def points_elsewhere_again(gap: float) -> str:
    """points_elsewhere for a registry listed after one that gave the same reason: the reason is not
    repeated (the sixth Korean review met the same GHCR paragraph under ECR and again under Docker Hub)."""
    if abs(gap) <= SAME_MONEY:
        return _("It costs the same, but the situation points elsewhere for the reason given above.")
    return _("It is {saving}/month cheaper, but the situation points elsewhere for the reason given above.").format(
        saving=money(-gap, prose=True)
    )


def rejection_whys(rejected: Iterable[Any]) -> list[str]:
    """Why each registry is not the recommendation (Recommendation.rejected, in its order), with a situation's
    reason said in full once: later registries set aside for the same reason point to it."""
    seen: set[str] = set()
    out = []
    for x in rejected:
        params = dict(x.reason.params)
        if x.reason.code == "points_elsewhere":
            deciding = _words(params["deciding"])
            if deciding in seen:
                out.append(points_elsewhere_again(params["gap"]))
                continue
            seen.add(deciding)
        out.append(x.why)
    return out


def points_elsewhere(gap: float, deciding: str) -> str:
    """Not dearer (the same, or cheaper by `-gap`), but the situation decided otherwise."""
    if abs(gap) <= SAME_MONEY:
        return _("It costs the same, but the situation points elsewhere: {reason}").format(reason=deciding)
    return _("It is {saving}/month cheaper, but the situation points elsewhere: {reason}").format(
        saving=money(-gap, prose=True), reason=deciding
    )


# ---- what the recommendation costs against the cheapest ----------------------------------


def gap_note(cheapest: str, setup: str, cheapest_cost: float, rec: str, gap: float, buys: str) -> str:
    names = registries.NAMES  # the product names, as the sentence always had them
    # the difference of the two figures the reader sees (this one and the headline's), as shown
    shown_gap = shown_difference(cheapest_cost + gap, cheapest_cost)
    if setup:
        return _(
            "{cheapest} {setup} is the cheapest that meets every hard requirement at {cost}/month; "
            "{chosen} costs {gap}/month more for {buys}"
        ).format(
            cheapest=names[cheapest],
            setup=setup,
            cost=money(cheapest_cost, prose=True),
            chosen=names[rec],
            gap=money(shown_gap, prose=True),
            buys=buys,
        )
    return _(
        "{cheapest} is the cheapest that meets every hard requirement at {cost}/month; "
        "{chosen} costs {gap}/month more for {buys}"
    ).format(
        cheapest=names[cheapest],
        cost=money(cheapest_cost, prose=True),
        chosen=names[rec],
        gap=money(shown_gap, prose=True),
        buys=buys,
    )


class Headlined(Protocol):
    """What a headline reads of a recommendation (lib.decide.decision.Recommendation): named here, so
    the words need not import the decision that calls them (decision -> decision_text, never back)."""

    @property
    def recommended(self) -> str: ...
    @property
    def recommended_cost(self) -> float: ...
    @property
    def cheapest(self) -> str | None: ...
    @property
    def costs(self) -> Mapping[str, float]: ...
    @property
    def failures(self) -> Mapping[str, tuple[str, ...]]: ...
    @property
    def setup_description(self) -> str: ...
    @property
    def gap_note(self) -> str: ...
    @property
    def serving_note(self) -> str: ...


def headline(r: Headlined) -> str:
    """The headline, and when a registry or setup that would not serve the workload moved the answer, why."""
    line = _headline(r)
    return f"{line} {r.serving_note}" if r.serving_note else line


def _headline(r: Headlined) -> str:
    """One sentence: what is recommended, in which setup, at what cost; and when it is not the
    cheapest registry that meets the hard requirements, which one is and what the difference buys."""
    name = registries.name(r.recommended)
    if r.setup_description:
        # the ranking prices the setup as described: say what that costs, so both figures are on screen
        text = _("Recommended: {registry} {setup} ({cost}/month; {as_now} as set up now)").format(
            registry=name,
            setup=r.setup_description,
            cost=money(r.recommended_cost, prose=True),
            as_now=money(r.costs[r.recommended], prose=True),
        )
    else:
        text = _("Recommended: {registry} ({cost}/month)").format(
            registry=name, cost=money(r.recommended_cost, prose=True)
        )
    if r.gap_note:
        return _("{recommendation}, although {note}.").format(recommendation=text, note=r.gap_note)
    cheaper_as_described = any(
        c < r.costs[r.recommended] - SAME_MONEY for rid, c in r.costs.items() if not r.failures.get(rid)
    )
    if r.cheapest == r.recommended and cheaper_as_described:
        return _("{recommendation}, the cheapest that meets every hard requirement once set up this way.").format(
            recommendation=text
        )
    return _("{recommendation}.").format(recommendation=text)


# ---- a step of the walk, as the step lists show it ---------------------------------------------


def step_reasons(answer: str, reasons: Sequence[str]) -> tuple[str, ...]:
    """A step's reasons for a list that prints the answer just before them ("**AWS**: ..."): the
    first reason often opens with the same words ("AWS: ECR is the native choice..."), which would
    read "AWS: AWS: ...". The opening is dropped there; the reasons keep it where they stand alone."""
    if not reasons:
        return ()
    first, rest = reasons[0], tuple(reasons[1:])
    head, sep, tail = first.partition(":")
    if sep and tail.strip() and head.strip().casefold() == answer.strip().casefold():
        first = tail.strip()
        first = first[:1].upper() + first[1:]  # it now opens the sentence ("ECR is...")
    return (first, *rest)


# ---- a reason, from its code and parameters -------------------------------------------------------


def _words(value: Any) -> Any:
    """A parameter as the sentences take it: the tree's texts and other reasons in the reader's
    language, sequences of them item by item; ids and amounts as they are."""
    if hasattr(value, "code") and hasattr(value, "params"):  # a decision.Reason
        return render(value.code, dict(value.params))
    if isinstance(value, Mapping) and "en" in value:  # one of the tree's texts ({en, ko})
        return text(value)
    if isinstance(value, tuple):
        return tuple(_words(x) for x in value)
    return value


def _gap(cheapest: str, setup: Mapping[str, Any], cheapest_cost: float, rec: str, gap: float, buys: str) -> str:
    return gap_note(cheapest, setups.describe(dict(setup), cheapest) if setup else "", cheapest_cost, rec, gap, buys)


RENDER: dict[str, Callable[..., str]] = {
    "failed_requirement": failed_requirement,
    "outside_home_cloud": outside_home_cloud,
    "lacks_features": lacks_features,
    "cost_decides": cost_decides,
    "same_cost": same_cost,
    "fails_anyway": fails_anyway,
    "fails_constraints": fails_constraints,
    "other_cloud": other_cloud,
    "costs_more": costs_more,
    "points_elsewhere": points_elsewhere,
    "gap_note": _gap,
    "wont_serve": lambda flags: serving.failure(flags),
    "serving_moved": lambda rec, step, leaf: serving.note(rec, step, rec, leaf),
}


def render(code: str, params: Mapping[str, Any]) -> str:
    """A decision's reason (code and parameters) in the reader's language: the one place its words are made."""
    return RENDER[code](**{k: _words(v) for k, v in params.items()})
