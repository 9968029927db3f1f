"""Issue 24 item 2: a flag that says the registry will not serve the workload weighs like a hard
requirement: the registry is compared in a setup that serves, or set aside."""

import pytest

from lib.decide import decision, serving
from lib.inputs.workload import from_dict
from lib.pricing import engine, setups
from lib.pricing.components import Flag, say

# An open-source project: public images, 200,000 anonymous internet pulls a month of a 500 MB image.
OPEN_SOURCE = dict(visibility="public", pulls_per_month=200_000, same_region_share=0, internet_share=1.0)
# The same, but half the pulls are the team's own clusters pulling in-region, anonymously, from
# behind its NAT: Docker Hub limits the puller, so only these 100,000 count against the team.
WITH_OWN_PULLS = dict(OPEN_SOURCE, same_region_share=0.5, internet_share=0.5)


def test_a_blocker_must_say_it_will_not_serve():
    with pytest.raises(ValueError, match="wont_serve"):
        Flag("x", "blocker", say("a blocker that forgot"))
    assert Flag("x", "blocker", say("ok"), wont_serve=True).wont_serve
    assert not Flag("x", "warning", say("advice")).wont_serve


def test_the_throttling_flags_are_marked_in_data(book):
    w = from_dict(OPEN_SOURCE)
    e = engine.estimate(w, book)
    # 200,000 x 0.5 GB = 100,000 GB of anonymous pulls, all the public's: each puller has its own 500 GB
    # (ECR Public's quota is "for unauthenticated customers"), so ECR Public serves them; advice only
    assert serving.wont_serve(e["ecr"].flags) == ()
    assert next(f for f in e["ecr"].flags if f.code == "ecr_public_pullers_limited").severity == "info"
    # Docker Hub limits the puller: the public's 200,000 pulls come from their own IPs and accounts,
    # so Personal serves them; the flag that says so is advice
    assert serving.wont_serve(e["dockerhub"].flags) == ()
    limited = next(f for f in e["dockerhub"].flags if f.code == "public_pullers_limited")
    assert limited.severity == "info" and "100 per 6 hours per IP" in limited.message
    assert serving.wont_serve(e["ghcr"].flags) == ()
    # the flag that is only advice stays advice
    assert not any(f.wont_serve for f in e["ecr"].flags if f.code == "ecr_public")
    # the team's own 100,000 pulls: busiest 6 hours 100,000 / (730 / 6) x 3 = 2,466 > 100 anonymous and > 200 Personal
    own = engine.estimate(from_dict(WITH_OWN_PULLS), book)["dockerhub"].flags
    assert {f.code for f in serving.wont_serve(own)} == {"rate_limit_anonymous", "rate_limit_personal"}
    assert "2,466 pulls in the busiest 6 hours" in next(f.message for f in own if f.code == "rate_limit_personal")
    # private images: every pull is the team's own (signed in), the public pulls none
    alone = dict(OPEN_SOURCE, visibility="private", dockerhub_plan="personal", repositories=1, team_seats=1)
    private = engine.estimate(from_dict(alone), book)["dockerhub"].flags
    assert "rate_limit_personal" in {f.code for f in private}
    assert "public_pullers_limited" not in {f.code for f in private}


