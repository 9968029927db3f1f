"""Which format a parsed JSON document is, from its documented shape."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..core.i18n import _
from .checks import string
from .limits import IMAGE_TYPES, INDEX_TYPES, SCHEMA1_TYPES

SLURPABLE = {"ecr", "dockerhub", "cloudwatch", "cloudwatch_data", "cloudtrail"}  # pages `jq -s` may gather


Obj = dict[Any, Any]
HEAD = 50  # items looked at in a list: enough to tell its shape, bounded on a long file


def _dockerhub_page(d: Obj) -> bool:
    results = d.get("results")
    return (
        "results" in d
        and isinstance(results, list)
        and (not results or any(isinstance(t, dict) and ("full_size" in t or "images" in t) for t in results[:HEAD]))
    )


def _schema1(d: Obj) -> bool:
    return string(d.get("mediaType")) in SCHEMA1_TYPES or (d.get("schemaVersion") == 1 and "fsLayers" in d)


def _index(d: Obj) -> bool:
    mt = string(d.get("mediaType"))
    return mt in INDEX_TYPES or (d.get("schemaVersion") == 2 and "manifests" in d and "layers" not in d)


def _manifest(d: Obj) -> bool:
    return string(d.get("mediaType")) in IMAGE_TYPES or (d.get("schemaVersion") == 2 and "layers" in d)


# a JSON object's format: the first rule that holds, in this order (a manifest's media type is read last:
# an AWS or Docker Hub document never carries one)
OBJECT_FORMATS: tuple[tuple[str, Callable[[Obj], bool]], ...] = (
    ("ecr", lambda d: "imageDetails" in d),
    ("dockerhub", _dockerhub_page),
    ("cloudwatch", lambda d: isinstance(d.get("Datapoints"), list)),  # aws cloudwatch get-metric-statistics
    ("cloudwatch_data", lambda d: isinstance(d.get("MetricDataResults"), list)),  # aws cloudwatch get-metric-data
    ("cloudtrail", lambda d: isinstance(d.get("Records"), list)),
    # https://ip-ranges.amazonaws.com/ip-ranges.json
    ("ipranges", lambda d: isinstance(d.get("prefixes"), list) and "syncToken" in d),
    # one tag: /v2/namespaces/NS/repositories/REPO/tags/TAG
    (
        "dockerhub_tag",
        lambda d: "name" in d and ("full_size" in d or isinstance(d.get("images"), list)) and "tag_status" in d,
    ),
    ("schema1", _schema1),
    ("index", _index),
    ("manifest", _manifest),
)


def _github_version(v: Obj) -> bool:
    meta = v.get("metadata")
    return isinstance(meta, dict) and meta.get("package_type") in ("container", "docker")


# a list of JSON objects: the first format any of its first items shows
ITEM_FORMATS: tuple[tuple[str, Callable[[Obj], bool]], ...] = (
    ("docker_inspect", lambda v: "RootFS" in v or ("Id" in v and "RepoTags" in v)),
    ("github", _github_version),
    ("dockerhub_list", lambda v: "full_size" in v and "name" in v),  # `jq '.results'` of a tags page
)


def detect(doc: object) -> str | None:
    """The format of one parsed JSON document, from its documented shape; None if foreign."""
    if isinstance(doc, dict):
        return next((fmt for fmt, holds in OBJECT_FORMATS if holds(doc)), None)
    if isinstance(doc, list):
        return _detect_list(doc)
    return None


def _detect_list(doc: list[Any]) -> str | None:
    if not doc:
        return "empty"  # e.g. the trailing empty page `gh api --paginate` may print
    head = doc[:HEAD]
    if all(isinstance(v, list) for v in head):
        return "slurped"  # `gh api --paginate --slurp`, `jq -s`: an array of pages
    if not all(isinstance(v, dict) for v in head):
        return None
    if all(detect(v) in SLURPABLE for v in head):
        return "slurped"
    return next((fmt for fmt, holds in ITEM_FORMATS if any(holds(v) for v in head)), None)


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
