"""Open each produced file and check its content against the library."""
import csv
import io
import json
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

import openpyxl
import pytest
from pptx import Presentation

from lib import adr, charts, deck, decision, engine, export, scenario, timeline
from lib.components import CATEGORIES
from lib.workload import from_dict
from tests.conftest import need

W = from_dict({"same_region_share": 0.5, "cross_region_share": 0.5, "versions_kept": 20})
LINK = "http://localhost:8501/?versions_kept=20"


@pytest.fixture(scope="module")
def built(book):
    need("chromium", "chromium-browser", "google-chrome")
    data, missing = deck.build(W, book, LINK)
    return Presentation(io.BytesIO(data)), missing, data


def charts_in(prs):
    return [sh.chart for slide in prs.slides for sh in slide.shapes if sh.has_chart]


def test_deck_cost_chart_equals_the_library(built, book):
    prs, missing, _ = built
    assert missing == []
    e = engine.estimate(W, book)
    cost = charts_in(prs)[0]
    assert list(cost.plots[0].categories) == [r.name for r in e.ranked()]
    assert list(cost.plots[0].series[0].values) == pytest.approx([round(r.monthly_cost, 2) for r in e.ranked()])


def test_deck_breakdown_chart_equals_the_library(built, book):
    prs, _, _ = built
    e = engine.estimate(W, book)
    stacked = charts_in(prs)[1]
    for series in stacked.plots[0].series:
        assert series.name in CATEGORIES
        assert list(series.values) == pytest.approx([round(r.by_category().get(series.name, 0), 2) for r in e.ranked()])


def test_deck_timeline_and_text(built, book):
    prs, _, _ = built
    cum, _ = timeline.cost_over_time(W, book)
    line = charts_in(prs)[2]
    ecr = next(s for s in line.plots[0].series if s.name == "Amazon ECR")
    assert list(ecr.values) == pytest.approx([round(v, 2) for v in cum["ecr"]])
    text = " ".join(sh.text_frame.text for slide in prs.slides for sh in slide.shapes if sh.has_text_frame)
    r = decision.recommend(W, book)
    assert LINK in text and f"Recommendation: {r.title}" in text and book.version in text
    assert len(prs.slides) == 7
    pictures = [sh for slide in prs.slides for sh in slide.shapes if sh.shape_type == 13]
    assert len(pictures) == 1


def test_deck_without_chromium_says_which_picture_is_missing(book, monkeypatch):
    monkeypatch.setattr(export, "renderer_available", lambda: False)
    data, missing = deck.build(W, book, LINK)
    assert len(missing) == 1 and missing[0].startswith("sensitivity chart")
    prs = Presentation(io.BytesIO(data))
    text = " ".join(sh.text_frame.text for slide in prs.slides for sh in slide.shapes if sh.has_text_frame)
    assert "Picture missing: the sensitivity chart" in text


def test_deck_renders_in_libreoffice_with_seven_pages(built, tmp_path):
    soffice = need("soffice", "libreoffice")
    _, _, data = built
    (tmp_path / "deck.pptx").write_bytes(data)
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "deck.pptx")],
                   check=True, capture_output=True, timeout=180)
    pdf = (tmp_path / "deck.pdf").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 7


def test_xlsx_totals_equal_the_library(book):
    e = engine.estimate(W, book)
    wb = openpyxl.load_workbook(io.BytesIO(export.xlsx_table(e, book)))
    rows = list(wb["Totals"].iter_rows(values_only=True))
    header = rows[0]
    got = {row[header.index("registry")]: row[header.index("monthly_cost")] for row in rows[1:]}
    assert got == pytest.approx({r.name: r.monthly_cost for r in e.registries})
    assert {"Components", "Scenario"} <= set(wb.sheetnames)


def test_csv_totals_equal_the_library(book):
    e = engine.estimate(W, book)
    rows = list(csv.DictReader(io.StringIO(export.csv_table(e))))
    got = {r["registry_id"]: float(r["monthly_cost"]) for r in rows if r["component"] == "TOTAL"}
    assert got == pytest.approx(e.totals())


def test_json_has_the_cli_schema_and_the_recommendation(book):
    e = engine.estimate(W, book)
    doc = json.loads(export.full_json(e, book, LINK))
    assert {r["id"]: r["monthly_cost"] for r in doc["registries"]} == pytest.approx(e.totals())
    assert doc["recommendation"]["recommended"] == decision.recommend(W, book).recommended
    assert doc["share_link"] == LINK


def test_png_has_the_requested_size(book):
    need("chromium", "chromium-browser", "google-chrome")
    e = engine.estimate(W, book)
    png = export.image(export.slide_figure(charts.cost_breakdown(e), "subtitle"), "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (1920, 1080)


def test_svg_parses(book):
    need("chromium", "chromium-browser", "google-chrome")
    e = engine.estimate(W, book)
    root = ET.fromstring(export.image(charts.cost_breakdown(e), "svg"))
    assert root.tag.endswith("svg") and root.get("width") == "1920"


def test_adr_names_the_decision_and_the_totals(book):
    text = adr.adr(W, book, LINK)
    r = decision.recommend(W, book)
    e = engine.estimate(W, book)
    assert f"We will use **{e[r.recommended].name}**" in text
    for reg in e.registries:
        assert f"| {reg.name} | {reg.monthly_cost:,.2f} |" in text
    assert LINK in text and book.version in text


def test_cli_export_writes_every_format(tmp_path):
    need("chromium", "chromium-browser", "google-chrome")
    path = tmp_path / "s.yaml"
    path.write_text(scenario.dumps(W))
    outs = {k: tmp_path / f"out.{k if k != 'adr' else 'md'}" for k in ("pptx", "xlsx", "csv", "json", "adr", "png", "svg")}
    args = [a for k, p in outs.items() for a in (f"--{k}", str(p))]
    r = subprocess.run([sys.executable, "-m", "lib", "export", str(path), *args], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert all(p.stat().st_size > 0 for p in outs.values())
