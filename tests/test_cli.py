import json
import subprocess
import sys

import pytest

from lib import engine, scenario

PRESET = "data/presets/worked-example.yaml"


def run(*args):
    r = subprocess.run([sys.executable, "-m", "lib", *args], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_json_matches_library(book):
    out = json.loads(run("estimate", PRESET, "--format", "json"))
    e = engine.estimate(scenario.load(PRESET)[0], book)
    assert out["price_book"] == book.version
    got = {r["id"]: r for r in out["registries"]}
    assert set(got) == set(e.totals())
    for rid, total in e.totals().items():
        assert got[rid]["monthly_cost"] == pytest.approx(total)
        assert {"name", "unit", "quantity", "price", "monthly_cost"} <= set(got[rid]["components"][0])
        assert "flags" in got[rid]


def test_csv_totals_match_library(book):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(run("estimate", PRESET, "--format", "csv"))))
    totals = {r["registry_id"]: float(r["monthly_cost"]) for r in rows if r["component"] == "TOTAL"}
    e = engine.estimate(scenario.load(PRESET)[0], book)
    assert totals == pytest.approx(e.totals())


def test_table_shows_the_arithmetic():
    out = run("estimate", PRESET)
    assert "Amazon ECR" in out and "5 GB-month" in out and "$0.1" in out and "0.50" in out
