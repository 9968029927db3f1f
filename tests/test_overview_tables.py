"""The Overview's two tables are built as one frame each from their columns (issue 29, third and fourth
rounds): what reaches the browser must be the Arrow bytes the plain pandas pipeline makes (a frame from
rows, then assign / money.convert / a column selection), worked out here the slow way from the same analysis."""

import datetime as dt

import pandas as pd
import pytest
from streamlit import dataframe_util

from lib.analyses.analysis import analyse
from lib.core import i18n
from lib.pricing import components, labels
from tests.apphelpers import EKS_LINK, open_app
from ui import table
from ui.resources import price_book


def _rows_totals(e, other, setup) -> pd.DataFrame:
    rows = []
    for rank, r in enumerate(e.ranked(), start=1):
        cats = r.by_category()
        rows.append(
            {
                "rank": rank,
                "registry": r.name,
                "monthly_cost": r.monthly_cost,
                "other_cost": other.get(r.id, float("nan")),
                "setup": setup.get(r.id, ""),
                "largest_part": max(cats, key=lambda k: cats[k]) if r.monthly_cost > 0 else "-",
            }
        )
    df = pd.DataFrame(rows)
    df = df.assign(largest_part=df["largest_part"].map(lambda c: i18n._(labels.CATEGORIES.get(c, "None"))))
    df = df.assign(**{c: df[c].map(labels.shown) for c in ("monthly_cost", "other_cost")})
    return df[["rank", "registry", "monthly_cost", "other_cost", "setup", "largest_part"]]


def _rows_parts(e, book) -> pd.DataFrame:
    df = pd.DataFrame(
        [
            {
                "registry": r.name,
                "component": c.name,
                "category": c.category,
                "quantity": c.quantity,
                "unit": c.unit,
                "unit_price": c.price,
                "monthly_cost": c.monthly_cost,
                "source": book.prices[c.price_key].source if c.price_key in book.prices else i18n._("your input"),
            }
            for r in e.ranked()
            for c in r.components
        ]
    )
    df = df.assign(
        category=df["category"].map(lambda c: i18n._(labels.CATEGORIES[c])),
        quantity=[labels.quantity(q, components.unit_text(u)) for q, u in zip(df["quantity"], df["unit"], strict=True)],
        unit_price=df["unit_price"].map(labels.unit_price),
        source=df["source"].map(lambda s: s if s.startswith("http") else ""),
        monthly_cost=df["monthly_cost"].map(labels.shown),
    ).drop(columns=["unit"])
    return df


def _bytes(df: pd.DataFrame) -> bytes:
    return dataframe_util.convert_arrow_table_to_arrow_bytes(table.arrow(df))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_overview_sends_the_pandas_pipelines_bytes(lang):
    link = {**EKS_LINK, **({"lang": "ko", "krw_rate": "1400", "krw_date": "2026-11-20"} if lang == "ko" else {})}
    at = open_app(link)
    assert not at.exception
    sent = [d.proto.arrow_data.data for d in at.dataframe]
    book = price_book()
    with i18n.using(lang, i18n.Krw(1400.0, dt.date(2026, 11, 20)) if lang == "ko" else None):
        a = analyse(at.session_state["wl__canonical"], book)
        e = a.shown
        want = [_bytes(_rows_totals(e, a.other_view_totals(), a.setup_words())), _bytes(_rows_parts(e, book))]
    # each table twice: the desktop's form and the phone's, the same Arrow table (ui/table.show_both)
    assert len(sent) == 4 and sent == [want[0], want[0], want[1], want[1]]
    if lang == "ko":  # in won: the amounts the pipeline converted are not the dollars
        with i18n.using("en"):
            assert _bytes(_rows_totals(e, a.other_view_totals(), a.setup_words())) != want[0]
