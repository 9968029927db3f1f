"""Each registry's cheaper setup: another way to run the same registry that costs less for this
workload (ECR through interface endpoints instead of NAT, another ACR tier, another Docker Hub
plan). One search every consumer calls: the estimate's JSON, the Overview, the recommendation
and the deck.

A setup is a set of changes to the scenario's fields; applying them (`w.replace(**changes)`) and
pricing the workload again gives exactly `monthly_cost`. A setup that would add a blocker (a
plan that cannot hold the repositories, a tier without the private endpoint the workload needs)
is never offered.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from ..core.i18n import _
from ..inputs.pricebook import PriceBook
from ..inputs.workload import Workload
from . import engine, registries
from .components import Flag
from .labels import SAME_MONEY, choice, choice_in_sentence, field as field_name, in_sentence, money, shown_difference


@dataclass(frozen=True)
class Setup:
    """A cheaper way to run one registry for this workload."""

    registry: str
    changes: dict[str, Any] = field(hash=False)  # field -> value, as in a scenario file
    monthly_cost: float = 0.0  # the registry's total with the changes applied
    saving: float = 0.0  # today's total minus monthly_cost
    description: str = ""  # human words: "with interface endpoints (ecr.api + ecr.dkr) ..."
    # the registry's flags in this setup, when the search priced them (None: not known here): the
    # serving step reads them instead of pricing the setup again (issue 29)
    flags: tuple[Flag, ...] | None = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "changes": dict(self.changes),
            "monthly_cost": round(self.monthly_cost, 6),
            "saving": round(self.saving, 6),
            "description": self.description,
        }


def describe(changes: dict[str, Any], rid: str = "", short: bool = False) -> str:
    """The changes in the reader's language (computed when asked: a Setup's words are the run's).
    `short`: a chart's category, where nine names share the height of a slide and LibreOffice drops
    every other label of a long list (the slide's subtitle names the endpoints in full)."""
    words = []
    for k, v in changes.items():
        if short and k == "network":
            words.append(_("with VPC endpoints") if v == "endpoints" else _("through NAT"))
        elif k == "network" and v == "endpoints":
            words.append(
                _("with interface endpoints (ecr.api, ecr.dkr) and the S3 gateway endpoint")
                if rid == "ecr"
                else _("with the S3 gateway endpoint instead of NAT")
            )
        elif k == "network":
            words.append(_("through the NAT gateway instead of endpoints"))
        elif k == "acr_tier":
            words.append(_("on the {tier} tier").format(tier=choice(k, v)))
        elif k == "dockerhub_plan":
            words.append(_("on the {plan} plan").format(plan=choice(k, v)))
        else:
            words.append(
                _("with {field} {value}").format(field=in_sentence(field_name(k)), value=choice_in_sentence(k, v))
            )
    return ", ".join(words)


def options(w: Workload, rid: str) -> dict[str, tuple[str, ...]]:
    """The fields that choose how this registry is run, and their other values worth pricing.
    Facts about the workload (pulls, sizes, where it runs) are never changed."""
    return dict(registries.SPECS[rid].setups(w))  # each registry says how else it can be run (its SPEC)


def _blockers(r: engine.RegistryEstimate) -> set[str]:
    return {f.code for f in r.flags if f.severity == "blocker"}


def cheaper_setup(
    w: Workload, book: PriceBook, rid: str, current: engine.RegistryEstimate | None = None
) -> Setup | None:
    """The cheapest other setup of registry `rid` for workload `w`, or None when none saves money."""
    current = current or engine.estimate(w, book, (rid,))[rid]
    fields = options(w, rid)
    best = None
    for values in itertools.product(*fields.values()):
        changes = dict(zip(fields, values, strict=True))
        r = engine.estimate(w.replace(**changes), book, (rid,))[rid]
        if _blockers(r) - _blockers(current):
            continue
        if r.monthly_cost < current.monthly_cost - SAME_MONEY and (best is None or r.monthly_cost < best[1]):
            best = (changes, r.monthly_cost, tuple(r.flags))
    if best is None:
        return None
    changes, cost, flags = best
    return Setup(rid, changes, cost, current.monthly_cost - cost, describe(changes, rid), flags)


def cheaper_setups(w: Workload, book: PriceBook, e: engine.Estimate | None = None) -> dict[str, Setup | None]:
    """Every registry's cheaper setup (None where there is none); `e`: the estimate when the caller has it."""
    e = e or engine.estimate(w, book)
    return {r.id: cheaper_setup(w, book, r.id, r) for r in e.registries}


def text(s: Setup | None) -> str:
    """The setup beside a registry's total: "with interface endpoints ...: $563.25/month, −$2,433.60"."""
    if s is None:
        return ""
    # the saving from the two figures as shown, so the three numbers on screen add up to the cent
    shown = shown_difference(s.monthly_cost + s.saving, s.monthly_cost)
    # money(): dollars, or won at the reader's rate, like every other amount on the page
    return _("{setup}: {cost}/month, −{saving}").format(
        setup=s.description, cost=money(s.monthly_cost), saving=money(shown)
    )


def best_costs(costs: dict[str, float], cheaper: dict[str, Setup | None]) -> dict[str, float]:
    """Each registry's monthly cost in its cheapest setup."""
    return {rid: s.monthly_cost if (s := cheaper.get(rid)) else c for rid, c in costs.items()}
