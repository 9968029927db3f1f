"""Issue 25: each rule as its vendor states it today, with the vendor's own figures.

Docker Hub (docs.docker.com/docker-hub/usage/pulls/): "Unauthenticated and Docker Personal users are
subject to a 6-hour pull rate limit": "Unauthenticated Users | 100 per IPv4 address or IPv6 /64
subnet", "Personal (authenticated) | 200". GitHub Packages billing: storage "6,768 GB-Hours / (744
hours per month) = 9.097 GB-Months"; downloads from GitHub-hosted runners are free with GITHUB_TOKEN
or a personal access token. AWS: the ECR free tier is for accounts created before 2025-07-15.
Nexus Community Edition caps requests a day; a pull is the manifest, the config and every layer.
"""

import pytest

from lib.core import months
from lib.inputs import pricebook
from lib.inputs.workload import SPECS, from_dict
from lib.pricing import engine
from lib.pricing.registries import dockerhub, nexus


def flag_keys(w: dict, rid: str, book) -> set[str]:
    return {f.code for f in engine.estimate(from_dict(w), book)[rid].flags}


# ---- Docker Hub: 6-hour windows ---------------------------------------------------------------


def test_docker_hub_limits_are_the_vendors_6_hour_figures(book):
    p = book.price("dockerhub.pull_limit_per_6h")
    assert p.value == {"anonymous": 100, "personal": 200}
    assert "6 hours" in p.unit and "IPv6 /64" in p.unit
    assert "pull_limit_per_hour" not in " ".join(book.prices)  # the withdrawn hourly figures are gone


def test_busiest_window_by_hand():
    # 36,500 pulls in a 730-hour month: 121.67 six-hour windows, 300 pulls each on average
    assert dockerhub.busiest_window_pulls(36_500, 730, 1) == pytest.approx(300)
    assert dockerhub.busiest_window_pulls(36_500, 730, 3) == pytest.approx(900)
    # a 744-hour month spreads the same pulls over 124 windows
    assert dockerhub.busiest_window_pulls(37_200, 744, 1) == pytest.approx(300)


@pytest.mark.parametrize(
    ("pulls", "anonymous", "personal"),
    [
        # burst 3 (the book's stated assumption): the busiest 6 hours hold pulls x 6 / 730 x 3
        (100 * 730 / 18 * 0.999, False, False),  # 99.9 in the busiest window
        (100 * 730 / 18 * 1.001, True, False),  # 100.1: over 100 anonymous from one IP
        (200 * 730 / 18 * 0.999, True, False),  # 199.8: under 200 Personal
        (200 * 730 / 18 * 1.001, True, True),  # 200.2: over 200 Personal
        (36_500, True, True),  # the case: 300 per 6 h on average, no blocker before
    ],
)
def test_docker_hub_6_hour_edges(book, pulls, anonymous, personal):
    keys = flag_keys({"visibility": "public", "pulls_per_month": pulls}, "dockerhub", book)
    assert ("rate_limit_anonymous" in keys) is anonymous
    assert ("rate_limit_personal" in keys) is personal


def test_anonymous_limit_is_per_nat_ip(book):
    # 150 in the busiest 6 hours: over 100 from one IP, 75 each behind two NAT gateways
    pulls = 150 * 730 / 18
    one = flag_keys({"visibility": "public", "pulls_per_month": pulls}, "dockerhub", book)
    two = flag_keys(
        {"visibility": "public", "pulls_per_month": pulls, "network": "nat", "nat_gateways": 2}, "dockerhub", book
    )
    assert "rate_limit_anonymous" in one and "rate_limit_anonymous" not in two


def test_the_burst_assumption_is_said_on_screen(book):
    est = engine.estimate(from_dict({"visibility": "public", "pulls_per_month": 36_500}), book)["dockerhub"]
    text = {f.code: f.message for f in est.flags}["rate_limit_personal"]
    assert "900 pulls in the busiest 6 hours" in text and "3 x the month's average" in text
    assert "200 per 6 hours" in text


def test_burst_factor_moves_the_window(book):
    import dataclasses

    prices = dict(book.prices)
    prices["dockerhub.pull_burst_factor"] = dataclasses.replace(prices["dockerhub.pull_burst_factor"], value=1.0)
    flat = dataclasses.replace(book, prices=prices)
    # 150 pulls per 6 hours on average: under Personal's 200 with no burst, 450 at the book's x3
    pulls = 150 * 730 / 6
    assert "rate_limit_personal" not in flag_keys({"visibility": "public", "pulls_per_month": pulls}, "dockerhub", flat)
    assert "rate_limit_personal" in flag_keys({"visibility": "public", "pulls_per_month": pulls}, "dockerhub", book)


def test_features_table_says_6_hours():
    import yaml

    doc = yaml.safe_load(open(pricebook.DEFAULT_PATH.parent / "features.yaml", encoding="utf-8"))
    text = str(doc)
    assert "10/hour" not in text and "100/hour" not in text
    assert "per 6 hours: 100 anonymous" in text


