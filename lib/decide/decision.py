"""Choose a registry with the decision tree (data/decision_tree.yaml).

A recommendation is made per call, in the language of the run: its words are read from the
cached tree (which keeps both languages) as it is made.

The tree picks a leaf; hard requirements reject registries whatever they cost; when a leaf
names several registries that all pass, cost decides. Every other registry gets a reason: the
constraint it fails, or what it costs against the recommendation. The tree's types and loader
are lib/decide/decision_tree.py, the recommendation's types lib/decide/recommendation.py, the
sentences lib/decide/decision_text.py, the drawing lib/presentation/decision_chart.py.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from ..core.i18n import using
from ..inputs.pricebook import PriceBook
from ..inputs.workload import Workload
from ..pricing import engine, features, registries, setups
from ..pricing.labels import SAME_MONEY
from . import serving
from .decision_text import headline
from .decision_tree import DEFAULT_PATH, DecisionTreeError, Leaf, Text, Tree, load, parse
from .recommendation import Reason, Recommendation, Rejection, Step, reason

# the recommendation's types live in lib/decide/recommendation.py; callers read them as decision.X too
__all__ = [
    "DEFAULT_PATH",
    "DecisionTreeError",
    "Reason",
    "Recommendation",
    "Rejection",
    "Step",
    "failures",
    "headline",
    "load",
    "parse",
    "recommend",
    "recommended",
    "walk",
]


# ---- walking the tree and checking the hard requirements --------------------------------------


def walk(w: Workload, tree: Tree) -> tuple[list[Step], str, list[tuple[str, int]]]:
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
            n.reason
            for j, n in enumerate(node.branches)
            if j != i and n.goes_to == dest and n.when.op != "else" and n.when.holds(w)
        ]
        path.append(Step(nid, node.question, b.answer, (b.reason, *notes), dest, b.declines))
        taken.append((nid, i))
        if b.leaf:
            return path, b.leaf, taken
        nid = dest


def failed(w: Workload, tree: Tree) -> dict[str, list[Reason]]:
    """Registry id -> the hard requirements it fails for these answers, as reasons."""
    out: dict[str, list[Reason]] = {rid: [] for rid in registries.IDS}
    for req in tree.requirements.values():
        if not req.when.holds(w):
            continue
        for rid, why in req.fails.items():
            out[rid].append(reason("failed_requirement", label=req.label, why=why))
        for rid, clouds in req.fails_unless_runs_on.items():
            if w.runs_on not in clouds:
                out[rid].append(reason("outside_home_cloud", label=req.label, clouds=clouds, runs_on=w.runs_on))
    # the features the sidebar marks required are hard requirements too: the Features page and the charts
    # mark a registry without one; the decision ranked it by cost (sixth Korean review: GHCR "costs $2,559.60
    # more" for a team that requires the private endpoint GHCR does not have)
    # (eighth review: a feature had only inside the registry's own cloud, another than the workloads', or only
    # on a tier not priced, meets no requirement either; features.unmet)
    for rid, u in features.unmet(w).items():
        if u:
            out[rid].append(_lacks(rid, u))
    return out


def _lacks(rid: str, u: features.Unmet) -> Reason:
    """The reason a registry fails the required features; the cloud named only where one is said."""
    where = {"elsewhere": u.elsewhere, "cloud": registries.SPECS[rid].home_cloud or ""} if u.elsewhere else {}
    return reason("lacks_features", features=u.lacking, partial=u.partial, **where)


def _add_wont_serve(w: Workload, tree: Tree, fails: dict[str, list[Reason]], step: serving.Serving) -> None:
    """A registry no setup serves fails like a hard requirement, for the flags that say so; a flag
    that restates a requirement it already fails is not said twice (S3's "not a registry" read
    "Fails a registry: not a registry: ...; serving this workload in any setup priced: Not a
    registry: ..." in the ADR, the Recommendation page and the CLI)."""
    for rid, flags in step.set_aside.items():
        failed_ids = {k for k, req in tree.requirements.items() if rid in req.fails and req.when.holds(w)}
        news = tuple(f for f in flags if f.code not in failed_ids)
        if news:
            fails[rid].append(reason("wont_serve", flags=news))


def failures(w: Workload, tree: Tree) -> dict[str, list[str]]:
    """Registry id -> the hard requirements it fails for these answers, in words."""
    return {rid: [x.text() for x in why] for rid, why in failed(w, tree).items()}


# ---- the steps of a recommendation ------------------------------------------------------------


def _priced(
    w: Workload,
    book: PriceBook,
    costs: dict[str, float] | None,
    cheaper: dict[str, setups.Setup | None] | None,
    e: engine.Estimate | None = None,
) -> tuple[dict[str, float], dict[str, setups.Setup | None], engine.Estimate | None]:
    """The monthly totals as described, each registry's cheaper setup (priced here unless given),
    and the estimate when there is one (the serving step reads its flags instead of pricing again)."""
    if costs is None:
        e = e if e is not None else engine.estimate(w, book)
        costs = e.totals()
        cheaper = cheaper if cheaper is not None else setups.cheaper_setups(w, book, e)
    elif cheaper is None:
        cheaper = {rid: setups.cheaper_setup(w, book, rid) for rid in costs}
    return costs, cheaper, e


def _rank(leaf: Leaf, costs: Mapping[str, float], fails: Mapping[str, Sequence[Reason]]) -> tuple[list[str], list[str]]:
    """The leaf's registries that pass every hard requirement, and the pool ranked by cost (the
    document's order breaks a tie). When none passes, the leaf's registries are ranked anyway."""
    passing = [r for r in leaf.registries if not fails[r]]
    pool = passing or list(leaf.registries)
    ranked = sorted(pool, key=lambda r: (round(costs[r], 6), leaf.registries.index(r)))
    return passing, ranked


def _cost_reason(
    passing: Sequence[str], ranked: Sequence[str], costs: Mapping[str, float], fails: Mapping[str, Sequence[Reason]]
) -> Reason | None:
    rec = ranked[0]
    if len(passing) > 1:
        other = ranked[1]
        gap = costs[other] - costs[rec]
        if gap > SAME_MONEY:
            return reason("cost_decides", passing=tuple(passing), rec=rec, other=other, gap=gap)
        return reason("same_cost", passing=tuple(passing), rec=rec, cost=costs[rec])
    if not passing:
        return reason("fails_anyway", rec=rec, fails=tuple(fails[rec]))
    return None


def _misfits(w: Workload, tree: Tree) -> set[str]:
    """Other clouds' registries, for workloads that run in one cloud."""
    home = registries.HOME_CLOUD
    if w.runs_on not in home.values():
        return set()
    return {rid for rid, cloud in home.items() if cloud != w.runs_on}


def _rejection(
    rid: str,
    rec: str,
    w: Workload,
    tree: Tree,
    costs: Mapping[str, float],
    fails: Mapping[str, Sequence[Reason]],
    misfits: set[str],
    deciding: Text,
) -> Rejection:
    """Why `rid` is not the recommendation: a constraint it fails, another cloud, its cost, or the situation."""
    if fails[rid]:
        return Rejection(rid, "constraint", reason("fails_constraints", fails=tuple(fails[rid])))
    gap = costs[rid] - costs[rec]
    if rid in misfits:
        return Rejection(rid, "path", reason("other_cloud", home=registries.HOME_CLOUD[rid], runs_on=w.runs_on))
    if gap > SAME_MONEY:
        return Rejection(rid, "cost", reason("costs_more", gap=gap, cost=costs[rid], rec_cost=costs[rec]))
    return Rejection(rid, "path", reason("points_elsewhere", gap=gap, deciding=deciding))


def _runner_up(
    ranked: Sequence[str],
    pool: Sequence[str],
    costs: Mapping[str, float],
    fails: Mapping[str, Sequence[Reason]],
    misfits: set[str],
) -> str | None:
    """The next in the leaf, else the cheapest other registry that passes and fits the cloud."""
    others = sorted(
        (r for r in registries.IDS if r not in pool and not fails[r] and r not in misfits),
        key=lambda r: (costs[r], registries.IDS.index(r)),  # a tie in the document's order, as everywhere
    )
    alternatives = [*ranked[1:], *others]
    return alternatives[0] if alternatives else None


def _cheapest(rec: str, costs: Mapping[str, float], fails: Mapping[str, Sequence[Reason]]) -> str | None:
    """The cheapest registry that meets every hard requirement (the recommendation wins a tie)."""
    ok = sorted(
        (r for r in registries.IDS if not fails[r]),
        key=lambda r: (round(costs[r], 6), r != rec, registries.IDS.index(r)),
    )
    return ok[0] if ok else None


def _serving_step(
    w: Workload,
    book: PriceBook,
    tree: Tree,
    leaf: Leaf,
    given: Mapping[str, float],
    cheaper: dict[str, setups.Setup | None],
    fails: dict[str, list[Reason]],
    e: engine.Estimate | None = None,
) -> tuple[dict[str, setups.Setup | None], Leaf, serving.Serving]:
    """Registries compared in a setup that serves the workload; those no setup serves fail like a
    hard requirement (added to `fails`). When every registry the leaf names is set aside, the
    answer moves to the registries that pass and fit the cloud (lib/decide/serving.py)."""
    step = serving.serving_setups(w, book, given, cheaper, e)
    _add_wont_serve(w, tree, fails, step)
    if any(not fails[r] for r in leaf.registries) or not any(r in step.set_aside for r in leaf.registries):
        return step.setups, leaf, step
    misfits = _misfits(w, tree)
    others = tuple(r for r in registries.IDS if not fails[r] and r not in misfits)
    return step.setups, (dataclasses.replace(leaf, registries=others) if others else leaf), step


def _name_text(rid: str) -> Text:
    """A registry's name as one of the tree's texts (both languages), for a title the tree did not write."""
    names = {}
    for code in ("en", "ko"):
        with using(code):
            names[code] = registries.name(rid)
    return MappingProxyType(names)


def _serving_reason(rec: str, step: serving.Serving, leaf_registries: Sequence[str]) -> Reason | None:
    """The serving step's one sentence, as data (worded when read: lib/serving.note)."""
    if not serving.note(rec, step, rec, leaf_registries):
        return None
    return reason("serving_moved", rec=rec, step=step, leaf=tuple(leaf_registries))


def recommend(
    w: Workload,
    book: PriceBook,
    tree: Tree | None = None,
    costs: dict[str, float] | None = None,
    cheaper: dict[str, setups.Setup | None] | None = None,
    estimate: engine.Estimate | None = None,
) -> Recommendation:
    """`costs`: the workload's monthly totals when the caller has them already (a page that
    priced it), so the workload is not priced twice; `cheaper`: likewise, setups.cheaper_setups();
    `estimate`: likewise, engine.estimate(w, book) (the serving step reads its flags)."""
    tree = tree or load()
    path, leaf_id, taken = walk(w, tree)
    leaf = tree.leaves[leaf_id]
    given, cheaper, e = _priced(w, book, costs, cheaper, estimate)
    # every registry is compared in its cheapest setup: that is what would be bought (for ECR in
    # private subnets, interface endpoints when they cost less than NAT)
    fails = failed(w, tree)
    cheaper, pool, step = _serving_step(w, book, tree, leaf, given, cheaper, fails, e)
    best = setups.best_costs(given, cheaper)
    passing, ranked = _rank(pool, best, fails)
    rec = ranked[0]
    misfits = _misfits(w, tree)
    deciding = path[-1].because[0]
    rejected = [_rejection(rid, rec, w, tree, best, fails, misfits, deciding) for rid in registries.IDS if rid != rec]
    cheapest = _cheapest(rec, best, fails)
    mine = cheaper.get(rec)
    theirs = cheaper.get(cheapest) if cheapest else None
    return Recommendation(
        rec,
        _runner_up(ranked, passing or pool.registries, best, fails, misfits),
        leaf_id,
        leaf.title if pool is leaf else _name_text(rec),
        leaf.summary if pool is leaf else "",  # the headline says why it moved (serving_note)
        tuple(path),
        tuple(rejected),
        MappingProxyType(dict(given)),
        MappingProxyType({rid: tuple(why) for rid, why in fails.items()}),
        _cost_reason(passing, ranked, best, fails),
        tuple(taken),
        recommended_setup=MappingProxyType(dict(mine.changes) if mine else {}),
        recommended_cost=best[rec],
        cheapest=cheapest,
        cheapest_cost=best[cheapest] if cheapest else 0.0,
        cheapest_changes=MappingProxyType(dict(theirs.changes) if theirs else {}),
        gap_reason=_gap_reason(rec, cheapest, theirs, best, tree.strengths.get(rec, leaf.summary)),
        serving_reason=_serving_reason(rec, step, leaf.registries),
        compared_setups=MappingProxyType(dict(cheaper)),
    )


def _gap_reason(
    rec: str, cheapest: str | None, theirs: setups.Setup | None, best: dict[str, float], buys: Text
) -> Reason | None:
    """Why the recommendation costs more than the cheapest registry that passes, when it costs
    noticeably more (more than SAME_MONEY): what the difference buys."""
    if not cheapest or cheapest == rec or best[rec] - best[cheapest] <= SAME_MONEY:
        return None
    return reason(
        "gap_note",
        cheapest=cheapest,
        setup=MappingProxyType(dict(theirs.changes) if theirs else {}),
        cheapest_cost=best[cheapest],
        rec=rec,
        gap=best[rec] - best[cheapest],
        buys=buys,
    )


def recommended(w: Workload, book: PriceBook, tree: Tree | None = None) -> str:
    """recommend(w, book, tree).recommended, pricing only the registries the answer can be.

    The answer is the cheapest (in its serving setup) of the leaf's registries that pass every hard
    requirement, unless the serving step sets aside every registry the leaf names: only then does it
    move to the other registries (_serving_step). Each registry's figures are its own (the engine,
    the setup search and the serving step price one registry at a time), so the leaf's registries
    are priced first, and everything only when the answer leaves the leaf. A leaf names one or two
    of the eight: the Break-even page's decision sweep asks this some fifty times per scenario
    (issue 29). tests/test_decision_sweep.py holds it to recommend()."""
    tree = tree or load()
    _path, leaf_id, _taken = walk(w, tree)
    leaf = tree.leaves[leaf_id]
    e = engine.estimate(w, book, leaf.registries)
    costs = e.totals()
    cheaper = setups.cheaper_setups(w, book, e)
    fails = failed(w, tree)
    step = serving.serving_setups(w, book, costs, cheaper, e)
    _add_wont_serve(w, tree, fails, step)
    if not any(not fails[r] for r in leaf.registries) and any(r in step.set_aside for r in leaf.registries):
        return recommend(w, book, tree).recommended  # the answer leaves the leaf: every registry is compared
    _passing, ranked = _rank(leaf, setups.best_costs(costs, step.setups), fails)
    return ranked[0]
