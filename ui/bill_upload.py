"""Your bill: upload a cloud bill, see the model against it component by component, apply the inputs it measures.

Owns the session-state keys `bl_*`. It keeps the bill's sums between runs (never the files' contents);
applying goes the way "Measure my registry" does (lenient() on top of the current workload, then
workload_inputs.set_workload), so the share link carries the values, never the files. Shared lines
(a NAT gateway, endpoints, EC2 transfer) count only at the share the user types: the box starts empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from lib import bill
from lib.bill import words
from lib.bill.compare import Comparison
from lib.bill.reader import Bill
from lib.bill.section import Section, section
from lib.core import i18n
from lib.core.errors import InputError
from lib.core.i18n import N_, _, ngettext
from lib.inputs.pricebook import PriceBook
from lib.inputs.workload import PERCENT_FIELDS, SPECS, Workload
from lib.pricing import labels, registries
from lib.pricing.components import unit_text

from . import apply_values
from .measure_upload import plain

PREFIX = "bl_"
FILES = PREFIX + "files"
RESULT = PREFIX + "result"  # (signature of the uploads, Bill or None, problems)
RESULT_LANG = PREFIX + "result_lang"
APPLIED = PREFIX + "applied"  # (signature, values) last applied
KEPT = PREFIX + "kept"  # (Bill, shares, provider) of the bill applied: the deck's and the ADR's section
PROVIDER = PREFIX + "provider"
MAX_UPLOAD_MB = 100  # the server's cap (.streamlit/config.toml); the CLI reads up to 1 GB a file, streamed

HOW_TO = N_("""\
# AWS: Billing and Cost Management > Data Exports > Create: "Standard data export" (CUR 2.0) or
# "FOCUS 1.0 with AWS columns"; then download one month's files (CSV, gzip or Parquet)
aws s3 cp s3://BUCKET/PREFIX/data/BILLING_PERIOD=2026-11/ . --recursive

# Azure: Cost Management > Exports > "Cost and usage (FOCUS)"; Google Cloud: the FOCUS view of the
# BigQuery billing export, saved as CSV

