"""A plotly chart with its exports: the toolbar's image button at slide size, and PNG / SVG
downloads rendered on the server only when clicked."""
from __future__ import annotations

import re

import streamlit as st

from lib import export


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "chart"


def show(fig, key: str, name: str, subtitle: str = "") -> None:
    filename = _slug(name)
    st.plotly_chart(fig, width="stretch", key=key, config={
        "toImageButtonOptions": {"format": "png", "width": 1920, "height": 1080, "filename": filename}})
    ok = export.renderer_available()
    why = None if ok else "Needs Chromium on the server (apt-get install chromium)."
    c1, c2, _ = st.columns([1, 1, 4])
    c1.download_button("⬇️ PNG 1920×1080", data=lambda: export.image(export.slide_figure(fig, subtitle), "png"), file_name=f"{filename}.png",
                       mime="image/png", key=f"{key}_png", disabled=not ok, help=why, on_click="ignore")
    c2.download_button("⬇️ SVG", data=lambda: export.image(export.slide_figure(fig, subtitle), "svg"), file_name=f"{filename}.svg",
                       mime="image/svg+xml", key=f"{key}_svg", disabled=not ok, help=why, on_click="ignore")