def test_open_source_project_on_aws_is_ghcr_and_no_answer_carries_a_blocker_or_throttling(book):
    w = from_dict(OPEN_SOURCE)
    r = decision.recommend(w, book)
    # pulled by the public from the internet: the tree puts cost first and GitHub Actions leads to GHCR
    # (the comparison's "open source -> GHCR"), free for public images
    assert r.leaf == "ghcr"
    assert r.recommended == "ghcr" and r.recommended_cost == 0.0
    # the runner-up, ECR, serves too: ECR Public gives each anonymous puller its own 500 GB, so the
    # public's 100,000 GB are free
    assert r.runner_up == "ecr" and r.costs["ecr"] == 0.0
    step = serving.serving_setups(w, book, r.costs, setups.cheaper_setups(w, book))
    # Docker Hub's Personal plan serves the public's pulls too: nothing moved, only S3 set aside
    assert step.setups["dockerhub"] is None and r.costs["dockerhub"] == 0.0
    assert set(step.set_aside) == {"s3"}
    for rid in (r.recommended, r.runner_up):
        changes = step.setups[rid].changes if step.setups[rid] else {}
        flags = engine.estimate(w.replace(**changes), book, (rid,))[rid].flags
        assert not [f for f in flags if f.wont_serve or f.severity == "blocker"], rid
    # nothing was set aside on the way to the answer: no sentence says so
    assert "would not serve" not in decision.headline(r)
    assert "GitHub Container Registry" in r.title
    # "integration first" chosen on purpose: AWS production -> ECR (Public), on its leaf at $0
    r = decision.recommend(w.replace(priority="integration"), book)
    assert (r.leaf, r.recommended, r.recommended_cost) == ("ecr_production", "ecr", 0.0)


def _tree_with_gcp_leaf(registry_ids):
    """The decision tree with the GCP leaf naming other registries: the one way left to make a leaf
    whose every registry will not serve (ECR Public throttles only a team's own anonymous pulls from
    outside AWS, and the tree sends GCP workloads to Google's registry)."""
    import yaml

    from lib.decide import decision_tree

    doc = yaml.safe_load(decision_tree.DEFAULT_PATH.read_text(encoding="utf-8"))
    doc["leaves"]["gar"]["registries"] = list(registry_ids)
    return decision_tree.parse(doc)


# public images pulled by the team's own clusters on GCP, anonymously, over the internet:
# 5,000 x 0.5 GB = 2,500 GB against one puller's 500 GB a month: ECR Public throttles
OWN_CLUSTERS_ON_GCP = dict(visibility="public", runs_on="gcp", pulls_per_month=5_000)


def test_when_the_leafs_registry_would_not_serve_the_answer_moves_and_says_why(book):
    w = from_dict(OWN_CLUSTERS_ON_GCP)
    r = decision.recommend(w, book, _tree_with_gcp_leaf(["ecr"]))
    assert r.leaf == "gar"  # the GCP leaf, naming ECR alone here
    assert r.recommended == "ghcr" and r.recommended_cost == 0.0  # free for public images
    assert "Amazon ECR would not serve this workload in any setup priced" in decision.headline(r)
    assert "2,500 GB a month of anonymous internet pulls" in decision.headline(r)


def test_with_its_own_pulls_docker_hub_is_compared_on_a_plan_that_serves(book):
    # public images, another CI, a demo: the tree's public_images leaf (GHCR or Docker Hub)
    w = from_dict(dict(WITH_OWN_PULLS, ci="jenkins", lifetime="demo"))
    r = decision.recommend(w, book)
    assert (r.leaf, r.recommended, r.runner_up) == ("public_images", "ghcr", "dockerhub")
    # Personal refuses the team's own pulls: Docker Hub is compared on Pro, $9 a month
    step = serving.serving_setups(w, book, r.costs, setups.cheaper_setups(w, book))
    assert step.setups["dockerhub"].changes == {"dockerhub_plan": "pro"}
    assert step.setups["dockerhub"].monthly_cost == pytest.approx(9.0)


@pytest.mark.parametrize(
    "answers",
    [
        {},
        OPEN_SOURCE,
        dict(runs_on="aws", network="nat", pulls_per_month=1_000_000, image_size_mb=50),
        dict(runs_on="on_prem", pulls_per_month=10, image_size_mb=10),
    ],
)
def test_the_baseline_is_never_recommended_runner_up_or_cheapest(book, answers):
    r = decision.recommend(from_dict(answers), book)
    assert "s3" not in (r.recommended, r.runner_up, r.cheapest)
    assert r.failures["s3"]


