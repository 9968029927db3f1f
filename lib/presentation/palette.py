"""Colours shared by every picture the product makes: the app's charts, PNG/SVG exports and
the deck's native charts. One registry keeps one colour everywhere, and so does one cost
component, so a reviewer can read a slide with the app's legend in mind.

Registries use the Okabe-Ito palette (safe for the common colour-vision deficiencies), with
grey for the S3 baseline, which is not a registry. Components use Paul Tol's "bright" scheme.
"""

from __future__ import annotations

from ..pricing.registries import SPECS

# each registry's colour is part of its identity (its SPEC's chart)
REGISTRY_COLOURS: dict[str, str] = {rid: s.chart.colour for rid, s in SPECS.items()}

CATEGORY_COLOURS: dict[str, str] = {
    "storage": "#4477AA",
    "transfer": "#CCBB44",
    "network": "#EE6677",
    "plan": "#228833",
    "scanning": "#66CCEE",
    "compute": "#AA3377",
    "operations": "#BBBBBB",
}

# Text on white must reach 4.5:1 contrast (WCAG AA): axis ticks, labels, captions.
TEXT = "#333333"
MUTED_TEXT = "#555555"