# GitHub: Billing and licensing > Usage > Get usage report (CSV by email)
""")

PROVIDER_WORDS = {"aws": "AWS", "azure": "Microsoft Azure", "gcp": "Google Cloud", "github": "GitHub"}


Signature = tuple[tuple[str, str, int], ...]  # the uploads' ids, names and sizes


def _signature(files: Sequence[UploadedFile] | None) -> Signature:
    return tuple((f.file_id, f.name, f.size) for f in files or ())


def _read(files: Sequence[UploadedFile]) -> tuple[Signature, Bill | None, list[str]]:
    sig = _signature(files)
    cached = st.session_state.get(RESULT)
    if cached and cached[0] == sig and st.session_state.get(RESULT_LANG) == i18n.lang():
        return cached[0], cached[1], list(cached[2])
    with st.spinner(
        ngettext("Reading {count} bill file...", "Reading {count} bill files...", len(files)).format(count=len(files))
    ):
        try:
            result, problems = bill.read([bill.Input(f.name, data=f.getvalue()) for f in files]), []
        except InputError as e:
            result, problems = None, e.problems
    st.session_state[RESULT] = (sig, result, problems)
    st.session_state[RESULT_LANG] = i18n.lang()
    sig_, result_, problems_ = st.session_state[RESULT]
    return sig_, result_, list(problems_)


Kept = tuple[Bill, dict[str, float | None], str]


def applied_bill(w: Workload, book: PriceBook) -> Section | None:
    """The bill that was applied, held against the scenario `w` (the Export page's deck and ADR), or None."""
    kept: Kept | None = st.session_state.get(KEPT)
    if kept is None:
        return None
    b, shares, provider = kept
    return section(b, w, book, shares, provider)


def _apply(values: dict[str, Any], sig: Signature, kept: Kept) -> None:
    """Callback: before the next run, like share._on_upload, so the widgets may be set."""
    apply_values.set_values(values, _("From the bill: "))
    st.session_state[APPLIED] = (sig, values)
    st.session_state[KEPT] = kept
    st.toast(_("Applied the inputs the bill measures to the scenario"))


def value_text(name: str, v: object) -> str:
    if name in PERCENT_FIELDS:
        return labels.percent(float(v), 1)  # type: ignore[arg-type]
    if SPECS[name].kind == "choice":
        return labels.choice(name, str(v))
    return labels.number(float(v), 1 if name == "pulls_per_month" and float(v) % 1 else 0)  # type: ignore[arg-type]


def _shares(b: Bill) -> dict[str, float | None]:
    groups = bill.shared_groups(b)
    if not groups:
        return {}
    st.subheader(_("Shared lines"))
    st.caption(
        _(
            "A NAT gateway, an interface endpoint or EC2's data transfer carries more than image pulls: the bill "
            "cannot say how much of it is the registry's. Type the share that is; until you do, these lines are "
            "shown but not counted."
        )
    )
    out: dict[str, float | None] = {}
    cols = st.columns(len(groups))
    for col, g in zip(cols, groups, strict=True):
        pct = col.number_input(
            _("{what}: registry share (%)").format(what=_(words.SHARE_WORDS[g])),
            min_value=0.0,
            max_value=100.0,
            value=None,
            step=5.0,
            placeholder=_("not set"),
            key=f"{PREFIX}share_{g}",
        )
        out[g] = None if pct is None else float(pct) / 100
    return out


def _money_or_dash(x: float, shown: bool = True) -> str:
    return labels.money(x) if shown else "—"


def _table(c: Comparison) -> pd.DataFrame:
    rows = []
    for r in c.rows:
        unit = unit_text(r.unit) if r.unit else ""
        unset = r.shared and r.share is None
        rows.append(
            {
                "Component": words.kind(r.kind) + (" " + _("(shared)") if r.shared else ""),
                "Model": f"{labels.number(r.model_quantity, 2)} {unit}".strip(),
                "Model price": labels.unit_price(r.model_price) if r.model_quantity else "—",
                "Model cost": labels.money(r.model_cost),
                "Bill": f"{labels.number(r.bill_total_quantity if unset else r.bill_quantity, 2)} {unit}".strip(),
                "Bill price": labels.unit_price(r.bill_price) if r.bill_total_quantity else "—",
                "Bill cost": (
                    _("{cost} (not counted)").format(cost=labels.money(r.bill_total_cost))
                    if unset
                    else labels.money(r.bill_cost)
                ),
                "Difference": "—" if unset else labels.signed_money(r.difference),
                "Likely cause": words.causes(r),
                "Bill lines": ", ".join(words.text(u, 60) for u in r.usages),
            }
        )
    return pd.DataFrame(rows)


def show(w: Workload, book: PriceBook) -> None:
    files = st.file_uploader(
        _("Bill files"),
        type=["csv", "gz", "parquet"],
        accept_multiple_files=True,
        key=FILES,
        max_upload_size=MAX_UPLOAD_MB,
        help=_(
            "FOCUS 1.0 or later (AWS, Azure, Google Cloud), AWS CUR 2.0 or legacy CUR (CSV, gzip, Parquet), GitHub's "
            "usage report. One month is best; several files are added together, up to {max} MB each."
        ).format(max=MAX_UPLOAD_MB),
    )
    if not files:
        st.caption(_("Export a month of the bill (a few minutes, once), then upload it:"))
        st.code(_(HOW_TO), language="bash", wrap_lines=True)  # a phone reads the comments whole (issue 28)
        return
    sig, b, problems = _read(files)
    if problems:
        st.error(
            ngettext(
                "These files could not be used, so nothing was compared or applied ({count} problem):",
                "These files could not be used, so nothing was compared or applied ({count} problems):",
                len(problems),
            ).format(count=len(problems)),
            icon=":material/error:",
        )
        st.code("\n".join(words.text(p, 400) for p in problems), language=None, wrap_lines=True)
        return
    if b is None:  # a read with no problem always gives a bill
        return
    st.caption(
        _("Read {rows:,} rows, kept {kept:,} that price a registry or its network. Billing period: {period}.").format(
            rows=b.rows(), kept=b.kept(), period=words.period(b)
        )
    )
    providers = b.providers
    if not providers:
        st.warning(
            _(
                "No line in these files prices a registry or its network (ECR, NAT gateways, endpoints, data transfer, "
                "ACR, Artifact Registry, GitHub Packages)."
            ),
            icon=":material/info:",
        )
        _files(b)
        return
    provider = providers[0]
    if len(providers) > 1:
        provider = st.radio(
            _("Compare the lines of"),
            providers,
            format_func=lambda p: PROVIDER_WORDS.get(p, p),
            horizontal=True,
            key=PROVIDER,
        )
    shares = _shares(b)
    c = bill.compare(b, w, book, shares, provider)
    st.subheader(_("{registry}: the model against the bill").format(registry=registries.name(c.registry)))
    m1, m2, m3 = st.columns(3)
    m1.metric(_("Model for the period"), labels.money(c.model_total))
    m2.metric(
        _("Bill for the period"),
        labels.money(c.bill_total),
        delta=labels.signed_money(c.bill_total - c.model_total),
        delta_color="off",
        delta_arrow="off",  # an arrow up beside a negative difference read as a rise in the review
    )
    m3.metric(_("Shared, not counted"), labels.money(c.unattributed))
    st.dataframe(
        _table(c),
        hide_index=True,
        width="stretch",
        column_config={
            "Component": st.column_config.TextColumn(_("Component"), width="medium"),
            "Model": st.column_config.TextColumn(_("Model quantity")),
            "Model price": st.column_config.TextColumn(_("Model unit price")),
            "Model cost": st.column_config.TextColumn(_("Model cost")),
            "Bill": st.column_config.TextColumn(_("Bill quantity")),
            "Bill price": st.column_config.TextColumn(_("Bill unit price")),
            "Bill cost": st.column_config.TextColumn(_("Bill cost")),
            "Difference": st.column_config.TextColumn(_("Difference")),
            "Likely cause": st.column_config.TextColumn(_("Likely cause"), width="large"),
            "Bill lines": st.column_config.TextColumn(_("Bill lines"), width="medium"),
        },
    )
    st.caption(
        _(
            "The model prices the scenario in the sidebar for one {hours:g}-hour month; the bill's costs are what it "
            "billed (BilledCost, unblended cost, net amount). Tax, credits and refunds are not compared."
        ).format(hours=c.book_hours)
    )
    if c.related:
        with st.expander(_("Related lines, not compared ({count})").format(count=len(c.related))):
            st.dataframe(
                pd.DataFrame(
                    [
                        {
                            "Service": words.text(g.service, 60),
                            "Line": words.text(g.usage, 80),
                            "Cost": labels.money(g.cost),
                        }
                        for g in c.related
                    ]
                ),
                hide_index=True,
                width="stretch",
                column_config={"Service": _("Service"), "Line": _("Bill line"), "Cost": _("Cost")},
            )
    _implied(w, c, sig, (b, shares, provider))
    _files(b)


def _files(b: Bill) -> None:
    with st.expander(_("Files read ({count})").format(count=len(b.files)), icon=":material/description:"):
        st.dataframe(
            pd.DataFrame(
                [
                    {"File": words.text(f.name), "Read as": f.format, "Rows read": f.rows, "Rows kept": f.kept}
                    for f in b.files
                ]
            ),
            hide_index=True,
            width="stretch",
            column_config={
                "File": _("File"),
                "Read as": _("Read as"),
                "Rows read": _("Rows read"),
                "Rows kept": _("Rows kept"),
            },
        )


def _implied(w: Workload, c: Comparison, sig: Signature, kept: Kept) -> None:
    st.subheader(_("What the bill measures"))
    if not c.implied:
        st.caption(_("Nothing on this bill measures a scenario input."))
        for note in c.notes:
            st.caption(":material/info: " + plain(note))
        return
    values = c.values()
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "Input": labels.field(i.field),
                    "Measured": value_text(i.field, i.value),
                    "Now": value_text(i.field, getattr(w, i.field)),
                    "How": i.how,
                }
                for i in c.implied
            ]
        ),
        hide_index=True,
        width="stretch",
        column_config={
            "Input": st.column_config.TextColumn(_("Input"), width="medium"),
            "Measured": st.column_config.TextColumn(_("From the bill"), width="small"),
            "Now": st.column_config.TextColumn(_("Now"), width="small", help=_("In the scenario now")),
            "How": st.column_config.TextColumn(_("How"), width="large"),
        },
    )
    for note in c.notes:
        st.caption(":material/info: " + plain(note))
    done: tuple[Signature, ...] | None = st.session_state.get(APPLIED)
    applied = done is not None and bool(done) and done[0] == sig and all(getattr(w, k) == v for k, v in values.items())
    if applied:  # the shares typed since go into the export too
        st.session_state[KEPT] = kept
    apply_values.apply_button(PREFIX + "apply", _apply, (values, sig, kept), applied)
