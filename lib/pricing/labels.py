"""Human words for what the code calls by name: every choice value, every field, and one
number format. Pages show these, never a field name or a raw choice value, so a person can
use the app without reading the code. Field names stay the contract for files and links.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from ..core import i18n
from ..core.i18n import N_, _
from ..core.numbers import (
    MINUS as MINUS,
    SAME_MONEY as SAME_MONEY,
    amount as amount,
    currency_symbol as currency_symbol,
    data_size_mb as data_size_mb,
    date_text as date_text,
    money as money,
    number as number,
    percent as percent,
    quantity as quantity,
    rounded as rounded,
    shown as shown,
    shown_difference as shown_difference,
    signed_money as signed_money,
    signed_percent as signed_percent,
    unit_price as unit_price,
    won_rate as won_rate,
    won_words as won_words,
)
from ..inputs.regions import match, named as region_named
from ..inputs.workload import PERCENT_FIELDS, SPECS  # PERCENT_FIELDS: fractions read and typed as percentages
from .features import label
from .registries import NAMES, SPECS as REGISTRIES, name as registry_name


def region_name(code: str, default: str | None = None) -> str:
    """'Asia Pacific (Seoul)' for ap-northeast-2: from the region map (data/region_map.yaml) that the
    sidebar, the slides and the charts all read, so a region added to the price book has its name."""
    m = match(code)
    return m.shown_name if m else (code if default is None else default)


# (field, value) -> what a person reads. Registry ids and feature ids have their own tables
# (lib.pricing.registries.NAMES, data/features.yaml); choice() falls back to them.
CHOICES: dict[tuple[str, str], str] = {
    ("runs_on", "aws"): "AWS",
    ("runs_on", "gcp"): "Google Cloud",
    ("runs_on", "azure"): "Microsoft Azure",
    ("runs_on", "on_prem"): N_("Our own data centre"),
    ("runs_on", "multi_cloud"): N_("Several clouds"),
    ("ci", "github_actions"): "GitHub Actions",
    ("ci", "gitlab"): "GitLab CI",
    ("ci", "jenkins"): "Jenkins",
    ("ci", "other"): N_("Another CI system"),
    ("lifetime", "demo"): N_("A few days' demo"),
    ("lifetime", "production"): N_("Long-term production"),
    ("migrate_to", "recommended"): N_("The recommended registry"),
    ("priority", "auto"): N_("Decide from how long it lives and who pulls"),
    ("priority", "cost"): N_("Lowest cost and fastest setup"),
    ("priority", "integration"): N_("Cloud integration and security"),
    ("compliance", "audit_logs"): N_("Audit logs"),
    ("compliance", "signing"): N_("Image signing"),
    ("compliance", "scanning"): N_("Vulnerability scanning"),
    ("compliance", "no_external_services"): N_("No external services"),
    ("compliance", "team_isolation"): N_("Isolation between teams"),
    ("visibility", "private"): N_("Private images"),
    ("visibility", "public"): N_("Public images"),
    ("network", "public"): N_("Public subnets (no NAT gateway)"),
    ("network", "nat"): N_("Private subnets behind a NAT gateway"),
    ("network", "endpoints"): N_("Private subnets with ECR interface endpoints"),
    ("view", "best"): N_("Each registry in its cheapest setup"),
    ("view", "as_set_up"): N_("Each registry as set up now"),
    ("ghcr_billing", "free"): N_("Free (GitHub's policy today)"),
    ("ghcr_billing", "storage"): N_("Storage billed at the Packages price"),
    ("ghcr_billing", "full"): N_("Storage and transfer at list price"),
    ("github_plan", "free"): "Free",
    ("github_plan", "pro"): "Pro",
    ("github_plan", "team"): "Team",
    ("github_plan", "enterprise"): "Enterprise",
    ("dockerhub_plan", "auto"): N_("Chosen for you (by visibility and seats)"),
    ("dockerhub_plan", "personal"): "Personal",
    ("dockerhub_plan", "pro"): "Pro",
    ("dockerhub_plan", "team"): "Team",
    ("dockerhub_plan", "business"): "Business",
    ("acr_tier", "auto"): N_("Chosen for you (Premium if a private endpoint is needed)"),
    ("acr_tier", "basic"): "Basic",
    ("acr_tier", "standard"): "Standard",
    ("acr_tier", "premium"): "Premium",
    ("scanning", "none"): N_("None"),
    ("scanning", "basic"): N_("Basic (free where offered)"),
    ("scanning", "enhanced"): N_("Enhanced (paid per image)"),
    ("deploy_platform", "ec2"): N_("EC2 instances (launch template)"),
    ("deploy_platform", "ecs"): "Amazon ECS",
    ("deploy_platform", "eks"): N_("Amazon EKS (Kubernetes)"),  # Korean writes no space before a bracket
    ("deploy_platform", "kubernetes"): N_("Another Kubernetes cluster"),
    ("deploy_platform", "other"): N_("Something else"),
}
# A sidebar select's box shows about 172 px of its value (14 px type): these options' names as a select lists
# them, where the sentence's name is longer than that (eighth Korean review: "Private subnets behind a NAT
# gateway" 221 px, "Chosen for you (Premium if a private endpoint is needed)" 331 px). The field's help says
# what each means; every other place (links' summaries, B's changes, the ADR) keeps the sentence's name.
SELECT_CHOICES = {
    ("network", "public"): N_("Public subnets (no NAT)"),
    ("network", "nat"): N_("Private, via a NAT gateway"),
    ("network", "endpoints"): N_("Private, via ECR endpoints"),
    ("ghcr_billing", "storage"): N_("Storage billed (Packages)"),
    ("ghcr_billing", "full"): N_("Storage and transfer billed"),
    ("dockerhub_plan", "auto"): N_("Chosen for you"),
    ("acr_tier", "auto"): N_("Chosen for you"),
}
# cost component kinds, in the words of every table, legend, slide and series name
CATEGORIES = {
    "storage": N_("Storage"),
    "transfer": N_("Transfer and egress"),
    "network": N_("Network path (NAT, endpoints)"),
    "plan": N_("Plan or tier"),
    "scanning": N_("Scanning"),
    "compute": N_("Servers (self-hosted)"),
    "operations": N_("Engineer time"),
}
SEVERITIES = {"blocker": N_("Blocker"), "warning": N_("Warning"), "info": N_("Note")}
REJECTIONS = {"constraint": N_("Fails a requirement"), "cost": N_("Costs more"), "path": N_("Not on this path")}


def field(name: str) -> str:
    """A field's name as a person reads it ("Pulls a month"), in the reader's language."""
    return SPECS[name].label


def help_text(name: str) -> str:
    """An input's help on screen (Spec.input_help)."""
    return SPECS[name].input_help


