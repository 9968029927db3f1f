"""Choose a registry with the decision tree (data/decision_tree.yaml).

A recommendation is made per call, in the language of the run: its words are read from the
cached tree (which keeps both languages) as it is made.

The tree picks a leaf; hard requirements reject registries whatever they cost; when a leaf
names several registries that all pass, cost decides. Every other registry gets a reason: the
constraint it fails, or what it costs against the recommendation. The tree's types and loader
are lib/decision_tree.py, the sentences lib/decision_text.py, the drawing lib/decision_chart.py.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import decision_text as say
from . import engine, registries, serving, setups
from .decision_text import headline
from .decision_tree import DEFAULT_PATH, DecisionTreeError, Leaf, Tree, load, parse
from .i18n import text
from .labels import SAME_MONEY
from .pricebook import PriceBook

__all__ = [
    "DEFAULT_PATH",
    "DecisionTreeError",
    "Recommendation",
    "Rejection",
    "Step",
    "failures",
    "headline",
    "load",
    "parse",
    "recommend",
    "walk",
]


@dataclass(frozen=True)
class Step:
    node: str
    question: str
    answer: str
    reasons: tuple[str, ...]
    goes_to: str
    declines: bool = False  # the answer was "no" / "none of these": says little about why (the deck skips it)


@dataclass(frozen=True)
class Rejection:
    id: str
    name: str
    kind: str  # "constraint", "cost" or "path"
    why: str


@dataclass
class Recommendation:
    recommended: str
    runner_up: str | None
    leaf: str
    title: str
    summary: str
    path: list[Step]
    rejected: list[Rejection]
    costs: dict[str, float]
    failures: dict[str, list[str]]
    cost_note: str = ""
    branches_taken: list[tuple[str, int]] = field(default_factory=list)
    recommended_setup: dict[str, Any] = field(default_factory=dict)  # changes the recommendation advises ({} if none)
    recommended_cost: float = 0.0  # the recommended registry's cost with them
    setup_description: str = ""  # those changes in words
    cheapest: str | None = None  # the cheapest registry meeting every hard requirement (in its cheapest setup)
    cheapest_cost: float = 0.0
    cheapest_setup: str = ""  # that registry's setup in words ("" for as described)
    gap_note: str = ""  # when the recommendation is not the cheapest: what the difference buys
    serving_note: str = ""  # when a registry or setup that would not serve the workload moved the answer

    @property
    def candidates(self) -> list[tuple[str, float]]:
        """Registries that pass every hard requirement, cheapest first."""
        ok = [(rid, c) for rid, c in self.costs.items() if not self.failures.get(rid)]
        return sorted(ok, key=lambda x: (x[1], x[0]))

    def reasons(self) -> list[str]:
        return [r for s in self.path for r in s.reasons] + ([self.cost_note] if self.cost_note else [])

    def to_dict(self) -> dict[str, Any]:
        return {
            "recommended": self.recommended,
            "runner_up": self.runner_up,
            "leaf": self.leaf,
            "summary": self.summary,
            "path": [{"question": s.question, "answer": s.answer, "reason": " ".join(s.reasons)} for s in self.path],
            "cost_note": self.cost_note,
            "rejected": [{"id": r.id, "kind": r.kind, "why": r.why} for r in self.rejected],
            "monthly_costs": {k: round(v, 6) for k, v in self.costs.items()},
            "recommended_setup": dict(self.recommended_setup),
            "recommended_cost": round(self.recommended_cost, 6),
            "cheapest": self.cheapest,
            "cheapest_cost": round(self.cheapest_cost, 6),
            "headline": headline(self),
        }


# ---- walking the tree and checking the hard requirements --------------------------------------


def walk(w: Any, tree: Tree) -> tuple[list[Step], str, list[tuple[str, int]]]:
    """Follow the tree for these answers: the steps, the leaf, and which branches were taken."""
    path: list[Step] = []
    taken: list[tuple[str, int]] = []
    nid = tree.start
    while True:
        node = tree.nodes[nid]
        # the last deciding branch is `else` (checked on load): some branch always holds
        i, b = next((i, b) for i, b in enumerate(node.branches) if b.deciding and b.when.holds(w))
        dest = b.goes_to
        # every other branch that holds and leads to the same place adds its reason
        notes = [
            text(n.reason)
            for j, n in enumerate(node.branches)
            if j != i and n.goes_to == dest and n.when.op != "else" and n.when.holds(w)
        ]
        path.append(Step(nid, text(node.question), text(b.answer), (text(b.reason), *notes), dest, b.declines))
        taken.append((nid, i))
        if b.leaf:
            return path, b.leaf, taken
        nid = dest


def failures(w: Any, tree: Tree) -> dict[str, list[str]]:
    """Registry id -> the hard requirements it fails for these answers, in words."""
    out: dict[str, list[str]] = {rid: [] for rid in registries.IDS}
    for req in tree.requirements.values():
        if not req.when.holds(w):
            continue
        for rid, why in req.fails.items():
            out[rid].append(say.failed_requirement(text(req.label), text(why)))
        for rid, clouds in req.fails_unless_runs_on.items():
            if w.runs_on not in clouds:
                out[rid].append(say.outside_home_cloud(text(req.label), clouds, w.runs_on))
    return out


# ---- the steps of a recommendation ------------------------------------------------------------


def _priced(
    w: Any, book: PriceBook, costs: dict[str, float] | None, cheaper: dict[str, setups.Setup | None] | None
) -> tuple[dict[str, float], dict[str, setups.Setup | None]]:
    """The monthly totals as described, and each registry's cheaper setup (priced here unless given)."""
    if costs is None:
        e = engine.estimate(w, book)
        costs = e.totals()
        cheaper = cheaper if cheaper is not None else setups.cheaper_setups(w, book, e)
    elif cheaper is None:
        cheaper = {rid: setups.cheaper_setup(w, book, rid) for rid in costs}
    return costs, cheaper


