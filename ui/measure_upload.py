"""Fill the scenario from a registry inventory: upload, see what was measured and from where, apply.

Owns the session-state keys `ms_*`. It keeps the measured result between runs (never the
files' contents), and applying them goes the way a scenario file does (lenient() on top of the
current workload, then workload_inputs.set_workload), so the share link carries the values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from lib import measure
from lib.core import i18n
from lib.core.errors import InputError
from lib.core.i18n import N_, _, ngettext
from lib.inputs.pricebook import PriceBook
from lib.inputs.workload import SPECS, Workload
from lib.pricing import labels

from . import apply_values

PREFIX = "ms_"
FILES = PREFIX + "files"
RESULT = PREFIX + "result"  # (signature of the uploads, Result or None, problems)
APPLIED = PREFIX + "applied"  # signature of the uploads last applied
RESULT_LANG = PREFIX + "result_lang"  # the language the result's notes and problems were written in
KEEP = PREFIX + "keep"
Signature = tuple[tuple[str, str, int], ...]  # (file id, name, size) of each upload: what was measured
MAX_UPLOAD_MB = 100  # per file and for all files together, as the server's cap (.streamlit/config.toml): measuring
# peaks at ~4x what is uploaded, and a pod has 1 GiB (deploy/k8s); scenario files stay at 1 MB

HOW_TO = N_("""\
# Amazon ECR: every repository's images, one listing after the other in one file
for r in $(aws ecr describe-repositories --query 'repositories[].repositoryName' --output text); do
  aws ecr describe-images --repository-name "$r" --output json; done > ecr-images.json

# Any registry: raw manifests in a REPOSITORY/TAG.json tree, zipped
crane manifest REGISTRY/REPOSITORY:TAG > REPOSITORY/TAG.json   # or: skopeo inspect --raw docker://...
zip -r manifests.zip REPOSITORY/

# Docker Hub: the tags pages of a repository
curl -s "https://hub.docker.com/v2/namespaces/NS/repositories/REPO/tags?page_size=100" > REPO-tags.json

# GitHub Container Registry: the versions of a package (sizes come from its manifests, if added)
gh api --paginate /orgs/ORG/packages/container/NAME/versions > NAME.json

# Pulls from Amazon ECR: daily pull counts of a repository over 30 days
aws cloudwatch get-metric-statistics --namespace AWS/ECR --metric-name RepositoryPullCount \\
  --dimensions Name=RepositoryName,Value=REPOSITORY --statistics Sum --period 86400 \\
  --start-time $(date -u -d '30 days ago' +%FT%TZ) --end-time $(date -u +%FT%TZ) > REPOSITORY-pulls.json

# Where ECR pulls come from: CloudTrail's image pulls, and AWS's address ranges to tell regions apart
aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=BatchGetImage \\
  --query '{Records: Events[].CloudTrailEvent}' --output json \\
  | jq '{Records: [.Records[] | fromjson]}' > pulls-trail.json
curl -sO https://ip-ranges.amazonaws.com/ip-ranges.json

# Pulls from Docker Hub: Docker Hub > Usage > Pulls > Download (a CSV of the organisation's pulls)
""")  # shown translated: the comments are words, the commands stay as they are

_MD = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:])")


def plain(text: str) -> str:
    """File names and messages from the user's files, shown as text: Markdown characters escaped."""
    return _MD.sub(r"\\\1", text)


def _signature(files: Sequence[UploadedFile] | None) -> Signature:
    return tuple((f.file_id, f.name, f.size) for f in files or ())


def _measure(files: Sequence[UploadedFile]) -> tuple[Signature, measure.Result | None, list[str]]:
    sig = _signature(files)
    cached: tuple[Signature, measure.Result | None, list[str]] | None = st.session_state.get(RESULT)
    if cached and cached[0] == sig and st.session_state.get(RESULT_LANG) == i18n.lang():
        return cached  # measured in another language: measured again, so its notes read in this one
    with st.spinner(
        ngettext("Measuring {count} file...", "Measuring {count} files...", len(files)).format(count=len(files))
    ):
        try:
            result, problems = (
                measure.measure(
                    measure.sources_from_uploads(
                        zip(distinct_names([f.name for f in files]), (f.getvalue() for f in files), strict=True),
                        max_total=MAX_UPLOAD_MB * measure.MB,
                    )
                ),
                [],
            )
        except InputError as e:
            result, problems = None, e.problems
    st.session_state[RESULT] = out = (sig, result, problems)
    st.session_state[RESULT_LANG] = i18n.lang()
    st.session_state.pop(KEEP, None)  # a new inventory gets its own suggestion, not the last one's
    return out


def _apply(values: dict[str, Any], sig: Signature) -> None:
    """Callback: before the next run, like share._on_upload, so the widgets may be set."""
    apply_values.set_values(values, _("Measured: "))
    st.session_state[APPLIED] = sig
    st.toast(_("Applied the measured values to the scenario"))


def distinct_names(names: list[str]) -> list[str]:
    """Two uploads with one name (from two folders) are two files: the second is "name (2).json" (the
    extension kept: a zip is opened by its name), so "Files read" lists both and each problem names
    the one it is about."""
    seen: dict[str, int] = {}
    out = []
    for n in names:
        seen[n] = seen.get(n, 0) + 1
        stem, dot, ext = n.rpartition(".")
        out.append(n if seen[n] == 1 else (f"{stem} ({seen[n]}).{ext}" if dot and stem else f"{n} ({seen[n]})"))
    return out


def _value(name: str, v: float) -> str:
    return measure.format_value(name, v)


