"""The vendors' price lists -> the price book.

Fixtures (tests/fixtures/price_lists/) follow the documented structure of AWS offer files and
Azure Retail Prices pages; their us-east-1 / ap-northeast-2 figures are today's price book's.
Expected values below are typed by hand from data/prices.yaml of 2026-11-29 (and the vendors'
pages it cites), never read back from the code under test.
"""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import pytest
import yaml

from lib import cli
from lib.inputs import price_lists as pl, price_update as pu, pricebook, regions
from lib.inputs.price_lists import PriceListError
from lib.inputs.workload import SPECS

FIX = Path(__file__).parent / "fixtures" / "price_lists"
HPM = 730.0
AZURE_FREE = pricebook.load().get("acr.internet_egress_free_gb", "us-east-1")  # 100 GB: what the book assumes

# price-book figures (data/prices.yaml, 2026-11-29), per region, in the book's units
BOOK = {
    "us-east-1": {
        "ecr.storage_gb_month": 0.10,
        "aws.nat_hourly": 0.045,
        "aws.nat_gb": 0.045,
        "aws.endpoint_hourly": 0.01,
        "aws.endpoint_gb": 0.01,
        "aws.s3_storage_gb_month": 0.023,
        "aws.ebs_gp3_gb_month": 0.08,
        "aws.ec2_4vcpu_8gb_hourly": 0.17,
        "aws.internet_egress_tier1_gb": 0.09,
        "aws.internet_egress_tier2_gb": 0.085,
        "aws.internet_egress_tier3_gb": 0.07,
        "aws.internet_egress_tier4_gb": 0.05,
        "aws.inter_region_gb": 0.02,
        "aws.cross_az_gb": 0.01,
        "ecr.scan_first": 0.09,
        "ecr.scan_rescan": 0.01,
        "acr.internet_egress_gb": 0.087,
    },
    "ap-northeast-2": {
        "ecr.storage_gb_month": 0.10,
        "aws.nat_hourly": 0.059,
        "aws.nat_gb": 0.059,
        "aws.endpoint_hourly": 0.013,
        "aws.endpoint_gb": 0.01,
        "aws.s3_storage_gb_month": 0.025,
        "aws.ebs_gp3_gb_month": 0.0912,
        "aws.ec2_4vcpu_8gb_hourly": 0.192,
        "aws.internet_egress_tier1_gb": 0.126,
        "aws.internet_egress_tier2_gb": 0.122,
        "aws.internet_egress_tier3_gb": 0.117,
        "aws.internet_egress_tier4_gb": 0.108,
        "aws.inter_region_gb": 0.02,
        # Inspector's first scan is keyed by region since issue 11: Seoul at the Asia Pacific rate (0.11)
        "aws.cross_az_gb": 0.01,
        "ecr.scan_first": 0.11,
        "ecr.scan_rescan": 0.01,
        "acr.internet_egress_gb": 0.12,
    },
}
# region-keyed entries no list is read for (Google Cloud has no list without credentials; Azure's
# egress is read for its first band only), in the book's order: they keep a new region out
HAND_KEPT_BY_REGION = (
    "gar.inter_region_gb",
    "gar.internet_egress_gb",
    "gar.internet_egress_tier2_gb",
    "gar.internet_egress_tier3_gb",
    "acr.inter_region_gb",
    "acr.internet_egress_tier2_gb",
    "acr.internet_egress_tier3_gb",
    "acr.internet_egress_tier4_gb",
)


@pytest.fixture(scope="module")
def aws():
    return pl.read_aws(FIX, HPM)


def copy_fixtures(tmp_path) -> Path:
    dst = tmp_path / "lists"
    shutil.copytree(FIX, dst, ignore=shutil.ignore_patterns("*.py"))
    return dst


# the offer-file fixtures price the two regions of the 2026-11-29 book (and an illustrative
# eu-central-1): the updates below start from that book, kept in the history folder
BOOK_2026_11_29 = pricebook.HISTORY_DIR / "2026-11-29.yaml"


