"""`prices update` from pricing-page JSON and sourced figures (issue 25's reader) under the same
plausibility rules as the offer-file reader (issue 30, finding 5): plain ASCII decimals, finite and
positive prices, no date after today, no duplicate keys, bounded reading, and a change of more than
MAX_CHANGE against the current book refused unless --accept-changes. Each refusal names the file
and the entry, and leaves the current book byte for byte."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import yaml

from lib import cli
from lib.inputs import price_pages as pp, price_update as pu, pricebook, regions
from lib.inputs.price_lists import PriceListError
from tests.test_sourced_regions import NEW, PAGES, _as_it_stood

TODAY = "2026-12-07"
VPC = ("aws-pricing-json", "vpc.json")
FRANKFURT_HOURLY = '"0.0120000000"'  # vpc.json: 'EU (Frankfurt)' / 'Hourly charge for VPC Endpoints per Hrs'


def _lists(tmp_path: Path) -> Path:
    src = tmp_path / "lists"
    shutil.copytree(PAGES, src, ignore=shutil.ignore_patterns("*.py"))
    return src


def _book(tmp_path: Path, seoul_before: bool = False) -> Path:
    """The committed book without its eleven new regions (and, with seoul_before, Seoul's
    inter-region rate as the previous book had it, 0.02)."""
    committed = yaml.safe_load(pricebook.DEFAULT_PATH.read_text(encoding="utf-8"))
    start = tmp_path / "prices.yaml"
    start.write_text(yaml.safe_dump(_as_it_stood(committed, seoul_before), sort_keys=False, allow_unicode=True))
    return start


def _edit(src: Path, parts: tuple[str, ...], fn) -> None:
    p = src.joinpath(*parts)
    text = p.read_text(encoding="utf-8")
    new = fn(text)
    assert new != text, "the edit found nothing to change"
    p.write_text(new, encoding="utf-8")


def _refused(tmp_path: Path, parts: tuple[str, ...], fn, words: str, **kw) -> None:
    src = _lists(tmp_path)
    _edit(src, parts, fn)
    book = _book(tmp_path)
    before = book.read_bytes()
    with pytest.raises(PriceListError, match=words):
        pu.update(src, book, tmp_path / "hist", today=TODAY, **kw)
    assert book.read_bytes() == before and not (tmp_path / "hist").exists()


# ---- a change of more than MAX_CHANGE against the current book ----------------------------------


def test_seouls_fourfold_inter_region_change_is_refused_without_accept_changes(tmp_path):
    """The previous book priced Seoul's inter-region transfer at 0.02 (the source document's
    figure); AWS's own feed says 0.08: 0.08 / 0.02 = 4.0 > MAX_CHANGE (3)."""
    src = _lists(tmp_path)
    book = _book(tmp_path, seoul_before=True)
    before = book.read_bytes()
    with pytest.raises(PriceListError) as e:
        pu.update(src, book, tmp_path / "hist", today=TODAY)
    assert str(e.value) == (
        "aws.inter_region_gb [ap-northeast-2]: 0.02 -> 0.08 is a 4.0x change "
        "(sourced-prices.yaml: ap-northeast-2 aws.inter_region_out_per_gb); "
        "check the file, or run again with --accept-changes"
    )
    assert book.read_bytes() == before and not (tmp_path / "hist").exists()
    r = pu.update(src, book, tmp_path / "hist", today=TODAY, accept_changes=True)
    assert r.changed and pricebook.load(book).get("aws.inter_region_gb", "ap-northeast-2") == 0.08
    # a new region's figure is not a change: Tokyo's 0.09 and Sao Paulo's 0.138 against Virginia's 0.02
    assert pricebook.load(book).get("aws.inter_region_gb", "sa-east-1") == 0.138


def test_accept_changes_reaches_the_pages_reader_from_the_command_line(tmp_path, capsys):
    src = _lists(tmp_path)
    book = _book(tmp_path, seoul_before=True)
    args = ["prices", "update", "--from", str(src), "--prices", str(book), "--history", str(tmp_path / "h")]
    assert cli.main(args) == 2
    assert "aws.inter_region_gb [ap-northeast-2]: 0.02 -> 0.08 is a 4.0x change" in capsys.readouterr().err
    # the command line writes under the machine's own day, which a run crossing midnight changes
    days = {dt.date.today().isoformat()}
    assert cli.main([*args, "--accept-changes"]) == 0
    days.add(dt.date.today().isoformat())
    out = capsys.readouterr().out
    assert any(f"Wrote price book {day}." in out for day in days), out[-300:]
    assert list(pricebook.load(book).regions) == ["us-east-1", "ap-northeast-2", *NEW]


