"""Files to take away: slide-ready PNG/SVG charts, CSV/XLSX tables, the full result as JSON.

Images are rendered on the server by kaleido 1.x, which drives a Chromium. Its export server
is started once per process, so only the first picture pays Chromium's start-up.
"""

from __future__ import annotations

import copy
import io
import json
import os
import re
import tempfile
import threading
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from ..analyses.analysis import Analysis
from ..core import i18n
from ..core.errors import DashboardError
from ..core.i18n import _
from ..inputs.pricebook import PriceBook
from ..inputs.workload import SPECS
from ..presentation import report, tables, wording
from ..presentation.palette import MUTED_TEXT, TEXT
from ..pricing import labels
from ..pricing.engine import Estimate

SLIDE = {"width": 1920, "height": 1080}
# Plotly's own font list, then a face with Hangul: Chromium (kaleido) tries each family in turn for
# every character, so Latin text looks as before and Korean gets Noto CJK (Debian fonts-noto-cjk)
# instead of boxes or whatever face the system's fallback picks.
FONT_FAMILY = '"Open Sans", verdana, arial, sans-serif, "Noto Sans CJK KR"'
_server_lock = threading.Lock()
_server_started = False
# a slide renders in under 2 s here; a renderer silent for this long is not coming back
RENDER_TIMEOUT_S = 90.0


class ImageExportError(DashboardError, RuntimeError):
    """No picture could be rendered (typically: no Chromium on this machine)."""


def wrap(text: str, width: int = 95, sep: str = " · ") -> list[str]:
    """Split a subtitle into lines of at most about `width` characters, at its separators."""
    lines, line = [], ""
    for part in text.split(sep):
        if line and len(line) + len(sep) + len(part) > width:
            lines.append(line)
            line = part
        else:
            line = f"{line}{sep}{part}" if line else part
    return lines + [line] if line else lines


def slide_figure(fig: Any, subtitle: str = "") -> Any:
    """A copy styled for a slide: 1920x1080, large fonts, white background, the title with the
    scenario on at most two lines below it (a long subtitle ran off the picture's edge)."""
    f = copy.deepcopy(fig)
    parts = (f.layout.title.text or "").split("<br>")
    title = parts[0]
    subtitle = subtitle or " ".join(re.sub(r"</?(?:sup|span)[^>]*>", "", p) for p in parts[1:])
    lines = wrap(subtitle) if subtitle else []
    if lines:
        title += "<br>" + "<br>".join(f"<span style='font-size:26px;color:{MUTED_TEXT}'>{x}</span>" for x in lines)
    f.update_layout(
        template="plotly_white",
        paper_bgcolor="white",
        plot_bgcolor="white",
        font=dict(size=22, color=TEXT, family=FONT_FAMILY),
        title=dict(
            text=title,
            font=dict(size=40, color=TEXT, family=FONT_FAMILY),
            x=0.02,
            y=1 - 40 / SLIDE["height"],
            yanchor="top",
            pad=dict(t=40),
            yref="container",
        ),
        legend=dict(font=dict(size=22, family=FONT_FAMILY)),
        margin=dict(l=130, r=60, t=190 + 40 * len(lines), b=130),
        **SLIDE,
    )
    f.update_annotations(font_size=22)
    f.update_traces(textfont_size=22, selector=dict(mode="text"))
    return f


BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")


def renderer_available() -> bool:
    """Whether a Chromium for kaleido is on this machine (Debian's package is found by itself)."""
    import shutil

    return any(shutil.which(b) for b in BROWSERS)


def _ensure_server() -> None:
    global _server_started
    with _server_lock:
        if not _server_started:
            import kaleido

            kaleido.start_sync_server(silence_warnings=True)
            _server_started = True


