import json
import subprocess
import sys

import pytest

from lib.inputs import scenario
from lib.pricing import engine

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
    # what the order is by, under the title: each registry as set up (a reader took the first row for the answer)
    assert (
        out.splitlines()[1]
        == "Each registry as the scenario sets it up; `recommend` compares each in its cheapest setup."
    )


def _shape(x):
    """A JSON document's keys all the way down, its values left out."""
    if isinstance(x, dict):
        return {k: _shape(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_shape(v) for v in x]
    return None


def test_korean_json_has_the_english_keys_for_every_component_flag_and_reason():
    # JSON field names and codes are the interface (README): a Korean run translates the names
    # beside them, never the keys a script matches on
    eks = "data/presets/eks-private.yaml"
    en = json.loads(run("estimate", eks, "--format", "json"))
    ko = json.loads(run("estimate", eks, "--format", "json", "--lang", "ko"))
    assert _shape(ko) == _shape(en)

    def stable(doc):
        return [
            (r["id"], [c["key"] for c in r["components"]], [f["code"] for f in r["flags"]]) for r in doc["registries"]
        ]

    assert stable(ko) == stable(en)
    english = [c for r in en["registries"] for c in r["components"]]
    korean = [c for r in ko["registries"] for c in r["components"]]
    assert all(c["key"] == c["name"] for c in english)  # in English the key is the name
    assert sum(c["key"] != c["name"] for c in korean) > len(korean) // 2  # in Korean the name beside it is translated
    assert any(r["flags"] for r in en["registries"])  # the preset has flags to compare
    en_r = json.loads(run("recommend", eks, "--format", "json"))
    ko_r = json.loads(run("recommend", eks, "--format", "json", "--lang", "ko"))
    assert _shape(ko_r) == _shape(en_r)
    assert [s["node"] for s in ko_r["path"]] == [s["node"] for s in en_r["path"]]
    assert [(x["id"], x["kind"]) for x in ko_r["rejected"]] == [(x["id"], x["kind"]) for x in en_r["rejected"]]
    assert ko_r["path"][0]["question"] != en_r["path"][0]["question"]  # the words beside them are Korean


# ---- issue 28: quantities with separators, Korean columns lined up as a terminal shows them --------

EKS = "data/presets/eks-private.yaml"
E_NOTATION = r"\d(?:\.\d+)?e[+-]?\d"


@pytest.fixture(scope="module")
def eks_tables():
    return {lang: run("estimate", EKS, "--lang", lang) for lang in ("en", "ko")}


def test_no_quantity_is_printed_in_e_notation(eks_tables):
    import re

    assert re.search(E_NOTATION, "VPC 내부 AZ 간 이미지 풀  2.7e+04 GB")  # what the reviewer saw
    for lang, out in eks_tables.items():
        assert not re.search(E_NOTATION, out), lang
    # the EKS team's pulls, by hand: 50,000 pulls x 1.2 GB = 60,000 GB through the NAT gateway;
    # 90 % of them inside the region spread over 2 AZs: 54,000 x 1/2 = 27,000 GB cross-AZ
    assert re.search(r"NAT data processed\s+60,000 GB\s+x \$0\.045 = \$2,700\.00", eks_tables["en"])
    assert re.search(r"VPC 내부 AZ 간 이미지 풀\s+27,000 GB\s+× \$0\.02 +=\s+\$540\.00", eks_tables["ko"])
    assert " x " not in eks_tables["ko"]  # Korean multiplies with ×, the ASCII letter reads as a typo


def test_korean_units_are_korean(eks_tables):
    ko = eks_tables["ko"]
    for english in ("instance-hour", "GB-month", "engineer-hour", "seat-month"):
        assert english not in ko
    # AWS's Korean pages say "인스턴스 시간" (no hyphen) and "GB-월"
    assert "인스턴스 시간" in ko and "GB-월" in ko and "엔지니어 시간" in ko and "인스턴스-시간" not in ko


def test_korean_columns_line_up_by_display_width(eks_tables):
    from wcwidth import wcswidth

    from lib.presentation.report import pad, width

    assert width("스토리지") == 8 and width("Storage") == 7  # a Hangul syllable is two columns
    assert pad("스토리지", 10) == "스토리지  " and pad("$1.00", 7, right=True) == "  $1.00"
    for lang, out in eks_tables.items():
        mark = " x " if lang == "en" else " × "  # Korean multiplies with × (issue 28)
        rows = [x for x in out.splitlines() if mark in x and " = " in x]
        assert len(rows) > 40  # every component of every registry
        # where the multiplication sign and " = " fall, counted in terminal columns: one place for every row
        times = {wcswidth(x[: x.index(mark)]) for x in rows}
        equals = {wcswidth(x[: x.rindex(" = ")]) for x in rows}
        ends = {wcswidth(x) for x in rows}
        totals = {wcswidth(x) for x in out.splitlines() if x and not x.startswith(" ") and "$" in x}
        assert len(times) == 1 and len(equals) == 1 and len(ends) == 1, lang
        assert totals == ends, lang  # a registry's total ends where its components' costs end


def test_the_runner_up_is_at_the_figure_it_was_compared_at(tmp_path):
    """Issue 24 in the CLI: an open-source project whose own clusters make half its 200,000 pulls;
    Docker Hub, the runner-up, serves the team's own 100,000 only on a paid plan (Personal: 200 per
    6 hours; Docker Hub limits the puller, so the public's pulls do not count), so it was compared on
    Pro: $9 a month (Docker's Pro plan, data/prices.yaml), not the $0.00 of Personal that `recommend`
    printed beside "$9.00 more"."""
    f = tmp_path / "oss.yaml"
    # another CI and a demo: the tree's public_images leaf (GHCR or Docker Hub)
    f.write_text(
        "visibility: public\nci: jenkins\nlifetime: demo\npulls_per_month: 200000\n"
        "same_region_share: 0.5\ninternet_share: 0.5\n"
    )
    out = run("recommend", str(f))
    assert out.startswith("Recommended: GitHub Container Registry ($0.00/month).")
    assert "Runner-up:   Docker Hub ($9.00/month)" in out
    assert "\n  \n" not in out  # no empty summary line under the headline
    # the JSON carries the same figure beside the scenario's own: Personal is free, Pro is $9.00
    doc = json.loads(run("recommend", str(f), "--format", "json"))
    assert doc["monthly_costs"]["dockerhub"] == 0.0
    assert doc["compared"]["dockerhub"] == {"monthly_cost": 9.0, "setup": {"dockerhub_plan": "pro"}}
    assert doc["compared"]["ghcr"] == {"monthly_cost": 0.0, "setup": {}}


def test_amounts_in_won_at_a_rate_given_on_the_command_line(tmp_path, capsys):
    """Eighth Korean review: the app's downloads can be in won, the CLI's could not. 40 repositories x 30
    versions x 1.2 GB = 1,440 GB-month at ECR's $0.10 = $144.00; at 1,000 won a dollar, ₩144,000. Unit
    prices stay in dollars (the price book's), and the title says both."""
    from lib.cli import main

    path = tmp_path / "eks.yaml"
    path.write_text("runs_on: aws\nrepositories: 40\nimage_size_mb: 1200\nversions_kept: 30\n")
    assert main(["estimate", str(path), "--krw-rate", "1,000", "--krw-date", "2026-12-01"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith(
        "Monthly cost by registry (won at ₩1,000 per US dollar, rate of 2026-12-01; unit prices in US dollars;"
    )
    storage = next(x for x in out.splitlines() if "1,440 GB-month" in x and "ECR" not in x and "$0.10 " in x)
    assert storage.rstrip().endswith("= ₩144,000"), storage
    # the runner-up's figure too (it was written in dollars whatever the display)
    assert main(["recommend", str(path), "--krw-rate", "1000"]) == 0
    runner_up = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("Runner-up:"))
    assert "₩" in runner_up and "$" not in runner_up, runner_up
    # in Korean in 만 and 억, as the other lines of the answer (ninth Korean review: "월 ₩1,932,728" among them)
    assert main(["recommend", str(path), "--krw-rate", "1000", "--lang", "ko"]) == 0
    runner_up = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("차선책:"))
    assert runner_up.endswith("월 0원") and "₩" not in runner_up, runner_up  # GHCR, free for this scenario
    # a bad rate or a date alone is said on stderr and not used: dollars, as a link's
    assert main(["estimate", str(path), "--krw-rate", "abc"]) == 0
    said = capsys.readouterr()
    assert "note: krw_rate: `abc` is not a number; amounts are shown in US dollars" in said.err
    assert said.out.startswith("Monthly cost by registry (USD,")
    assert main(["estimate", str(path), "--krw-rate", "1000", "--krw-date", "2999-01-01"]) == 0
    said = capsys.readouterr()
    assert "krw_date: `2999-01-01` is in the future" in said.err and said.out.startswith(
        "Monthly cost by registry (USD,"
    )
    assert main(["estimate", str(path), "--krw-date", "2026-12-01"]) == 0
    assert "krw_date: a date without a rate (krw_rate) is not used" in capsys.readouterr().err