def test_a_threefold_jump_in_a_pricing_page_is_refused(tmp_path):
    """Seoul's endpoint hour: 0.013 in the book; 0.052 in the page is 4.0x."""
    _refused(
        tmp_path,
        VPC,
        lambda t: t.replace('"0.0130000000"', '"0.0520000000"', 1),
        r"^aws\.endpoint_hourly \[ap-northeast-2\]: 0\.013 -> 0\.052 is a 4\.0x change "
        r"\(aws-pricing-json/vpc\.json: 'Asia Pacific \(Seoul\)' / 'Hourly charge for VPC Endpoints per Hrs' "
        r"\(BH2CREBM4CXH3HB5\.JRTCKXETXF\.6YS6EN2CT7\)\).*--accept-changes$",
    )


# ---- what the pricing-page JSON may hold -----------------------------------------------------------


@pytest.mark.parametrize("text", ["NaN", "Infinity", "1e400", "１", "٠.٠١٢", "1_0", "-0.012", "0x10", " 0.012"])
def test_a_page_price_that_is_not_a_plain_ascii_decimal_is_refused(tmp_path, text):
    _refused(
        tmp_path,
        VPC,
        lambda t: t.replace(FRANKFURT_HOURLY, json.dumps(text), 1),
        r"vpc\.json: 'EU \(Frankfurt\)' / 'Hourly charge for VPC Endpoints per Hrs': "
        r"the price is not a plain decimal number",
    )


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_a_json_constant_in_a_page_is_refused(tmp_path, constant):
    _refused(
        tmp_path, VPC, lambda t: t.replace(FRANKFURT_HOURLY, constant, 1), rf"vpc\.json: .*{constant} is not a price"
    )


def test_a_json_number_beyond_a_float_in_a_page_is_refused(tmp_path):
    _refused(tmp_path, VPC, lambda t: t.replace(FRANKFURT_HOURLY, "1e400", 1), r"Frankfurt.*not a plain decimal")


def test_a_zero_page_price_is_refused(tmp_path):
    _refused(
        tmp_path,
        VPC,
        lambda t: t.replace(FRANKFURT_HOURLY, '"0.0000000000"', 1),
        r"^aws\.endpoint_hourly \[eu-central-1\]: 0\.0 is not a price \(aws-pricing-json/vpc\.json: 'EU \(Frankfurt\)'",
    )


def test_a_duplicate_key_in_a_page_is_refused(tmp_path):
    """Before: the last duplicate won silently (json.loads keeps it), here a price of 9."""
    _refused(
        tmp_path,
        VPC,
        lambda t: t.replace(f'"price": {FRANKFURT_HOURLY},', f'"price": {FRANKFURT_HOURLY}, "price": "9.0",', 1),
        r"vpc\.json: .*'price' appears twice",
    )


def test_a_page_published_after_today_is_refused(tmp_path):
    _refused(
        tmp_path,
        VPC,
        lambda t: t.replace(
            '"hawkFilePublicationDate": "2025-06-13T18:09:49Z"', '"hawkFilePublicationDate": "2027-01-01T00:00:00Z"'
        ),
        r"^aws\.endpoint_gb \[ap-northeast-1\] \(aws-pricing-json/vpc\.json: .*\): dated 2027-01-01, after today "
        r"\(2026-12-07\)",
    )


def test_a_deeply_nested_page_is_refused_with_a_message(tmp_path):
    """Before: json.loads recursed until a RecursionError (a traceback, not a message)."""
    _refused(
        tmp_path,
        VPC,
        lambda t: t.replace('"regions"', '"x": ' + "[" * 100_000 + "]" * 100_000 + ', "regions"', 1),
        r"vpc\.json: JSON nested too deeply",
    )


# ---- what sourced-prices.yaml may hold -------------------------------------------------------------

