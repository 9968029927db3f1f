"""Break-even, cost over time, network path, feature matrix and migration planner."""

import numpy as np
import pytest
import yaml

from lib.analyses import migration, sensitivity, timeline
from lib.core.errors import InputError
from lib.inputs.workload import DEFAULT, from_dict
from lib.pricing import engine, features, network
from tests.conftest import EKS_TEAM

# ---- break-even against brute force ---------------------------------------------------

SCENARIOS = [
    ("pulls_per_month", {"same_region_share": 0.5, "cross_region_share": 0.3, "internet_share": 0.2}),
    ("pulls_per_month", {"network": "nat", "same_region_share": 0.8, "cross_region_share": 0.2}),
    (
        "image_size_mb",
        {"ghcr_billing": "full", "pulls_per_month": 20000, "cross_region_share": 0.5, "same_region_share": 0.5},
    ),
    ("versions_kept", {"ghcr_billing": "storage", "repositories": 20, "image_size_mb": 2000}),
    ("team_seats", {"dockerhub_plan": "team", "network": "endpoints"}),
    ("cross_region_share", {"pulls_per_month": 100000, "network": "nat"}),
]


def brute_force(w, field, book, n=20001):
    lo, hi = sensitivity.bounds(w, field)
    xs = np.geomspace(lo, hi, n) if sensitivity.RANGES[field][2] else np.linspace(lo, hi, n)
    if sensitivity.is_integer(field):
        xs = np.arange(lo, hi + 1)
    t = sensitivity.sweep(w, field, book, xs)
    found = []
    ids = list(t.columns)
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            d = t[a].to_numpy() - t[b].to_numpy()
            s = np.where(np.abs(d) <= 1e-9 * np.maximum(1, np.abs(t[a].to_numpy())), 0, np.sign(d))
            nz = np.flatnonzero(s)
            for j, k in zip(nz[:-1], nz[1:], strict=False):
                if s[j] != s[k]:
                    above = a if s[k] < 0 else b
                    found.append((xs[j], xs[k], {a, b}, above))
    return found


@pytest.mark.parametrize("field, changes", SCENARIOS, ids=[f"{f}-{i}" for i, (f, _) in enumerate(SCENARIOS)])
def test_break_evens_match_a_brute_force_search(book, field, changes):
    w = from_dict(changes)
    lib_points = sensitivity.break_evens(w, field, book)
    brute = brute_force(w, field, book)
    assert len(lib_points) == len(brute), ([p.sentence(field) for p in lib_points], brute)
    for lo, hi, pair, above in brute:
        match = [p for p in lib_points if {p.cheaper_above, p.cheaper_below} == pair and lo <= p.x <= hi * (1 + 1e-9)]
        assert match, (lo, hi, pair)
        assert match[0].cheaper_above == above


def test_a_break_even_statement_reads_as_the_issue_asks(book):
    w = from_dict({"same_region_share": 0.5, "cross_region_share": 0.5})
    points = sensitivity.break_evens(w, "pulls_per_month", book)
    assert points, "cross-region pulls make ECR's cost grow: some registry must overtake it"
    text = points[0].sentence("pulls_per_month")
    assert " becomes cheaper than " in text and " above " in text and "pulls a month" in text


def test_crossing_point_really_swaps_the_order(book):
    w = from_dict({"same_region_share": 0.5, "cross_region_share": 0.5})
    for p in sensitivity.break_evens(w, "pulls_per_month", book):
        below = engine.estimate(w.replace(pulls_per_month=p.x * 0.98), book).totals()
        above = engine.estimate(w.replace(pulls_per_month=min(p.x * 1.02, 1e8)), book).totals()
        assert above[p.cheaper_above] <= above[p.cheaper_below]
        assert below[p.cheaper_above] >= below[p.cheaper_below]


# ---- network path ---------------------------------------------------------------------


def test_nat_figure_matches_the_document(book):
    costs = network.path_costs(book, "us-east-1", availability_zones=2)
    assert book.get("aws.nat_hourly", "us-east-1") == 0.045
    assert costs.nat_fixed == pytest.approx(32.85)  # "$0.045/hour = about $32/month"
    assert round(costs.nat_fixed) in (32, 33)