def book_copy(tmp_path, edit=None) -> Path:
    doc_text = BOOK_2026_11_29.read_text(encoding="utf-8")
    p = tmp_path / "prices.yaml"
    if edit:
        doc = yaml.safe_load(doc_text)
        edit(doc)
        doc_text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)
    p.write_text(doc_text, encoding="utf-8")
    return p


# ---- reading the AWS offer files ----------------------------------------------------------------


def test_every_sourced_price_matches_todays_book_in_both_regions(aws):
    found, _regions, _ = aws
    book = pricebook.load(BOOK_2026_11_29)  # the book these fixtures were made from
    for region, expected in BOOK.items():
        for key, value in expected.items():
            if key.startswith("acr."):
                continue
            assert found[key][region].value == pytest.approx(value, abs=1e-12), (key, region)
            assert book.get(key, region) == pytest.approx(value), f"test table out of date for {key} {region}"


def test_regions_are_the_commercial_ones_where_ecr_is_sold(aws):
    _found, regs, _ = aws
    assert regs == {
        "us-east-1": "US East (N. Virginia)",
        "ap-northeast-2": "Asia Pacific (Seoul)",
        "eu-central-1": "Europe (Frankfurt)",
    }  # us-gov-west-1 is in the file, not commercial


def test_stream_keeps_only_wanted_products_and_their_on_demand_terms():
    rule = next(r for r in pl.AWS_RULES if r.key == "aws.ec2_4vcpu_8gb_hourly")
    offer = pl.scan_offer(FIX / "aws" / "AmazonEC2" / "us-east-1.json", rule.matches, "AmazonEC2")
    assert offer.seen == 8 and len(offer.products) == 1  # not Windows, not the unused reservation
    (sku,) = offer.products
    dims = pl.dimensions(offer, sku)
    assert [(d.unit, d.usd) for d in dims] == [("Hrs", 0.17)]  # the Reserved 0.107 is not an OnDemand price
    assert offer.code == "AmazonEC2" and offer.published.startswith("2026-11-01")


def test_decoys_do_not_match():
    nat = next(r for r in pl.AWS_RULES if r.key == "aws.nat_hourly")
    ep = next(r for r in pl.AWS_RULES if r.key == "aws.endpoint_hourly")
    assert not nat.matches(
        {"productFamily": "NAT Gateway", "attributes": {"usagetype": "USE1-RegionalNatGateway-Hours"}}
    )
    assert nat.matches({"productFamily": "NAT Gateway", "attributes": {"usagetype": "NatGateway-Hours"}})
    assert not ep.matches({"productFamily": "VpcEndpoint", "attributes": {"usagetype": "USE1-VpcEndpoint-GWLBE-Hours"}})


def test_tiers_pick_the_band_the_book_means(aws):
    found, _, _ = aws
    # egress: first 10 TB / next 40 TB / next 100 TB / over 150 TB (AWS's bands, book's figures)
    assert [found[f"aws.internet_egress_tier{i}_gb"]["ap-northeast-2"].value for i in (1, 2, 3, 4)] == [
        0.126,
        0.122,
        0.117,
        0.108,
    ]
    # S3 Standard: the first 50 TB band, not 0.022 (next 450 TB) or 0.021 (over 500 TB)
    assert found["aws.s3_storage_gb_month"]["us-east-1"].value == 0.023
    # PrivateLink processing: the first PB, not 0.006 / 0.004
    assert found["aws.endpoint_gb"]["us-east-1"].value == 0.01


def test_inter_region_is_the_most_common_rate_to_other_regions(aws):
    found, _, _ = aws
    # from us-east-1: 0.02 to Seoul and Frankfurt, 0.01 to Ohio -> 0.02
    f = found["aws.inter_region_gb"]["us-east-1"]
    assert f.value == 0.02 and "3 destinations (2 at this rate)" in f.detail


