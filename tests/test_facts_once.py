"""Issue 23, item 6: every number a cost line's name shows comes from the price book, and the free
allowances live there once. A book with other allowances prices and names the lines by them."""

import pytest
import yaml

from lib.inputs import pricebook
from lib.inputs.workload import from_dict
from lib.pricing import engine
from lib.pricing.shared_lines import AWS_TIERS, GCP_TIERS


def _book_with(**values: float) -> pricebook.PriceBook:
    doc = yaml.safe_load(pricebook.DEFAULT_PATH.read_text(encoding="utf-8"))
    for key, value in values.items():
        doc["prices"][key]["value"] = value
    return pricebook.parse(doc, "test book")


def _names(e: engine.Estimate, rid: str) -> list[str]:
    return [c.name for c in e[rid].components]


def test_the_free_storage_in_a_name_is_the_books():
    book = _book_with(**{"gar.free_storage_gb": 2, "ecr.free_storage_gb": 1.5})
    e = engine.estimate(from_dict({"ecr_free_tier": True}), book)
    assert "Storage (over 2 GB free)" in _names(e, "gar")
    assert "Storage (over 1.5 GB free tier)" in _names(e, "ecr")
    # 5 GB stored - 1.5 free = 3.5 GB-month x $0.10 = $0.35
    assert e["ecr"].component("Storage").monthly_cost == pytest.approx(0.35)


def test_ecr_publics_allowances_in_names_and_flags_are_the_books():
    book = _book_with(
        **{
            "ecr.public_free_storage_gb": 60,
            "ecr.public_free_internet_gb": 400,
            "ecr.public_free_internet_authenticated_gb": 10_240,  # 10 TB as AWS counts tiers
        }
    )
    # the team's own clusters on GCP pull anonymously: one puller against the book's quota
    w = from_dict({"visibility": "public", "runs_on": "gcp"})
    r = engine.estimate(w, book)["ecr"]
    names = [c.name for c in r.components]
    assert "Storage (ECR Public, over 60 GB free)" in names
    assert "Anonymous internet pulls (free; each puller throttled over 400 GB a month)" in names
    assert any(n.startswith("Authenticated internet pulls over 10 TB free") for n in names)
    throttled = next(f for f in r.flags if f.code == "ecr_public_throttled")  # 500 GB pulled > 400
    assert "ECR Public's 400 GB" in throttled.message and "(10 TB a month free, then billed)" in throttled.message


def test_azures_free_egress_is_the_books(book):
    # consumers on AWS pull ACR over the internet: 1,000 pulls x 0.5 GB = 500 GB leave Azure
    w = from_dict({"egress_free_tier": True})
    first = "Internet egress to AWS (first 10 TB)"
    # the book's 100 GB free: 400 GB x $0.087 = $34.80
    assert engine.estimate(w, book)["acr"].component(first).monthly_cost == pytest.approx(34.80)
    # a book that says 200 GB: 300 GB x $0.087 = $26.10
    other = _book_with(**{"acr.internet_egress_free_gb": 200})
    assert engine.estimate(w, other)["acr"].component(first).monthly_cost == pytest.approx(26.10)


def test_tier_names_are_made_from_the_tier_sizes():
    from lib.pricing.shared_lines import _tier_bounds

    # AWS: 10 TB, then 40, then 100, the rest over 150 TB (1 TB = 1,024 GB); Google: 1 TB, the next 9, over 10
    assert [t[1].format(**_tier_bounds(AWS_TIERS, i)) for i, t in enumerate(AWS_TIERS)] == [
        "first 10 TB",
        "next 40 TB",
        "next 100 TB",
        "over 150 TB",
    ]
    assert [t[1].format(**_tier_bounds(GCP_TIERS, i)) for i, t in enumerate(GCP_TIERS)] == [
        "first 1 TB",
        "next 9 TB",  # one style on every cloud (sixth Korean review): not "1 to 10 TB"
        "over 10 TB",
    ]
