"""Tables wider than a phone keep the registry in view (sixth Korean review, issue 28): on Over time,
Overview, Features, Compare and Recommendation the tables were cut at a 390 px screen's right edge with
nothing to say which row was which once scrolled. Each table's registry column is pinned: it stays at the
left while the other columns scroll inside the table's own box."""

import json

import pytest

from tests.apphelpers import open_app

PAGES = [
    "pages/overview.py",
    "pages/cost_over_time.py",
    "pages/features.py",
    "pages/compare.py",
    "pages/recommendation.py",
]


@pytest.mark.parametrize("page", PAGES)
def test_every_table_with_a_registry_column_pins_it(page):
    at = open_app({"lang": "ko"}, page=page)
    assert not at.exception
    tables = [json.loads(d.proto.columns or "{}") for d in at.dataframe]
    with_registry = [t for t in tables if "registry" in t]
    assert with_registry, page
    assert all(t["registry"].get("pinned") is True for t in with_registry), with_registry