# ---- GitHub Packages -------------------------------------------------------------------------


def test_github_gb_hours_example_at_its_own_month_length():
    """GitHub: 3 GB for 10 days and 12 GB for 21 days of a 31-day month: 720 + 6,048 = 6,768
    GB-Hours; "6,768 GB-Hours / (744 hours per month) = 9.097 GB-Months"."""
    march = months.hours_in(2026, 3)
    assert march == 744
    assert 3 * 10 * 24 + 12 * 21 * 24 == 6_768
    assert months.gb_months([(3, 10 * 24), (12, 21 * 24)], march) == pytest.approx(9.097, abs=5e-4)
    assert months.hours_in(2026, 2) == 672 and months.hours_in(2028, 2) == 696


def test_github_31_day_example_through_the_engine(book):
    """ "The storage overage would cost $0.008 USD per GB per day or approximately $37 USD for a
    31-day month": 148 GB x 31 days x $0.008 = $36.704, priced for January 2026 (744 hours)."""
    w = from_dict(
        {
            "ghcr_billing": "full",
            "github_plan": "team",
            "image_size_mb": 5000,
            "versions_kept": 30,
            "pulls_per_month": 10,
        }
    )
    jan = engine.estimate(w, book, month_hours=months.hours_in(2026, 1))["ghcr"].component("Storage over")
    assert jan.monthly_cost == pytest.approx(148 * 31 * 0.008)
    feb = engine.estimate(w, book, month_hours=months.hours_in(2026, 2))["ghcr"].component("Storage over")
    assert feb.monthly_cost == pytest.approx(148 * 28 * 0.008)
    avg = engine.estimate(w, book)["ghcr"].component("Storage over")  # the book's 730-hour month
    assert avg.monthly_cost == pytest.approx(148 * 730 / 24 * 0.008)


def test_personal_access_token_pulls_from_hosted_runners_are_free(book):
    """GitHub's table: "Access using a personal access token | Free | Paid" (hosted | self-hosted)."""
    w = from_dict(
        {
            "ghcr_billing": "full",
            "github_plan": "team",
            "image_size_mb": 5000,
            "versions_kept": 30,
            "pulls_per_month": 10,
            "github_actions_pull_share": 0.4,
        }
    )
    ghcr = engine.estimate(w, book)["ghcr"]
    free = ghcr.component("Transfer to GitHub-hosted runners")
    assert "personal access token" in free.name and free.monthly_cost == 0
    assert free.quantity == pytest.approx(20)  # 40% of 50 GB
    assert ghcr.component("Transfer over").quantity == pytest.approx(50 - 20 - 10)
    assert "personal access token" in SPECS["github_actions_pull_share"].help


def test_storage_allowance_says_it_is_shared_with_actions(book):
    w = from_dict({"ghcr_billing": "storage", "github_plan": "team", "image_size_mb": 5000, "versions_kept": 30})
    line = engine.estimate(w, book)["ghcr"].component("Storage over")
    assert "shared with Actions artifacts and caches" in line.name
    assert "artifacts and caches" in SPECS["github_plan"].help


# ---- Amazon ECR free tier ----------------------------------------------------------------------


def test_ecr_free_tier_says_which_accounts(book):
    assert "before 2025-07-15" in SPECS["ecr_free_tier"].help
    assert "$200 for 6 months" in SPECS["ecr_free_tier"].help
    assert "before 2025-07-15" in book.price("ecr.free_storage_gb").unit


# ---- Nexus Community Edition: requests per pull ------------------------------------------------


def test_nexus_requests_per_pull_from_layers():
    # manifest + config + each layer
    assert nexus.requests_per_pull(10) == 12
    assert nexus.requests_per_pull(1) == 3
    # 20,000 pulls a day of 3-layer images: 100,000 requests, exactly the cap
    assert nexus.requests_per_day(20_000 * 30, 3, 30) == pytest.approx(100_000)


@pytest.mark.parametrize(("layers", "over"), [(3, False), (4, True)])
def test_nexus_cap_counts_requests_not_pulls(book, layers, over):
    # 20,000 pulls a day: 5 requests each (3 layers) = 100,000, the cap; 6 each (4 layers) = 120,000
    w = {"pulls_per_month": 20_000 * book.days_per_month, "layers_per_image": layers, "image_size_mb": 1}
    assert ("nexus_ce_requests" in flag_keys(w, "nexus", book)) is over


def test_nexus_flag_states_the_assumption(book):
    w = {"pulls_per_month": 20_000 * book.days_per_month, "layers_per_image": 4, "image_size_mb": 1}
    msg = {f.code: f.message for f in engine.estimate(from_dict(w), book)["nexus"].flags}["nexus_ce_requests"]
    assert msg.startswith("120,000 requests/day (20,000 pulls x 6 requests")
    assert "the manifest, the config and each of 4 layers" in msg
