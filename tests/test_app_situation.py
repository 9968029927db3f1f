"""Issue 24 item 5: the situation the recommendation depends on is in the sidebar with the workload
inputs, on every page but the Recommendation page (which asks it in its main area)."""

from tests.apphelpers import open_app


def test_the_situation_is_on_the_overviews_sidebar_and_moves_the_answer():
    at = open_app()
    assert not at.exception
    sidebar_keys = {w.key for w in at.sidebar.selectbox} | {w.key for w in at.sidebar.toggle}
    assert {"wl_ci", "wl_lifetime", "wl_visibility", "wl_priority"} <= sidebar_keys
    assert "Your situation (decides the recommendation)" in [e.label for e in at.sidebar.expander]
    # AWS production: ECR; the same workload as a few days' demo built with GitHub Actions: GHCR
    assert at.success[0].value.startswith("Recommended: Amazon ECR")
    at.sidebar.selectbox(key="wl_lifetime").set_value("demo").run()
    assert not at.exception
    assert at.success[0].value.startswith("Recommended: GitHub Container Registry")


def test_the_recommendation_page_asks_it_once_in_its_main_area():
    at = open_app(page="pages/recommendation.py")
    assert not at.exception
    assert "wl_ci" not in {w.key for w in at.sidebar.selectbox}
    assert "wl_ci" in {w.key for w in at.main.selectbox}
