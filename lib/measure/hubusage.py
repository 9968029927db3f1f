"""Docker Hub pulls from the organisation's pull usage export (Docker Hub > Usage > Pulls > download).

The CSV's documented columns this reads: `datehour` (the hour of the pull, `yyyy/mm/dd/hh`),
`repository` and `pulls`; the others (`user_name`, `access_token_name`, `ips`, `version_checks`, ...)
are not needed. Version checks (a HEAD request for a manifest) are not pulls and are not counted.
"""

from __future__ import annotations

import csv
import io
import math
from datetime import UTC, datetime
from typing import Any

from ..core.i18n import _
from .checks import show
from .inventory import Inventory, PullSeries
from .limits import MAX_PROBLEMS, MAX_SERIES_POINTS
from .sources import Source

NEEDED = ("datehour", "repository", "pulls")


def looks_like(data: bytes) -> bool:
    """A CSV whose header names the export's columns."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].decode("utf-8", "replace").lower()
    return all(c in head for c in NEEDED) and "," in head


def _missing_columns(fields: dict[str, str]) -> list[str]:
    """The problem of a CSV that is not the export (a needed column missing), or none."""
    missing = [c for c in NEEDED if c not in fields]
    if not missing:
        return []
    return [
        _("not Docker Hub's pull usage export: the columns {columns} are missing").format(columns=", ".join(missing))
    ]


def _hour_pulls(row: dict[str, Any], fields: dict[str, str], i: int, probs: list[str]) -> tuple[float, float] | None:
    """One line's hour (its start, as a timestamp) and pulls; None, with the problem said, when either is
    not readable. A blank count is 0 pulls."""
    dh, n = (row.get(fields["datehour"]) or "").strip(), (row.get(fields["pulls"]) or "").strip()
    try:
        t = datetime.strptime(dh, "%Y/%m/%d/%H").replace(tzinfo=UTC).timestamp()
    except ValueError:
        probs.append(_("line {line}: datehour: expected yyyy/mm/dd/hh, got {got}").format(line=i, got=show(dh)))
        return None
    try:
        pulls = float(n) if n else 0.0
    except ValueError:
        pulls = -1.0
    if not math.isfinite(pulls) or pulls < 0 or pulls > 1e15:
        probs.append(_("line {line}: pulls: expected a count, got {got}").format(line=i, got=show(n)))
        return None
    return t, pulls


def parse_usage(src: Source, inv: Inventory) -> list[str]:
    """Reads one export; returns the problems found (nothing counted from a file with any)."""
    try:
        text = src.data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [_("not a text file (it is not UTF-8); expected Docker Hub's pull usage CSV")]
    reader = csv.DictReader(io.StringIO(text))
    fields = {(f or "").strip().lower(): f for f in reader.fieldnames or []}
    if missing := _missing_columns(fields):
        return missing
    probs: list[str] = []
    total, hours = 0.0, []
    try:
        for i, row in enumerate(reader, start=2):
            if len(probs) >= MAX_PROBLEMS or i > MAX_SERIES_POINTS:
                break  # bounded: enough problems to fix the file, and no more rows than one input may hold
            read = _hour_pulls(row, fields, i, probs)
            if read is not None:
                total += read[1]
                hours.append(read[0])
    except csv.Error as e:
        probs.append(_("not a readable CSV file ({why})").format(why=e))
    if not probs and hours:
        inv.pulls.append(PullSeries(src.name, "hubusage", "Docker Hub", total, min(hours), max(hours) + 3600))
    return probs