def test_a_changed_tier_boundary_is_an_error_naming_file_and_sku(tmp_path):
    src = copy_fixtures(tmp_path)
    p = src / "aws" / "AWSDataTransfer.json"
    doc = json.loads(p.read_text())
    sku = next(
        s
        for s, x in doc["products"].items()
        if x["attributes"].get("transferType") == "AWS Outbound" and x["attributes"]["fromRegionCode"] == "us-east-1"
    )
    for term in doc["terms"]["OnDemand"][sku].values():
        for d in term["priceDimensions"].values():
            d["endRange"] = {"10240": "20480"}.get(d["endRange"], d["endRange"])
            d["beginRange"] = {"10240": "20480"}.get(d["beginRange"], d["beginRange"])
    p.write_text(json.dumps(doc))
    with pytest.raises(PriceListError) as e:
        pl.read_aws(src, HPM)
    assert "AWSDataTransfer.json" in str(e.value) and sku in str(e.value) and "tier" in str(e.value)


# ---- unit conversions -------------------------------------------------------------------------


def test_unit_conversions_against_the_books_figures():
    # Azure "Data Stored" 0.10 per GB-month -> per GB-day over a 730/24 = 30.4167-day month
    per_day = pl.convert(0.10, "1 GB/Month", "GB-day", HPM)
    assert per_day == pytest.approx(0.10 / (730 / 24)) == pytest.approx(0.0032877, abs=1e-7)
    assert abs(per_day - 0.003) < 0.0005  # the book's 0.003 is the page's figure rounded to 3 places
    # NAT 0.045/hour (us-east-1) -> 32.85 a month of 730 h
    assert pl.convert(0.045, "Hrs", "month", HPM) == pytest.approx(32.85)
    # ACR Basic 0.1666/day -> a month of 30.4167 days: 4.998 + 0.1666 x 0.41667 = 5.06742
    assert pl.convert(0.1666, "1/Day", "month", HPM) == pytest.approx(5.067417, abs=1e-6)
    # GB-Mo and GB stay as they are; a "100 GB/Month" unit is a price per 100 GB
    assert pl.convert(0.023, "GB-Mo", "GB-month", HPM) == 0.023
    assert pl.convert(2.3, "100 GB/Month", "GB-month", HPM) == pytest.approx(0.023)
    with pytest.raises(ValueError):
        pl.convert(1.0, "Requests", "GB", HPM)


# ---- Azure Retail Prices pages --------------------------------------------------------------


def test_azure_pages_follow_next_page_link_and_price_the_nearest_region(aws):
    _found, regs, _ = aws
    az, notes = pl.read_azure(FIX, regs, regions.load(), "us-east-1", HPM, "2026-11-29", AZURE_FREE)
    # Registry Units from the Retail Prices API (more digits than the page's 0.167 / 0.667 / 1.667)
    assert {c: f.value for c, f in az["acr.tier_daily"].items()} == {
        "basic": 0.1666,
        "standard": 0.6666,
        "premium": 1.6666,
    }
    assert az["acr.extra_storage_gb_day"]["us-east-1"].value == pytest.approx(0.1 / (730 / 24))  # from page 2
    # internet egress after the free 100 GB, first 10 TB: East US 0.087, Korea Central 0.12 (the book's)
    for r in ("us-east-1", "ap-northeast-2"):
        assert az["acr.internet_egress_gb"][r].value == BOOK[r]["acr.internet_egress_gb"]
    assert "koreacentral" in az["acr.internet_egress_gb"]["ap-northeast-2"].detail
    assert notes == []  # free allowance is the price book's 100 GB


def test_azure_free_tier_change_is_reported(tmp_path, aws):
    src = copy_fixtures(tmp_path)
    p = src / "azure" / "bandwidth-1.json"
    doc = json.loads(p.read_text())
    for i in doc["Items"]:
        if i["armRegionName"] == "eastus" and i["tierMinimumUnits"] == 100.0:
            i["tierMinimumUnits"] = 5.0
    p.write_text(json.dumps(doc))
    _az, notes = pl.read_azure(src, aws[1], regions.load(), "us-east-1", HPM, "2026-11-29", AZURE_FREE)
    assert any("eastus is 5 GB" in n and "assumes 100 GB" in n for n in notes)


