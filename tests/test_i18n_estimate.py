"""Korean changes words, never numbers (issue 18).

Every preset and every golden scenario is priced in English and in Korean: each line's quantity,
price and cost, each registry's total, the ranking, the flags (by code and severity), the cheaper
setups, the recommendation and the vectorised columns must be identical, while the Korean run's
line names and flag texts are Korean (they contain Hangul). Nothing may find a line or a note by its
English words: lines carry their English name as a stable key, and that key is what is matched.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
import yaml

from lib import measure
from lib.core import i18n
from lib.decide import decision
from lib.inputs import presets, regions
from lib.inputs.workload import from_dict
from lib.presentation import report
from lib.pricing import components, engine, registries, setups

GOLDEN = Path(__file__).parent / "golden"
HANGUL = re.compile("[\uac00-\ud7a3]")


def _scenarios():
    out = [pytest.param(presets.load(pid)[0], id=f"preset {pid}") for pid in presets.available()]
    for path in sorted(GOLDEN.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        out += [
            pytest.param(from_dict(sc["workload"]), id=f"{doc['registry']}: {sc['name']}") for sc in doc["scenarios"]
        ]
    return out


SCENARIOS = _scenarios()


def _figures(w, book) -> dict:
    """Everything numeric (and every id) an estimate, its setups and its recommendation hold."""
    e = engine.estimate(w, book)
    cheaper = setups.cheaper_setups(w, book, e)
    rec = decision.recommend(w, book, costs=e.totals(), cheaper=cheaper)
    return {
        "lines": {
            r.id: [(c.key, c.category, c.unit, c.quantity, c.price, c.monthly_cost, c.price_key) for c in r.components]
            for r in e.registries
        },
        "flags": {r.id: [(f.code, f.severity) for f in r.flags] for r in e.registries},
        "totals": e.totals(),
        "by_category": {r.id: r.by_category() for r in e.registries},
        "ranked": [r.id for r in e.ranked()],
        "setups": {rid: (s.changes, s.monthly_cost, s.saving) if s else None for rid, s in cheaper.items()},
        "best": setups.best_costs(e.totals(), cheaper),
        "recommended": (rec.recommended, rec.runner_up, rec.leaf),
    }


@pytest.mark.parametrize("w", SCENARIOS)
def test_korean_changes_no_number_and_no_ranking(book, w):
    english = _figures(w, book)
    with i18n.using("ko"):
        korean = _figures(w, book)
    assert korean == english


@pytest.mark.parametrize("w", SCENARIOS)
def test_the_korean_estimate_speaks_korean(book, w):
    english = engine.estimate(w, book)
    with i18n.using("ko"):
        korean = engine.estimate(w, book)
        units = {c.unit: components.unit_text(c.unit) for r in korean.registries for c in r.components}
        cheaper = [(s.description, setups.text(s)) for s in setups.cheaper_setups(w, book, korean).values() if s]
        # names are made when they are read, in the reader's language (pricing makes no words)
        names = {(r.id, c.key): c.name for r in korean.registries for c in r.components}
        flag_words = {(r.id, f.code): f.message for r in korean.registries for f in r.flags}
    assert all(HANGUL.search(words) or unit == "GB" for unit, words in units.items()), units
    for en, ko in zip(english.registries, korean.registries, strict=True):
        for a, b in zip(en.components, ko.components, strict=True):
            assert a.name == a.key == b.key, (a, b)  # English names are their keys, in both runs
            assert HANGUL.search(names[ko.id, b.key]), names[ko.id, b.key]
        # two different English lines never read the same in Korean (deck and tables group by name)
        assert len({names[ko.id, c.key] for c in ko.components}) == len({c.name for c in en.components}), ko.id
    assert all(HANGUL.search(words) for words in flag_words.values()), flag_words
    for description, shown in cheaper:
        assert HANGUL.search(description) and HANGUL.search(shown), shown


def test_registry_names_in_korean_keep_their_product_names():
    with i18n.using("ko"):
        names = {rid: registries.name(rid) for rid in registries.IDS}
    assert names["harbor"] == "Harbor(자체 호스팅)" and names["ecr"] == "Amazon ECR"
    assert names["s3"] == "S3 + docker save(기준선)"
    assert registries.name("harbor") == "Harbor (self-hosted)"


def test_vectorised_columns_are_the_same_in_every_language(book):
    ws = [
        from_dict({"network": n, "replica_regions": r, "runs_on": o, "pulls_per_month": 2e6})
        for n in ("public", "nat", "endpoints")
        for r in (0, 2)
        for o in ("aws", "gcp")
    ]
    english = engine.estimate_many(ws, book, components=True)
    with i18n.using("ko"):
        korean = engine.estimate_many(ws, book, components=True)
    assert list(korean.columns) == list(english.columns)
    assert "ecr:Internet egress (first 10 TB)" in english.columns  # by the English key
    assert korean.equals(english)


def test_a_line_is_found_by_its_key_in_korean(book):
    # 1,000 pulls x 0.5 GB in the region: 500 GB of same-region transfer, free
    with i18n.using("ko"):
        line = engine.estimate(from_dict({}), book)["ecr"].component("Same-region transfer")
        name = line.name  # made when read, in the reader's language
    assert name == "같은 리전 내 데이터 전송" and line.quantity == pytest.approx(500.0)


def test_a_line_name_with_pieces_keeps_its_english_key():
    # the tier and the label are translated pieces; the key is the whole line in English. Pricing
    # makes no words: the name is data (a Label), its words made when it is shown
    name = components.say(
        "{label} ({tier})", label=components.say("Internet egress"), tier=components.say("first {size:g} TB", size=10)
    )
    with i18n.using("ko"):
        words = name.text()
    assert words == "인터넷 송신(첫 10 TB)" and name.en == "Internet egress (first 10 TB)"


def test_every_unit_a_line_uses_has_korean_words():
    with i18n.using("ko"):
        shown = {u: components.unit_text(u) for u in components.UNITS}
    assert shown["GB-month"] == "GB-월" and shown["engineer-hour"] == "엔지니어 시간"
    assert all(HANGUL.search(v) for u, v in shown.items() if u != "GB")
    assert components.unit_text("GB-month") == "GB-month"


def test_regions_in_both_languages():
    m = regions.load()
    assert all(HANGUL.search(x.names.get("ko", "")) and x.names.get("en") for x in m.values())
    assert all(
        HANGUL.search(x.azure_names.get("ko", "")) and HANGUL.search(x.gcp_names.get("ko", "")) for x in m.values()
    )
    assert regions.label("ap-northeast-2") == "Seoul (ap-northeast-2)"
    assert m["ap-northeast-2"].name == "Asia Pacific (Seoul)"  # the English name stays the data (price book updates)
    with i18n.using("ko"):
        # one Korean form on every surface (issue 28): the place and its code, as the pages write it
        assert regions.label("ap-northeast-2") == "서울(ap-northeast-2)"
        assert regions.name("us-east-1") == "미국 동부(버지니아 북부)"
        note = regions.other_clouds_note("ap-northeast-2")
    assert note == (
        "Azure는 한국 중부(koreacentral), Google Cloud는 서울(asia-northeast3) 가격으로 계산합니다. "
        "각 클라우드에서 아시아 태평양(서울)에 가장 가까운 리전입니다."  # ninth review
    )


def test_every_preset_has_a_name_and_description_in_both_languages():
    for path in sorted(presets.PRESET_DIR.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for k in presets.SHOWN:
            assert set(doc[k]) == {"en", "ko"} and HANGUL.search(doc[k]["ko"]), (path.name, k)
    assert presets.available()["small"] == "Small workload"
    with i18n.using("ko"):
        assert presets.available()["small"] == "소규모 워크로드"
        w, meta = presets.load("small")
    assert meta["description"] == "서비스 1개, 작은 이미지, 하루 몇 번의 배포."
    assert w == presets.load("small")[0]  # the scenario's fields are the same in both


def test_inventory_problems_in_korean():
    with i18n.using("ko"), pytest.raises(measure.InputError) as e:
        measure.measure(measure.sources_from_uploads([("empty.json", b"  ")]))
    assert str(e.value) == "empty.json: 빈 파일입니다. JSON이 필요합니다"


def test_missing_platform_manifests_are_explained_in_korean_too():
    # an index whose one platform manifest is not uploaded: the refusal says which is missing, in
    # either language (it used to be found among the notes by its English words)
    index = (
        b'{"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": '
        b'[{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:'
        + b"a" * 64
        + b'", "size": 500, "platform": {"os": "linux", "architecture": "amd64"}}]}'
    )
    for lang, words in (("en", "is not among the files"), ("ko", "파일 중에 없어")):
        with i18n.using(lang), pytest.raises(measure.InputError) as e:
            measure.measure(measure.sources_from_uploads([("app/latest.json", index)]))
        assert "linux/amd64" in str(e.value) and words in str(e.value), str(e.value)


def test_price_book_problems_in_korean():
    from lib.inputs import pricebook

    with i18n.using("ko"), pytest.raises(pricebook.PriceBookError) as e:
        pricebook.parse(
            {"version": "x", "regions": {"us-east-1": "US East"}, "hours_per_month": 0, "prices": {}}, "book.yaml"
        )
    assert (
        str(e.value) == "book.yaml: 'hours_per_month'는 양수여야 하는데 0입니다"
    )  # the field's name stays as the file writes it
    with pytest.raises(pricebook.PriceBookError, match="must be a positive number, got 0"):
        pricebook.parse(
            {"version": "x", "regions": {"us-east-1": "US East"}, "hours_per_month": 0, "prices": {}}, "book.yaml"
        )


def test_an_unknown_region_is_named_in_korean(book):
    with i18n.using("ko"), pytest.raises(engine.InputError) as e:
        engine.check_region("xx-nowhere-1", book)
    assert str(e.value).startswith("region: 가격표에 없는 리전: 'xx-nowhere-1'")


# ---- flags are data too (issue 23): their words are made when read, in the reader's language ---------


def _shape(x):
    """A JSON document's keys all the way down, its values left out."""
    if isinstance(x, dict):
        return {k: _shape(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_shape(v) for v in x]
    return None


# every preset, and the EKS team in Frankfurt and Tokyo: their stand-in flag names prices and regions,
# words that are themselves made when read
FLAGGED = [pytest.param(presets.load(pid)[0], id=pid) for pid in presets.available()] + [
    pytest.param(dataclasses.replace(presets.load("eks-private")[0], region=r), id=f"eks-private in {r}")
    for r in ("eu-central-1", "ap-northeast-1")
]


@pytest.mark.parametrize("w", FLAGGED)
def test_the_korean_json_has_the_english_keys_and_a_flag_priced_in_korean_reads_english(book, w):
    english = engine.estimate(w, book)
    with i18n.using("ko"):
        korean = engine.estimate(w, book)
        ko_json = report.to_dict(korean)
    en_json = report.to_dict(english)
    # the same keys, components' keys and flags' codes in both languages: the interface scripts match on
    assert _shape(ko_json) == _shape(en_json)
    for ko_r, en_r in zip(ko_json["registries"], en_json["registries"], strict=True):
        assert [c["key"] for c in ko_r["components"]] == [c["key"] for c in en_r["components"]]
        assert [(f["code"], f["severity"]) for f in ko_r["flags"]] == [
            (f["code"], f["severity"]) for f in en_r["flags"]
        ]
        assert all(HANGUL.search(f["message"]) for f in ko_r["flags"]), ko_r["flags"]
    # priced while Korean was spoken, read in English: English, word for word (no words made when priced)
    assert report.to_dict(korean) == en_json
    assert [[f.message for f in r.flags] for r in korean.registries] == [
        [f.message for f in r.flags] for r in english.registries
    ]


def test_a_stand_in_flag_priced_in_korean_names_its_regions_in_the_language_it_is_read_in(book):
    w = dataclasses.replace(presets.load("eks-private")[0], region="eu-central-1")
    with i18n.using("ko"):
        flag = next(f for f in engine.estimate(w, book)["harbor"].flags if f.code == "stand_in_price")
        korean = flag.message
    assert flag.message.startswith("Not priced in Europe (Frankfurt) by any source read")
    assert "US East (N. Virginia)'s figure" in flag.message and "US East (N. Virginia)" not in korean
    assert HANGUL.search(korean) and flag.label.en == flag.message
