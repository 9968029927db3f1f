"""The Recommendation page and the overview's one-line recommendation, run by AppTest."""

from lib.core import i18n
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


def test_a_situations_reason_is_said_once_under_why_not_the_others(book):
    # an open-source project on AWS with GitHub Actions and public images: GHCR; ECR and Docker Hub cost the
    # same and are set aside for the same reason, which the sixth Korean review met twice, word for word
    q = {"runs_on": "aws", "ci": "github_actions", "visibility": "public", "lifetime": "demo", "network": "public"}
    r = decision.recommend(from_dict(q), book)
    assert r.recommended == "ghcr"
    same = [x for x in r.rejected if x.reason.code == "points_elsewhere"]
    assert len(same) >= 2 and len({x.why for x in same}) == 1  # the same reason, word for word
    for lang in ("en", "ko"):
        at = open_app({**q, "lang": lang}, page=PAGE)
        assert not at.exception
        others = next(m.value for m in at.markdown if m.value.startswith("- **") and NAMES["ecr"] in m.value)
        with i18n.using(lang):  # the end of the tree's reason
            deciding = (
                decision.recommend(from_dict(q), book).rejected[[x.id for x in r.rejected].index(same[0].id)].why[-30:]
            )
            again = i18n._("It costs the same, but the situation points elsewhere for the reason given above.")
        assert others.count(deciding) == 1, others
        assert others.count(again) == len(same) - 1, others