def _rank(leaf: Leaf, costs: Mapping[str, float], fails: Mapping[str, list[str]]) -> tuple[list[str], list[str]]:
    """The leaf's registries that pass every hard requirement, and the pool ranked by cost (the
    document's order breaks a tie). When none passes, the leaf's registries are ranked anyway."""
    passing = [r for r in leaf.registries if not fails[r]]
    pool = passing or list(leaf.registries)
    ranked = sorted(pool, key=lambda r: (round(costs[r], 6), leaf.registries.index(r)))
    return passing, ranked


def _cost_note(
    passing: Sequence[str], ranked: Sequence[str], costs: Mapping[str, float], fails: Mapping[str, list[str]]
) -> str:
    rec = ranked[0]
    if len(passing) > 1:
        other = ranked[1]
        gap = costs[other] - costs[rec]
        if gap > SAME_MONEY:
            return say.cost_decides(passing, rec, other, gap)
        return say.same_cost(passing, rec, costs[rec])
    if not passing:
        return say.fails_anyway(rec, fails[rec])
    return ""


def _misfits(w: Any, tree: Tree) -> set[str]:
    """Other clouds' registries, for workloads that run in one cloud."""
    home = tree.home_cloud
    if w.runs_on not in home.values():
        return set()
    return {rid for rid, cloud in home.items() if cloud != w.runs_on}


def _rejection(
    rid: str,
    rec: str,
    w: Any,
    tree: Tree,
    costs: Mapping[str, float],
    fails: Mapping[str, list[str]],
    misfits: set[str],
    deciding: str,
) -> Rejection:
    """Why `rid` is not the recommendation: a constraint it fails, another cloud, its cost, or the situation."""
    name = registries.name(rid)
    if fails[rid]:
        return Rejection(rid, name, "constraint", say.fails_constraints(fails[rid]))
    gap = costs[rid] - costs[rec]
    if rid in misfits:
        return Rejection(rid, name, "path", say.other_cloud(tree.home_cloud[rid], w.runs_on))
    if gap > SAME_MONEY:
        return Rejection(rid, name, "cost", say.costs_more(gap, costs[rid], costs[rec]))
    return Rejection(rid, name, "path", say.points_elsewhere(gap, deciding))


