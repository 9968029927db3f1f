"""Slide geometry, fonts and text measuring (how many lines a text takes at a size and width),
and the text boxes, paragraphs and runs every slide is written with."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR
from pptx.util import Inches, Pt

from ...core import i18n
from ...presentation.palette import MUTED_TEXT, TEXT

if TYPE_CHECKING:  # python-pptx's classes, for annotations only
    from pptx.presentation import Presentation as Pres
    from pptx.shapes.autoshape import Shape
    from pptx.slide import Slide
    from pptx.text.text import TextFrame, _Paragraph


# (text, bold, link) runs of one paragraph
Runs = Iterable[tuple[str, bool, str]]
# a sources-slide paragraph: (kind, a line of text or a page's (text, url, as-of, items), font size)
Block = tuple[str, Any, int]

SLIDE_W, SLIDE_H = 13.333, 7.5  # inches: PowerPoint's 16:9
MARGIN = 0.6
CONTENT_W = SLIDE_W - 2 * MARGIN
BODY_TOP, BODY_BOTTOM = 1.95, 6.85
FONT = "Arial"  # in every PowerPoint; LibreOffice substitutes a metric-compatible or wider face
# Hangul (and any East Asian text) on every run: Arial has none, and a renderer without a font for
# the script draws boxes. Debian's fonts-noto-cjk; PowerPoint falls back to its own Korean font.
EA_FONT = "Noto Sans CJK KR"
# A Korean deck is opened in PowerPoint on Windows or a Mac (issue 28): 맑은 고딕 (Malgun Gothic) comes with
# Windows and with Office for Mac, so its Hangul reads as a Korean office expects; a machine without it
# (LibreOffice on Linux, as the tests render it) falls back to a Hangul face it has (fonts-noto-cjk).
KOREAN_EA_FONT = "맑은 고딕"
KOREAN_LANG = "ko-KR"  # each run marked Korean: spelling, line breaking and font choice follow it


def ea_font() -> str:
    """The East Asian typeface of this run's deck: 맑은 고딕 in Korean, Noto Sans CJK KR otherwise."""
    return KOREAN_EA_FONT if i18n.lang() == "ko" else EA_FONT


BODY_PT, SMALL_PT, FOOT_PT = 16, 12, 10
# Average glyph width as a share of the font size, for DejaVu Sans (the widest face a renderer
# may substitute): text is laid out for it, so a narrower font only leaves more room.
CHAR_EM = 0.58
LINE = 1.2  # line height as a multiple of the font size
# Hangul is full width (1 em, 1.7x an average Latin glyph) and Noto CJK's lines are taller (1.45 em)
WIDE_EM = 1.0
LINE_WIDE = 1.45


# ---- colours and text ----------------------------------------------------------------


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _length(word: str) -> float:
    """A word's width in average Latin glyphs: a Hangul syllable counts as WIDE_EM / CHAR_EM of them."""
    return len(word) + sum(WIDE_EM / CHAR_EM - 1 for ch in word if _wide(ch))


def line_height(text: str) -> float:
    """A line's height as a multiple of the font size: taller when the text has Hangul."""
    return LINE_WIDE if any(_wide(ch) for ch in text) else LINE


def lines_needed(text: str, pt: float, width_in: float) -> int:
    """Wrapped lines a paragraph takes at `pt` in a box `width_in` wide (word wrap, estimated)."""
    per_line = max(10, int(width_in * 72 / (pt * CHAR_EM)))
    n, line = 1, 0.0
    for word in text.split():
        size = _length(word)
        if line and line + 1 + size > per_line:
            n, line = n + 1, size
        else:
            line += (1 if line else 0) + size
    return n


def height_needed(paragraphs: Iterable[tuple[str, float]], width_in: float, space_pt: float = 6) -> float:
    """Inches a list of (text, pt) paragraphs takes, with `space_pt` after each."""
    return sum(lines_needed(t, pt, width_in) * pt * line_height(t) / 72 + space_pt / 72 for t, pt in paragraphs) + 0.15


