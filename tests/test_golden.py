"""The source document's worked example, to the cent (cost-model.md section 4)."""

import pytest

from lib.inputs import scenario
from lib.inputs.workload import DEFAULT, from_dict
from lib.pricing import engine

PRESET = "data/presets/worked-example.yaml"


def test_preset_is_the_documents_scenario():
    w, meta = scenario.load(PRESET)
    assert (w.image_size_mb, w.versions_kept, w.pulls_per_month) == (500, 10, 1000)
    assert w == DEFAULT


def test_ecr_storage_is_fifty_cents(book):
    ecr = engine.estimate(DEFAULT, book)["ecr"]
    storage = ecr.component("Storage")
    assert storage.quantity == pytest.approx(5.0)
    assert storage.monthly_cost == pytest.approx(0.50, abs=0.005)


def test_ecr_same_region_transfer_is_free(book):
    ecr = engine.estimate(DEFAULT, book)["ecr"]
    assert ecr.component("Same-region transfer").quantity == pytest.approx(500.0)
    assert ecr.component("Same-region transfer").monthly_cost == 0.0
    assert ecr.monthly_cost == pytest.approx(0.50, abs=0.005)


def test_ecr_cross_region_ten_dollars_total_ten_fifty(book):
    w = DEFAULT.replace(same_region_share=0.0, cross_region_share=1.0)
    ecr = engine.estimate(w, book)["ecr"]
    cross = ecr.component("Cross-region transfer")
    assert cross.quantity == pytest.approx(500.0)
    assert cross.monthly_cost == pytest.approx(10.00, abs=0.005)
    assert ecr.monthly_cost == pytest.approx(10.50, abs=0.005)


@pytest.mark.parametrize("billing", ["free", "storage", "full"])
def test_ghcr_public_is_free_in_every_billing_mode(book, billing):
    w = DEFAULT.replace(visibility="public", ghcr_billing=billing, pulls_per_month=1e6)
    assert engine.estimate(w, book)["ghcr"].monthly_cost == 0.0


def test_ghcr_private_storage_billed_is_1_095(book):
    # cost-model.md section 4: 5 GB stored - 0.5 GB free = 4.5 GB over, at GitHub's $0.008/GB-day
    # x 730/24 = 30.4167 days = 136.875 GB-days x $0.008 = $1.095 (the document's $1.125 is the
    # $0.25/GB-month rounding of a 31-day month)
    w = DEFAULT.replace(ghcr_billing="storage")
    ghcr = engine.estimate(w, book)["ghcr"]
    assert ghcr.component("Storage").quantity == pytest.approx(4.5 * 730 / 24)
    assert ghcr.component("Storage").price == 0.008
    assert ghcr.monthly_cost == pytest.approx(1.095, abs=1e-9)


def test_nat_gateway_hourly_is_32_85(book):
    w = DEFAULT.replace(network="nat")
    ghcr = engine.estimate(w, book)["ghcr"]
    hours = ghcr.component("NAT gateway hours")
    assert hours.quantity == 730
    assert hours.price == 0.045
    assert hours.monthly_cost == pytest.approx(32.85, abs=0.005)


def test_seoul_nat_uses_seoul_price(book):
    w = DEFAULT.replace(network="nat", region="ap-northeast-2")
    hours = engine.estimate(w, book)["ghcr"].component("NAT gateway hours")
    assert hours.monthly_cost == pytest.approx(730 * 0.059)


def test_endpoints_replace_nat_for_ecr_only(book):
    w = DEFAULT.replace(network="endpoints", availability_zones=3)
    e = engine.estimate(w, book)
    ep = e["ecr"].component("Interface endpoints")
    assert ep.quantity == 2 * 3 * 730
    with pytest.raises(KeyError):
        e["ecr"].component("NAT gateway hours")
    assert e["ghcr"].component("NAT gateway hours").monthly_cost > 0


def test_component_cost_is_quantity_times_price(book):
    w = from_dict(
        {
            "network": "nat",
            "internet_share": 0.5,
            "same_region_share": 0.5,
            "scanning": "enhanced",
            "ghcr_billing": "full",
            "pulls_per_month": 50000,
        }
    )
    for r in engine.estimate(w, book).registries:
        for c in r.components:
            assert c.monthly_cost == pytest.approx(c.quantity * c.price)


def test_ecr_replication_adds_storage_and_pushed_bytes(book):
    w = DEFAULT.replace(replica_regions=2, pushes_per_month=20, shared_layer_fraction=0.8)
    ecr = engine.estimate(w, book)["ecr"]
    replica = ecr.component("Replica storage")
    stored = 500 * (0.8 + 0.2 * 10) / 1000  # layer-aware: 1.4 GB
    assert replica.quantity == pytest.approx(2 * stored) and replica.price == 0.10
    transfer = ecr.component("Replication transfer")
    assert transfer.quantity == pytest.approx(2 * 20 * 0.5 * 0.2)  # only changed layers travel
    assert transfer.price == book.get("aws.inter_region_gb", "us-east-1")


def test_acr_geo_replication_needs_premium_and_bills_it_per_region(book):
    acr = engine.estimate(DEFAULT.replace(replica_regions=2), book)["acr"]
    assert acr.component("Premium tier").monthly_cost == pytest.approx(book.days_per_month * 1.667)
    assert acr.component("Geo-replicas").quantity == pytest.approx(2 * book.days_per_month)
    basic = engine.estimate(DEFAULT.replace(replica_regions=1, acr_tier="basic"), book)["acr"]
    assert any(f.code == "acr_geo_replication" and f.severity == "blocker" for f in basic.flags)