def _runner_up(
    ranked: Sequence[str],
    pool: Sequence[str],
    costs: Mapping[str, float],
    fails: Mapping[str, list[str]],
    misfits: set[str],
) -> str | None:
    """The next in the leaf, else the cheapest other registry that passes and fits the cloud."""
    others = sorted(
        (r for r in registries.IDS if r not in pool and not fails[r] and r not in misfits), key=lambda r: (costs[r], r)
    )
    alternatives = [*ranked[1:], *others]
    return alternatives[0] if alternatives else None


def _cheapest(rec: str, costs: Mapping[str, float], fails: Mapping[str, list[str]]) -> str | None:
    """The cheapest registry that meets every hard requirement (the recommendation wins a tie)."""
    ok = sorted((r for r in registries.IDS if not fails[r]), key=lambda r: (round(costs[r], 6), r != rec, r))
    return ok[0] if ok else None


def _serving_step(
    w: Any,
    book: PriceBook,
    tree: Tree,
    leaf: Leaf,
    given: Mapping[str, float],
    cheaper: dict[str, setups.Setup | None],
    fails: dict[str, list[str]],
) -> tuple[dict[str, setups.Setup | None], Leaf, serving.Serving]:
    """Registries compared in a setup that serves the workload; those no setup serves fail like a
    hard requirement (added to `fails`). When every registry the leaf names is set aside, the
    answer moves to the registries that pass and fit the cloud (lib/serving.py)."""
    step = serving.serving_setups(w, book, given, cheaper)
    for rid, flags in step.set_aside.items():
        fails[rid].append(serving.failure(flags))
    if any(not fails[r] for r in leaf.registries) or not any(r in step.set_aside for r in leaf.registries):
        return step.setups, leaf, step
    misfits = _misfits(w, tree)
    others = tuple(r for r in registries.IDS if not fails[r] and r not in misfits)
    return step.setups, (dataclasses.replace(leaf, registries=others) if others else leaf), step


def recommend(
    w: Any,
    book: PriceBook,
    tree: Tree | None = None,
    costs: dict[str, float] | None = None,
    cheaper: dict[str, setups.Setup | None] | None = None,
) -> Recommendation:
    """`costs`: the workload's monthly totals when the caller has them already (a page that
    priced it), so the workload is not priced twice; `cheaper`: likewise, setups.cheaper_setups()."""
    tree = tree or load()
    path, leaf_id, taken = walk(w, tree)
    leaf = tree.leaves[leaf_id]
    given, cheaper = _priced(w, book, costs, cheaper)
    # every registry is compared in its cheapest setup: that is what would be bought (for ECR in
    # private subnets, interface endpoints when they cost less than NAT)
    fails = failures(w, tree)
    cheaper, pool, step = _serving_step(w, book, tree, leaf, given, cheaper, fails)
    best = setups.best_costs(given, cheaper)
    passing, ranked = _rank(pool, best, fails)
    rec = ranked[0]
    misfits = _misfits(w, tree)
    deciding = path[-1].reasons[0]
    rejected = [_rejection(rid, rec, w, tree, best, fails, misfits, deciding) for rid in registries.IDS if rid != rec]
    cheapest = _cheapest(rec, best, fails)
    mine = cheaper.get(rec)
    theirs = cheaper.get(cheapest) if cheapest else None
    gap_note = ""
    if cheapest and cheapest != rec and best[rec] - best[cheapest] > SAME_MONEY:
        buys = text(tree.strengths.get(rec, leaf.summary))
        gap_note = say.gap_note(
            cheapest, theirs.description if theirs else "", best[cheapest], rec, best[rec] - best[cheapest], buys
        )
    return Recommendation(
        rec,
        _runner_up(ranked, passing or pool.registries, best, fails, misfits),
        leaf_id,
        text(leaf.title) if pool is leaf else registries.name(rec),
        text(leaf.summary) if pool is leaf else "",  # the headline says why it moved (serving_note)
        path,
        rejected,
        given,
        fails,
        _cost_note(passing, ranked, best, fails),
        taken,
        recommended_setup=dict(mine.changes) if mine else {},
        recommended_cost=best[rec],
        setup_description=mine.description if mine else "",
        cheapest=cheapest,
        cheapest_cost=best[cheapest] if cheapest else 0.0,
        cheapest_setup=theirs.description if theirs else "",
        gap_note=gap_note,
        serving_note=serving.note(rec, step, rec, leaf.registries),
    )
