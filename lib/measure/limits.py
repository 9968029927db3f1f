"""What the measuring takes as limits, and the names of formats, fields and media types."""

from __future__ import annotations

import re

from ..core.i18n import N_

MB = 1_000_000  # 1 MB = 1,000,000 bytes, as the cost model counts
DAYS_PER_MONTH = 30  # "pushes a month" = versions pushed per 30 days
MAX_FILE_BYTES = 512 * MB  # one export of a very large registry is ~400 bytes per image detail
MAX_TOTAL_BYTES = 2_000 * MB
MAX_FILES = 200_000
MAX_VALUES = 5_000_000  # JSON values per file (~400,000 image details): bounds the memory json.loads takes
BYTES_PER_VALUE = 8
MAX_DEPTH = 32  # registry exports nest ~6 levels; json.loads would take ~1,000
MAX_DOCS_PER_FILE = 10_000  # `gh api --paginate` prints one JSON array per page, back to back
MAX_ZIP_ENTRIES = 200_000
MAX_BYTES_VALUE = 10**15  # a size above 1 PB is not a container image
MAX_PROBLEMS = 20  # per file: enough to fix the file, not a wall of text
MAX_LISTED = 60  # problems listed over all files (thousands of bad files would be megabytes of text)
MAX_NAME = 512
TIME_MIN, TIME_MAX = 946_684_800, 4_102_444_800  # 2000-01-01 .. 2100-01-01, seconds

FORMAT_WORDS = {
    "ecr": "AWS CLI describe-images",
    "manifest": N_("image manifests"),
    "dockerhub": N_("Docker Hub tags API"),
    "github": N_("GitHub package versions API"),
    "schema1": N_("legacy schema 1 manifest (not counted)"),
    "empty": N_("empty listing"),
    "cloudwatch": N_("CloudWatch RepositoryPullCount"),
    "cloudtrail": N_("CloudTrail pull events"),
    "ipranges": N_("AWS IP address ranges"),
    "hubusage": N_("Docker Hub pull usage export"),
}
FIELD_WORDS = {
    "repositories": N_("Repositories"),
    "versions_kept": N_("Versions kept per repository"),
    "image_size_mb": N_("Image size (compressed, MB)"),
    "shared_layer_fraction": N_("Shared layers"),
    "pushes_per_month": N_("Pushes a month"),
}
MEASURED_FIELDS = tuple(FIELD_WORDS)  # what an inventory holds: listed as "not measured" when missing
PULL_WORDS = {
    "pulls_per_month": N_("Pulls a month"),
    "same_region_share": N_("Same-region pulls"),
    "cross_region_share": N_("Cross-region pulls"),
    "internet_share": N_("Internet pulls"),
}
PULL_FIELDS = tuple(PULL_WORDS)  # listed as "not measured" only when a pull input was given
FIELD_WORDS.update(PULL_WORDS)
PULL_FORMATS = {"cloudwatch", "cloudtrail", "ipranges", "hubusage"}

IMAGE_TYPES = {"application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.v2+json"}
INDEX_TYPES = {"application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json"}
SCHEMA1_TYPES = {
    "application/vnd.docker.distribution.manifest.v1+json",
    "application/vnd.docker.distribution.manifest.v1+prettyjws",
}
DIGEST_RE = re.compile(r"^(sha256|sha512)[:-]([0-9a-f]{32,128})$")
HUB_URL_RE = re.compile(r"/v2/(?:namespaces/([^/?#]+)/repositories|repositories/([^/?#]+))/([^/?#]+)/tags")
GH_URL_RE = re.compile(r"/packages/container/(?:package/)?([^/?#]+)")
GH_OWNER_RE = re.compile(r"/(?:orgs|users)/([^/?#]+)/packages/container/(?:package/)?([^/?#]+)")
# image configs: anything else in a manifest's config (or an ECR listing's artifactMediaType) is an
# OCI artifact (Helm chart, signature, SBOM, WASM module), stored but not an image version
IMAGE_CONFIG_TYPES = {"application/vnd.docker.container.image.v1+json", "application/vnd.oci.image.config.v1+json"}
IMAGE_LAYER_PREFIXES = ("application/vnd.oci.image.layer.", "application/vnd.docker.image.rootfs.")
IN_TOTO = "application/vnd.in-toto+json"  # the layers of a buildx attestation manifest (provenance, SBOM)
# `sha256-<hex>`: the OCI referrers fallback tag (an index of the artifacts that refer to that digest);
# with .sig/.att/.sbom: cosign's signature, attestation and SBOM tags
REFERRERS_TAG_RE = re.compile(r"^sha256-[0-9a-f]{64}$")
COSIGN_TAG_RE = re.compile(r"^sha256-[0-9a-f]{64}\.(sig|att|sbom)$")
# buildx pushes an index, its platform images and one small attestation manifest per platform within
# seconds; an untagged manifest pushed with an index and under 2 % of its size is taken as an attestation
PUSH_WINDOW_S = 300
ATTESTATION_SHARE = 0.02
MIN_PUSH_SPAN_DAYS = 7  # fewer days of pushes do not tell a monthly rate (5 pushes in 1.8 days are not 84 a month)
MIN_PULL_SPAN_DAYS = 1
MAX_SERIES_POINTS = 1_000_000  # datapoints, events or rows in one pull input
ATTESTATION = "attestation-manifest"  # buildx's provenance/SBOM entries in an index: not an image
