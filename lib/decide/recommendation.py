"""A recommendation as data: the decision's reasons (code and parameters, worded when read), the
steps of the walk through the tree, each registry's rejection, and the Recommendation itself, frozen.
lib/decide/decision.py makes one; pages, CLI, deck and ADR read it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ..core.i18n import text
from ..pricing import registries, setups
from . import decision_text as say
from .decision_text import headline
from .decision_tree import Text


@dataclass(frozen=True)
class Reason:
    """A sentence of the decision as data: its code (the same in every language) and its
    parameters (registry ids, amounts, the tree's texts, other reasons). Its words are made when
    it is read, in the reader's language, by lib/decide/decision_text.py (`text`)."""

    code: str
    params: tuple[tuple[str, Any], ...] = ()

    def text(self) -> str:
        return say.render(self.code, dict(self.params))

    def __str__(self) -> str:
        return self.text()


def reason(code: str, **params: Any) -> Reason:
    return Reason(code, tuple(params.items()))


@dataclass(frozen=True)
class Step:
    """A step of the walk: the node, and the tree's texts it was answered with (words made when read)."""

    node: str
    asked: Text
    answered: Text
    because: tuple[Text, ...]
    goes_to: str
    declines: bool = False  # the answer was "no" / "none of these": says little about why (the deck skips it)

    @property
    def question(self) -> str:
        return text(self.asked)

    @property
    def answer(self) -> str:
        return text(self.answered)

    @property
    def reasons(self) -> tuple[str, ...]:
        return tuple(text(x) for x in self.because)


@dataclass(frozen=True)
class Rejection:
    id: str
    kind: str  # "constraint", "cost" or "path"
    reason: Reason

    @property
    def name(self) -> str:
        return registries.name(self.id)

    @property
    def why(self) -> str:
        return self.reason.text()


@dataclass(frozen=True)
class Recommendation:
    """Immutable all the way down (tuples and read-only mappings): it sits in the frozen Analysis
    that every page and export of a run shares. It holds ids, figures, the tree's texts and
    structured reasons; every sentence (title, summary, notes, setups) is made when it is read."""

    recommended: str
    runner_up: str | None
    leaf: str
    titled: Text
    summarised: Text
    path: tuple[Step, ...]
    rejected: tuple[Rejection, ...]
    costs: Mapping[str, float]
    failed: Mapping[str, tuple[Reason, ...]]
    cost_reason: Reason | None = None
    branches_taken: tuple[tuple[str, int], ...] = ()
    recommended_setup: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))  # changes advised
    recommended_cost: float = 0.0  # the recommended registry's cost with them
    cheapest: str | None = None  # the cheapest registry meeting every hard requirement (in its cheapest setup)
    cheapest_cost: float = 0.0
    cheapest_changes: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))  # its setup
    gap_reason: Reason | None = None  # when the recommendation is not the cheapest: what the difference buys
    serving_reason: Reason | None = None  # when a registry or setup that would not serve the workload moved the answer
    # each registry's setup it was compared in: its cheapest that serves the workload (None: as set up
    # now); what every page shows it in (lib/analysis.Analysis.shown), so the recommended registry's
    # figure there is recommended_cost
    compared_setups: Mapping[str, setups.Setup | None] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        for name in ("path", "rejected", "branches_taken"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        object.__setattr__(self, "costs", MappingProxyType(dict(self.costs)))
        object.__setattr__(self, "failed", MappingProxyType({k: tuple(v) for k, v in self.failed.items()}))
        object.__setattr__(self, "recommended_setup", MappingProxyType(dict(self.recommended_setup)))
        object.__setattr__(self, "cheapest_changes", MappingProxyType(dict(self.cheapest_changes)))
        object.__setattr__(self, "compared_setups", MappingProxyType(dict(self.compared_setups)))

    # ---- the words, made when read ----

    @property
    def title(self) -> str:
        return text(self.titled)

    @property
    def summary(self) -> str:
        return text(self.summarised)

    @property
    def failures(self) -> Mapping[str, tuple[str, ...]]:
        """Registry id -> the hard requirements it fails, in words."""
        return MappingProxyType({rid: tuple(x.text() for x in why) for rid, why in self.failed.items()})

    @property
    def cost_note(self) -> str:
        return self.cost_reason.text() if self.cost_reason else ""

    @property
    def gap_note(self) -> str:
        return self.gap_reason.text() if self.gap_reason else ""

    @property
    def serving_note(self) -> str:
        return self.serving_reason.text() if self.serving_reason else ""

    @property
    def setup_description(self) -> str:
        """The recommended setup's changes in words ("" when as described)."""
        return setups.describe(dict(self.recommended_setup), self.recommended) if self.recommended_setup else ""

    @property
    def cheapest_setup(self) -> str:
        """The cheapest registry's setup in words ("" for as described)."""
        if not self.cheapest_changes or self.cheapest is None:
            return ""
        return setups.describe(dict(self.cheapest_changes), self.cheapest)

    @property
    def candidates(self) -> list[tuple[str, float]]:
        """Registries that pass every hard requirement, cheapest first."""
        ok = [(rid, c) for rid, c in self.costs.items() if not self.failures.get(rid)]
        return sorted(ok, key=lambda x: (x[1], registries.IDS.index(x[0])))  # a tie in the document's order

    def reasons(self) -> list[str]:
        return [r for s in self.path for r in s.reasons] + ([self.cost_note] if self.cost_note else [])

    def to_dict(self) -> dict[str, Any]:
        return {
            "recommended": self.recommended,
            "runner_up": self.runner_up,
            "leaf": self.leaf,
            "summary": self.summary,
            "path": [
                {"node": s.node, "question": s.question, "answer": s.answer, "reason": " ".join(s.reasons)}
                for s in self.path
            ],
            "cost_note": self.cost_note,
            "rejected": [{"id": r.id, "kind": r.kind, "code": r.reason.code, "why": r.why} for r in self.rejected],
            "monthly_costs": {k: round(v, 6) for k, v in self.costs.items()},
            # what the reasons compare: each registry in the setup it was compared in (a monthly_costs
            # of 0.00 for Docker Hub sat beside "Costs $9.00/month more": compared on the Pro plan)
            "compared": {
                k: {
                    "monthly_cost": round(s.monthly_cost if s else self.costs[k], 6),
                    "setup": dict(s.changes) if s else {},
                }
                for k, s in self.compared_setups.items()
            },
            "recommended_setup": dict(self.recommended_setup),
            "recommended_cost": round(self.recommended_cost, 6),
            "cheapest": self.cheapest,
            "cheapest_cost": round(self.cheapest_cost, 6),
            "headline": headline(self),
        }
