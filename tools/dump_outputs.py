"""Dump the English output of the CLI for every preset to a folder, so two checkouts can be diffed.

    python tools/dump_outputs.py OUT_DIR

For every preset in data/presets/: `estimate` (table, json, csv), `recommend` (text, json) and
`export` (ADR, CSV, JSON, XLSX cell values, deck slide texts). The deck is compared by the text of
its slides (python-pptx), not by its bytes: the zip carries timestamps. Runs the CLI as a user
would (`python -m lib ...`), so it measures the same thing whatever the package layout inside lib/.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> str:
    p = subprocess.run(
        [sys.executable, "-m", "lib", *args, "--lang", "en"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    return f"exit {p.returncode}\n--- stdout\n{p.stdout}--- stderr\n{p.stderr}"


def _deck_text(path: Path) -> str:
    from pptx import Presentation

    out = []
    for i, slide in enumerate(Presentation(str(path)).slides, 1):
        out.append(f"=== slide {i} ({slide.slide_layout.name})")
        for shape in slide.shapes:
            out.append(f"-- {shape.shape_type} {shape.name} {shape.left},{shape.top},{shape.width},{shape.height}")
            if shape.has_text_frame:
                out.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                for row in shape.table.rows:
                    out.append(" | ".join(c.text for c in row.cells))
            if getattr(shape, "has_chart", False) and shape.has_chart:
                ch = shape.chart
                out.append(f"chart {ch.chart_type} cats={list(ch.plots[0].categories) if ch.plots else []}")
                for s in ch.series:
                    out.append(f"  {s.name}: {list(s.values)}")
        if slide.has_notes_slide:
            out.append("notes: " + slide.notes_slide.notes_text_frame.text)
    return "\n".join(out) + "\n"


def _xlsx_text(path: Path) -> str:
    from openpyxl import load_workbook

    out = []
    for ws in load_workbook(path).worksheets:
        out.append(f"=== {ws.title}")
        for row in ws.iter_rows(values_only=True):
            out.append(" | ".join("" if v is None else str(v) for v in row))
    return "\n".join(out) + "\n"


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for preset in sorted((ROOT / "data" / "presets").glob("*.yaml")):
        name = preset.stem
        for fmt in ("table", "json", "csv"):
            (out / f"{name}.estimate.{fmt}").write_text(_run("estimate", str(preset), "--format", fmt))
        for fmt in ("text", "json"):
            (out / f"{name}.recommend.{fmt}").write_text(_run("recommend", str(preset), "--format", fmt))
        with tempfile.TemporaryDirectory() as tmp:
            t = Path(tmp)
            files = {k: t / f"out.{k}" for k in ("pptx", "xlsx", "csv", "json", "adr")}
            log = _run(
                "export",
                str(preset),
                *[a for k, p in files.items() for a in (f"--{k}", str(p))],
                "--link",
                "https://example.test/?s=1",
            )
            (out / f"{name}.export.log").write_text(log.replace(tmp, "TMP"))
            for k in ("csv", "json", "adr"):
                (out / f"{name}.export.{k}").write_bytes(files[k].read_bytes() if files[k].exists() else b"")
            if files["xlsx"].exists():
                (out / f"{name}.export.xlsx.txt").write_text(_xlsx_text(files["xlsx"]))
            if files["pptx"].exists():
                (out / f"{name}.export.pptx.txt").write_text(_deck_text(files["pptx"]))
        print(name, flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
