"""The bill slide: the model held against a cloud bill that was applied."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches

from ...bill import report as bill_report
from ...bill.section import Section
from ...bill.words import SHARE_WORDS, period as bill_period
from ...core.i18n import _
from ...presentation.palette import MUTED_TEXT, TEXT
from ...pricing import registries
from ...pricing.labels import SAME_MONEY, money, percent
from .frame import _Deck
from .layout import (
    BODY_BOTTOM,
    BODY_TOP,
    CONTENT_W,
    MARGIN,
    _box,
    _para,
    _rgb,
    _slide,
    height_needed,
    line_height,
    lines_needed,
)

if TYPE_CHECKING:  # python-pptx's classes, for annotations only
    from pptx.slide import Slide
    from pptx.table import _Cell

Row = tuple[str, str, str, str, str]  # a line of the bill's table: component, model, bill, difference, likely cause

BILL_COLUMNS = (0.18, 0.21, 0.21, 0.12, 0.28)  # the difference's header, bold, on one line
BILL_PTS = (14, 13, 12, 11, 10, 9)
SHORT_PTS = (10, 9, 8)  # with one cause a line: every component, each with several causes, in Korean
CELL_PAD_X, CELL_PAD_Y = 0.06, 0.03
BOLD_EM = 1.1  # a bold glyph is about a tenth wider: "Total for the period" took two lines, not one


def _row_height(row: Sequence[str], widths: Sequence[float], pt: float, bold: bool = False) -> float:
    """Inches a table row takes: its tallest cell, wrapped at `pt` (lines_needed, like every box)."""
    wide = pt * (BOLD_EM if bold else 1)  # bold measured as a larger regular face
    tallest = max(
        lines_needed(t, wide, w - 2 * CELL_PAD_X) * pt * line_height(t) / 72 for t, w in zip(row, widths, strict=True)
    )
    return tallest + 2 * CELL_PAD_Y + 0.02


def bill_notes(bill: Section) -> list[str]:
    c = bill.comparison
    notes = [
        _("Share of the {what} counted as registry traffic: {share}").format(what=_(SHARE_WORDS[k]), share=percent(v))
        for k, v in bill.shares
        if v is not None
    ]
    if c.unattributed > SAME_MONEY:
        notes.append(_("Shared lines not counted against the registry: {cost}").format(cost=money(c.unattributed)))
    return notes


def _bill_subtitle(bill: Section) -> str:
    """Whose bill, for which period, read from which files."""
    return _("{registry}, billing period {period}; files: {files}.").format(
        registry=registries.name(bill.comparison.registry),
        period=bill_period(bill.bill),
        files=bill_report.files_text(bill.bill),
    )


def _fitting_rows(
    head: Row, body: list[Row], total: Row, notes: list[str], widths: list[float]
) -> tuple[list[Row], list[float], int]:
    """The rows, their heights and the type size at which the table and its notes fit above the footer:
    the largest that fits, or the smallest tried. At the smallest sizes a line with several likely causes
    keeps its first (the ADR lists them all)."""
    room = BODY_BOTTOM - BODY_TOP
    shortened = [r[:4] + (r[4].split("; ")[0] + ("; …" if "; " in r[4] else ""),) for r in body]
    tries = [([head, *body, total], pt) for pt in BILL_PTS] + [([head, *shortened, total], pt) for pt in SHORT_PTS]
    for rows, pt in tries:
        heights = [_row_height(r, widths, pt, bold=i in (0, len(rows) - 1)) for i, r in enumerate(rows)]
        notes_h = height_needed([(n, pt) for n in notes], CONTENT_W, 2) if notes else 0.0
        if sum(heights) + notes_h + 0.15 <= room:
            break
    return rows, heights, pt


def _fill_cell(cell: _Cell, value: str, j: int, strong: bool, pt: int) -> None:
    """One cell: the header and the totals bold on grey; the causes (the last column) in muted text; the
    three money columns right-aligned."""
    cell.fill.solid()
    cell.fill.fore_color.rgb = _rgb("#F2F2F2" if strong else "#FFFFFF")
    cell.margin_left = cell.margin_right = Inches(CELL_PAD_X)
    cell.margin_top = cell.margin_bottom = Inches(CELL_PAD_Y)
    cell.vertical_anchor = MSO_ANCHOR.TOP
    tf = cell.text_frame
    tf.word_wrap = True
    _para(
        tf,
        value,
        pt,
        bold=strong,
        colour=TEXT if strong or j != 4 else MUTED_TEXT,
        first=True,
        space_after=0,
        align=PP_ALIGN.RIGHT if j in (1, 2, 3) else None,
    )


def _bill_table(s: Slide, rows: list[Row], heights: list[float], widths: list[float], pt: int) -> None:
    """The table of the bill against the model, at the measured row heights."""
    shape = s.shapes.add_table(
        len(rows), len(rows[0]), Inches(MARGIN), Inches(BODY_TOP), Inches(CONTENT_W), Inches(sum(heights))
    )
    shape.name = "Bill against the model"
    table = shape.table
    table.horz_banding = False
    for j, w_in in enumerate(widths):
        table.columns[j].width = Inches(w_in)
    for i, (row, h) in enumerate(zip(rows, heights, strict=True)):
        table.rows[i].height = Inches(h)
        strong = i in (0, len(rows) - 1)  # the header and the totals
        for j, value in enumerate(row):
            _fill_cell(table.cell(i, j), value, j, strong, pt)


def bill_slide(deck: _Deck, bill: Section) -> None:
    """Today's bill against the model: the bill that was applied, component by component, with the
    totals and the billing period. Text from the file (its name) is put in as plain, one-line text."""
    c = bill.comparison
    s = _slide(deck.prs, bill_report.title(), _bill_subtitle(bill))
    notes = bill_notes(bill)
    widths = [CONTENT_W * f for f in BILL_COLUMNS]
    rows, heights, pt = _fitting_rows(bill_report.header(), bill_report.cells(c), bill_report.total(c), notes, widths)
    _bill_table(s, rows, heights, widths, pt)
    if notes:
        top = BODY_TOP + sum(heights) + 0.15
        tf = _box(s, MARGIN, top, CONTENT_W, BODY_BOTTOM - top, "Bill notes").text_frame
        for k, n in enumerate(notes):
            _para(tf, n, pt, colour=MUTED_TEXT, first=k == 0, space_after=2)
    deck.footer(s)
