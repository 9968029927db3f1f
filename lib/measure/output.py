"""What `python -m lib measure` prints: the scenario file, and the report of what was measured."""

from __future__ import annotations

import json
from typing import Any

from ..core.i18n import _
from ..inputs.workload import SPECS
from .limits import PULL_FIELDS
from .result import Result, format_value


def scenario_doc(result: Result) -> dict[str, Any]:
    """What `python -m lib measure` prints: a scenario file every other command loads."""
    return {"name": _("Measured registry"), "description": result.description(), **result.values()}


def dumps(result: Result, fmt: str = "yaml") -> str:
    doc = scenario_doc(result)
    if fmt == "json":
        return json.dumps(doc, indent=2)
    import yaml

    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)


def report_lines(result: Result) -> list[str]:
    out = [_("Measured:")]
    for m in result.measured:
        out.append(
            f"  {m.field:<24} {format_value(m.field, m.value):<14} "
            + _("from {source}: {how}").format(source=m.source, how=m.how)
        )
    out.append(_("Not measured (defaults kept):"))
    for name, why in result.not_measured:
        out.append(f"  {name:<24} {SPECS[name].default!s:<14} {why}")
    if any(n in PULL_FIELDS for n in [m.field for m in result.measured] + [n for n, _w in result.not_measured]):
        out.append("  " + _("every other input (plans, network path, ...) keeps its default"))
    else:
        out.append("  " + _("every other input (pulls, where pulls come from, plans, ...) keeps its default"))
    out.append(_("Files read:"))
    out += [f"  {f}  ({what})" for f, what in result.files[:20]]
    if len(result.files) > 20:
        out.append("  " + _("... and {n:,} more").format(n=len(result.files) - 20))
    if result.notes:
        out.append(_("Notes:"))
        out += [f"  - {n}" for n in result.notes]
    return out