def show(w: Workload, book: PriceBook) -> None:
    files = st.file_uploader(
        _("Inventory files"),
        type=["json", "zip", "csv"],
        accept_multiple_files=True,
        key=FILES,
        max_upload_size=MAX_UPLOAD_MB,
        help=_(
            "AWS CLI describe-images output, a zip of REPOSITORY/TAG.json manifests, Docker Hub tags pages, "
            "GitHub package versions; for pulls, CloudWatch's `RepositoryPullCount`, CloudTrail's pull events with "
            "AWS's ip-ranges.json, or Docker Hub's pull usage CSV. Several at once are combined, up to {max} MB "
            "in all."
        ).format(max=MAX_UPLOAD_MB),
    )
    if not files:
        st.caption(_("Export what your registry already knows (a minute per registry), then upload the files:"))
        st.code(_(HOW_TO), language="bash", wrap_lines=True)  # a phone reads the comments whole (issue 28)
        return
    sig, result, problems = _measure(files)
    if problems or result is None:  # None only with problems: nothing was measured
        st.error(
            ngettext(
                "These files could not be used, so nothing was measured or applied ({count} problem):",
                "These files could not be used, so nothing was measured or applied ({count} problems):",
                len(problems),
            ).format(count=len(problems)),
            icon=":material/error:",
        )
        st.code("\n".join(problems), language=None, wrap_lines=True)
        return

    values = result.values()
    st.subheader(_("What your registry says"))
    # the columns keep their English names (what tests and copies of the data see); the headers are translated
    rows = [
        {
            "Input": _(measure.FIELD_WORDS[m.field]),
            "Measured": _value(m.field, m.value),
            "Now": _value(m.field, getattr(w, m.field)),
            "From": m.source,
            "How": m.how,
        }
        for m in result.measured
    ]
    st.dataframe(
        pd.DataFrame(rows),
        hide_index=True,
        width="stretch",
        column_config={
            "Input": st.column_config.TextColumn(_("Input"), width="medium"),
            "Measured": st.column_config.TextColumn(_("Measured"), width="small"),
            "Now": st.column_config.TextColumn(_("Now"), width="small", help=_("In the scenario now")),
            "From": st.column_config.TextColumn(_("From"), width="large"),
            "How": st.column_config.TextColumn(_("How"), width="large"),
        },
    )
    for partial in result.partial:
        st.warning(plain(partial), icon=":material/warning:")
    pulls_read = any(
        n in measure.PULL_FIELDS for n in [m.field for m in result.measured] + [n for n, _w in result.not_measured]
    )
    if result.not_measured:
        st.caption(
            (
                _("Not measured, kept as they are: {fields}. Plans are never in these files: set them in the sidebar.")
                if pulls_read
                else _(
                    "Not measured, kept as they are: {fields}. Pulls, where pulls come from and plans are never in "
                    "an inventory: set them in the sidebar."
                )
            ).format(
                fields="; ".join(
                    plain(f"{_(measure.FIELD_WORDS[n]).lower()} ({why})") for n, why in result.not_measured
                )
            )
        )
    for note in result.notes:
        st.caption(":material/info: " + plain(note))
    with st.expander(_("Files read ({count})").format(count=len(result.files)), icon=":material/description:"):
        st.dataframe(
            pd.DataFrame(result.files, columns=["File", "Read as"]),
            hide_index=True,
            width="stretch",
            column_config={"File": _("File"), "Read as": _("Read as")},
        )

    applied = st.session_state.get(APPLIED) == sig and all(getattr(w, k) == v for k, v in values.items())
    apply_values.apply_button(PREFIX + "apply", _apply, (values, sig), applied)

    _lifecycle(result.workload(w), book)


def _lifecycle(mw: Workload, book: PriceBook) -> None:
    st.subheader(_("What a lifecycle rule would save"))
    kept = mw.versions_kept
    default = max(1, min(10, kept - 1)) if kept > 1 else 1
    if KEEP not in st.session_state:
        st.session_state[KEEP] = default
    keep = st.columns([1, 3])[0].number_input(
        _("Keep this many versions per repository"),
        min_value=1,
        max_value=int(SPECS["versions_kept"].max or 1_000),
        step=1,
        key=KEEP,
    )
    if keep >= kept:
        st.markdown(
            ngettext(
                "These repositories keep {kept} version each: a rule keeping {keep} would delete nothing.",
                "These repositories keep {kept} versions each: a rule keeping {keep} would delete nothing.",
                kept,
            ).format(kept=kept, keep=keep)
        )
        return
    s = measure.lifecycle_saving(mw, keep, book, "ecr")
    smallest = 1 / labels.amount(1) if i18n.krw() else 0.01  # one won, or one cent, in dollars
    saved = (
        _("{amount} a month").format(amount=labels.money(s.dollars))
        if s.dollars >= smallest / 2
        else _("under {amount} a month").format(amount=labels.money(smallest))
    )
    st.metric(
        ngettext(
            "Keeping {keep} version instead of {kept} in {registry} saves",
            "Keeping {keep} versions instead of {kept} in {registry} saves",
            keep,
        ).format(keep=keep, kept=kept, registry=s.registry),
        saved,
        delta=_("{gb} GB less stored").format(gb=labels.number(s.gb, 2)),
        delta_color="off",
        delta_arrow="off",
    )
    st.caption(
        ngettext(
            "Priced by the same engine as every other figure, on the measured scenario ({count} repository "
            "of {size} MB images, {shared} shared layers) at {region} prices.",
            "Priced by the same engine as every other figure, on the measured scenario ({count} repositories "
            "of {size} MB images, {shared} shared layers) at {region} prices.",
            mw.repositories,
        ).format(
            count=labels.number(mw.repositories),
            size=labels.number(mw.image_size_mb, 2),
            shared=labels.percent(mw.shared_layer_fraction),
            region=labels.choice("region", mw.region),
        )
    )
