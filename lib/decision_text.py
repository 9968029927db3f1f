"""The recommendation in words: every sentence the decision explains itself with.

lib/decision.py chooses (walks the tree, checks the hard requirements, ranks by cost) and asks
this module for the sentences; nothing here decides anything the numbers do not already say.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from . import registries
from .labels import SAME_MONEY, choice, money

if TYPE_CHECKING:
    from .decision import Recommendation


def _names(ids: Iterable[str]) -> str:
    return " and ".join(registries.NAMES[r] for r in ids)


# ---- hard requirements ---------------------------------------------------------------------

def failed_requirement(label: str, why: str) -> str:
    return f"{label}: {why}"


def outside_home_cloud(label: str, clouds: Sequence[str], runs_on: str) -> str:
    """A managed registry that is an outside service for workloads on `runs_on`."""
    owner = f"a managed service of {'/'.join(clouds)}" if clouds else "a third-party service"
    return f"{label}: {owner}, outside where the workloads run ({choice('runs_on', runs_on)})"


# ---- how the leaf's registries were told apart -----------------------------------------------

def cost_decides(passing: Sequence[str], rec: str, other: str, gap: float) -> str:
    return (f"{_names(passing)} all satisfy every constraint, so cost decides: "
            f"{registries.NAMES[rec]} is {money(gap)}/month cheaper than {registries.NAMES[other]} for this workload.")


def same_cost(passing: Sequence[str], rec: str, cost: float) -> str:
    return (f"{_names(passing)} all satisfy every constraint and cost the same "
            f"for this workload ({money(cost)}/month); the document's order decides: {registries.NAMES[rec]}.")


def fails_anyway(rec: str, fails: Sequence[str]) -> str:
    return f"Warning: {registries.NAMES[rec]} fails a requirement: {'; '.join(fails)}."


# ---- why not the others --------------------------------------------------------------------------

def fails_constraints(fails: Sequence[str]) -> str:
    return "Fails " + "; ".join(fails)


def other_cloud(home: str, runs_on: str) -> str:
    return (f"Belongs to {choice('runs_on', home)}, the workloads run on {choice('runs_on', runs_on)}: "
            "pulls would cross clouds (internet egress, NAT) and lose IAM integration.")


def costs_more(gap: float, cost: float, rec_cost: float) -> str:
    return f"Costs {money(gap)}/month more for this workload ({money(cost)} against {money(rec_cost)})."


def points_elsewhere(gap: float, deciding: str) -> str:
    """Not dearer (the same, or cheaper by `-gap`), but the situation decided otherwise."""
    price = "costs the same" if abs(gap) <= SAME_MONEY else f"is {money(-gap)}/month cheaper"
    return f"It {price}, but the situation points elsewhere: {deciding}"


# ---- what the recommendation costs against the cheapest ----------------------------------

def gap_note(cheapest: str, setup: str, cheapest_cost: float, rec: str, gap: float, buys: str) -> str:
    how = f" {setup}" if setup else ""
    return (f"{registries.NAMES[cheapest]}{how} is the cheapest that meets every hard requirement at "
            f"{money(cheapest_cost)}/month; {registries.NAMES[rec]} costs {money(gap)}/month more for {buys}")


def headline(r: Recommendation) -> str:
    """One sentence: what is recommended, in which setup, at what cost; and when it is not the
    cheapest registry that meets the hard requirements, which one is and what the difference buys."""
    names = registries.NAMES
    rec = r.recommended
    if r.setup_description:
        # the ranking prices the setup as described: say what that costs, so both figures are on screen
        text = (f"Recommended: {names[rec]} {r.setup_description} ({money(r.recommended_cost)}/month; "
                f"{money(r.costs[rec])} as set up now)")
    else:
        text = f"Recommended: {names[rec]} ({money(r.recommended_cost)}/month)"
    if r.gap_note:
        return f"{text}, although {r.gap_note}."
    if r.cheapest == rec and any(c < r.costs[rec] - SAME_MONEY for rid, c in r.costs.items() if not r.failures.get(rid)):
        return f"{text}, the cheapest that meets every hard requirement once set up this way."
    return f"{text}."