SEOUL_NAT = "      nat_gateway_hour:\n        value: 0.059\n"  # ap-northeast-2, the first entry of its aws section


def _seoul_nat(value: str):
    return lambda t: t.replace(SEOUL_NAT, SEOUL_NAT.replace("0.059", value), 1)


@pytest.mark.parametrize("value", [".nan", ".inf", "1e400", "１", "٠.٠٥٩", "-0.059", "'0x10'", "true"])
def test_a_sourced_value_that_is_not_a_number_is_refused(tmp_path, value):
    _refused(
        tmp_path,
        ("sourced-prices.yaml",),
        _seoul_nat(value),
        r"sourced-prices\.yaml: ap-northeast-2 aws\.nat_gateway_hour: the price is not a plain decimal number",
    )


def test_a_zero_sourced_value_is_refused(tmp_path):
    _refused(
        tmp_path,
        ("sourced-prices.yaml",),
        _seoul_nat("0"),
        r"^aws\.nat_hourly \[ap-northeast-2\]: 0(\.0)? is not a price \(sourced-prices\.yaml: ap-northeast-2 "
        r"aws\.nat_gateway_hour\)",
    )


def test_a_duplicate_key_in_the_sourced_figures_is_refused(tmp_path):
    """Before: the second `value` won silently (PyYAML keeps the last)."""
    _refused(
        tmp_path,
        ("sourced-prices.yaml",),
        lambda t: t.replace(SEOUL_NAT, SEOUL_NAT + "        value: 5.9\n", 1),
        r"sourced-prices\.yaml: not readable YAML \(line \d+: .value. is given twice",
    )


def test_a_sourced_figure_dated_after_today_is_refused(tmp_path):
    seoul = SEOUL_NAT + "        unit: USD per NAT gateway-hour\n"

    def later(t: str) -> str:
        i = t.index(seoul)
        j = t.index("        as_of: ", i)
        k = t.index("\n", j)
        return t[:j] + "        as_of: 2027-02-01" + t[k:]

    _refused(
        tmp_path,
        ("sourced-prices.yaml",),
        later,
        r"^aws\.nat_hourly \[ap-northeast-2\] \(sourced-prices\.yaml: ap-northeast-2 aws\.nat_gateway_hour\): "
        r"dated 2027-02-01, after today",
    )


def test_deeply_nested_sourced_figures_are_refused_with_a_message(tmp_path):
    _refused(
        tmp_path,
        ("sourced-prices.yaml",),
        lambda t: t.replace("_meta:\n", "deep: " + "[" * 5_000 + "]" * 5_000 + "\n_meta:\n", 1),
        r"sourced-prices\.yaml: .*nested more than",
    )


def test_the_reader_still_reads_the_fixture_as_before():
    """The stricter readers take every figure the committed fixture holds (spot checks by hand)."""
    rmap = {r: regions.load()[r] for r in ("ap-northeast-2", "eu-central-1")}
    pages = pp.read_pages(PAGES, rmap)
    assert pages["aws.endpoint_hourly"]["eu-central-1"].value == 0.012
    assert pages["aws.ec2_4vcpu_8gb_hourly"]["eu-central-1"].value == 0.194
    sourced, choices = pp.read_sourced(PAGES, rmap)
    assert sourced["aws.nat_hourly"]["ap-northeast-2"].value == 0.059
    assert sourced["aws.nat_hourly"]["eu-central-1"].as_of == "2026-09-03"
    assert sourced["aws.inter_region_gb"]["ap-northeast-2"].value == 0.08


def test_a_zero_figure_for_a_plan_is_refused(tmp_path):
    """`by:` figures (ACR's plans per region) only decide whether a new region cites its own source
    (UK South does), yet they pass the same rules: a basic plan at 0 a day (the file's first, US East)
    is not a price."""
    basic = "      acr_basic_per_day:\n        value: 0.1666\n"
    _refused(
        tmp_path,
        ("sourced-prices.yaml",),
        lambda t: t.replace(basic, basic.replace("0.1666", "0"), 1),
        r"^acr\.tier_daily \[us-east-1 basic\]: 0(\.0)? is not a price \(sourced-prices\.yaml: us-east-1 "
        r"azure_nearest\.acr_basic_per_day\)",
    )
