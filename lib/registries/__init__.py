"""One module per priced registry, each with ID, NAME, lines(w, q, p) and flags(w, q, p)."""
from . import acr, dockerhub, ecr, gar, ghcr, harbor, nexus, s3

ALL = (ecr, ghcr, dockerhub, harbor, gar, acr, nexus, s3)
BY_ID = {m.ID: m for m in ALL}
IDS = tuple(BY_ID)
NAMES = {m.ID: m.NAME for m in ALL}