def category(key: str) -> str:
    """A cost component kind in words ("Transfer and egress")."""
    return _(CATEGORIES[key])


def severity(key: str) -> str:
    return _(SEVERITIES[key])


def rejection(key: str) -> str:
    return _(REJECTIONS[key])


def choice(name: str, value: str) -> str:
    """A choice value as a person reads it; every choice the app offers has one."""
    if (name, value) in CHOICES:
        return _(CHOICES[(name, value)])  # product and plan names are not marked: the same in every language
    if value in NAMES and name in ("migrate_from", "migrate_to"):
        return registry_name(value)
    if name == "sweep_field":
        return field(value)
    if name == "region":
        if i18n.lang() == "ko":  # one way to name a region in Korean, wherever it stands (issue 28)
            return region_named(value)
        return f"{region_name(value)}, {value}"
    if name == "required_features":
        return label(value)
    raise KeyError(f"no display name for {name} = {value!r}")


def select_choice(name: str, value: str) -> str:
    """A choice value as a select box lists it: its short name where the sentence's does not fit the box."""
    return _(SELECT_CHOICES[(name, value)]) if (name, value) in SELECT_CHOICES else choice(name, value)


def choices(name: str, values: Collection[str]) -> str:
    return ", ".join(choice(name, v) for v in values) if values else _("none")


# Fields whose values are names (plans, tiers, registries): they keep their capital mid-sentence.
_NAMED = ("github_plan", "dockerhub_plan", "acr_tier", "migrate_from", "migrate_to", "region")
# First words that are names wherever they stand ("Google Cloud", "Microsoft Azure", "Jenkins").
_PROPER = ("Google", "Microsoft", "Amazon", "Jenkins", "GitHub", "GitLab", "Docker", "Harbor", "Nexus")


def in_sentence(text: str) -> str:
    """A display name as it reads inside a sentence: the first letter lower-case unless the first
    word is a name ("AWS", "GitHub Actions", "Docker Hub plan", "EC2 instances")."""
    if i18n.lang() != "en":
        return text  # Korean has no capitals to lower
    first = text.split(" ", 1)[0]
    if not text or first in _PROPER or (len(first) > 1 and not first[1:].islower()):
        return text
    return text[0].lower() + text[1:]


