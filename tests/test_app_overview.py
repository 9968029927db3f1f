"""The overview page, run by AppTest."""

import pytest

from lib.inputs.workload import DEFAULT
from lib.pricing import engine
from tests.apphelpers import bar_value, figure, open_app

ECR = "Amazon ECR"


def test_page_renders_without_exceptions():
    at = open_app()
    assert not at.exception
    assert at.title[0].value == "Container registry cost"


def test_image_size_slider_moves_ecr_storage_by_the_library_amount(book):
    at = open_app()
    before = bar_value(figure(at), "Storage", ECR)
    at.number_input(key="wl_image_size_mb").set_value(800.0).run()
    assert not at.exception
    after = bar_value(figure(at), "Storage", ECR)

    lib_before = engine.estimate(DEFAULT, book)["ecr"].by_category()["storage"]
    lib_after = engine.estimate(DEFAULT.replace(image_size_mb=800.0), book)["ecr"].by_category()["storage"]
    assert before == pytest.approx(lib_before)
    assert after == pytest.approx(lib_after)
    assert after - before == pytest.approx(lib_after - lib_before)
    assert after - before == pytest.approx(0.30)  # 10 versions x 300 MB more at $0.10/GB-month


def test_totals_table_is_sorted_cheapest_first(book):
    at = open_app()
    df = at.dataframe[0].value
    assert list(df["monthly_cost"]) == sorted(df["monthly_cost"])
    assert df.iloc[0]["monthly_cost"] == pytest.approx(min(engine.estimate(DEFAULT, book).totals().values()))


def test_flags_are_shown_in_full_next_to_registries():
    at = open_app()
    notes = next(m.value for m in at.markdown if m.value.startswith("**Warnings and notes**\n\n- **"))
    s3_line = next(line for line in notes.splitlines() if line.startswith("- **S3"))
    assert "Not a registry" in s3_line


def test_issue_11_team_first_line_recommends_ecr_with_endpoints_under_1000():
    """The team of issue 11 (EKS, private subnets, one NAT; figures by hand in test_setups.py)."""
    at = open_app(
        {
            "network": "nat",
            "repositories": "40",
            "image_size_mb": "1200",
            "versions_kept": "30",
            "pulls_per_month": "50000",
            "same_region_share": "0.9",
            "cross_region_share": "0.1",
            "internet_share": "0",
        }
    )
    assert not at.exception
    first = at.success[0].value
    assert first.startswith("Recommended: Amazon ECR with interface endpoints") and "563.25/month" in first
    df = at.dataframe[0].value
    ecr = df[df["registry"] == ECR].iloc[0]
    # shown in its best setup (the recommendation's figure), today's bill through the NAT beside it
    assert ecr["monthly_cost"] == pytest.approx(563.245, abs=0.005)
    assert ecr["other_cost"] == pytest.approx(2996.85, abs=0.005)
    assert ecr["setup"] == "with interface endpoints (ecr.api, ecr.dkr) and the S3 gateway endpoint"
    # GAR and ACR pay their cloud's internet egress and the NAT: they rank last
    assert list(df["registry"])[-2:] == ["Azure Container Registry", "Google Artifact Registry"]


def test_the_overview_makes_its_recommendation_once_per_rerun(monkeypatch):
    # it used to make it twice (once for the line at the top, once for the chart's marked bar)
    from lib.analyses import scenario_cache
    from lib.decide import decision

    scenario_cache.clear()  # analyses are shared across sessions (issue 29): another test may have made this one
    calls = []
    real = decision.recommend
    monkeypatch.setattr(decision, "recommend", lambda *a, **k: calls.append(1) or real(*a, **k))
    at = open_app()
    assert not at.exception
    assert len(calls) == 1
    calls.clear()
    at.number_input(key="wl_image_size_mb").set_value(800.0).run()
    assert len(calls) == 1