def test_a_missing_azure_page_is_an_error(tmp_path, aws):
    src = copy_fixtures(tmp_path)
    (src / "azure" / "container-registry-2.json").unlink()
    with pytest.raises(PriceListError, match=r"container-registry-1\.json: has a NextPageLink but no page 2"):
        pl.read_azure(src, aws[1], regions.load(), "us-east-1", HPM, "2026-11-29")


def test_an_azure_item_without_a_field_is_named(tmp_path, aws):
    src = copy_fixtures(tmp_path)
    p = src / "azure" / "bandwidth-1.json"
    doc = json.loads(p.read_text())
    del doc["Items"][3]["retailPrice"]
    p.write_text(json.dumps(doc))
    with pytest.raises(PriceListError, match=r"bandwidth-1\.json: Items\[3\] .* lacks retailPrice"):
        pl.read_azure(src, aws[1], regions.load(), "us-east-1", HPM, "2026-11-29")


# ---- bad AWS files ------------------------------------------------------------------------------


def _ec2(src):
    p = src / "aws" / "AmazonEC2" / "us-east-1.json"
    doc = json.loads(p.read_text())
    sku = next(
        s
        for s, x in doc["products"].items()
        if x["attributes"].get("operatingSystem") == "Linux" and x["attributes"].get("capacitystatus") == "Used"
    )
    return p, doc, sku


def test_a_sku_without_on_demand_terms_is_named(tmp_path):
    src = copy_fixtures(tmp_path)
    p, doc, sku = _ec2(src)
    del doc["terms"]["OnDemand"][sku]
    p.write_text(json.dumps(doc))
    with pytest.raises(PriceListError) as e:
        pl.read_aws(src, HPM)
    assert str(p) in str(e.value) and f"SKU {sku} has no terms.OnDemand" in str(e.value)


def test_a_missing_price_field_is_named(tmp_path):
    src = copy_fixtures(tmp_path)
    p, doc, sku = _ec2(src)
    for term in doc["terms"]["OnDemand"][sku].values():
        for d in term["priceDimensions"].values():
            del d["pricePerUnit"]["USD"]
    p.write_text(json.dumps(doc))
    with pytest.raises(PriceListError, match=rf"us-east-1\.json: SKU {sku} rate .*: missing field 'pricePerUnit\.USD'"):
        pl.read_aws(src, HPM)


def test_a_missing_product_for_a_book_region_is_named(tmp_path):
    src = copy_fixtures(tmp_path)
    p, doc, sku = _ec2(src)
    del doc["products"][sku]
    p.write_text(json.dumps(doc))
    found, _, _ = pl.read_aws(src, HPM)
    assert "us-east-1" not in found["aws.ec2_4vcpu_8gb_hourly"]
    book = book_copy(tmp_path)
    with pytest.raises(PriceListError, match=r"no price for aws\.ec2_4vcpu_8gb_hourly in us-east-1"):
        pu.update(src, book, tmp_path / "hist", today="2026-11-30")