def choice_in_sentence(name: str, value: str) -> str:
    """choice() as it reads inside a sentence: "private subnets behind a NAT gateway", "several clouds";
    names keep their capital ("AWS", "Google Cloud", "Pro"). The slides, the ADR and the chart subtitles
    use this, so they say what the app's inputs say, in the same words."""
    text = choice(name, value)
    return text if name in _NAMED and value != "auto" else in_sentence(text)


def choices_in_sentence(name: str, values: Collection[str]) -> str:
    return ", ".join(choice_in_sentence(name, v) for v in values) if values else _("none")


def axis_title(name: str) -> str:
    """An axis name with its unit: "Image size (MB)", "Pulls a month", "Cross-region pulls (%)"."""
    unit = "%" if name in PERCENT_FIELDS else SPECS[name].unit
    return bracketed(field(name), unit) if unit else field(name)


def bracketed(text: str, inside: str) -> str:
    """text with a note in brackets: "Image size (MB)" in English; Korean sets the bracket against the word,
    "이미지 크기(MB)", "월 비용(원)", as every Korean message of the catalogue does (seventh Korean review)."""
    return f"{text}({inside})" if i18n.lang() == "ko" else f"{text} ({inside})"


# ---- the price book's entries, as the About page lists them ---------------------------------

# the price book's vendors, named by the first part of an entry's key: AWS, and each registry's (its SPEC)
VENDORS = {"aws": "AWS", **{rid: s.vendor for rid, s in REGISTRIES.items()}}
PRICES = {
    "aws.inter_region_gb": N_("Transfer between AWS regions"),
    "aws.cross_az_gb": N_("Transfer between availability zones"),
    "aws.internet_egress_free_gb": N_("Free internet egress a month (free tier)"),
    "acr.internet_egress_free_gb": N_("Free internet egress a month (free tier)"),
    "aws.internet_egress_tier1_gb": N_("Internet egress, first 10 TB a month"),
    "aws.internet_egress_tier2_gb": N_("Internet egress, next 40 TB a month"),
    "aws.internet_egress_tier3_gb": N_("Internet egress, next 100 TB a month"),
    "aws.internet_egress_tier4_gb": N_("Internet egress, over 150 TB a month"),
    "aws.nat_hourly": N_("NAT gateway, per hour"),
    "aws.public_ipv4_hourly": N_("Public IPv4 address, per hour"),
    "aws.nat_gb": N_("NAT gateway, per GB processed"),
    "aws.endpoint_hourly": N_("Interface endpoint, per hour and AZ"),
    "aws.endpoint_gb": N_("Interface endpoint, per GB processed"),
    "aws.s3_storage_gb_month": N_("S3 Standard storage"),
    "aws.ebs_gp3_gb_month": N_("Block storage (EBS gp3) for self-hosted nodes"),
    "aws.ec2_4vcpu_8gb_hourly": N_("Server with 4 vCPU / 8 GB, per hour"),
    "ecr.storage_gb_month": N_("Storage"),
    "ecr.free_storage_gb": N_("Free storage for new accounts"),
    "ecr.public_free_storage_gb": N_("Free storage, public repositories"),
    "ecr.public_free_internet_gb": N_("Free internet transfer, public repositories"),
    "aws.ecr_endpoint_gb_per_pull": N_("Data through the ECR interface endpoints per pull (an assumption)"),
    "ecr.public_free_internet_authenticated_gb": N_(
        "Free internet transfer, public repositories, pulls signed in to AWS"
    ),
    "ecr.scan_first": N_("Enhanced scanning, first scan of an image"),
    "ecr.scan_rescan": N_("Enhanced scanning, rescan"),
    "ghcr.storage_gb_month": N_("Storage (Packages list price)"),
    "ghcr.storage_gb_day": N_("Storage per day (Packages list price)"),
    "ghcr.transfer_gb": N_("Transfer (Packages list price)"),
    "ghcr.free_storage_gb": N_("Storage included in the GitHub plan"),
    "ghcr.free_transfer_gb": N_("Transfer included in the GitHub plan"),
    "dockerhub.plan_monthly": N_("Subscription"),
    "dockerhub.pull_limit_per_6h": N_("Pull limit"),
    "dockerhub.pull_burst_factor": N_("Pull burst assumed"),
    "gar.storage_gb_month": N_("Storage"),
    "gar.free_storage_gb": N_("Free storage"),
    "gar.inter_region_gb": N_("Transfer between regions"),
    "gar.internet_egress_gb": N_("Internet egress"),
    "gar.internet_egress_tier2_gb": N_("Internet egress, next 9 TB a month"),
    "gar.internet_egress_tier3_gb": N_("Internet egress, over 10 TB a month"),
    "gar.scan_per_image": N_("Vulnerability scanning, per image"),
    "acr.tier_daily": N_("Registry tier, per day"),
    "acr.included_storage_gb": N_("Storage included in the tier"),
    "acr.extra_storage_gb_day": N_("Storage above the tier's included amount"),
    "acr.inter_region_gb": N_("Transfer between regions"),
    "acr.internet_egress_gb": N_("Internet egress"),
    "acr.internet_egress_tier2_gb": N_("Internet egress, next 40 TB a month"),
    "acr.internet_egress_tier3_gb": N_("Internet egress, next 100 TB a month"),
    "acr.internet_egress_tier4_gb": N_("Internet egress, over 150 TB a month"),
    "harbor.licence_monthly": N_("Licence"),
    "nexus.ce_requests_per_day": N_("Community Edition request cap"),
    "nexus.ce_components": N_("Community Edition component cap"),
}
# the kinds of Docker Hub user its pull limit is keyed by (not a field of the scenario)
USER_KINDS = {"anonymous": N_("Anonymous users"), "personal": "Personal"}
KEYED_BY = {
    "github_plan": N_("GitHub plan"),
    "dockerhub_plan": N_("Docker Hub plan"),
    "acr_tier": N_("ACR tier"),
    "dockerhub_user": N_("kind of user"),
}