def image(
    fig: Any, fmt: str = "png", width: int = SLIDE["width"], height: int = SLIDE["height"], scale: float = 1
) -> bytes:
    """Render a figure to PNG or SVG bytes; raises ImageExportError with the reason."""
    if not renderer_available():
        raise ImageExportError(
            f"could not render the {fmt.upper()} picture: no Chromium on this machine "
            "(Debian: apt-get install chromium)"
        )

    def render() -> bytes:
        _ensure_server()

        def draw() -> bytes:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # plotly warns that kopts are ignored with a server
                return bytes(fig.to_image(format=fmt, width=width, height=height, scale=scale))

        return _bounded(draw, RENDER_TIMEOUT_S)

    try:
        try:
            out = render()
        except TimeoutError:
            raise  # already waited the limit once: a second wait would double it
        except Exception:  # noqa: BLE001
            # a Chromium that died (an OOM kill) leaves kaleido's server answering "Executor is
            # closed" to every later call: start a new one and try once more
            _restart_server()
            out = render()
    except Exception as e:  # kaleido raises several kinds; the caller needs one with a reason
        renderer_status(False, str(e))
        raise ImageExportError(f"could not render the {fmt.upper()} picture: {e}") from e
    renderer_status(True)
    return out


def _bounded(draw: Callable[[], bytes], seconds: float) -> bytes:
    """Run one render, waiting at most `seconds`. kaleido's sync server waits on its task queue with
    no time limit: a Chromium that fails to start again (its thread dies inside `async with
    Kaleido()`) or hangs would hold the page, the export and a test run forever. Past the limit the
    server is abandoned (its daemon thread is left to die with the process) so the next export
    starts a fresh one, and the caller gets a reason instead of a wait."""
    box: dict[str, bytes | BaseException] = {}

    def run() -> None:
        try:
            box["out"] = draw()
        except BaseException as e:  # noqa: BLE001 - handed to the caller's thread below
            box["error"] = e

    worker = threading.Thread(target=run, name="picture-render", daemon=True)
    worker.start()
    deadline = time.monotonic() + seconds
    while worker.is_alive() and time.monotonic() < deadline:
        worker.join(0.25)
        if worker.is_alive() and not _server_thread_alive():
            # the server's thread ended with our task unread (its Chromium did not start): nobody
            # will answer, so say so now rather than at the limit
            _abandon_server()
            raise RuntimeError("the renderer's Chromium stopped before answering")
    if worker.is_alive():
        _abandon_server()
        raise TimeoutError(f"the renderer did not answer within {seconds:g} s")
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    out = box["out"]
    assert isinstance(out, bytes)
    return out


def _server_thread_alive() -> bool:
    import kaleido

    thread = getattr(kaleido._global_server, "_thread", None)  # noqa: SLF001
    return thread is None or thread.is_alive()


def _abandon_server() -> None:
    """Forget a server that no longer answers. kaleido's own stop would join its thread, which
    waits for the task that never ends; resetting the singleton's flag lets start_sync_server open a
    new one (kaleido 1.5's GlobalKaleidoServer keeps its state in `_initialized`)."""
    global _server_started
    with _server_lock:
        import kaleido

        kaleido._global_server._initialized = False  # noqa: SLF001
        _server_started = False


def _restart_server() -> None:
    global _server_started
    with _server_lock:
        if _server_started:
            import kaleido

            server = kaleido._global_server  # noqa: SLF001
            thread = getattr(server, "_thread", None)
            if thread is not None and not thread.is_alive():
                # its thread already died (Chromium failed to start): stopping it would wait on a
                # queue nobody reads
                server._initialized = False  # noqa: SLF001
            else:
                kaleido.stop_sync_server(silence_warnings=True)
            _server_started = False


def status_path(port: str | None = None) -> Path:
    """Where the renderer's state is kept for deploy/healthcheck.py (the liveness probe): one file
    per server port, in the temporary folder (an emptyDir in the pod)."""
    port = port or os.environ.get("STREAMLIT_SERVER_PORT") or "8501"
    return Path(tempfile.gettempdir()) / f"registry-dashboard-renderer-{port}.json"


