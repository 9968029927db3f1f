"""Which format a parsed JSON document is, from its documented shape."""

from __future__ import annotations

from ..i18n import _
from .checks import string
from .limits import IMAGE_TYPES, INDEX_TYPES, SCHEMA1_TYPES


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
        mt = string(doc.get("mediaType"))
        if mt in SCHEMA1_TYPES or (doc.get("schemaVersion") == 1 and "fsLayers" in doc):
            return "schema1"
        if mt in INDEX_TYPES or (doc.get("schemaVersion") == 2 and "manifests" in doc and "layers" not in doc):
            return "index"
        if mt in IMAGE_TYPES or (doc.get("schemaVersion") == 2 and "layers" in doc):
            return "manifest"
        return None
    if isinstance(doc, list) and doc and all(isinstance(v, dict) for v in doc[:50]):
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
        "Docker v2 image manifest or index, a Docker Hub tags page (results) or GitHub package versions; "
        "found {what}"
    ).format(what=describe(doc))