@pytest.mark.parametrize("region", ["us-east-1", "ap-northeast-2"])
@pytest.mark.parametrize("azs", [2, 3])
def test_endpoint_break_even_is_where_the_lines_cross(book, region, azs):
    costs = network.path_costs(book, region, azs)
    be = costs.break_even_gb()
    if be == 0:
        assert costs.endpoint_fixed <= costs.nat_fixed
        assert np.all(costs.endpoints(np.linspace(0, 1e5, 50)) <= costs.nat(np.linspace(0, 1e5, 50)))
    else:
        assert float(costs.nat(be)) == pytest.approx(float(costs.endpoints(be)))
        assert costs.endpoints(be * 0.9) > costs.nat(be * 0.9) and costs.endpoints(be * 1.1) < costs.nat(be * 1.1)


def test_two_azs_pay_off_at_once_three_azs_need_traffic_in_us_east_1(book):
    assert network.path_costs(book, "us-east-1", 2).break_even_gb() == 0
    be3 = network.path_costs(book, "us-east-1", 3).break_even_gb()
    # 6 endpoints x 730 h x $0.01 = $43.80 against the NAT's $32.85: $10.95 to win back. NAT
    # processes every GB at $0.045; the endpoints only the manifests: 0.0001 GB per pull of a 0.5 GB
    # image = 0.0002 GB per GB pulled x $0.01 = $0.000002/GB. 10.95 / (0.045 - 0.000002) = 243.34 GB
    assert be3 == pytest.approx(10.95 / (0.045 - 0.000002), rel=1e-9)


def test_network_page_endpoints_match_the_ecr_estimate(book):
    """The page's endpoint figure and the estimate's ECR network lines are the same lines."""
    w = from_dict(
        {
            "network": "endpoints",
            "same_region_share": 0.9,
            "cross_region_share": 0.1,
            "pulls_per_month": 50000,
            "image_size_mb": 1200,
        }
    )
    ecr_network = sum(c.monthly_cost for c in engine.estimate(w, book)["ecr"].components if c.category == "network")
    assert network.total(network.path_lines(book, w)["endpoints"]) == pytest.approx(ecr_network)
    # by hand: 2 x 2 x 730 x $0.01 = $29.20; 45,000 same-region pulls x 0.0001 GB x $0.01 = $0.045;
    # 6,000 GB of cross-region pulls through their NAT x $0.045 = $270
    assert ecr_network == pytest.approx(29.20 + 0.045 + 270.0)


def test_network_page_matches_the_engine(book):
    w = from_dict({"network": "nat"})
    costs = network.path_costs(book, w.region, w.availability_zones, w.nat_gateways)
    ghcr_nat = sum(c.monthly_cost for c in engine.estimate(w, book)["ghcr"].components if c.category == "network")
    assert float(costs.nat(500)) == pytest.approx(ghcr_nat)


# ---- cost over time -------------------------------------------------------------------


def test_no_growth_is_a_straight_line_from_the_setup_cost(book):
    w = from_dict({"horizon_months": 12})
    cum, monthly = timeline.cost_over_time(w, book)
    totals = engine.estimate(w, book).totals()
    setup = timeline.setup_costs(w)
    for rid in totals:
        assert cum[rid].iloc[0] == pytest.approx(setup[rid] + totals[rid])
        assert cum[rid].iloc[-1] == pytest.approx(setup[rid] + 12 * totals[rid])


def test_growth_makes_every_month_cost_at_least_the_last(book):
    w = from_dict({"horizon_months": 36, "monthly_growth": 0.05, "cross_region_share": 0.5, "same_region_share": 0.5})
    _cum, monthly = timeline.cost_over_time(w, book)
    assert (monthly.diff().dropna() >= -1e-9).all().all()
    month_24 = w.replace(pulls_per_month=w.pulls_per_month * 1.05**23, versions_kept=int(np.ceil(10 * 1.05**23)))
    assert monthly["ecr"].iloc[23] == pytest.approx(engine.estimate(month_24, book).totals()["ecr"])


# ---- feature matrix -------------------------------------------------------------------


def test_every_cell_has_a_value_and_a_source():
    m = features.load()
    for reg in m.registries.values():
        for f in m.features:
            assert reg[f].value in features.VALUES and reg[f].source.startswith("https://")


