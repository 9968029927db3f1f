"""The Export page and the per-chart downloads, run by AppTest."""

from lib.analyses.analysis import analyse
from lib.decide import decision
from lib.exports import adr
from lib.inputs.workload import from_dict
from lib.pricing.registries import NAMES
from tests.apphelpers import open_app


def test_export_page_previews_the_adr(book):
    at = open_app({"runs_on": "gcp"}, page="pages/export.py")
    assert not at.exception
    r = decision.recommend(from_dict({"runs_on": "gcp"}), book)
    preview = at.code[-1].value
    assert preview.startswith("# ADR: Use Google Artifact Registry")
    assert f"We will use **{NAMES[r.recommended]}**" in preview
    # no public address under test: the ADR says so and carries the query alone (never a loopback address)
    line = next(x for x in preview.splitlines() if x.startswith("- Scenario"))
    assert "no public address is set for this dashboard" in line
    link = line.rsplit(": ", 1)[1]
    assert link.startswith("?") and "runs_on=gcp" in link
    assert preview == adr.adr(analyse(from_dict({"runs_on": "gcp"}), book), link).rstrip("\n")


def test_export_page_builds_the_link_from_the_public_address(monkeypatch):
    monkeypatch.setenv("REGISTRY_DASHBOARD_PUBLIC_URL", "https://tools.example.com/registry")
    at = open_app({"runs_on": "gcp"}, page="pages/export.py")
    assert not at.exception
    preview = at.code[-1].value
    link = preview.split("Scenario (reopens every input and figure): ")[1].split("\n")[0]
    assert link.startswith("https://tools.example.com/registry/?") and "runs_on=gcp" in link
    assert not [i for i in at.info if "No public address" in i.value]


def test_every_chart_offers_png_and_svg():
    at = open_app()
    labels = [b.proto.label for b in at.get("download_button")]
    assert "PNG 1920×1080" in labels and "SVG" in labels
    spec = at.get("plotly_chart")[0].proto
    assert '"width": 1920' in spec.config or '"width":1920' in spec.config
