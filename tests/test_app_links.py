"""Each page opened with query parameters reproduces the scenario's inputs and figures."""

import pytest
import yaml

from lib.analyses import compare
from lib.decide import decision
from lib.inputs import pricebook
from lib.inputs.workload import from_dict
from lib.pricing import engine
from tests.apphelpers import bar_value, figure, open_app

LINK = {
    "image_size_mb": "800",
    "versions_kept": "30",
    "region": "ap-northeast-2",
    "runs_on": "gcp",
    "b_versions_kept": "10",
}
W = from_dict({"image_size_mb": 800, "versions_kept": 30, "region": "ap-northeast-2", "runs_on": "gcp"})


def test_overview_from_a_link(book):
    at = open_app(LINK)
    assert not at.exception and not at.warning
    assert at.number_input(key="wl_image_size_mb").value == 800
    assert at.number_input(key="wl_versions_kept").value == 30
    assert at.selectbox(key="wl_region").value == "ap-northeast-2"
    expected = engine.estimate(W, book)["ecr"].by_category()["storage"]
    assert bar_value(figure(at), "Storage", "Amazon ECR") == pytest.approx(expected) == pytest.approx(2.4)


def test_recommendation_from_a_link(book):
    at = open_app(LINK, page="pages/recommendation.py")
    assert not at.exception
    assert at.selectbox(key="wl_runs_on").value == "gcp"
    r = decision.recommend(W, book)
    assert r.title in at.success[0].value and f"${r.costs[r.recommended]:,.2f}" in at.success[0].value


def test_compare_from_a_link(book):
    at = open_app(LINK, page="pages/compare.py")
    assert not at.exception
    assert at.number_input(key="cmp_versions_kept").value == 10
    table = at.dataframe[0].value
    expected = compare.side_by_side(W, W.replace(versions_kept=10), book)
    ecr = table[table["registry"] == "Amazon ECR"].iloc[0]
    assert ecr["A"] == pytest.approx(expected.set_index("id").loc["ecr", "A"])
    assert ecr["B"] == pytest.approx(expected.set_index("id").loc["ecr", "B"])


def test_moving_an_input_rewrites_the_link():
    at = open_app()
    at.number_input(key="wl_image_size_mb").set_value(750.0).run()
    assert at.query_params["image_size_mb"] == "750"


def test_an_address_the_browser_never_got_is_written_again():
    """Issue 31: the browser's address can miss a query the app wrote (Streamlit drops the message of
    a run a newer rerun replaced; a page link drawn by the run before; the Back button). The next run
    sends the address the browser really has: an app that remembered "already written" left it there
    for good; the app must write the query of the inputs again."""
    at = open_app()
    at.number_input(key="wl_image_size_mb").set_value(750.0).run()
    written = dict(at.query_params)
    assert written["image_size_mb"] == "750"
    at.query_params = {"price_book": written["price_book"]}  # the address as it was one change before
    at.run()  # a rerun with the same inputs (say, a section opened)
    assert dict(at.query_params) == written
    at.run()  # and once the browser has it, nothing more to write: the address stays as it is
    assert dict(at.query_params) == written


def test_each_run_writes_the_query_of_its_inputs_into_the_page():
    """ "Copy share link" reads the query from the page (ui/share.query_marker), not from the address bar."""
    at = open_app()
    at.number_input(key="wl_image_size_mb").set_value(750.0).run()
    marks = [h.proto.body for h in at.get("html") if "data-share-query" in h.proto.body]
    assert len(marks) == 1
    assert 'data-share-query="image_size_mb=750&amp;price_book=' in marks[0] and " hidden " in marks[0]


def test_bad_link_shows_every_problem_and_keeps_the_rest():
    at = open_app(
        {
            "image_size_mb": "abc",
            "pulls_per_month": "nan",
            "versions_kept": "-3",
            "colour": "red",
            "repositories": "1e30",
            "region": "ap-northeast-2",
        }
    )
    assert not at.exception
    text = at.warning[0].value
    for name in ("image_size_mb", "pulls_per_month", "versions_kept", "colour", "repositories"):
        assert name in text
    assert at.selectbox(key="wl_region").value == "ap-northeast-2"


def test_a_link_made_with_an_older_price_book_shows_what_changed(tmp_path, monkeypatch, book):
    doc = yaml.safe_load(open(pricebook.DEFAULT_PATH))
    doc["version"] = "2025-01-01"
    doc["prices"]["ecr.storage_gb_month"]["value"] = 0.20
    (tmp_path / "2025-01-01.yaml").write_text(yaml.safe_dump(doc))
    monkeypatch.setattr(pricebook, "HISTORY_DIR", tmp_path)
    at = open_app({"price_book": "2025-01-01"})
    assert not at.exception
    assert "2025-01-01" in at.info[0].value and book.version in at.info[0].value
    changed = at.dataframe[0].value
    assert list(changed["registry"]) == ["Amazon ECR"]
    assert changed.iloc[0]["difference"] == pytest.approx(0.50 - 1.00)


def test_a_link_from_an_unknown_price_book_says_so(book):
    at = open_app({"price_book": "1999-01-01"})
    assert not at.exception
    assert "1999-01-01" in at.info[0].value and "cannot be shown" in at.info[0].value


def test_inputs_not_drawn_keep_their_values(book):
    # scanning and replicas sit behind "More inputs" (off): a rerun must not reset them to defaults
    at = open_app({"scanning": "enhanced", "replica_regions": "2"})
    assert not at.exception
    assert at.toggle(key="wl__more").value is False
    at.number_input(key="wl_versions_kept").set_value(20).run()
    assert at.query_params["scanning"] == "enhanced" and at.query_params["replica_regions"] == "2"
    w = from_dict({"scanning": "enhanced", "replica_regions": 2, "versions_kept": 20})
    expected = engine.estimate(w, book)["ecr"].by_category()["storage"]
    assert bar_value(figure(at), "Storage", "Amazon ECR") == pytest.approx(expected)
    at.toggle(key="wl__more").set_value(True).run()
    assert at.selectbox(key="wl_scanning").value == "enhanced"
    assert at.number_input(key="wl_replica_regions").value == 2