def test_document_table_ratings_are_the_documents():
    t = features.document_table().set_index("registry")
    assert t.loc["Amazon ECR", ["aws_integration", "usage"]].tolist() == [5, 5]
    assert t.loc["GitHub Container Registry", ["aws_integration", "usage"]].tolist() == [2, 3]
    assert t.loc["Harbor (self-hosted)", "recommended_for"] == "enterprise"


def test_requirements_filter_registries():
    lacking = features.missing(["private_endpoint", "scanning"])
    assert lacking["ecr"] == [] and lacking["harbor"] == []
    assert "Private network endpoint" in lacking["ghcr"]


def test_a_broken_feature_file_names_the_cell():
    doc = yaml.safe_load(open(features.DEFAULT_PATH))
    doc["registries"]["ecr"]["scanning"]["value"] = "sometimes"
    with pytest.raises(features.FeatureMatrixError, match="ecr.scanning: value must be one of"):
        features.parse(doc, "f.yaml")


# ---- migration ------------------------------------------------------------------------

DOC_CASE = {
    "same_region_share": 0.0,
    "cross_region_share": 1.0,
    "region": "ap-northeast-2",
    "owner": "octo",
    "repository_name": "simple-api",
    "aws_account": "111122223333",
}


def test_ghcr_to_ecr_monthly_delta_is_the_libraries(book):
    w = from_dict(DOC_CASE)
    p = migration.plan(w, book, "ghcr", "ecr")
    totals = engine.estimate(w, book).totals()
    assert p.monthly_delta == pytest.approx(totals["ecr"] - totals["ghcr"])
    # the document: "about $10/month" more, pricing 500 GB cross-region at $0.02; out of Seoul AWS
    # charges $0.08 a GB to other regions (the price book since 2026-12-07): 0.50 storage + 500 x 0.08
    assert p.monthly_delta == pytest.approx(0.50 + 500 * 0.08)
    assert p.payback_months is None  # moving costs more: not a cost decision
    assert p.effort_hours == 1.0  # "Time: about 1 hour"


def test_ghcr_to_ecr_steps_are_the_documents_seven(book):
    p = migration.plan(from_dict(DOC_CASE), book, "ghcr", "ecr")
    assert len(p.steps) == 7
    expected = [
        "aws ecr create-repository --repository-name simple-api",
        "docker pull ghcr.io/octo/simple-api:latest",
        "docker tag ghcr.io/octo/simple-api:latest 111122223333.dkr.ecr.ap-northeast-2.amazonaws.com/simple-api",
        "aws ecr get-login-password --region ap-northeast-2 | docker login --username AWS --password-stdin",
        "docker push 111122223333.dkr.ecr.ap-northeast-2.amazonaws.com/simple-api",
        "IMAGE_REGISTRY",
        "user data",
    ]
    for (_title, command), fragment in zip(p.steps, expected, strict=True):
        assert fragment in command


def test_a_cheaper_destination_pays_back(book):
    # private subnets: GHCR pays the NAT on every byte, ECR goes through cheaper endpoints
    w = from_dict({"network": "endpoints", "pulls_per_month": 100000})
    p = migration.plan(w, book, "ghcr", "ecr")
    assert p.monthly_delta < 0
    assert p.payback_months == pytest.approx(p.one_time_cost / -p.monthly_delta)


def test_any_pair_gets_a_plan_with_names_filled_in(book):
    w = from_dict({"owner": "acme", "repository_name": "web"})
    for src in ("dockerhub", "ecr", "s3"):
        for dst in ("harbor", "gar", "acr"):
            p = migration.plan(w, book, src, dst)
            assert all("{" not in c for _t, c in p.steps), (src, dst)
            assert any("web" in c for _t, c in p.steps)


def test_same_source_and_target_is_a_clear_error(book):
    with pytest.raises(InputError, match="from and to are the same registry"):
        migration.plan(DEFAULT, book, "ecr", "ecr")


# ---- what the copy costs: run where the images are pulled, its bytes pay every cloud they leave and ----
# ---- every NAT gateway or endpoint they pass, as the estimate prices the pulls ---------------------
# 1 repository x 10 versions x 500 MB = 5 GB stored (the defaults); us-east-1 rates from data/prices.yaml:
# AWS internet egress $0.09/GB (first 10 TB), Google's $0.12/GB (first 1 TB), Azure's $0.087/GB.


