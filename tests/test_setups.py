"""Cheaper setups, the recommendation's quoted cost and the headline, for the team of issue 11
(EKS in private subnets behind one NAT gateway; 40 repositories of 1.2 GB, 30 versions,
50,000 pulls a month, 90 % in the region, 10 % from another region). Figures worked by hand."""

import io
import json
from contextlib import redirect_stdout

import pytest

from lib import cli
from lib.decide import decision
from lib.inputs import presets
from lib.inputs.workload import DEFAULT, from_dict
from lib.pricing import engine, setups

TEAM = "eks-private"
# by hand: stored 40 x 30 x 1.2 GB = 1,440 GB; pulled 50,000 x 1.2 GB = 60,000 GB:
# 54,000 GB in the region, 6,000 GB from another region
NAT = 730 * 0.045 + 60_000 * 0.045  # $32.85 + $2,700.00 = $2,732.85
ECR_NAT = 1_440 * 0.10 + 6_000 * 0.02 + NAT  # $144 + $120 + NAT = $2,996.85 (the figure)
ECR_ENDPOINTS = (
    1_440 * 0.10
    + 6_000 * 0.02  # storage and cross-region transfer, as before
    + 2 * 2 * 730 * 0.01  # ecr.api + ecr.dkr in 2 AZs: $29.20
    + 45_000 * 0.0001 * 0.01  # manifests of 45,000 in-region pulls: $0.045
    + 6_000 * 0.045
)  # other region's pulls through its NAT: $270.00
#                                                         = $563.245
GAR = (
    1_439.5 * 0.10  # storage over 0.5 GB free: $143.95
    + 1_024 * 0.12
    + 9_216 * 0.11  # GCP internet egress, first 1 TB and 1-10 TB: $122.88 + $1,013.76
    + (60_000 - 10_240) * 0.08  # over 10 TB: 49,760 GB x $0.08 = $3,980.80
    + NAT
)  # = $7,994.24
ACR = (
    730 / 24 * 0.167  # Basic tier: 30.4167 days x $0.167 = $5.08
    + (1_440 - 10) * 730 / 24 * 0.003  # storage over 10 GB: 1,430 GB x 30.4167 days x $0.003 = $130.49
    + 10_240 * 0.087
    + 40_960 * 0.083  # Azure internet egress, first 10 TB and next 40 TB
    + (60_000 - 51_200) * 0.07  # next 100 TB: 8,800 GB x $0.07
    + NAT
)  # = $7,774.98


@pytest.fixture(scope="module")
def team():
    return presets.load(TEAM)[0]


def _cli_json(*argv):
    buf = io.StringIO()
    with redirect_stdout(buf):
        assert cli.main(list(argv)) == 0
    return json.loads(buf.getvalue())


def test_team_costs_what_pulls_from_eks_really_cost(book, team):
    t = engine.estimate(team, book).totals()
    assert t["ecr"] == pytest.approx(ECR_NAT, abs=0.005)
    assert t["gar"] == pytest.approx(GAR, abs=0.005)
    assert t["acr"] == pytest.approx(ACR, abs=0.005)
    assert t["ghcr"] == pytest.approx(NAT, abs=0.005)
    assert t["dockerhub"] == pytest.approx(10 * 15 + NAT, abs=0.005)  # Team plan, 10 seats


def test_team_recommendation_is_ecr_with_endpoints_under_1000(book, team):
    r = decision.recommend(team, book)
    assert r.recommended == "ecr"
    assert r.recommended_setup == {"network": "endpoints"}
    assert r.recommended_cost == pytest.approx(ECR_ENDPOINTS, abs=0.005) and r.recommended_cost < 1000
    # the ranking agrees: no registry meeting the hard requirements costs less in any setup
    assert r.cheapest == "ecr" and r.gap_note == ""
    h = decision.headline(r)
    assert h == (
        "Recommended: Amazon ECR with interface endpoints (ecr.api, ecr.dkr) and the S3 gateway endpoint "
        "($563.25/month; $2,996.85 as set up now), the cheapest that meets every hard requirement once set up this way."
    )


