"""One golden file per registry (tests/golden/<registry>.yaml): several scenarios each, with every
component's quantity, unit price and cost, every flag and the total, worked out by hand (the
arithmetic is written in each file). Infracost-style: a changed price rule changes a line here."""

import ast
import operator
from pathlib import Path

import pytest
import yaml

from lib.inputs.workload import from_dict
from lib.pricing import engine, registries
from lib.pricing.components import CATEGORIES

GOLDEN = Path(__file__).parent / "golden"
CENT = 0.005
# prices that are the user's own inputs, not price-book entries
INPUT_PRICES = {"engineer_hourly_rate", "nexus_licence_monthly"}


def expected_unit(name: str) -> str:
    """The unit each kind of line is billed in, written once here from the vendors' pages."""
    rules = [
        (("Storage over",), "GB-day"),  # ACR and GHCR bill storage per GB-day
        (("Storage", "Image storage", "Node disks", "Replica storage"), "GB-month"),
        (("NAT gateway hours",), "hour"),
        (("Interface endpoints",), "endpoint-hour"),
        (("Harbor nodes", "Nexus nodes"), "instance-hour"),
        (("Operations", "Manual"), "engineer-hour"),
        (("Enhanced scanning", "Basic scanning", "Vulnerability scanning", "Scanning"), "image"),
        (("Basic tier", "Standard tier", "Premium tier", "Geo-replicas"), "day"),
        (("Plan (auto", "Plan: Team", "Plan: Business"), "seat-month"),
        (("Plan: Pro", "Plan: Personal"), "account-month"),
        (("Nexus Pro licence",), "month"),
    ]
    for starts, unit in rules:
        if name.startswith(starts) and (starts[0] != "Storage over" or "GB included" in name or "plan's" in name):
            return unit
    return "GB"  # every transfer, egress, NAT/endpoint processing and in-VPC line


def _num(x) -> float:
    """A number, or simple arithmetic written as text ("148 * 730 / 24"), evaluated exactly."""
    if isinstance(x, (int, float)):
        return float(x)
    ops = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}

    def ev(n):
        if isinstance(n, ast.Expression):
            return ev(n.body)
        if isinstance(n, ast.Constant) and isinstance(n.value, (int, float)):
            return float(n.value)
        if isinstance(n, ast.BinOp) and type(n.op) in ops:
            return ops[type(n.op)](ev(n.left), ev(n.right))
        raise ValueError(f"not simple arithmetic: {x!r}")

    return ev(ast.parse(str(x), mode="eval"))


def _code(flag) -> str:
    """A scenario lists a flag by its code, or as [code, its exact words] where the words vary."""
    return flag[0] if isinstance(flag, list) else flag


def _docs():
    return [yaml.safe_load(path.read_text()) for path in sorted(GOLDEN.glob("*.yaml"))]


def _cases():
    for doc in _docs():
        for sc in doc["scenarios"]:
            yield pytest.param(doc["registry"], sc, doc["flag_text"], id=f"{doc['registry']}: {sc['name']}")


def test_every_registry_has_a_golden_file_with_several_scenarios():
    for rid in registries.IDS:
        doc = yaml.safe_load((GOLDEN / f"{rid}.yaml").read_text())
        assert doc["registry"] == rid and len(doc["scenarios"]) >= 3, rid


def test_every_flag_a_registry_can_raise_is_raised_by_a_scenario():
    for doc in _docs():
        raised = {_code(f) for sc in doc["scenarios"] for f in sc["flags"]}
        assert raised == set(doc["flag_text"]), doc["registry"]


@pytest.mark.parametrize("rid, sc, flag_text", list(_cases()))
def test_golden(book, rid, sc, flag_text):
    w = from_dict(sc["workload"])
    r = engine.estimate(w, book, (rid,))[rid]
    got = [c.name for c in r.components]
    want = [row[0] for row in sc["components"]]
    assert got == want, "components differ"
    for c, (name, qty, price, cost) in zip(r.components, sc["components"], strict=True):
        assert c.quantity == pytest.approx(_num(qty), rel=1e-9, abs=1e-9), (name, "quantity")
        assert c.price == pytest.approx(_num(price), rel=1e-12, abs=0), (name, "price")
        assert c.monthly_cost == pytest.approx(_num(cost), abs=CENT), (name, "cost")
    assert sorted(f.code for f in r.flags) == sorted(_code(f) for f in sc["flags"])
    exact = {f[0]: f[1] for f in sc["flags"] if isinstance(f, list)}  # a scenario's own words for a flag
    for f in r.flags:
        severity, words = flag_text[f.code]
        assert f.severity == severity and f.message in ([words] if isinstance(words, str) else words), f
        assert f.message == exact.get(f.code, f.message), f
    assert r.monthly_cost == pytest.approx(sc["total"], abs=CENT)
    # every component is filed under a chart category, in a known unit, and a price from the price
    # book names its entry (the page links the entry's source)
    for c in r.components:
        assert c.category in CATEGORIES and c.unit == expected_unit(c.name), c
        if c.price and not any(c.price == getattr(w, k) for k in INPUT_PRICES):
            entry = book.price(c.price_key)
            values = entry.value.values() if isinstance(entry.value, dict) else [entry.value]
            ways = 2 if "each way" in entry.unit else 1  # cross-AZ bytes pay on both sides
            assert c.price in [v * ways for v in values], c
            assert entry.by or c.price == ways * book.get(c.price_key, w.region), c