def test_harbor_on_gcp_moves_to_artifact_registry_inside_google_cloud(book):
    # Harbor runs where the consumers do (the estimate bills its egress at Google's rates): moving it
    # to Artifact Registry never leaves Google Cloud. It used to be billed at AWS's $0.09/GB: 5 x 0.09 = $0.45.
    p = migration.plan(from_dict({"runs_on": "gcp"}), book, "harbor", "gar")
    assert p.legs == ()
    assert p.transfer_cost == 0.0


def test_harbor_on_gcp_moving_to_ecr_pays_googles_egress(book):
    p = migration.plan(from_dict({"runs_on": "gcp"}), book, "harbor", "ecr")
    assert p.legs == (("leave_team", 0.12),)
    assert p.transfer_cost == pytest.approx(5 * 0.12)  # $0.60


def test_self_hosted_on_aws_moving_to_another_cloud_pays_aws_egress(book):
    assert migration.plan(DEFAULT, book, "nexus", "acr").transfer_cost == pytest.approx(5 * 0.09)  # $0.45
    assert migration.plan(DEFAULT, book, "harbor", "ecr").transfer_cost == 0.0  # both in AWS
    assert migration.plan(DEFAULT, book, "acr", "harbor").transfer_cost == pytest.approx(5 * 0.087)  # $0.435


def test_own_data_centre_and_global_services_pay_no_cloud_egress(book):
    on_prem = from_dict({"runs_on": "on_prem"})
    assert migration.plan(on_prem, book, "harbor", "ecr").transfer_cost == 0.0  # the company's own connection
    assert migration.plan(on_prem, book, "ecr", "harbor").transfer_cost == pytest.approx(5 * 0.09)  # leaves AWS
    assert migration.plan(DEFAULT, book, "ghcr", "ecr").transfer_cost == 0.0  # GitHub bills no egress
    assert migration.plan(on_prem, book, "ghcr", "gar").transfer_cost == 0.0  # nor does the own data centre


def test_a_copy_run_on_aws_to_another_cloud_pays_aws_egress_on_the_way_out(book):
    # the copy runs in the team's AWS network: GitHub sends it for free, AWS bills it leaving for Google
    p = migration.plan(DEFAULT, book, "ghcr", "gar")
    assert p.legs == (("leave_team", 0.09),)
    assert p.transfer_cost == pytest.approx(5 * 0.09)  # $0.45
    # from Azure, through the team on AWS, to Google: both clouds bill their egress, 0.087 + 0.09
    assert migration.plan(DEFAULT, book, "acr", "gar").transfer_cost == pytest.approx(5 * (0.087 + 0.09))


def test_a_copy_in_private_subnets_pays_the_nat_gateway_as_the_pulls_do(book):
    """The reviewer's finding (issue 28, fifth review): the EKS team behind a NAT gateway moving to ECR
    was shown a copy costing 0, while the same bytes pulled every month pay the NAT's processing.
    40 repositories x 30 versions x 1.2 GB = 1,440 GB; us-east-1: NAT $0.045/GB, interface endpoint $0.01/GB."""
    w = from_dict(EKS_TEAM)
    # to ECR in its best setup (endpoints): pulled from GHCR through the NAT, pushed through the endpoints
    p = migration.plan(w, book, "ghcr", "ecr", changes={"network": "endpoints"})
    assert p.transfer_gb == 1440
    assert p.legs == (("pull_nat", 0.045), ("push_endpoint", 0.01))
    assert p.transfer_cost == pytest.approx(1440 * 0.055)  # $79.20
    # to ECR as set up (through the NAT): both legs pass it, 1,440 x 0.09 = $129.60
    assert migration.plan(w, book, "ghcr", "ecr").transfer_cost == pytest.approx(1440 * 0.09)
    # to Harbor, inside the VPC: only the pull from ECR (through the NAT as set up) pays, $64.80
    assert migration.plan(w, book, "ecr", "harbor").legs == (("pull_nat", 0.045),)
    # from Harbor to ECR behind endpoints: only the push, $14.40
    assert migration.plan(w, book, "harbor", "ecr", changes={"network": "endpoints"}).transfer_cost == (
        pytest.approx(1440 * 0.01)
    )
