"""Issue 19: each choice has one display name, in labels.CHOICES; the slides, the ADR and the chart
subtitles derive theirs from it (wording.value -> labels.choice_in_sentence). A second table of
names for the same (field, value) anywhere in the code fails here; so does a context phrasing that
is only a copy of the name."""

import ast
from pathlib import Path

import pytest

from lib.inputs.workload import SPECS
from lib.presentation import wording
from lib.pricing import labels

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(
    [*(ROOT / "lib").rglob("*.py"), *(ROOT / "ui").rglob("*.py"), *(ROOT / "pages").rglob("*.py"), ROOT / "app.py"]
)
CHOICE_FIELDS = {k for k, s in SPECS.items() if s.kind in ("choice", "set")}
# phrasing that only reads right in its place, not a name: checked below to differ from the name
# names for one context each, beside the sentence's name in CHOICES: a setup's words, a short form, and what a
# select box lists where the sentence's name overflows the sidebar's box (SELECT_CHOICES, eighth Korean review)
CONTEXT_TABLES = {
    ("lib/presentation/wording.py", "_SETUP"),
    ("lib/presentation/wording.py", "_SHORT"),
    ("lib/pricing/labels.py", "SELECT_CHOICES"),
}


def _str(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def name_tables(source: str) -> dict[str, set[tuple[str, str]]]:
    """Every dict literal that names choice values, by the name it is assigned to: keyed
    (field, value), or {field: {value: words}}. Returns {assigned name: {(field, value), ...}}."""
    found: dict[str, set[tuple[str, str]]] = {}
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, (ast.Assign, ast.AnnAssign)) or not isinstance(node.value, ast.Dict):
            continue
        target = node.targets[0] if isinstance(node, ast.Assign) else node.target
        name = target.id if isinstance(target, ast.Name) else ast.unparse(target)
        keys: set[tuple[str, str]] = set()
        for k, v in zip(node.value.keys, node.value.values, strict=True):
            if isinstance(k, ast.Tuple) and len(k.elts) == 2 and _str(k.elts[0]) in CHOICE_FIELDS:
                keys.add((_str(k.elts[0]) or "", str(_str(k.elts[1]))))
            elif _str(k) in CHOICE_FIELDS and isinstance(v, ast.Dict):
                keys |= {(_str(k) or "", str(_str(x))) for x in v.keys if _str(x) is not None}
        named = {kv for kv in keys if kv in labels.CHOICES}
        if named:
            found[name] = named
    return found


def test_the_scan_finds_a_second_table():
    assert name_tables('NAMES = {"network": {"nat": "NAT", "public": "open"}}') == {
        "NAMES": {("network", "nat"), ("network", "public")}
    }
    assert name_tables('T: dict = {("runs_on", "aws"): "Amazon", ("x", "y"): 1}') == {"T": {("runs_on", "aws")}}
    assert name_tables('OTHER = {"a": 1, ("colour", "red"): 2}') == {}


def test_every_choice_display_name_is_defined_once():
    seen: dict[str, dict[str, set]] = {}
    for path in SOURCES:
        rel = path.relative_to(ROOT).as_posix()
        for name, keys in name_tables(path.read_text()).items():
            if (rel, name) == ("lib/pricing/labels.py", "CHOICES") or (rel, name) in CONTEXT_TABLES:
                continue
            seen.setdefault(rel, {})[name] = keys
    assert seen == {}, "choice names belong in labels.CHOICES; derive the words from labels.choice()"


def test_the_context_tables_are_phrasing_not_a_second_name():
    """What stays in wording must read differently from the name itself (else it is a copy)."""
    entries = [((f, v), w) for (f, v), w in wording._SETUP.items()]
    entries += [((f, v), w) for f, d in wording._SHORT.items() for v, w in d.items()]
    assert entries
    for key, words in entries:
        assert key in labels.CHOICES, key  # no phrasing for a value the app does not offer
        assert words.lower() != labels.choice(*key).lower(), key
        assert words != labels.choice_in_sentence(*key), key


@pytest.mark.parametrize(
    "field", sorted(f for f in CHOICE_FIELDS if SPECS[f].kind == "choice" and any(k[0] == f for k in labels.CHOICES))
)
def test_the_deck_words_are_the_app_words(field):
    """wording.value gives the app's display name, only its first letter lowered mid-sentence."""
    for v in SPECS[field].choices:
        app, deck = labels.choice(field, v), wording.value(field, v)
        assert deck in (app, app[0].lower() + app[1:]), (field, v, app, deck)


def test_mid_sentence_case_keeps_names():
    # hand-written: what a sentence around each would need
    assert wording.value("network", "nat") == "private subnets behind a NAT gateway"
    assert wording.value("runs_on", "aws") == "AWS"
    assert wording.value("runs_on", "gcp") == "Google Cloud"
    assert wording.value("runs_on", "multi_cloud") == "several clouds"
    assert wording.value("dockerhub_plan", "team") == "Team"
    assert wording.value("dockerhub_plan", "auto").startswith("chosen for you")
    assert wording.value("deploy_platform", "ec2").startswith("EC2 ")
    assert wording.value("compliance", ["audit_logs", "signing"]) == "audit logs, image signing"
    assert wording.setup({"dockerhub_plan": "team"}) == "on the Team plan"