def test_docker_hub_personal_over_its_limit_moves_to_a_paid_plan(book):
    # public images, GitHub Actions elsewhere, another CI: the tree's public_images leaf (GHCR or Docker Hub)
    w = from_dict(dict(visibility="public", ci="jenkins", lifetime="demo", pulls_per_month=100_000, image_size_mb=10))
    r = decision.recommend(w, book)
    assert r.leaf == "public_images" and r.recommended == "ghcr"
    # Docker Hub is compared on Pro ($9), not on the $0 Personal plan that would refuse the pulls
    rej = next(x for x in r.rejected if x.id == "dockerhub")
    assert rej.kind == "cost" and "$9.00" in rej.why


def test_a_registry_moved_to_a_serving_setup_says_so_in_one_sentence(book):
    w = from_dict(WITH_OWN_PULLS)
    step = serving.serving_setups(w, book, engine.estimate(w, book).totals(), setups.cheaper_setups(w, book))
    # were Docker Hub the answer, the sentence says it is priced on the plan that serves the pulls
    note = serving.note("dockerhub", step, "dockerhub", ("dockerhub",))
    assert note.startswith("As set up now Docker Hub would not serve this workload, so it is priced on the Pro plan:")
    assert "exceed the Personal limit of 200 per 6 hours" in note
    # the answer moved off the leaf's registry: the registry set aside and where it went
    w = from_dict(OWN_CLUSTERS_ON_GCP)
    step = serving.serving_setups(w, book, engine.estimate(w, book).totals(), setups.cheaper_setups(w, book))
    assert serving.note("ghcr", step, "ghcr", ("ecr",)).startswith(
        "Amazon ECR would not serve this workload in any setup priced, "
        "so the answer moves to GitHub Container Registry:"
    )
    # nothing moved: nothing said
    assert serving.note("ghcr", step, "ghcr", ("ghcr",)) == ""


def test_a_set_aside_registry_says_each_reason_once():
    """A flag that restates a hard requirement the registry already fails is not added again (S3's
    "not a registry" read twice in the ADR); a flag that says something new is (a throttle on top
    of a failed requirement)."""
    from lib.decide.decision import _add_wont_serve, failed
    from lib.decide.decision_tree import load

    w, tree = from_dict({}), load()
    fails = failed(w, tree)
    assert [x.code for x in fails["s3"]] == ["failed_requirement"]  # "registry features (docker pull, tags)"
    restated = Flag("not_a_registry", "blocker", say("Not a registry."), wont_serve=True)
    throttled = Flag("rate_limit_anonymous", "blocker", say("Throttled."), wont_serve=True)
    _add_wont_serve(w, tree, fails, serving.Serving({}, {}, {"s3": (restated,), "dockerhub": (throttled,)}))
    assert [x.code for x in fails["s3"]] == ["failed_requirement"]
    assert [x.code for x in fails["dockerhub"]] == ["wont_serve"]
    fails = failed(w, tree)
    _add_wont_serve(w, tree, fails, serving.Serving({}, {}, {"s3": (restated, throttled)}))
    assert [x.code for x in fails["s3"]] == ["failed_requirement", "wont_serve"]
    assert dict(fails["s3"][1].params)["flags"] == (throttled,)


def test_ties_go_to_the_documents_order_everywhere(book):
    """ECR, GHCR and Docker Hub all serve the open-source project at $0.00: the ranking, the runner-up and
    'cheapest' break the tie as the decision does, in the document's order (ECR, GHCR, Docker Hub, ...),
    not by the ids' letters, which put Docker Hub first beside an ECR recommendation."""
    from lib.analyses.analysis import analyse

    w = from_dict(OPEN_SOURCE)
    e = engine.estimate(w, book)
    assert [r.id for r in e.ranked()][:3] == ["ecr", "ghcr", "dockerhub"]
    assert [e.totals()[rid] for rid in ("ecr", "ghcr", "dockerhub")] == [0.0, 0.0, 0.0]
    a = analyse(w, book)
    # GHCR is the answer (the tree); of the other two at $0, ECR comes first in the document's order;
    # "cheapest" names the recommendation, which ties for it
    assert (a.recommendation.recommended, a.recommendation.runner_up, a.cheapest()) == ("ghcr", "ecr", "ghcr")
    assert [rid for rid, _c in a.candidates()][:3] == ["ecr", "ghcr", "dockerhub"]
