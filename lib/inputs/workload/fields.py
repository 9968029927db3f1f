"""Every field's Spec by name (SPECS), read from the groups' declarations, and the tables the pages,
the engine and the sweeps read from it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, replace
from typing import Any, Literal, get_args, get_origin, get_type_hints

from .analysis import Analysis, Migration, requires_endpoint
from .network import Network
from .plans import Plans
from .selfhosted import SelfHosted
from .situation import Situation
from .spec import Spec, Sweep
from .traffic import Origin, Usage

# in field order: links, scenario files and the CLI list fields in this order
GROUPS: tuple[type, ...] = (Situation, Usage, Origin, Network, Plans, SelfHosted, Analysis, Migration)


def _literal_choices(hint: object) -> tuple[str, ...]:
    """The values a Literal annotation allows (for a set field, tuple[Literal[...], ...]: its items')."""
    if get_origin(hint) is tuple:
        hint = get_args(hint)[0]
    return get_args(hint) if get_origin(hint) is Literal else ()


def _group_specs() -> dict[str, Spec]:
    out = {}
    for group in GROUPS:
        hints = get_type_hints(group)
        for f in fields(group):
            spec: Spec = f.metadata["spec"]
            choices = spec.choices or _literal_choices(hints[f.name])  # the region's come from the price book
            out[f.name] = replace(spec, group=group.GROUP, choices=choices)  # type: ignore[attr-defined]
    return out


SPECS: dict[str, Spec] = _group_specs()

NUMERIC = tuple(k for k, s in SPECS.items() if s.kind in ("float", "int") and s.group != "analysis" and not s.discrete)
# categorical fields that change a price; decision answers (but where the consumers run) and analysis
# settings do not, so sweeps ignore them
CATEGORICAL = tuple(
    k
    for k, s in SPECS.items()
    if (s.kind in ("choice", "bool") or s.discrete) and (s.priced or s.group not in ("decision", "analysis"))
)
# ... and one worked out of an analysis setting: ACR's tier "auto" is Premium where a private endpoint is required
# (eighth Korean review: an Azure workload on public subnets that required one was priced on Basic and set aside)
PRICED_CHOICES = (*CATEGORICAL, "private_endpoint_required")


def priced_choices(values: Mapping[str, Any]) -> dict[str, Any]:
    """The choices pricing reads (PRICED_CHOICES) of a scenario's values (Workload.to_dict's form)."""
    return {
        **{k: values[k] for k in CATEGORICAL},
        "private_endpoint_required": requires_endpoint(values["required_features"]),
    }


PERCENT_FIELDS = tuple(k for k, s in SPECS.items() if s.percent)
SWEEPS: dict[str, Sweep] = {k: s.sweep for k, s in SPECS.items() if s.sweep is not None}


def in_section(section: str) -> list[str]:
    """The fields whose inputs a sidebar section draws, in order."""
    return sorted((k for k, s in SPECS.items() if s.section == section), key=lambda k: SPECS[k].place)


QUESTIONS = sorted((k for k, s in SPECS.items() if s.question), key=lambda k: SPECS[k].question)
COMPARED = sorted((k for k, s in SPECS.items() if s.compare), key=lambda k: SPECS[k].compare)
