"""The Recommendation page and the overview's one-line recommendation, run by AppTest."""

from lib.decide import decision
from lib.inputs.workload import from_dict
from lib.pricing.registries import NAMES
from tests.apphelpers import open_app

PAGE = "pages/recommendation.py"


def test_recommendation_page_follows_the_answers(book):
    at = open_app(page=PAGE)
    assert not at.exception
    assert "Amazon ECR" in at.success[0].value
    at.selectbox(key="wl_runs_on").set_value("gcp").run()
    assert not at.exception
    expected = decision.recommend(from_dict({"runs_on": "gcp"}), book)
    assert expected.recommended == "gar"
    assert expected.title in at.success[0].value
    dot = at.get("graphviz_chart")[0].proto.spec
    assert '"leaf_gar" [shape=ellipse' in dot and 'fillcolor="#fde0dd"' in dot.split('"leaf_gar"')[1].split("\n")[0]


def test_compliance_answers_reach_harbor_with_reasons(book):
    at = open_app(page=PAGE)
    at.multiselect(key="wl_compliance").set_value(["audit_logs", "signing", "team_isolation"]).run()
    assert not at.exception
    assert "Harbor with a scanner" in at.success[0].value
    page_text = " ".join(m.value for m in at.markdown)
    assert "Finance / security-critical" in page_text


def test_overview_shows_the_recommendation_in_one_line(book):
    at = open_app()
    r = decision.recommend(from_dict({}), book)
    line = at.success[0].value
    assert f"Recommended: {NAMES[r.recommended]}" in line and f"${r.costs[r.recommended]:,.2f}" in line
