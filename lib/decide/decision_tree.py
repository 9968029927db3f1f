"""The decision tree (data/decision_tree.yaml) as frozen types: read and validated once, then shared.

`load()` is cached, so every caller gets the same `Tree`: it is frozen all the way down (frozen
dataclasses, tuples, read-only mappings) and no caller can change what the next one reads.
Choosing (lib/decide/decision.py), explaining (lib/decide/decision_text.py) and drawing
(lib/presentation/decision_chart.py) read these types; none of them sees the YAML.

Every word in the tree is a `Text`: a plain string, or both languages (`{en: ..., ko: ...}`) kept
whole in the cache and read with `i18n.text()` where it is shown, in the language of that run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, get_args

import yaml

from ..core.errors import DashboardError
from ..core.frozen import is_text
from ..core.i18n import _
from ..inputs.workload import SPECS
from ..pricing import registries

DEFAULT_PATH = Path(__file__).resolve().parent.parent.parent / "data" / "decision_tree.yaml"

Op = Literal["is", "in", "has", "has_all", "has_any", "at_least"]
CONDITION_KEYS = set(get_args(Op))
Text = str | Mapping[str, str]  # one text in both languages ({en, ko}), or a plain string (a name)


class DecisionTreeError(DashboardError, ValueError):
    """The tree file is unusable; the message names the file, the node and the problem."""


@dataclass(frozen=True)
class Condition:
    """`else` (always), `all`/`any` of `parts`, or a test of one workload field against `value`
    (one value for is/has, a tuple for in/has_all/has_any, a number for at_least: a number field's
    value is at least it)."""

    op: Literal["else", "all", "any"] | Op
    field: str = ""
    value: Any = None
    parts: tuple[Condition, ...] = ()

    def holds(self, w: Any) -> bool:
        op = self.op
        if op == "else":
            return True
        if op == "all":
            return all(p.holds(w) for p in self.parts)
        if op == "any":
            return any(p.holds(w) for p in self.parts)
        v = getattr(w, self.field)
        if op == "is":
            return bool(v == self.value)
        if op == "in":
            return v in self.value
        if op == "has":
            return self.value in v
        if op == "has_all":
            return all(x in v for x in self.value)
        if op == "at_least":
            return float(v) >= float(self.value)
        return any(x in v for x in self.value)


@dataclass(frozen=True)
class Branch:
    """A deciding branch goes to `next` (a node) or `leaf`; a note branch (`note` set) never
    decides: when it holds and the step goes to `note`, its reason is added to the step's."""

    when: Condition
    reason: Text
    answer: Text = ""
    next: str | None = None
    leaf: str | None = None
    note: str | None = None
    # the answer says the situation does not apply ("no", "none of these"): a step that explains
    # little (the deck skips it). Data, not read off the answer's words: the same in every language
    declines: bool = False

    @property
    def deciding(self) -> bool:
        return self.note is None

    @property
    def goes_to(self) -> str:
        return self.note or self.next or self.leaf or ""


@dataclass(frozen=True)
class Node:
    id: str
    question: Text
    branches: tuple[Branch, ...]


@dataclass(frozen=True)
class Leaf:
    id: str
    registries: tuple[str, ...]  # in the document's order: it breaks a tie in cost
    title: Text
    summary: Text
    strength: int | None = None  # the comparison's rating (1 to 3) of how strongly the situation ties to it

    @property
    def rated(self) -> bool:
        """The comparison rates how strongly it ties the situation to this leaf."""
        return self.strength is not None


@dataclass(frozen=True)
class Requirement:
    """A hard constraint: when `when` holds, every registry in `fails` is rejected (with the
    reason given), and every one in `fails_unless_runs_on` unless the workloads run on a listed cloud."""

    id: str
    when: Condition
    label: Text
    fails: Mapping[str, Text]
    fails_unless_runs_on: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class Tree:
    start: str
    nodes: Mapping[str, Node]
    leaves: Mapping[str, Leaf]
    requirements: Mapping[str, Requirement]
    strengths: Mapping[str, Text]  # what a registry buys when recommended although another costs less


