"""Which format a parsed JSON document is, from its documented shape."""

from __future__ import annotations

from ..core.i18n import _
from .checks import string
from .limits import IMAGE_TYPES, INDEX_TYPES, SCHEMA1_TYPES

SLURPABLE = {"ecr", "dockerhub", "cloudwatch", "cloudwatch_data", "cloudtrail"}  # pages `jq -s` may gather


def detect(doc: object) -> str | None:
    """The format of one parsed JSON document, from its documented shape; None if foreign."""
    if isinstance(doc, dict):
        if "imageDetails" in doc:
            return "ecr"
        if (
            "results" in doc
            and isinstance(doc["results"], list)
            and (
                not doc["results"]
                or any(isinstance(t, dict) and ("full_size" in t or "images" in t) for t in doc["results"][:50])
            )
        ):
            return "dockerhub"
        if isinstance(doc.get("Datapoints"), list):
            return "cloudwatch"  # aws cloudwatch get-metric-statistics
        if isinstance(doc.get("MetricDataResults"), list):
            return "cloudwatch_data"  # aws cloudwatch get-metric-data
        if isinstance(doc.get("Records"), list):
            return "cloudtrail"
        if isinstance(doc.get("prefixes"), list) and "syncToken" in doc:
            return "ipranges"  # https://ip-ranges.amazonaws.com/ip-ranges.json
        if "name" in doc and ("full_size" in doc or isinstance(doc.get("images"), list)) and "tag_status" in doc:
            return "dockerhub_tag"  # one tag: /v2/namespaces/NS/repositories/REPO/tags/TAG
        mt = string(doc.get("mediaType"))
        if mt in SCHEMA1_TYPES or (doc.get("schemaVersion") == 1 and "fsLayers" in doc):
            return "schema1"
        if mt in INDEX_TYPES or (doc.get("schemaVersion") == 2 and "manifests" in doc and "layers" not in doc):
            return "index"
        if mt in IMAGE_TYPES or (doc.get("schemaVersion") == 2 and "layers" in doc):
            return "manifest"
        return None
    if isinstance(doc, list) and not doc:
        return "empty"  # e.g. the trailing empty page `gh api --paginate` may print
    if isinstance(doc, list) and all(isinstance(v, list) for v in doc[:50]):
        return "slurped"  # `gh api --paginate --slurp`, `jq -s`: an array of pages
    if isinstance(doc, list) and all(isinstance(v, dict) and detect(v) in SLURPABLE for v in doc[:50]):
        return "slurped"
    if isinstance(doc, list) and all(isinstance(v, dict) for v in doc[:50]):
        if any("RootFS" in v or ("Id" in v and "RepoTags" in v) for v in doc[:50]):
            return "docker_inspect"
        if any(
            isinstance(v.get("metadata"), dict) and v["metadata"].get("package_type") in ("container", "docker")
            for v in doc[:50]
        ):
            return "github"
        if any("full_size" in v and "name" in v for v in doc[:50]):
            return "dockerhub_list"  # `jq '.results'` of a tags page
    return None


def describe(doc: object) -> str:
    if isinstance(doc, dict):
        keys = [str(k)[:40] for k in list(doc)[:6]]
        return (
            _("a JSON object with keys {keys}").format(
                keys=", ".join(repr(k) for k in keys) + (" ..." if len(doc) > 6 else "")
            )
            if keys
            else _("an empty JSON object")
        )
    if isinstance(doc, list):
        if doc:
            return _("a JSON list of {n:,} item(s) ({kind}s)").format(n=len(doc), kind=type(doc[0]).__name__)
        return _("a JSON list of {n:,} item(s)").format(n=len(doc))
    return _("a single JSON {kind}").format(kind=type(doc).__name__)


def foreign(doc: object) -> str:
    return _(
        "not a registry inventory: expected AWS CLI `ecr describe-images` output (imageDetails), an OCI or "
        "Docker v2 image manifest or index, a Docker Hub tags page (results) or GitHub package versions, or for "
        "pulls CloudWatch (Datapoints, MetricDataResults) or CloudTrail (Records) output; found {what}"
    ).format(what=describe(doc))