def price_name(key: str) -> str:
    """ "Amazon ECR: Storage"; an entry without a name keeps a readable form of its key."""
    vendor, _dot, rest = key.partition(".")
    return f"{VENDORS.get(vendor, vendor)}: {_(PRICES[key]) if key in PRICES else rest.replace('_', ' ')}"


def price_value(value: object, by: str | None, regions: dict[str, str]) -> str:
    """A price book value as text: 0.1, or "US East (N. Virginia) 0.09 · Asia Pacific (Seoul) 0.126"."""
    if not isinstance(value, dict):
        return f"{value:,g}"
    if by is None:
        return " · ".join(f"{region_name(k, regions.get(k, k))} {v:,g}" for k, v in value.items())
    spec_name = by if by in SPECS else None

    def name(k: str) -> str:
        if by == "dockerhub_user" and k in USER_KINDS:
            return _(USER_KINDS[k])
        try:
            return choice(spec_name, k) if spec_name else str(k).replace("_", " ").capitalize()
        except KeyError:
            return str(k).capitalize()

    return " · ".join(f"{name(k)} {v:,g}" for k, v in value.items())


def plain(text: str) -> str:
    """Data files name their provenance for developers ("the source document"); on screen the
    app speaks of "the comparison", which its About page describes."""
    for old, new in (
        ("cost-model.md", "the cost model the app started from"),
        ("registry-comparison.md", "the comparison"),
        ("The source document's", "The comparison's"),
        ("the source document's", "the comparison's"),
        ("The source document", "The comparison"),
        ("the source document", "the comparison"),
        ("source document", "comparison"),
        ("The document's", "The comparison's"),
        ("the document's", "the comparison's"),
        ("the document", "the comparison"),
    ):
        text = text.replace(old, new)
    return strength_words(text)


def strength_words(text: str) -> str:
    """The comparison rates each situation's fit out of 3 ("strength 3 of 3"; the Korean data writes
    it "추천 강도 3/3"): one rendering that says what the number means, "(a clear fit, rated 3 of 3)" /
    "(추천 강도 3/3)", for the pages, the ADR, the deck and the CLI alike (the sixth Korean
    review met three renderings). Applying it twice changes nothing."""
    return _STRENGTH_NOTE.sub(_strength, text)


# not followed by "," : the rendered Korean "(추천 강도 2/3, 적합한 선택)" is left as it is ("(추천 강도 3/3)" is
# rendered as itself)
_STRENGTH_NOTE = re.compile(r"\(?(?:strength ([123]) of 3|추천 강도 ([123])/3)\)?(?!,)")


def _strength(m: re.Match[str]) -> str:
    n = m.group(1) or m.group(2)
    return _(STRENGTH[n])


# whole messages, so a language can say less where the number says it all: Korean writes "(추천 강도 3/3)"
# alone, ", 확실한 선택" beside it repeated what 3/3 says (ninth Korean review)
STRENGTH = {
    "3": N_("(a clear fit, rated 3 of 3)"),
    "2": N_("(a good fit, rated 2 of 3)"),
    "1": N_("(a sensible default, rated 1 of 3)"),
}
