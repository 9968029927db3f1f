"""One analysis per run (issue 19): the exporters read the run's estimate and recommendation
instead of pricing the scenario again, and the break-even bisection prices no DataFrame per step."""

import datetime as dt
import json

import pytest

from lib.analyses import sensitivity
from lib.analyses.analysis import analyse
from lib.decide import decision
from lib.exports import adr, deck, export
from lib.inputs import presets
from lib.inputs.workload import DEFAULT, from_dict
from lib.pricing import engine, setups
from tests.conftest import EKS_TEAM

# EKS behind one NAT gateway, as tests/test_exports.py's reviewer: the recommendation advises a
# setup (interface endpoints), so the analysis prices the recommended registry once more in it.
EKS = from_dict(EKS_TEAM)
LINK = "http://localhost:8501/?network=nat&repositories=40&image_size_mb=1200&versions_kept=30"
TODAY = dt.date(2026, 11, 29)
CASES = [EKS, DEFAULT] + [presets.load(pid)[0] for pid in presets.available()]


@pytest.fixture
def counted(monkeypatch):
    """Calls to the engine's and the decision's entry points, by name and workload."""
    calls: list[tuple[str, object]] = []
    for owner, name in ((engine, "estimate"), (decision, "recommend"), (setups, "cheaper_setups")):
        real = getattr(owner, name)

        def wrapper(w, *a, _real=real, _name=name, **k):
            calls.append((_name, w))
            return _real(w, *a, **k)

        monkeypatch.setattr(owner, name, wrapper)
    return calls


@pytest.mark.parametrize("w", CASES)
def test_the_analysis_is_what_each_consumer_computed_alone(book, w):
    a = analyse(w, book)
    e = engine.estimate(w, book)
    assert a.totals() == e.totals()
    assert a.recommendation.to_dict() == decision.recommend(w, book).to_dict()
    assert a.cost == a.recommendation.recommended_cost
    setup = dict(a.recommendation.recommended_setup)
    assert dict(a.setup) == setup
    alone = engine.estimate(w.replace(**setup), book)[a.recommendation.recommended]
    assert a.recommended.monthly_cost == alone.monthly_cost


def test_the_eks_analysis_recommends_ecr_with_endpoints_at_the_hand_figure(book):
    # hand arithmetic (tests/test_exports.py): storage 1,440 GB x $0.10 = 144; 2 endpoints x 2 AZs x 730 h x
    # $0.01 = 29.20; 5 GB of manifests x $0.01 = 0.05 through the endpoints: 173.25 a month
    a = analyse(EKS, book)
    assert a.recommendation.recommended == "ecr"
    assert dict(a.setup) == {"network": "endpoints"}
    assert a.cost == pytest.approx(173.25, abs=0.005)
    assert a.recommended.monthly_cost == pytest.approx(173.25, abs=0.005)


def test_the_analysis_cannot_be_changed(book):
    a = analyse(EKS, book)
    with pytest.raises(AttributeError):
        a.estimate = None  # type: ignore[misc]
    with pytest.raises(TypeError):
        a.setup["network"] = "nat"  # type: ignore[index]
    with pytest.raises(TypeError):
        a.cheaper["ecr"] = None  # type: ignore[index]


def test_the_recommendation_inside_the_analysis_is_immutable_all_the_way_down(book):
    r = analyse(EKS, book).recommendation
    with pytest.raises(AttributeError):
        r.recommended = "ghcr"  # type: ignore[misc]
    with pytest.raises(TypeError):
        r.costs["ecr"] = 0.0  # type: ignore[index]
    with pytest.raises(TypeError):
        r.recommended_setup["network"] = "nat"  # type: ignore[index]
    with pytest.raises(TypeError):
        r.failures["ecr"] = ("x",)  # type: ignore[index]
    assert isinstance(r.path, tuple) and isinstance(r.rejected, tuple) and isinstance(r.branches_taken, tuple)
    assert all(isinstance(v, tuple) for v in r.failures.values())


def test_exporters_given_the_analysis_do_not_price_the_scenario_again(book, counted):
    a = analyse(EKS, book)
    counted.clear()
    adr.adr(a, LINK, today=TODAY)
    doc = json.loads(export.full_json(a, LINK))
    assert counted == []  # neither estimate nor recommend, nor the setups search
    deck.build(a, LINK, pictures=False, today=TODAY)
    # the deck prices only what the analysis does not hold: the sensitivity sweep (the vectorised
    # path); its sources come from the prices the analysis' estimates recorded
    assert counted == []
    # the export JSON has what `estimate --format json` has: each registry's cheaper setup
    cheaper = setups.cheaper_setups(EKS, book, engine.estimate(EKS, book))
    assert {r["id"]: r["cheaper_setup"] for r in doc["registries"]} == {
        rid: (s.to_dict() if s else None) for rid, s in cheaper.items()
    }


def test_the_deck_prices_scenario_b_once_and_not_when_given_its_analysis(book, counted):
    a, b = analyse(EKS, book), analyse(EKS.replace(pulls_per_month=90_000), book)
    counted.clear()
    deck.build(a, LINK, pictures=False, today=TODAY, b=b)
    assert counted == []
    deck.build(a, LINK + "&b_pulls_per_month=90000", pictures=False, today=TODAY)
    from_link = [name for name, _w in counted]
    # B from the link: analysed once (its registries in their best setups need its recommendation),
    # exactly what analysing B alone costs
    counted.clear()
    analyse(EKS.replace(pulls_per_month=90_000), book)
    assert from_link == [name for name, _w in counted] and from_link.count("recommend") == 1


def test_the_break_even_search_prices_its_steps_without_a_dataframe(book, monkeypatch):
    w = from_dict({**DEFAULT.to_dict(), "same_region_share": 0.5, "cross_region_share": 0.5, "internet_share": 0.0})
    table = sensitivity.sweep(w, "pulls_per_month", book)
    frames = []
    real = engine.estimate_varying
    monkeypatch.setattr(engine, "estimate_varying", lambda *a, **k: frames.append(1) or real(*a, **k))
    points = sensitivity.break_evens(w, "pulls_per_month", book, table=table)
    assert points  # GHCR's free pulls, S3's storage and Harbor's node cross somewhere in 10..1e8 pulls
    assert frames == []
    # each point: where the two registries' costs meet (to a whole pull), priced as a sweep would
    for p in points:
        at = sensitivity.sweep(w, "pulls_per_month", book, [p.x - 1, p.x])
        assert at[p.cheaper_above].iloc[1] == p.cost
        below, above = at.iloc[0], at.iloc[1]
        assert below[p.cheaper_above] >= below[p.cheaper_below] - 1e-9 * max(1.0, below[p.cheaper_above])
        assert above[p.cheaper_above] <= above[p.cheaper_below] + 1e-9 * max(1.0, above[p.cheaper_above])
