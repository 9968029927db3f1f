"""A plotly chart with its exports: the toolbar's image button at slide size, and PNG / SVG
downloads rendered on the server only when clicked."""
from __future__ import annotations

import re

import streamlit as st

from lib import export
from lib.palette import TEXT


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "chart"


def _readable(fig) -> None:
    """Chart text at 4.5:1 contrast or better: Streamlit's chart theme draws ticks and legends
    in a light grey (about 3.7:1 on white); explicit colours win over the theme."""
    fig.update_layout(font_color=TEXT, legend_font_color=TEXT, title_font_color=TEXT)
    fig.update_xaxes(tickfont_color=TEXT, title_font_color=TEXT)
    fig.update_yaxes(tickfont_color=TEXT, title_font_color=TEXT)


def _labels_that_fit(fig) -> None:
    """Totals above stacked bars, drawn so that plotly hides a label wider than its bar: on a
    narrow screen ("$2,88$2,885.97") they would overlap. A text-only scatter cannot do that; the
    text of a zero-height bar stacked on top can (uniformtext "hide")."""
    if fig.layout.barmode != "stack":
        return
    texts = [t for t in fig.data if t.type == "scatter" and t.mode == "text"]
    if not texts:
        return
    fig.data = tuple(t for t in fig.data if t not in texts)
    for t in texts:
        fig.add_bar(x=t.x, y=[1e-9] * len(t.x), text=t.text, textposition="outside", cliponaxis=False, name=t.name,
                    marker_color="rgba(0,0,0,0)", showlegend=False, hoverinfo="skip", textfont=dict(color=TEXT))
    fig.update_layout(uniformtext=dict(mode="hide", minsize=10))


def show(fig, key: str, name: str, subtitle: str = "") -> None:
    filename = _slug(name)
    _readable(fig)
    _labels_that_fit(fig)
    st.plotly_chart(fig, width="stretch", key=key, config={
        "toImageButtonOptions": {"format": "png", "width": 1920, "height": 1080, "filename": filename}})
    ok = export.renderer_available()
    why = None if ok else "Needs Chromium on the server (apt-get install chromium)."
    c1, c2, _ = st.columns([1, 1, 2])
    c1.download_button("PNG 1920×1080", data=lambda: export.image(export.slide_figure(fig, subtitle), "png"), file_name=f"{filename}.png",
                       mime="image/png", key=f"{key}_png", disabled=not ok, help=why, on_click="ignore",
                       icon=":material/download:", width="stretch")
    c2.download_button("SVG", data=lambda: export.image(export.slide_figure(fig, subtitle), "svg"), file_name=f"{filename}.svg",
                       mime="image/svg+xml", key=f"{key}_svg", disabled=not ok, help=why, on_click="ignore",
                       icon=":material/download:", width="stretch")
