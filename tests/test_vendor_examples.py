"""Vendors' own worked examples from their documentation, reproduced by the engine."""

import pytest

from lib.core import months
from lib.inputs.workload import from_dict
from lib.pricing import engine


def test_github_packages_billing_example(book):
    """docs.github.com, "About billing for GitHub Packages": "if your organization uses GitHub Team,
    allows unlimited spending, uses 150GB of storage, and has 50GB of data transfer out during a
    month, the organization would have overages of 148GB for storage and 40GB for data transfer
    for that month. The storage overage would cost $0.008 USD per GB per day or approximately $37
    USD for a 31-day month. The overage for data transfer would cost $0.50 USD per GB or $20 USD."
    """
    # 150 GB stored: one 5,000 MB image x 30 versions; 50 GB out: 10 pulls of 5 GB
    w = from_dict(
        {
            "ghcr_billing": "full",
            "github_plan": "team",
            "image_size_mb": 5000,
            "versions_kept": 30,
            "pulls_per_month": 10,
        }
    )
    # GitHub's example month, through the product's own month handling (no edited price book)
    ghcr = engine.estimate(w, book, month_hours=months.hours_in(2026, 1))["ghcr"]
    storage, transfer = ghcr.component("Storage over"), ghcr.component("Transfer over")
    assert storage.quantity == pytest.approx(148 * 31)  # 148 GB over, for 31 days
    assert storage.monthly_cost == pytest.approx(148 * 0.008 * 31)  # $36.70, "approximately $37"
    assert round(storage.monthly_cost) == 37
    assert transfer.quantity == pytest.approx(40) and transfer.monthly_cost == pytest.approx(20.0)


def test_github_actions_pulls_are_free(book):
    """Same page: "All data transferred out, when triggered by GitHub Actions, and data transferred
    in from any source is free. We determine you are downloading packages using GitHub Actions when
    you log in to GitHub Packages using a GITHUB_TOKEN." """
    w = from_dict(
        {
            "ghcr_billing": "full",
            "github_plan": "team",
            "image_size_mb": 5000,
            "versions_kept": 30,
            "pulls_per_month": 10,
            "github_actions_pull_share": 1.0,
        }
    )
    ghcr = engine.estimate(w, book)["ghcr"]
    assert ghcr.component("Transfer over").monthly_cost == 0.0
    assert ghcr.component("Transfer to GitHub-hosted runners").quantity == pytest.approx(50)


def test_microsoft_acr_basic_with_25_gb(book):
    """Microsoft's ACR tier example: a Basic registry storing 25 GB pays $0.167 a day for the tier
    and $0.003 x 15 GB = $0.045 for the storage above the 10 GB included: $0.212 a day."""
    w = from_dict({"runs_on": "azure", "image_size_mb": 2500, "versions_kept": 10})  # 25 GB stored
    acr = engine.estimate(w, book)["acr"]
    assert acr.component("Storage over").quantity / book.days_per_month == pytest.approx(15)
    assert acr.monthly_cost / book.days_per_month == pytest.approx(0.212)


def test_aws_nat_gateway_example(book):
    """AWS VPC pricing (us-east-1): a NAT gateway costs $0.045 per hour and $0.045 per GB processed;
    the source document: "$0.045/hour = about $32/month". One gateway, 1 GB through it:
    730 h x $0.045 = $32.85 plus 1 GB x $0.045 = $0.045."""
    w = from_dict({"network": "nat", "image_size_mb": 1000, "pulls_per_month": 1})
    ghcr = engine.estimate(w, book)["ghcr"]
    assert ghcr.component("NAT gateway hours").monthly_cost == pytest.approx(32.85)
    assert ghcr.component("NAT data processed").monthly_cost == pytest.approx(0.045)
    assert ghcr.monthly_cost == pytest.approx(32.895)


def test_ecr_public_anonymous_quota_is_not_billed(book):
    """Amazon ECR Public service quotas: "For unauthenticated customers, Amazon ECR Public supports
    up to 500GB of data per month." Beyond it pulls are throttled, not billed. The quota is the
    unauthenticated puller's: the team's own clusters (on GCP here, pulling over the internet) are one
    puller; the public's pulls count against each member of the public's own 500 GB."""
    own = from_dict({"visibility": "public", "runs_on": "gcp", "pulls_per_month": 4000})
    ecr = engine.estimate(own, book)["ecr"]  # 4,000 x 0.5 GB = 2,000 GB anonymous, all the team's own
    assert ecr.monthly_cost == 0.0
    assert [f.code for f in ecr.flags if f.wont_serve] == ["ecr_public_throttled"]
    assert (
        "2,000 GB a month of anonymous internet pulls"
        in next(f for f in ecr.flags if f.code == "ecr_public_throttled").message
    )
    public = from_dict({"visibility": "public", "same_region_share": 0, "internet_share": 1, "pulls_per_month": 4000})
    ecr = engine.estimate(public, book)["ecr"]  # the same 2,000 GB, pulled by the public
    assert ecr.monthly_cost == 0.0
    assert not any(f.wont_serve for f in ecr.flags)
    assert "each puller's own 500 GB" in next(f for f in ecr.flags if f.code == "ecr_public_pullers_limited").message
