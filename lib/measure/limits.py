"""What the measuring takes as limits, and the names of formats, fields and media types."""

from __future__ import annotations

import re

from ..i18n import N_

MB = 1_000_000  # 1 MB = 1,000,000 bytes, as the cost model counts
DAYS_PER_MONTH = 30  # "pushes a month" = versions pushed per 30 days
MAX_FILE_BYTES = 512 * MB  # one export of a very large registry is ~400 bytes per image detail
MAX_TOTAL_BYTES = 2_000 * MB
MAX_FILES = 200_000
MAX_VALUES = 5_000_000  # JSON values per file (~400,000 image details): bounds the memory json.loads takes
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
}
FIELD_WORDS = {
    "repositories": N_("Repositories"),
    "versions_kept": N_("Versions kept per repository"),
    "image_size_mb": N_("Image size (compressed, MB)"),
    "shared_layer_fraction": N_("Shared layers"),
    "pushes_per_month": N_("Pushes a month"),
}
MEASURED_FIELDS = tuple(FIELD_WORDS)

IMAGE_TYPES = {"application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.v2+json"}
INDEX_TYPES = {"application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json"}
SCHEMA1_TYPES = {
    "application/vnd.docker.distribution.manifest.v1+json",
    "application/vnd.docker.distribution.manifest.v1+prettyjws",
}
DIGEST_RE = re.compile(r"^(sha256|sha512)[:-]([0-9a-f]{32,128})$")
HUB_URL_RE = re.compile(r"/v2/(?:namespaces/([^/?#]+)/repositories|repositories/([^/?#]+))/([^/?#]+)/tags")
GH_URL_RE = re.compile(r"/packages/container/(?:package/)?([^/?#]+)")
ATTESTATION = "attestation-manifest"  # buildx's provenance/SBOM entries in an index: not an image