_last_status: bool | None = None


def renderer_status(ok: bool, why: str = "") -> None:
    """Note whether pictures render; written when it changes, so a probe can restart a pod whose
    exports fail even after a fresh renderer (the HTTP health check alone stays 200)."""
    global _last_status
    if ok == _last_status:
        return
    _last_status = ok
    try:
        status_path().write_text(json.dumps({"ok": ok, "why": why[:300], "pid": os.getpid()}), encoding="utf-8")
    except OSError:
        pass  # a read-only temp folder: the probe then sees no file and relies on HTTP health


# ---- tables ----------------------------------------------------------------------------


def csv_table(e: Estimate) -> str:
    return report.to_csv(e)


def xlsx_table(e: Estimate, book: PriceBook, a: Analysis | None = None) -> bytes:
    """`a`: the analysis `e` is shown from (a.shown): the totals then say each registry's setup and
    its cost in the other view (as set up now) beside it."""
    buf = io.BytesIO()
    totals = tables.for_file(
        tables.totals_table(e, other=a.other_totals() if a else None, setup=a.setup_words() if a else None).drop(
            columns=["id"]
        )
    )
    components = tables.for_file(tables.all_components_table(e, book))
    # field names and values stay as a scenario file has them: they are the interface
    d = e.workload.to_dict()
    scenario = tables.for_file(pd.DataFrame({"field": list(d), "value": [_as_in_a_file(v) for v in d.values()]}))
    if i18n.lang() != "en":  # the reader's words first, as the sidebar names each input; the keys stay beside
        scenario.insert(0, _("Input"), [labels.field(k) for k in d])
        scenario.insert(
            1, _("Setting"), [str(v) if SPECS[k].kind == "text" else wording.value(k, v) for k, v in d.items()]
        )
    with pd.ExcelWriter(buf, engine="openpyxl") as xl:
        totals.to_excel(xl, sheet_name=_("Totals"), index=False)
        components.to_excel(xl, sheet_name=_("Components"), index=False)
        scenario.to_excel(xl, sheet_name=_("Scenario"), index=False)
        if i18n.lang() != "en":  # thousands separators and cents, as the pages show the figures
            for sheet in xl.sheets.values():
                _number_formats(sheet)
    return buf.getvalue()


def _as_in_a_file(v: object) -> str:
    """A value as a scenario file writes it (false, [], [private_endpoint]), never Python's repr (False, (),
    ['private_endpoint']: ninth Korean review W3)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, tuple | list | frozenset | set):
        return "[" + ", ".join(map(str, v)) + "]"
    return str(v)


def _number_formats(sheet: Any) -> None:
    """Money with cents ('#,##0.00'; a unit price to its last significant digit), counts with separators."""
    for column in sheet.iter_cols(min_row=1):
        head = str(column[0].value or "")
        for cell in column[1:]:
            if isinstance(cell.value, bool) or not isinstance(cell.value, int | float):
                continue
            if head == tables.header("unit_price"):
                cell.number_format = "#,##0.00####"
            elif "USD" in head or "₩" in head or head == tables.header("other_cost"):
                cell.number_format = "#,##0.00"
            else:
                cell.number_format = "#,##0" if float(cell.value).is_integer() else "#,##0.00"


def full_json(a: Analysis, link: str = "") -> str:
    """The command line's estimate JSON (each registry's `cheaper_setup` included), plus the
    recommendation and the share link, from the run's analysis: nothing is priced again."""
    doc = report.to_dict(a.estimate, dict(a.cheaper))
    doc["recommendation"] = a.recommendation.to_dict()
    # the figures every page and slide shows: each registry in its best setup, or as set up now (the view)
    doc["shown"] = {
        "view": a.workload.view,
        "monthly_costs": {rid: round(c, 6) for rid, c in a.shown.totals().items()},
        "setups": a.shown_changes(),
    }
    if link:
        doc["share_link"] = link
    return json.dumps(doc, indent=2)
