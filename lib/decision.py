"""Evaluate the decision tree (data/decision_tree.yaml) and explain the result.

The tree picks a leaf; hard requirements reject registries whatever they cost; when a leaf
names several registries that all pass, cost decides and the explanation says so. Every other
registry gets a reason: the constraint it fails, or what it costs against the recommendation.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from . import engine, registries, setups
from .errors import DashboardError
from .labels import SAME_MONEY, choice, money
from .pricebook import PriceBook
from .workload import SPECS

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "decision_tree.yaml"


class DecisionTreeError(DashboardError, ValueError):
    """The tree file is unusable; the message names the file, the node and the problem."""


@dataclass(frozen=True)
class Step:
    node: str
    question: str
    answer: str
    reasons: tuple[str, ...]
    goes_to: str


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
    recommended_setup: dict = field(default_factory=dict)  # changes the recommendation advises ({} if none)
    recommended_cost: float = 0.0                           # the recommended registry's cost with them
    setup_description: str = ""                             # those changes in words
    cheapest: str | None = None       # the cheapest registry meeting every hard requirement (in its cheapest setup)
    cheapest_cost: float = 0.0
    cheapest_setup: str = ""          # that registry's setup in words ("" for as described)
    gap_note: str = ""                # when the recommendation is not the cheapest: what the difference buys

    @property
    def candidates(self) -> list[tuple[str, float]]:
        """Registries that pass every hard requirement, cheapest first."""
        ok = [(rid, c) for rid, c in self.costs.items() if not self.failures.get(rid)]
        return sorted(ok, key=lambda x: (x[1], x[0]))

    def reasons(self) -> list[str]:
        return [r for s in self.path for r in s.reasons] + ([self.cost_note] if self.cost_note else [])

    def to_dict(self) -> dict:
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


# ---- loading ----------------------------------------------------------------------------

CONDITION_KEYS = {"is", "in", "has", "has_all", "has_any"}


def _check_condition(c, where):
    if not isinstance(c, dict) or not c:
        raise DecisionTreeError(f"{where}: a condition must be a mapping, got {c!r}")
    if "else" in c:
        return
    if "all" in c or "any" in c:
        for sub in c["all"] if "all" in c else c["any"]:
            _check_condition(sub, where)
        return
    name = c.get("field")
    if name not in SPECS:
        raise DecisionTreeError(f"{where}: unknown field {name!r}")
    ops = CONDITION_KEYS & set(c)
    if len(ops) != 1:
        raise DecisionTreeError(f"{where}: a condition needs exactly one of {', '.join(sorted(CONDITION_KEYS))}")
    spec = SPECS[name]
    op = ops.pop()
    values = c[op] if isinstance(c[op], list) else [c[op]]
    allowed = spec.choices if spec.kind in ("choice", "set") else (True, False) if spec.kind == "bool" else None
    if allowed is not None:
        bad = [v for v in values if v not in allowed]
        if bad:
            raise DecisionTreeError(f"{where}: {name} has no value {bad[0]!r} (has: {', '.join(map(str, allowed))})")


def parse(doc, path="decision tree") -> dict:
    if not isinstance(doc, dict) or not {"start", "nodes", "leaves"} <= set(doc):
        raise DecisionTreeError(f"{path}: needs 'start', 'nodes' and 'leaves'")
    nodes, leaves = doc["nodes"], doc["leaves"]
    if doc["start"] not in nodes:
        raise DecisionTreeError(f"{path}: start node {doc['start']!r} is not defined")
    for lid, leaf in leaves.items():
        unknown = [r for r in leaf.get("registries", []) if r not in registries.BY_ID]
        if not leaf.get("registries") or unknown:
            raise DecisionTreeError(f"{path}: leaf {lid!r} must name known registries (unknown: {unknown})")
    for nid, node in nodes.items():
        where = f"{path}: node {nid!r}"
        if not node.get("question") or not node.get("branches"):
            raise DecisionTreeError(f"{where}: needs a question and branches")
        deciding = [b for b in node["branches"] if "note" not in b]
        if "else" not in deciding[-1].get("when", {}):
            raise DecisionTreeError(f"{where}: the last deciding branch must be 'else: true' so every answer leads somewhere")
        for i, b in enumerate(node["branches"]):
            bw = f"{where} branch {i + 1}"
            _check_condition(b.get("when"), bw)
            if "note" in b:
                if b["note"] not in nodes and b["note"] not in leaves:
                    raise DecisionTreeError(f"{bw}: note target {b['note']!r} is not a node or leaf")
                continue
            if ("next" in b) == ("leaf" in b):
                raise DecisionTreeError(f"{bw}: needs exactly one of 'next' or 'leaf'")
            if "next" in b and b["next"] not in nodes:
                raise DecisionTreeError(f"{bw}: next node {b['next']!r} is not defined")
            if "leaf" in b and b["leaf"] not in leaves:
                raise DecisionTreeError(f"{bw}: leaf {b['leaf']!r} is not defined")
            if not b.get("answer") or not b.get("reason"):
                raise DecisionTreeError(f"{bw}: needs an answer and a reason")
    for rid, req in doc.get("requirements", {}).items():
        _check_condition(req.get("when"), f"{path}: requirement {rid!r}")
    return doc


@lru_cache(maxsize=4)
def load(path: str | Path = DEFAULT_PATH) -> dict:
    try:
        doc = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise DecisionTreeError(f"{path}: cannot read the decision tree ({e})") from None
    return parse(doc, str(path))


# ---- evaluating -------------------------------------------------------------------------

def holds(c: dict, w) -> bool:
    if "else" in c:
        return True
    if "all" in c:
        return all(holds(s, w) for s in c["all"])
    if "any" in c:
        return any(holds(s, w) for s in c["any"])
    v = getattr(w, c["field"])
    if "is" in c:
        return v == c["is"]
    if "in" in c:
        return v in c["in"]
    if "has" in c:
        return c["has"] in v
    if "has_all" in c:
        return all(x in v for x in c["has_all"])
    return any(x in v for x in c["has_any"])


def walk(w, tree: dict) -> tuple[list[Step], str, list[tuple[str, int]]]:
    """Follow the tree for these answers: the steps, the leaf, and which branches were taken."""
    path, taken, nid = [], [], tree["start"]
    while True:
        node = tree["nodes"][nid]
        for i, b in enumerate(node["branches"]):  # noqa: B007 - i is the branch taken, used after the loop
            if "note" not in b and holds(b["when"], w):
                break
        dest = b.get("next") or b["leaf"]
        # every other branch that holds and leads to the same place adds its reason
        notes = [n["reason"] for j, n in enumerate(node["branches"])
                 if j != i and (n.get("note") or n.get("next") or n.get("leaf")) == dest
                 and "else" not in n["when"] and holds(n["when"], w)]
        path.append(Step(nid, node["question"], b["answer"], (b["reason"], *notes), dest))
        taken.append((nid, i))
        if "leaf" in b:
            return path, b["leaf"], taken
        nid = b["next"]


def failures(w, tree: dict) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {rid: [] for rid in registries.IDS}
    for req in tree.get("requirements", {}).values():
        if not holds(req["when"], w):
            continue
        for rid, why in req.get("fails", {}).items():
            out[rid].append(f"{req['label']}: {why}")
        for rid, clouds in req.get("fails_unless_runs_on", {}).items():
            if w.runs_on not in clouds:
                owner = f"a managed service of {'/'.join(clouds)}" if clouds else "a third-party service"
                out[rid].append(f"{req['label']}: {owner}, outside where the workloads run ({choice('runs_on', w.runs_on)})")
    return out


def recommend(w, book: PriceBook, tree: dict | None = None, costs: dict | None = None,
              cheaper: dict | None = None) -> Recommendation:
    """`costs`: the workload's monthly totals when the caller has them already (a page that
    priced it), so the workload is not priced twice; `cheaper`: likewise, setups.cheaper_setups()."""
    tree = tree or load()
    path, leaf_id, taken = walk(w, tree)
    leaf = tree["leaves"][leaf_id]
    if costs is None:
        e = engine.estimate(w, book)
        costs = e.totals()
        cheaper = cheaper if cheaper is not None else setups.cheaper_setups(w, book, e)
    elif cheaper is None:
        cheaper = {rid: setups.cheaper_setup(w, book, rid) for rid in costs}
    given = costs
    # every registry is compared in its cheapest setup: that is what would be bought
    costs = setups.best_costs(given, cheaper)
    names = registries.NAMES
    fails = failures(w, tree)

    passing = [r for r in leaf["registries"] if not fails[r]]
    pool = passing or list(leaf["registries"])
    ranked = sorted(pool, key=lambda r: (round(costs[r], 6), leaf["registries"].index(r)))
    rec = ranked[0]
    cost_note = ""
    if len(passing) > 1:
        other = ranked[1]
        gap = costs[other] - costs[rec]
        if gap > SAME_MONEY:
            cost_note = (f"{' and '.join(names[r] for r in passing)} all satisfy every constraint, so cost decides: "
                         f"{names[rec]} is {money(gap)}/month cheaper than {names[other]} for this workload.")
        else:
            cost_note = (f"{' and '.join(names[r] for r in passing)} all satisfy every constraint and cost the same "
                         f"for this workload ({money(costs[rec])}/month); the document's order decides: {names[rec]}.")
    elif not passing:
        cost_note = f"Warning: {names[rec]} fails a requirement: {'; '.join(fails[rec])}."

    deciding = path[-1].reasons[0]
    home = tree.get("home_cloud", {})

    def misfit(rid):  # another cloud's registry, for workloads that run in one cloud
        return rid in home and w.runs_on in home.values() and home[rid] != w.runs_on

    rejected = []
    for rid in registries.IDS:
        if rid == rec:
            continue
        if fails[rid]:
            rejected.append(Rejection(rid, names[rid], "constraint", "Fails " + "; ".join(fails[rid])))
            continue
        gap = costs[rid] - costs[rec]
        if misfit(rid):
            rejected.append(Rejection(rid, names[rid], "path", f"Belongs to {choice('runs_on', home[rid])}, the workloads run on {choice('runs_on', w.runs_on)}: "
                                      "pulls would cross clouds (internet egress, NAT) and lose IAM integration."))
        elif gap > SAME_MONEY:
            rejected.append(Rejection(rid, names[rid], "cost", f"Costs {money(gap)}/month more for this workload "
                                                                 f"({money(costs[rid])} against {money(costs[rec])})."))
        else:
            price = "costs the same" if abs(gap) <= SAME_MONEY else f"is {money(-gap)}/month cheaper"
            rejected.append(Rejection(rid, names[rid], "path", f"It {price}, but the situation points elsewhere: {deciding}"))

    alternatives = [r for r in ranked[1:]] + sorted(
        (r for r in registries.IDS if r not in pool and not fails[r] and not misfit(r)), key=lambda r: (costs[r], r))
    runner_up = alternatives[0] if alternatives else None

    # The recommendation quotes what it recommends: the registry in its cheapest setup (for ECR in
    # private subnets, interface endpoints when they cost less than NAT).
    mine = cheaper.get(rec)
    best = costs
    ok = sorted((r for r in registries.IDS if not fails[r]), key=lambda r: (round(best[r], 6), r != rec, r))
    cheapest = ok[0] if ok else None
    gap_note = ""
    if cheapest and cheapest != rec and best[rec] - best[cheapest] > SAME_MONEY:
        how = f" {s.description}" if (s := cheaper.get(cheapest)) else ""
        buys = tree.get("strengths", {}).get(rec, leaf["summary"])
        gap_note = (f"{names[cheapest]}{how} is the cheapest that meets every hard requirement at "
                    f"{money(best[cheapest])}/month; {names[rec]} costs {money(best[rec] - best[cheapest])}/month more for {buys}")
    return Recommendation(rec, runner_up, leaf_id, leaf["title"], leaf["summary"], path, rejected, given, fails,
                          cost_note, taken,
                          recommended_setup=dict(mine.changes) if mine else {},
                          recommended_cost=best[rec], setup_description=mine.description if mine else "",
                          cheapest=cheapest, cheapest_cost=best[cheapest] if cheapest else 0.0,
                          cheapest_setup=s.description if cheapest and (s := cheaper.get(cheapest)) else "",
                          gap_note=gap_note)


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


# ---- drawing ----------------------------------------------------------------------------

def _label(text: str, width: int = 34) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if len(line) + len(word) > width:
            lines.append(line)
            line = ""
        line = f"{line} {word}".strip()
    lines.append(line)
    return "\\n".join(x.replace('"', "'") for x in lines)


def to_dot(tree: dict, rec: Recommendation | None = None) -> str:
    """Graphviz DOT of the whole tree, the path taken drawn bold and coloured."""
    on_path = {(s.node, s.goes_to) for s in rec.path} if rec else set()
    visited = {s.node for s in rec.path} if rec else set()
    hl = "#d62728"
    out = ["digraph tree {", '  rankdir=TB; node [fontname="Helvetica", fontsize=10]; edge [fontname="Helvetica", fontsize=9];']
    for nid, node in tree["nodes"].items():
        style = f', color="{hl}", penwidth=2.5' if nid in visited else ""
        out.append(f'  "{nid}" [shape=box, style="rounded", label="{_label(node["question"])}"{style}];')
    for lid, leaf in tree["leaves"].items():
        chosen = rec is not None and rec.leaf == lid
        style = f', style="filled", fillcolor="#fde0dd", color="{hl}", penwidth=2.5' if chosen else ""
        out.append(f'  "leaf_{lid}" [shape=ellipse, label="{_label(leaf["title"], 24)}"{style}];')
    for nid, node in tree["nodes"].items():
        for b in node["branches"]:
            if "note" in b:
                continue
            dest = b.get("next") or b["leaf"]
            target = dest if "next" in b else f"leaf_{dest}"
            style = f', color="{hl}", fontcolor="{hl}", penwidth=2.5' if (nid, dest) in on_path else ""
            out.append(f'  "{nid}" -> "{target}" [label="{_label(b["answer"], 22)}"{style}];')
    out.append("}")
    return "\n".join(out)