def _ro(d: dict[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(d))


def _text(value: Any) -> Text:
    """A text as the tree keeps it: both languages in a read-only mapping, or the plain string."""
    return MappingProxyType(dict(value)) if isinstance(value, Mapping) else value


def _check_text(value: Any, where: str) -> None:
    if isinstance(value, str) and value.strip():
        return
    if is_text(value) and all(v.strip() for v in value.values()):
        return
    raise DecisionTreeError(
        _("{where}: must be text, or text in both languages {{en: ..., ko: ...}}; got {value}").format(
            where=where, value=repr(value)
        )
    )


# ---- validating ---------------------------------------------------------------------------


def _check_condition(c: Any, where: str) -> None:
    if not isinstance(c, dict) or not c:
        raise DecisionTreeError(
            _("{where}: a condition must be a mapping, got {value}").format(where=where, value=repr(c))
        )
    if "else" in c:
        return
    if "all" in c or "any" in c:
        for sub in c["all"] if "all" in c else c["any"]:
            _check_condition(sub, where)
        return
    name = c.get("field")
    if name not in SPECS:
        raise DecisionTreeError(_("{where}: unknown field {field}").format(where=where, field=repr(name)))
    ops = CONDITION_KEYS & set(c)
    if len(ops) != 1:
        raise DecisionTreeError(
            _("{where}: a condition needs exactly one of {choices}").format(
                where=where, choices=", ".join(sorted(CONDITION_KEYS))
            )
        )
    op = ops.pop()
    if op == "at_least":
        number = isinstance(c[op], int | float) and not isinstance(c[op], bool)
        if SPECS[name].kind not in ("int", "float") or not number:
            raise DecisionTreeError(
                _("{where}: at_least compares a number field with a number, got {field}: {value}").format(
                    where=where, field=name, value=repr(c[op])
                )
            )
        return
    _check_values(name, c[op] if isinstance(c[op], list) else [c[op]], where)


def _check_values(name: str, values: list[Any], where: str) -> None:
    """A condition's values are among its field's choices (a choice, a set, a yes/no); numbers are free."""
    spec = SPECS[name]
    allowed = spec.choices if spec.kind in ("choice", "set") else (True, False) if spec.kind == "bool" else None
    if allowed is None:
        return
    bad = [v for v in values if v not in allowed]
    if bad:
        raise DecisionTreeError(
            _("{where}: {field} has no value {value} (has: {choices})").format(
                where=where, field=name, value=repr(bad[0]), choices=", ".join(map(str, allowed))
            )
        )


def _check_branch(b: dict[str, Any], bw: str, nodes: dict[str, Any], leaves: dict[str, Any]) -> None:
    _check_condition(b.get("when"), bw)
    if not isinstance(b.get("declines", False), bool):
        raise DecisionTreeError(
            _("{name}: must be true or false, got {value}").format(name=f"{bw} declines", value=repr(b["declines"]))
        )
    if "note" in b:
        if b["note"] not in nodes and b["note"] not in leaves:
            raise DecisionTreeError(
                _("{where}: note target {target} is not a node or leaf").format(where=bw, target=repr(b["note"]))
            )
        if not b.get("reason"):
            raise DecisionTreeError(_("{where}: needs a reason").format(where=bw))
        _check_text(b["reason"], f"{bw} reason")
        return
    if ("next" in b) == ("leaf" in b):
        raise DecisionTreeError(_("{where}: needs exactly one of 'next' or 'leaf'").format(where=bw))
    if "next" in b and b["next"] not in nodes:
        raise DecisionTreeError(_("{where}: next node {node} is not defined").format(where=bw, node=repr(b["next"])))
    if "leaf" in b and b["leaf"] not in leaves:
        raise DecisionTreeError(_("{where}: leaf {leaf} is not defined").format(where=bw, leaf=repr(b["leaf"])))
    if not b.get("answer") or not b.get("reason"):
        raise DecisionTreeError(_("{where}: needs an answer and a reason").format(where=bw))
    _check_text(b["answer"], f"{bw} answer")
    _check_text(b["reason"], f"{bw} reason")


def _check(doc: Any, path: str) -> None:
    """The tree's shape, then each leaf, node and requirement: the first problem raises, naming where."""
    if not isinstance(doc, dict) or not {"start", "nodes", "leaves"} <= set(doc):
        raise DecisionTreeError(_("{path}: needs 'start', 'nodes' and 'leaves'").format(path=path))
    nodes, leaves = doc["nodes"], doc["leaves"]
    if not isinstance(nodes, dict) or not isinstance(leaves, dict):
        raise DecisionTreeError(_("{path}: 'nodes' and 'leaves' must be mappings").format(path=path))
    if doc["start"] not in nodes:
        raise DecisionTreeError(
            _("{path}: start node {node} is not defined").format(path=path, node=repr(doc["start"]))
        )
    for lid, leaf in leaves.items():
        _check_leaf(leaf, path, lid)
    for nid, node in nodes.items():
        _check_node(node, _("{path}: node {node}").format(path=path, node=repr(nid)), nodes, leaves)
    for rid, req in (doc.get("requirements") or {}).items():
        _check_requirement(req, _("{path}: requirement {requirement}").format(path=path, requirement=repr(rid)))
    for rid, why in (doc.get("strengths") or {}).items():
        _check_text(why, f"{path}: strengths.{rid}")


def _check_leaf(leaf: Any, path: str, lid: str) -> None:
    """A leaf names known registries, has a title and a summary, and a strength of 1-3 if it has one."""
    regs = leaf.get("registries") if isinstance(leaf, dict) else None
    unknown = [r for r in regs or [] if r not in registries.BY_ID]
    if not regs or unknown:
        raise DecisionTreeError(
            _("{path}: leaf {leaf} must name known registries (unknown: {unknown})").format(
                path=path, leaf=repr(lid), unknown=unknown
            )
        )
    if not leaf.get("title") or not leaf.get("summary"):
        raise DecisionTreeError(_("{path}: leaf {leaf} needs a title and a summary").format(path=path, leaf=repr(lid)))
    if "strength" in leaf and (isinstance(leaf["strength"], bool) or leaf["strength"] not in (1, 2, 3)):
        raise DecisionTreeError(
            _("{name}: must be one of {choices}, got {value}").format(
                name=_("{path}: leaf {leaf}").format(path=path, leaf=repr(lid)) + " strength",
                choices="1, 2, 3",
                value=repr(leaf["strength"]),
            )
        )
    _check_text(leaf["title"], _("{path}: leaf {leaf}").format(path=path, leaf=repr(lid)) + " title")
    _check_text(leaf["summary"], _("{path}: leaf {leaf}").format(path=path, leaf=repr(lid)) + " summary")


def _check_node(node: Any, where: str, nodes: dict[str, Any], leaves: dict[str, Any]) -> None:
    """A node asks a question and its last deciding branch is 'else', so every answer leads somewhere."""
    if not isinstance(node, dict) or not node.get("question") or not node.get("branches"):
        raise DecisionTreeError(_("{where}: needs a question and branches").format(where=where))
    _check_text(node["question"], f"{where} question")
    deciding = [b for b in node["branches"] if "note" not in b]
    if not deciding or "else" not in deciding[-1].get("when", {}):
        raise DecisionTreeError(
            _("{where}: the last deciding branch must be 'else: true' so every answer leads somewhere").format(
                where=where
            )
        )
    for i, b in enumerate(node["branches"]):
        _check_branch(b, _("{where} branch {n}").format(where=where, n=i + 1), nodes, leaves)


def _check_requirement(req: Any, where: str) -> None:
    """A hard requirement has a label, a condition and reasons for known registries only."""
    if not isinstance(req, dict) or not req.get("label"):
        raise DecisionTreeError(_("{where}: needs a label").format(where=where))
    _check_text(req["label"], f"{where} label")
    for rid_, why in (req.get("fails") or {}).items():
        _check_text(why, f"{where} fails.{rid_}")
    _check_condition(req.get("when"), where)
    named = [*(req.get("fails") or {}), *(req.get("fails_unless_runs_on") or {})]
    unknown = [r for r in named if r not in registries.BY_ID]
    if unknown:
        raise DecisionTreeError(
            _("{where}: unknown registry {registry}").format(where=where, registry=repr(unknown[0]))
        )


# ---- building the frozen tree ----------------------------------------------------------------


def _condition(c: dict[str, Any]) -> Condition:
    if "else" in c:
        return Condition("else")
    if "all" in c or "any" in c:
        op: Literal["all", "any"] = "all" if "all" in c else "any"
        return Condition(op, parts=tuple(_condition(s) for s in c[op]))
    test: Op = next(k for k in get_args(Op) if k in c)
    value = tuple(c[test]) if isinstance(c[test], list) else c[test]
    return Condition(test, field=c["field"], value=value)


def _branch(b: dict[str, Any]) -> Branch:
    return Branch(
        _condition(b["when"]),
        _text(b["reason"]),
        _text(b.get("answer", "")),
        b.get("next"),
        b.get("leaf"),
        b.get("note"),
        bool(b.get("declines", False)),
    )


def parse(doc: Any, path: str = "decision tree") -> Tree:
    """Validate a parsed YAML document (names the file, the node and the problem) and freeze it."""
    _check(doc, path)
    return Tree(
        start=doc["start"],
        nodes=_ro(
            {
                nid: Node(nid, _text(n["question"]), tuple(_branch(b) for b in n["branches"]))
                for nid, n in doc["nodes"].items()
            }
        ),
        leaves=_ro(
            {
                lid: Leaf(lid, tuple(lf["registries"]), _text(lf["title"]), _text(lf["summary"]), lf.get("strength"))
                for lid, lf in doc["leaves"].items()
            }
        ),
        requirements=_ro(
            {
                rid: Requirement(
                    rid,
                    _condition(r["when"]),
                    _text(r["label"]),
                    _ro({k: _text(v) for k, v in (r.get("fails") or {}).items()}),
                    _ro({k: tuple(v) for k, v in (r.get("fails_unless_runs_on") or {}).items()}),
                )
                for rid, r in (doc.get("requirements") or {}).items()
            }
        ),
        strengths=_ro({k: _text(v) for k, v in (doc.get("strengths") or {}).items()}),
    )


@lru_cache(maxsize=4)
def load(path: str | Path = DEFAULT_PATH) -> Tree:
    try:
        doc = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise DecisionTreeError(
            _("{path}: cannot read the decision tree ({problem})").format(path=path, problem=e)
        ) from None
    return parse(doc, str(path))
