"""The Export page and the per-chart downloads, run by AppTest."""

from lib import adr, decision
from lib.analysis import analyse
from lib.registries import NAMES
from lib.workload import from_dict
from tests.apphelpers import open_app


def test_export_page_previews_the_adr(book):
    at = open_app({"runs_on": "gcp"}, page="pages/export.py")
    assert not at.exception
    r = decision.recommend(from_dict({"runs_on": "gcp"}), book)
    preview = at.code[-1].value
    assert preview.startswith("# ADR: Use Google Artifact Registry")
    assert f"We will use **{NAMES[r.recommended]}**" in preview
    link = preview.split("Scenario (reopens every input and figure): ")[1].split("\n")[0]
    assert "runs_on=gcp" in link
    assert preview == adr.adr(analyse(from_dict({"runs_on": "gcp"}), book), link).rstrip("\n")


def test_every_chart_offers_png_and_svg():
    at = open_app()
    labels = [b.proto.label for b in at.get("download_button")]
    assert "PNG 1920×1080" in labels and "SVG" in labels
    spec = at.get("plotly_chart")[0].proto
    assert '"width": 1920' in spec.config or '"width":1920' in spec.config