def test_truncated_and_wrong_files_are_named(tmp_path):
    src = copy_fixtures(tmp_path)
    p = src / "aws" / "AmazonECR.json"
    text = p.read_text()
    p.write_text(text[: len(text) // 2])
    with pytest.raises(PriceListError, match=r"AmazonECR\.json: not valid JSON or cut short"):
        pl.read_aws(src, HPM)
    p.write_text(text.replace('"offerCode": "AmazonECR"', '"offerCode": "AmazonS3"'))
    with pytest.raises(PriceListError, match=r"AmazonECR\.json: offerCode is 'AmazonS3', expected 'AmazonECR'"):
        pl.read_aws(src, HPM)
    p.unlink()
    with pytest.raises(PriceListError, match=r"AmazonECR\.json: missing"):
        pl.read_aws(src, HPM)


# ---- the update -------------------------------------------------------------------------------


def test_update_writes_a_dated_book_keeps_the_old_one_and_lists_every_change(tmp_path):
    book = book_copy(tmp_path)
    old_text = book.read_text()
    old = pricebook.load(book)
    r = pu.update(FIX, book, tmp_path / "hist", today="2026-11-30")
    assert r.changed and r.new_version == "2026-11-30"
    new = pricebook.load(book)
    assert new.version == "2026-11-30"
    assert (tmp_path / "hist" / "2026-11-29.yaml").read_text() == old_text
    # the fixtures carry the book's figures, except Azure's Retail Prices API has more digits
    # than the page the book was typed from: exactly these four prices change.
    assert pu.diff(old, new) == [
        "  changed  acr.extra_storage_gb_day: 0.003 -> 0.00328767 USD/GB/day above the tier's included storage (+9.6%)",
        "  changed  acr.tier_daily [basic]: 0.167 -> 0.1666 USD/day (-0.2%)",
        "  changed  acr.tier_daily [premium]: 1.667 -> 1.6666 USD/day (-0.0%)",
        "  changed  acr.tier_daily [standard]: 0.667 -> 0.6666 USD/day (-0.1%)",
    ]
    for line in pu.diff(old, new):
        assert line in r.report
    assert (tmp_path / "hist" / "2026-11-30.changes.txt").read_text().startswith("Price book 2026-11-29 -> 2026-11-30")
    # every sourced entry names its list and date; hand-kept entries are untouched
    ecr = new.price("ecr.storage_gb_month")
    assert ecr.source == "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonECR/current/index.json"
    assert ecr.as_of == "2026-11-01" and ecr.unit == old.price("ecr.storage_gb_month").unit
    assert "https://aws.amazon.com/ecr/pricing/" in ecr.note
    assert new.price("aws.ec2_4vcpu_8gb_hourly").source.endswith("/AmazonEC2/current/region_index.json")
    assert new.price("acr.tier_daily").source.startswith("https://prices.azure.com/api/retail/prices?")
    for key in (
        "ghcr.storage_gb_day",
        "dockerhub.plan_monthly",
        "gar.inter_region_gb",
        "nexus.ce_components",
        "acr.included_storage_gb",
        "aws.internet_egress_free_gb",
    ):
        assert new.price(key) == old.price(key)
    assert isinstance(new.price("ecr.storage_gb_month").value, float)  # one figure everywhere stays one figure
    assert list(new.regions) == ["us-east-1", "ap-northeast-2"]  # Frankfurt lacks hand-kept GCP/Azure prices
    assert r.regions_left_out == (
        (
            "eu-central-1",
            "no hand-kept price for gar.inter_region_gb, "
            "gar.internet_egress_gb, gar.internet_egress_tier2_gb, gar.internet_egress_tier3_gb, "
            "acr.inter_region_gb, acr.internet_egress_tier2_gb, acr.internet_egress_tier3_gb, "
            "acr.internet_egress_tier4_gb",
        ),
    )
    # a second run on the same lists changes nothing and writes nothing
    again = pu.update(FIX, book, tmp_path / "hist", today="2026-11-30")
    assert not again.changed and "No price changed" in again.report
    assert pricebook.load(book).version == "2026-11-30"


def test_a_broken_update_never_replaces_the_book(tmp_path):
    src = copy_fixtures(tmp_path)
    (src / "aws" / "AmazonS3.json").write_text('{"formatVersion": "v1.0", "products": {"X": {"sku": "X"')
    book = book_copy(tmp_path)
    before = book.read_bytes()
    with pytest.raises(PriceListError, match="AmazonS3.json"):
        pu.update(src, book, tmp_path / "hist", today="2026-11-30")
    assert book.read_bytes() == before
    assert not (tmp_path / "hist").exists()
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["prices.yaml"]  # no temp file left


def _with_frankfurt_hand_prices(doc):
    # test-only hand-kept figures for eu-central-1 (not a source): the GCP/Azure entries that have no list
    for key in HAND_KEPT_BY_REGION:
        doc["prices"][key]["value"]["eu-central-1"] = 0.02
    doc["prices"]["issue11.assumption"] = {
        "value": {"us-east-1": 1, "ap-northeast-2": 2},
        "unit": "x",
        "source": "https://example.org/",
        "as_of": "2026-11-29",
    }


def test_a_region_is_added_when_every_entry_has_its_price(tmp_path):
    book = book_copy(tmp_path, _with_frankfurt_hand_prices)
    r = pu.update(FIX, book, tmp_path / "hist", today="2026-11-30")
    # a hand-kept entry added later (another issue's) without Frankfurt keeps it out, and says so
    assert r.regions_added == () and "issue11.assumption" in r.regions_left_out[0][1]
    book = book_copy(
        tmp_path,
        lambda d: (
            _with_frankfurt_hand_prices(d),
            d["prices"]["issue11.assumption"]["value"].update({"eu-central-1": 3}),
        ),
    )
    r = pu.update(FIX, book, tmp_path / "hist2", today="2026-11-30")
    assert r.regions_added == ("eu-central-1",)
    new = pricebook.load(book)
    assert new.regions["eu-central-1"] == "Europe (Frankfurt)"
    assert new.get("aws.nat_hourly", "eu-central-1") == 0.052  # the fixture's (illustrative) figure
    assert new.get("acr.internet_egress_gb", "eu-central-1") == 0.087  # read at germanywestcentral
    assert new.get("aws.nat_hourly", "ap-northeast-2") == 0.059
    # region-keyed since issue 11: Frankfurt's (illustrative) scan added, Seoul's Asia Pacific rate kept
    assert new.get("ecr.scan_first", "eu-central-1") == 0.09 and new.get("ecr.scan_first", "ap-northeast-2") == 0.11
    assert new.get("acr.internet_egress_tier4_gb", "eu-central-1") == 0.02  # the test's hand-kept figure
    assert new.price("issue11.assumption").value == {"us-east-1": 1, "ap-northeast-2": 2, "eu-central-1": 3}
    assert "  added    aws.nat_hourly [eu-central-1]: 0.052 USD/hour per NAT gateway" in r.report


def test_fetch_offline_fails_clearly_and_writes_nothing(tmp_path, monkeypatch):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setattr(pl.download, "AWS_BASE", f"http://127.0.0.1:{port}")
    monkeypatch.setattr(pl.download, "AWS_INDEX", f"http://127.0.0.1:{port}/offers/v1.0/aws/index.json")
    book = book_copy(tmp_path)
    before = book.read_bytes()
    with pytest.raises(
        PriceListError, match=r"cannot download http://127\.0\.0\.1:\d+/offers/v1\.0/aws/index\.json: .*offline"
    ):
        pu.update(tmp_path / "dl", book, tmp_path / "hist", today="2026-11-30", do_fetch=True)
    assert book.read_bytes() == before
    assert not list((tmp_path / "dl").rglob("*.partial"))


def test_cli_urls_and_update(tmp_path, capsys):
    assert cli.main(["prices", "urls"]) == 0
    out = capsys.readouterr().out
    for code in ("AmazonECR", "AmazonVPC", "AWSDataTransfer", "AmazonS3", "AmazonInspectorV2"):
        assert (
            f"https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/{code}/current/index.json  ->  aws/{code}.json"
            in out
        )
    assert (
        "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/ap-northeast-2/index.json"
        "  ->  aws/AmazonEC2/ap-northeast-2.json"
    ) in out
    assert "$filter=serviceName%20eq%20'Container%20Registry'%20and%20priceType%20eq%20'Consumption'" in out
    assert "azure/bandwidth-1.json" in out
    book = book_copy(tmp_path)
    assert (
        cli.main(
            [
                "prices",
                "update",
                "--from",
                str(FIX),
                "--prices",
                str(book),
                "--history",
                str(tmp_path / "h"),
                "--dry-run",
            ]
        )
        == 0
    )
    assert "acr.tier_daily [basic]: 0.167 -> 0.1666" in capsys.readouterr().out
    assert not (tmp_path / "h").exists()
    assert cli.main(["prices", "update", "--from", str(tmp_path / "nothing"), "--prices", str(book)]) == 2
    assert "nothing: no such folder" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert cli.main(["prices", "update", "--from", str(tmp_path / "empty"), "--prices", str(book)]) == 2
    assert "empty/aws/AWSDataTransfer.json: missing (see `python -m lib prices urls`)" in capsys.readouterr().err


# ---- regions ---------------------------------------------------------------------------------------


def test_region_choice_comes_from_the_price_book(book):
    assert SPECS["region"].choices == tuple(book.regions)
    assert regions.label("ap-northeast-2") == "Seoul (ap-northeast-2)"


def test_nearest_regions_of_the_other_clouds(book):
    m = regions.load()
    for r in book.regions:
        assert r in m, f"{r} has no Azure/GCP match in data/region_map.yaml"
    assert (m["us-east-1"].azure, m["us-east-1"].gcp) == ("eastus", "us-east4")  # both N. Virginia
    assert (m["ap-northeast-2"].azure, m["ap-northeast-2"].gcp) == ("koreacentral", "asia-northeast3")  # Seoul
    assert (m["eu-central-1"].azure, m["eu-central-1"].gcp) == ("germanywestcentral", "europe-west3")  # Frankfurt
    assert (m["sa-east-1"].azure, m["sa-east-1"].gcp) == ("brazilsouth", "southamerica-east1")  # São Paulo
    migrations = yaml.safe_load((Path(pricebook.DEFAULT_PATH).parent / "migrations.yaml").read_text())
    for r, loc in migrations["gcp_location"].items():
        assert m[r].gcp == loc  # the migration commands use the same GCP location
    doc = yaml.safe_load(regions.MAP_PATH.read_text())
    assert all(x.azure in doc["azure_names"] and x.gcp in doc["gcp_names"] for x in m.values())
    assert regions.other_clouds_note("us-east-1") == (
        "Azure is priced at East US (eastus) and Google Cloud at Northern Virginia (us-east4), "
        "the nearest regions of those clouds to US East (N. Virginia)."
    )


def test_the_sidebar_names_the_region_and_the_other_clouds_regions():
    from apphelpers import open_app

    at = open_app({"region": "ap-northeast-2"})
    sel = next(s for s in at.sidebar.selectbox if s.label == "Region")
    assert sel.value == "ap-northeast-2" and list(sel.options) == [  # the 13 regions of the price book
        # the place and its code, as every page names a region (the box shows 172 px of its value)
        "N. Virginia (us-east-1)",
        "Seoul (ap-northeast-2)",
        "Frankfurt (eu-central-1)",
        "Ireland (eu-west-1)",
        "Tokyo (ap-northeast-1)",
        "Oregon (us-west-2)",
        "Singapore (ap-southeast-1)",
        "London (eu-west-2)",
        "Mumbai (ap-south-1)",
        "Sao Paulo (sa-east-1)",
        "Canada Central (ca-central-1)",
        "Sydney (ap-southeast-2)",
        "Ohio (us-east-2)",
    ]
    captions = [c.value for c in at.sidebar.caption]
    assert (
        "Azure is priced at Korea Central (koreacentral) and Google Cloud at Seoul (asia-northeast3), "
        "the nearest regions of those clouds to Asia Pacific (Seoul)."
    ) in captions


def test_the_update_edits_the_book_in_place_keeping_comments_and_hand_kept_entries(tmp_path):
    book = book_copy(tmp_path)
    old_lines = book.read_text().splitlines()
    pu.update(FIX, book, tmp_path / "hist", today="2026-11-30")
    new_text = book.read_text()
    new_lines = new_text.splitlines()
    for line in old_lines:  # section comments and every line of a hand-kept entry survive as they were
        if line.startswith("  # ----") or line.startswith("  ghcr.") or "docs.docker.com" in line:
            assert line in new_lines, line
    start = old_lines.index("  dockerhub.plan_monthly:")
    block = old_lines[start : start + 6]
    i = new_lines.index("  dockerhub.plan_monthly:")
    assert new_lines[i : i + 6] == block
    assert "    value: {basic: 0.1666, standard: 0.6666, premium: 1.6666}" in new_lines
    assert "    value: 0.0032876712" in new_lines  # 0.10 / (730/24), to the lists' 10 decimals
    assert 'version: "2026-11-30"' in new_lines
    assert "(read 2026-11-30; page https://azure.microsoft.com/en-us/pricing/details/container-registry/)" in new_text


def test_urls_can_be_limited_to_some_regions(capsys):
    assert cli.main(["prices", "urls", "--regions", "eu-central-1"]) == 0
    out = capsys.readouterr().out
    ec2 = [line for line in out.splitlines() if "/AmazonEC2/current/" in line and "region_index" not in line]
    assert ec2 == [
        "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/eu-central-1/index.json"
        "  ->  aws/AmazonEC2/eu-central-1.json"
    ]
    assert cli.main(["prices", "urls", "--regions", "mars-1"]) == 2
    err = capsys.readouterr()
    assert "unknown region(s) mars-1" in err.err and err.out == ""


# ---- wrong types: a named error, never a traceback (issue 16: "Bad files: a clear error naming
# the file and the missing SKU or field") -------------------------------------------------------


@pytest.mark.parametrize(
    "item, words",
    [
        (["x"], r"Items\[0\] is not an object"),
        (5, r"Items\[0\] is not an object"),
    ],
)
def test_an_azure_item_that_is_not_an_object_is_named(tmp_path, aws, item, words):
    src = copy_fixtures(tmp_path)
    p = src / "azure" / "bandwidth-1.json"
    doc = json.loads(p.read_text())
    doc["Items"][0] = item
    p.write_text(json.dumps(doc))
    with pytest.raises(PriceListError, match=r"bandwidth-1\.json: " + words):
        pl.read_azure(src, aws[1], regions.load(), "us-east-1", HPM, "2026-11-29")


@pytest.mark.parametrize(
    "field, value, words",
    [
        ("retailPrice", "cheap", r"Items\[1\] .*'retailPrice' is not a number"),
        ("tierMinimumUnits", None, r"Items\[1\] .*'tierMinimumUnits' is not a number"),
        ("armRegionName", 7, r"Items\[1\] .*'armRegionName' is not text"),
    ],
)
def test_an_azure_field_of_the_wrong_type_is_named(tmp_path, aws, field, value, words):
    src = copy_fixtures(tmp_path)
    p = src / "azure" / "bandwidth-1.json"
    doc = json.loads(p.read_text())
    doc["Items"][1][field] = value
    p.write_text(json.dumps(doc))
    with pytest.raises(PriceListError, match=r"bandwidth-1\.json: " + words):
        pl.read_azure(src, aws[1], regions.load(), "us-east-1", HPM, "2026-11-29")


def test_an_aws_product_or_price_of_the_wrong_shape_is_named(tmp_path):
    src = copy_fixtures(tmp_path)
    p, doc, sku = _ec2(src)
    good = json.dumps(doc)
    doc["products"][sku]["attributes"] = ["x"]
    p.write_text(json.dumps(doc))
    with pytest.raises(PriceListError, match=rf"us-east-1\.json: SKU {sku}: 'attributes' is not an object"):
        pl.read_aws(src, HPM)
    doc = json.loads(good)
    for term in doc["terms"]["OnDemand"][sku].values():
        for d in term["priceDimensions"].values():
            d["pricePerUnit"] = ["0.17"]
    p.write_text(json.dumps(doc))
    with pytest.raises(PriceListError, match=rf"us-east-1\.json: SKU {sku} rate .*: 'pricePerUnit' is not an object"):
        pl.read_aws(src, HPM)


def test_a_region_code_that_is_not_text_is_named(tmp_path):
    src = copy_fixtures(tmp_path)
    p = src / "aws" / "AmazonECR.json"
    doc = json.loads(p.read_text())
    sku = next(s for s, x in doc["products"].items() if x["attributes"].get("regionCode") == "us-east-1")
    doc["products"][sku]["attributes"]["regionCode"] = 5
    p.write_text(json.dumps(doc))
    with pytest.raises(PriceListError, match=rf"AmazonECR\.json: SKU {sku}.*'regionCode'"):
        pl.read_aws(src, HPM)