def test_team_json_outputs(team):
    est = _cli_json("estimate", f"data/presets/{TEAM}.yaml", "--format", "json")
    ecr = next(r for r in est["registries"] if r["id"] == "ecr")
    assert ecr["cheaper_setup"]["changes"] == {"network": "endpoints"}
    assert ecr["cheaper_setup"]["monthly_cost"] == pytest.approx(ECR_ENDPOINTS, abs=0.005)
    assert ecr["cheaper_setup"]["saving"] == pytest.approx(ECR_NAT - ECR_ENDPOINTS, abs=0.005)
    rec = _cli_json("recommend", f"data/presets/{TEAM}.yaml", "--format", "json")
    assert rec["recommended"] == "ecr" and rec["recommended_setup"] == {"network": "endpoints"}
    assert rec["recommended_cost"] == pytest.approx(ECR_ENDPOINTS, abs=0.005)


@pytest.mark.parametrize("preset", sorted(presets.available()))
def test_applying_the_changes_reproduces_the_cost_to_the_cent(book, preset):
    est = _cli_json("estimate", f"data/presets/{preset}.yaml", "--format", "json")
    w = presets.load(preset)[0]
    for r in est["registries"]:
        s = r["cheaper_setup"]
        if s is None:
            continue
        again = engine.estimate(from_dict({**w.to_dict(), **s["changes"]}), book)[r["id"]].monthly_cost
        assert again == pytest.approx(s["monthly_cost"], abs=0.005), (preset, r["id"])
        assert s["saving"] == pytest.approx(r["monthly_cost"] - s["monthly_cost"], abs=0.005)
        assert s["saving"] > 0


def test_no_setup_offered_when_none_is_cheaper(book):
    # public subnets: no NAT to replace; ACR Basic is already the cheapest tier
    assert setups.cheaper_setup(DEFAULT, book, "ecr") is None
    assert setups.cheaper_setup(DEFAULT, book, "acr") is None
    # three AZs: 6 endpoints x 730 h x $0.01 = $43.80 against the NAT's $32.85 with no pulls: NAT wins;
    # 1,000 pulls of 500 MB add 500 GB x $0.045 = $22.50 to the NAT ($55.35) but ~$0.001 to the endpoints
    idle = from_dict({"network": "nat", "availability_zones": 3, "pulls_per_month": 0})
    assert setups.cheaper_setup(idle, book, "ecr") is None
    busy = idle.replace(pulls_per_month=1000)
    assert setups.cheaper_setup(busy, book, "ecr").changes == {"network": "endpoints"}


def test_a_setup_that_adds_a_blocker_is_never_offered(book):
    # ten seats of private images: Docker Hub's one-user plans (Personal, Pro) are cheaper but blocked
    w = from_dict({"dockerhub_plan": "team", "team_seats": 10})
    assert setups.cheaper_setup(w, book, "dockerhub") is None
    # ACR with Azure consumers in private networks: only Premium has private endpoints
    w = from_dict({"runs_on": "azure", "network": "nat", "acr_tier": "premium"})
    assert setups.cheaper_setup(w, book, "acr") is None


def test_headline_explains_the_gap_in_one_sentence(book):
    # AWS production, public subnets: the tree says ECR ($0.50: 5 GB x $0.10); GHCR is free and
    # meets every hard requirement
    r = decision.recommend(DEFAULT, book)
    assert r.recommended == "ecr" and r.cheapest == "ghcr"
    h = decision.headline(r)
    assert h == (
        "Recommended: Amazon ECR ($0.50/month), although GitHub Container Registry is the cheapest that "
        "meets every hard requirement at $0.00/month; Amazon ECR costs $0.50/month more for IAM roles "
        "instead of stored tokens, private pulls through VPC endpoints, scanning on push and lifecycle policies."
    )
    assert h.count(". ") == 0 and h.endswith(".")
