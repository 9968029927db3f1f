"""Issue 24 item 5: the situation the recommendation depends on is in the sidebar with the workload
inputs, on every page but the Recommendation page (which asks it in its main area)."""

from tests.apphelpers import open_app
from ui import workload_inputs

SITUATION_KEYS = {"wl_ci", "wl_lifetime", "wl_visibility", "wl_priority"}


def _open_situation(at):
    """What a click on the section's title does: Streamlit's expander state, then a rerun."""
    at.session_state[workload_inputs.SITUATION_OPEN] = True
    return at.run()


def test_the_situation_is_on_the_overviews_sidebar_and_moves_the_answer():
    at = open_app()
    assert not at.exception
    assert "Your situation (decides the recommendation)" in [e.label for e in at.sidebar.expander]
    _open_situation(at)
    sidebar_keys = {w.key for w in at.sidebar.selectbox} | {w.key for w in at.sidebar.toggle}
    assert SITUATION_KEYS <= sidebar_keys
    # AWS production: ECR; the same workload as a few days' demo built with GitHub Actions: GHCR
    assert at.success[0].value.startswith("Recommended: Amazon ECR")
    at.sidebar.selectbox(key="wl_lifetime").set_value("demo").run()
    assert not at.exception
    assert at.success[0].value.startswith("Recommended: GitHub Container Registry")


def test_the_closed_section_sends_no_inputs_and_keeps_the_answers():
    """Issue 29, fifth round: closed (as it starts), its inputs are not drawn; the answers stay the workload's
    through closing, other inputs' changes and opening again."""
    at = open_app({"lifetime": "demo"})  # a link's answer counts while the section is closed
    assert not at.exception
    assert not SITUATION_KEYS & {w.key for w in at.sidebar.selectbox}
    assert at.success[0].value.startswith("Recommended: GitHub Container Registry")
    _open_situation(at)
    assert at.sidebar.selectbox(key="wl_lifetime").value == "demo"  # seeded from the workload
    at.sidebar.selectbox(key="wl_lifetime").set_value("production").run()
    assert at.success[0].value.startswith("Recommended: Amazon ECR")
    at.session_state[workload_inputs.SITUATION_OPEN] = False
    at.run()
    assert not SITUATION_KEYS & {w.key for w in at.sidebar.selectbox}
    assert at.success[0].value.startswith("Recommended: Amazon ECR")  # the person's answer, not the link's
    at.sidebar.number_input(key="wl_repositories").set_value(41).run()  # another input, section closed
    assert at.success[0].value.startswith("Recommended: Amazon ECR")
    assert "lifetime" not in at.query_params  # the share link too: production is the default, not written
    _open_situation(at)
    assert at.sidebar.selectbox(key="wl_lifetime").value == "production"


def test_the_recommendation_page_asks_it_once_in_its_main_area():
    at = open_app(page="pages/recommendation.py")
    assert not at.exception
    assert "wl_ci" not in {w.key for w in at.sidebar.selectbox}
    assert "wl_ci" in {w.key for w in at.main.selectbox}
