"""The workload a user describes: field names, defaults, bounds and validation.

Field names are a contract: scenario files and share links use them as they are. Defaults are
the source document's scenario (one 500 MB image, 10 versions, 1,000 pulls a month).

Each field is declared once, in its group's frozen dataclass, with its Spec: label, help and unit
(English message ids, read in the run's language), bounds, where its input sits and how an analysis
sweeps it. SPECS and the pages' tables (sections, sliders, sweep ranges, the Compare page's inputs)
are views of those specs.

The package's modules, from the bottom up: `choices` (every choice as a Literal type), `spec` (what is
written about one field), the field groups (`situation`, `traffic`, `network`, `plans`, `selfhosted`,
`analysis`), `fields` (SPECS and the tables read from it), `validation` (a value's problems),
`pricing_inputs` (what pricing reads) and `model` (the Workload and the ways to build one). Every name
callers use is re-exported here: `from lib.inputs.workload import Workload`."""

from __future__ import annotations

from .analysis import Analysis, Migration, requires_endpoint
from .choices import (
    REGISTRY_IDS,
    AcrTier,
    Ci,
    ComplianceNeed,
    CostView,
    DeployPlatform,
    DockerhubPlan,
    Feature,
    GhcrBilling,
    GithubPlan,
    Lifetime,
    MigrationTarget,
    NetworkPath,
    Priority,
    RegistryId,
    RunsOn,
    Scanning,
    SweepField,
    Visibility,
)
from .fields import (
    CATEGORICAL,
    COMPARED,
    GROUPS,
    NUMERIC,
    PERCENT_FIELDS,
    PRICED_CHOICES,
    QUESTIONS,
    SPECS,
    SWEEPS,
    in_section,
    priced_choices,
)
from .model import DEFAULT, G, Workload, from_dict, lenient
from .network import Network
from .plans import Plans
from .pricing_inputs import N_co, PricingInputs
from .selfhosted import SelfHosted
from .situation import Situation
from .spec import NETWORK_SECTION, PLANS_SECTION, SECTIONS, SELFHOSTED_SECTION, WORKLOAD_SECTION, Kind, Spec, Sweep
from .traffic import Origin, Usage
from .validation import SHARE_FIELDS, SHARE_TOLERANCE, check_shares, coerce_fields

__all__ = [
    "AcrTier",
    "Analysis",
    "CATEGORICAL",
    "COMPARED",
    "Ci",
    "ComplianceNeed",
    "CostView",
    "DEFAULT",
    "DeployPlatform",
    "DockerhubPlan",
    "Feature",
    "G",
    "GROUPS",
    "GhcrBilling",
    "GithubPlan",
    "Kind",
    "Lifetime",
    "Migration",
    "MigrationTarget",
    "NETWORK_SECTION",
    "NUMERIC",
    "N_co",
    "Network",
    "NetworkPath",
    "Origin",
    "PERCENT_FIELDS",
    "PRICED_CHOICES",
    "PLANS_SECTION",
    "Plans",
    "PricingInputs",
    "Priority",
    "QUESTIONS",
    "REGISTRY_IDS",
    "RegistryId",
    "RunsOn",
    "SECTIONS",
    "SELFHOSTED_SECTION",
    "SHARE_FIELDS",
    "SHARE_TOLERANCE",
    "SPECS",
    "SWEEPS",
    "Scanning",
    "SelfHosted",
    "Situation",
    "Spec",
    "Sweep",
    "SweepField",
    "Usage",
    "Visibility",
    "WORKLOAD_SECTION",
    "Workload",
    "check_shares",
    "coerce_fields",
    "from_dict",
    "in_section",
    "priced_choices",
    "requires_endpoint",
    "lenient",
]