def _font(font: Any, size: Any = None, bold: bool | None = None) -> None:
    """A run's or a chart's font: Arial for Latin, EA_FONT for Hangul (the `a:ea` typeface, which
    python-pptx does not set; it goes right after `a:latin`, where the schema wants it)."""
    from pptx.oxml.ns import qn

    if size is not None:
        font.size = size
    if bold is not None:
        font.bold = bold
    font.name = FONT
    rpr = font._rPr
    ea = rpr.find(qn("a:ea"))
    if ea is None:
        from lxml import etree

        ea = etree.SubElement(rpr, qn("a:ea"))
        rpr.find(qn("a:latin")).addnext(ea)
    ea.set("typeface", ea_font())
    if i18n.lang() == "ko":
        rpr.set("lang", KOREAN_LANG)
        rpr.set("altLang", "en-US")


def _box(slide: Slide, left: float, top: float, width: float, height: float, name: str = "Text") -> Shape:
    shape = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    shape.name = name
    tf = shape.text_frame
    tf.word_wrap = True
    tf.auto_size = None
    for side in ("left", "right"):
        setattr(tf, f"margin_{side}", Inches(0.05))
    tf.margin_top = tf.margin_bottom = Inches(0.03)
    return shape


def _para(
    tf: TextFrame,
    text: str,
    pt: float,
    bold: bool = False,
    colour: str = TEXT,
    first: bool = False,
    space_after: float = 6,
    link: str = "",
    align: Any = None,
) -> _Paragraph:
    p = tf.paragraphs[0] if first else tf.add_paragraph()
    run = p.add_run()
    run.text = text
    f = run.font
    _font(f, Pt(pt), bold)
    f.color.rgb = _rgb(colour)
    if link:
        run.hyperlink.address = link
        f.color.rgb = _rgb("#0B5CAD")
        f.underline = True
    p.space_after = Pt(space_after)
    p.line_spacing = 1.0
    if align is not None:
        p.alignment = align
    return p


def _runs(tf: TextFrame, parts: Runs, pt: float, first: bool = False, space_after: float = 6) -> _Paragraph:
    """One paragraph of (text, bold, link) runs."""
    p = tf.paragraphs[0] if first else tf.add_paragraph()
    for text, bold, link in parts:
        run = p.add_run()
        run.text = text
        f = run.font
        _font(f, Pt(pt), bold)
        f.color.rgb = _rgb("#0B5CAD" if link else TEXT)
        if link:
            run.hyperlink.address = link
            f.underline = True
    p.space_after = Pt(space_after)
    return p


def _slide(prs: Pres, title: str, subtitle: str = "") -> Slide:
    """A blank slide with its title (28 pt on one line, else 22 pt on two) and an optional
    subtitle below it, both sized so they end above the body (BODY_TOP)."""
    slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank: no 4:3 placeholders
    pt = 28 if lines_needed(title, 28, CONTENT_W) == 1 else 22
    title_h = lines_needed(title, pt, CONTENT_W) * pt * line_height(title) / 72 + 0.12
    tf = _box(slide, MARGIN, 0.4, CONTENT_W, title_h, "Title").text_frame
    tf.vertical_anchor = MSO_ANCHOR.TOP
    _para(tf, title, pt, bold=True, first=True, space_after=0)
    if subtitle:
        top = 0.4 + title_h + 0.02
        room = BODY_TOP - 0.05 - top
        sub_pt = next((p for p in (14, 13, 12) if height_needed([(subtitle, p)], CONTENT_W, 0) <= room), 12)
        tf = _box(slide, MARGIN, top, CONTENT_W, max(room, 0.3), "Subtitle").text_frame
        _para(tf, subtitle, sub_pt, colour=MUTED_TEXT, first=True, space_after=0)
    return slide


def _footer(slide: Slide, text: str) -> None:
    tf = _box(slide, MARGIN, 7.02, CONTENT_W, 0.3, "Footnote").text_frame
    _para(tf, text, FOOT_PT, colour=MUTED_TEXT, first=True, space_after=0)
