"""Issue 19: each pricing fact lives in one function or constant that every consumer uses.

Figures are worked out by hand in the comments; the source checks make a second copy of a
fact (a literal written again elsewhere in lib/) fail here."""

import ast
from pathlib import Path

import numpy as np
import pytest

from lib.inputs.workload import from_dict
from lib.pricing import engine, labels
from lib.pricing.registries import dockerhub

LIB = Path(__file__).resolve().parent.parent / "lib"

# Docker Hub's prices (docker.com/pricing): Personal $0, Pro $9 an account, Team $15 a seat
AUTO = [  # seats, repositories, plan, monthly plan cost
    (1, 1, "personal", 0.0),
    (1, 3, "pro", 9.0),
    (4, 1, "team", 4 * 15.0),
    (10, 20, "team", 10 * 15.0),
]


@pytest.mark.parametrize("seats, repos, plan, cost", AUTO)
def test_docker_hub_auto_plan_is_the_plan_priced_and_the_plan_flagged(book, seats, repos, plan, cost):
    w = from_dict({"visibility": "private", "dockerhub_plan": "auto", "team_seats": seats, "repositories": repos})
    assert dockerhub.resolved_plan(w) == plan
    line = engine.estimate(w, book, ids=("dockerhub",))["dockerhub"].component("Plan (auto")
    assert line.monthly_cost == pytest.approx(cost)


def test_docker_hub_auto_plan_is_the_same_rule_for_many_workloads(book):
    ws = [
        from_dict({"visibility": "private", "dockerhub_plan": "auto", "team_seats": s, "repositories": r})
        for s, r, _, _ in AUTO
    ]
    many = engine.estimate_many(ws, book, ids=("dockerhub",), components=True)
    assert list(many["dockerhub:Plan (auto: Personal, Pro or Team per seat)"]) == pytest.approx([c for *_, c in AUTO])
    assert list(dockerhub.auto_plan(np.array([1, 1, 4, 10]), np.array([1, 3, 1, 20]))) == [p for _, _, p, _ in AUTO]


def test_replication_transfer_is_one_rule_for_managed_and_self_hosted(book):
    # 30 pushes x 1,000 MB x (1 - 0.4 shared) = 18 GB pushed; x 2 replica regions = 36 GB at $0.02 = $0.72
    w = from_dict({"pushes_per_month": 30, "image_size_mb": 1000, "shared_layer_fraction": 0.4, "replica_regions": 2})
    # docker save to S3 copies whole tarballs (no shared layers): 30 x 1 GB x 2 = 60 GB, $1.20
    e = engine.estimate(w, book, ids=("ecr", "harbor", "nexus", "s3"))
    for rid, gb in (("ecr", 36.0), ("harbor", 36.0), ("nexus", 36.0), ("s3", 60.0)):
        c = e[rid].component("Replication transfer")
        assert (c.quantity, c.price, c.monthly_cost) == pytest.approx((gb, 0.02, gb * 0.02)), rid


def _literal_sites(value, path_filter=lambda p: True):
    out = []
    for path in LIB.rglob("*.py"):
        if not path_filter(path):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value == value and type(node.value) is type(value):
                out.append(f"{path.relative_to(LIB)}:{node.lineno}")
    return out


def test_half_a_cent_is_written_once():
    # SAME_MONEY (lib/core/numbers.py, re-exported by labels) is the one money tolerance; the deck's label
    # spacing (0.005 x the axis's top, in its charts) is a share of a chart, not money, and stays a literal there
    money = [s for s in _literal_sites(0.005) if not s.startswith("exports/deck/pptx_charts.py")]
    assert len(money) == 1 and money[0].startswith("core/numbers.py"), money
    assert len(_literal_sites(0.005)) <= 2
    assert labels.SAME_MONEY == 0.005


def test_replication_transfer_line_is_built_once():
    assert len(_literal_sites("Replication transfer (pushed bytes x replicas)")) == 1


def test_a_price_checked_again_carries_the_day_it_was_checked():
    """Ninth Korean review: the ADR and deck said prices were checked on 2025-03-27, the day a Docker docs change
    was merged; the entry's note said it was checked against that text on 2026-12-07. A note that says when the
    entry was checked and its as_of agree."""
    import re

    import yaml

    data = yaml.safe_load(open("data/prices.yaml", encoding="utf-8"))
    seen = 0
    for key, entry in data["prices"].items():
        note = entry.get("note")
        note = note.get("en", "") if isinstance(note, dict) else note or ""
        checked = re.findall(r"[Cc]hecked[^.]*? on (\d{4}-\d{2}-\d{2})", note)
        if checked:
            seen += 1
            assert str(entry["as_of"]) == max(checked), (key, entry["as_of"], checked)
    assert seen >= 1
