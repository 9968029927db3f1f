"""Issue 24 item 3: Break-even answers the decision question first: where the recommendation itself
changes as one input sweeps, what to, and how far today's value is. Worked by hand below."""

import os

import pytest
from hypothesis import HealthCheck, given, settings

from lib.analyses import decision_sweep
from lib.decide import decision
from lib.inputs import presets
from lib.inputs.workload import SWEEPS, from_dict
from lib.pricing import registries
from tests.strategies import workloads

SETTINGS = settings(
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", 60)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

TREE = decision.load()


def test_eks_private_stays_ecr_across_every_pull_count(book):
    # AWS, production, no other requirement: the tree's leaf is ecr_production, which names ECR alone;
    # ECR for private images has no flag that stops serving (no quota on private pulls), so no number of
    # pulls from 10 to 100,000,000 a month can move the answer.
    w, _meta = presets.load("eks-private")
    a = decision_sweep.answer(w, book, "pulls_per_month", TREE)
    assert (a.now, a.changes, a.lo, a.hi, a.today) == ("ecr", (), 10.0, 1e8, 50_000)
    assert decision_sweep.sentence(a) == (
        "The answer stays Amazon ECR from 10 pulls a month to 100,000,000 pulls a month: "
        "no value in the range swept changes it."
    )


def test_the_documents_project_stays_ghcr_at_any_image_size(book):
    # GitHub Actions, a demo: leaf ghcr (GHCR alone); public images on GHCR are free and unthrottled,
    # so the size of the image (10 MB to 20,000 MB) never matters to the answer.
    w, _meta = presets.load("doc-project")
    a = decision_sweep.answer(w, book, "image_size_mb", TREE)
    assert a.now == "ghcr" and a.changes == ()
    assert decision_sweep.sentence(a).startswith("The answer stays GitHub Container Registry from 10 MB to 20,000 MB")


def _tree_with_gcp_leaf(registry_ids):
    """The tree with the GCP leaf naming ECR: a leaf whose only registry stops serving past a quota
    (ECR Public throttles a team's own anonymous pulls from outside AWS past 500 GB a month; the
    real tree sends GCP workloads to Google's registry)."""
    import yaml

    from lib.decide import decision_tree

    doc = yaml.safe_load(decision_tree.DEFAULT_PATH.read_text(encoding="utf-8"))
    doc["leaves"]["gar"]["registries"] = list(registry_ids)
    return decision_tree.parse(doc)


def test_the_answer_changes_at_ecr_publics_quota(book):
    # The worked example (500 MB images, 1,000 pulls a month), its images public and pulled by the
    # team's own clusters on GCP, anonymously: ECR Public serves one puller 500 GB a month, i.e.
    # 500 GB / 0.5 GB = 1,000 pulls; above that it throttles, ECR is set aside and the answer moves to
    # GHCR (free for public images). Today's 1,000 pulls sit exactly on the quota: still ECR.
    w, _meta = presets.load("worked-example")
    w = w.replace(visibility="public", runs_on="gcp")
    a = decision_sweep.answer(w, book, "pulls_per_month", _tree_with_gcp_leaf(["ecr"]))
    assert a.now == "ecr"
    [c] = a.changes
    assert (c.before, c.after) == ("ecr", "ghcr")
    assert 1000 < c.x <= 1000 * 1.001  # found to 0.1 %
    assert decision_sweep.sentence(a) == (
        "Today's answer is Amazon ECR; it changes at 1,000 pulls a month (1 x today's value): "
        "Amazon ECR below it, GitHub Container Registry from it on."
    )
    # the work is bounded: a 10-point grid and some 14 bisection steps
    assert a.evaluations <= 10 + 15


def test_the_open_source_project_on_aws_is_ghcr_at_every_pull_count(book):
    # 200,000 anonymous pulls a month from the public, from the internet: cost first (IAM and VPC endpoints
    # serve none of them), GitHub Actions -> GHCR, free for public images at any count
    w = from_dict(dict(visibility="public", pulls_per_month=200_000, same_region_share=0, internet_share=1.0))
    a = decision_sweep.answer(w, book, "pulls_per_month", TREE)
    assert a.now == "ghcr"
    assert not a.changes
    # chosen "integration first" on purpose, it is ECR (Public), each puller with its own 500 GB: no pull
    # count sets it aside (counted as one puller's, it moved to GHCR above 1,000)
    a = decision_sweep.answer(w.replace(priority="integration"), book, "pulls_per_month", TREE)
    assert a.now == "ecr"
    assert not a.changes


@pytest.mark.parametrize("field", sorted(SWEEPS))
def test_every_sweepable_input_has_an_answer_and_today_is_inside_it(book, field):
    w, _meta = presets.load("eks-private")
    a = decision_sweep.answer(w, book, field, TREE)
    assert a.lo <= min(max(a.today, a.lo), a.hi) <= a.hi
    assert a.now == decision.recommend(w, book, TREE).recommended


# ---- the sweep's oracle prices only the registries the answer can be (issue 29) --------------------


def _full(w, book, tree=None):
    return decision.recommend(w, book, tree).recommended


@pytest.mark.parametrize("preset", ["startup-a", "midsize-b", "financial-c"])
def test_the_sweep_answers_as_the_full_recommendation_did_on_the_three_presets(book, preset, monkeypatch):
    """Every input swept on the document's three teams: the same answer, changes (to the bit) and work
    counted, whether each point is priced for every registry or for the leaf's only."""
    w, _meta = presets.load(preset)
    fast = {f: decision_sweep.answer(w, book, f, TREE) for f in sorted(SWEEPS)}
    monkeypatch.setattr(decision, "recommended", _full)
    assert {f: decision_sweep.answer(w, book, f, TREE) for f in sorted(SWEEPS)} == fast


def test_when_the_leaf_is_set_aside_the_answer_still_leaves_it(book, monkeypatch):
    """Past ECR Public's quota (above) every registry the leaf names (ECR alone) is set aside and the
    answer moves to GHCR, which the leaf does not name."""
    w, _meta = presets.load("worked-example")
    w = w.replace(visibility="public", runs_on="gcp", pulls_per_month=5_000)
    tree = _tree_with_gcp_leaf(["ecr"])
    priced = []
    real = decision.engine.estimate

    def estimate(w, b, ids=registries.IDS, **k):
        priced.append(tuple(ids))
        return real(w, b, ids, **k)

    monkeypatch.setattr(decision.engine, "estimate", estimate)
    assert decision.recommended(w, book, tree) == "ghcr" == _full(w, book, tree)
    assert priced[0] == ("ecr",) and any(len(ids) == 8 for ids in priced)  # the leaf first, then everyone


@SETTINGS
@given(workloads())
def test_the_answer_alone_is_the_recommendations_answer(book, w):
    assert decision.recommended(w, book, TREE) == _full(w, book, TREE)
