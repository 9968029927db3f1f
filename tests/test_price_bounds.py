"""`prices update` under hostile or wrong price lists (issue 30, findings 4 and 5): bounded reading,
exact decimals, plausibility rules each with its own message; the current book stays on any refusal."""

from __future__ import annotations

import json
import re

import pytest

from lib.inputs import price_update as pu, pricebook
from lib.inputs.price_lists import PriceListError
from tests.test_bounded import _run_limited
from tests.test_price_lists import book_copy, copy_fixtures

TODAY = "2026-11-30"
ECR = ("aws", "AmazonECR.json")


def _edit(src, parts, fn):
    p = src.joinpath(*parts)
    p.write_text(fn(p.read_text(encoding="utf-8")), encoding="utf-8")


def _refused(tmp_path, parts, fn, words, **kw):
    src = copy_fixtures(tmp_path)
    _edit(src, parts, fn)
    book = book_copy(tmp_path)
    before = book.read_bytes()
    with pytest.raises(PriceListError, match=words):
        pu.update(src, book, tmp_path / "hist", today=TODAY, **kw)
    assert book.read_bytes() == before


def test_a_price_of_exactly_ten_decimals_round_trips(tmp_path):
    """Before: 0.0000100000 was written as 1e-05, which PyYAML reads back as text ("internal: the
    written book does not read back as built")."""
    src = copy_fixtures(tmp_path)
    _edit(src, ECR, lambda t: t.replace('"0.1000000000"', '"0.0000100000"'))
    book = book_copy(tmp_path)
    r = pu.update(src, book, tmp_path / "hist", today=TODAY, accept_changes=True)
    assert r.changed
    assert pricebook.load(book).price("ecr.storage_gb_month").value == 0.00001
    assert re.search(r"^    value: 0\.00001$", book.read_text(), re.M)


@pytest.mark.parametrize("text", ["NaN", "Infinity", "1e400", "１", "1_0", "-0.1", "0x10", " 0.1"])
def test_a_price_that_is_not_a_plain_ascii_decimal_is_refused(tmp_path, text):
    _refused(tmp_path, ECR, lambda t: t.replace('"0.1000000000"', json.dumps(text), 1), "not a plain decimal number")


def test_a_zero_price_is_refused(tmp_path):
    _refused(tmp_path, ECR, lambda t: t.replace('"0.1000000000"', '"0.0000000000"'), r"0\.0 is not a price")


def test_a_fifty_fold_jump_needs_accept_changes(tmp_path):
    _refused(
        tmp_path,
        ECR,
        lambda t: t.replace('"0.1000000000"', '"5.0000000000"'),
        r"ecr.storage_gb_month \[(us-east-1|ap-northeast-2)\]: 0.1 -> 5 is a 50.0x change.*--accept-changes",
    )


def test_a_duplicate_sku_is_refused(tmp_path):
    def dup(t: str) -> str:
        doc_start = t.index('"products"')
        first = re.search(r'"([A-Z0-9]{6,})"\s*:\s*\{', t[doc_start:])
        assert first
        body_start = doc_start + first.start()
        # the same SKU written again right after itself (a JSON object's last duplicate would win)
        end = _object_end(t, t.index("{", body_start))
        return t[:end] + ", " + t[body_start:end] + t[end:]

    _refused(tmp_path, ECR, dup, "appears twice")


def _object_end(t: str, i: int) -> int:
    """The offset just past the JSON object opening at t[i] (the fixtures' SKUs hold no braces in text)."""
    depth = 0
    for j in range(i, len(t)):
        depth += {"{": 1, "}": -1}.get(t[j], 0)
        if depth == 0:
            return j + 1
    raise AssertionError("unbalanced")


def test_a_duplicate_key_in_an_azure_page_is_refused(tmp_path):
    _refused(
        tmp_path,
        ("azure", "container-registry-1.json"),
        lambda t: t.replace('"retailPrice": 0.1666,', '"retailPrice": 0.1666, "retailPrice": 9.0,', 1),
        "'retailPrice' appears twice",
    )


def test_a_list_published_after_today_is_refused(tmp_path):
    _refused(tmp_path, ECR, lambda t: t.replace("2026-11-01T00:00:00Z", "2027-01-01T00:00:00Z"), "after today")


def test_nested_brackets_before_products_are_refused_in_little_memory(tmp_path):
    """Before: 200,000 brackets (400 KB) before "products" took ijson 97 s and 21.8 GB (quadratic
    prefixes); under a 1 GiB address-space cap the old code ran out of memory."""
    src = copy_fixtures(tmp_path)
    _edit(src, ECR, lambda t: t.replace('"products"', '"x": ' + "[" * 200_000 + "]" * 200_000 + ', "products"', 1))
    r = _run_limited(
        f"""
        from lib.inputs import price_lists as pl
        try:
            pl.scan_offer({str(src.joinpath(*ECR))!r}, lambda p: True)
        except pl.PriceListError as e:
            print(e)
        """
    )
    assert r.returncode == 0, r.stderr[-2000:]
    lines = r.stdout.strip().splitlines()
    assert "AmazonECR.json: JSON nested too deeply (more than 32 levels); not a vendor's price list" in lines[0]
    assert int(lines[-1]) < 200, f"peak RSS {lines[-1]} MB"
