"""Amazon ECR: storage per GB-month, free same-region pulls, priced cross-region and internet
egress, NAT or interface endpoints from private subnets, Inspector enhanced scanning."""
from ..components import Flag, Line, aws_internet_egress, aws_transfer, nat_path, positive, replication

ID, NAME = "ecr", "Amazon ECR"


def lines(w, q, p):
    if w.visibility == "public":
        # ECR Public: 50 GB stored and 500 GB/month anonymous internet egress free; free to AWS compute.
        out = [
            Line("Storage (ECR Public, over 50 GB free)", "storage", "GB-month",
                 positive(q.stored_gb - p("ecr.public_free_storage_gb")), p("ecr.storage_gb_month"), "ecr.storage_gb_month"),
            Line("Pulls to AWS compute (free on ECR Public)", "transfer", "GB", q.vpc_gb, 0.0),
            *aws_internet_egress(positive(q.internet_gb - p("ecr.public_free_internet_gb")), p, False,
                                 label="Internet egress over 500 GB free"),
        ]
    else:
        free = p("ecr.free_storage_gb") if w.ecr_free_tier else 0.0
        label = "Storage" if not w.ecr_free_tier else "Storage (over 0.5 GB free tier)"
        out = [Line(label, "storage", "GB-month", positive(q.stored_gb - free), p("ecr.storage_gb_month"), "ecr.storage_gb_month"),
               *aws_transfer(w, q, p),
               *replication(w, p, "ecr.storage_gb_month", q.stored_gb, q.pushed_gb, "ECR replication")]
    if w.network == "nat":
        out += nat_path(w, q, p)
    elif w.network == "endpoints":
        out += [
            Line("Interface endpoints (ecr.api + ecr.dkr) x AZs", "network", "endpoint-hour",
                 2 * w.availability_zones * p.hours, p("aws.endpoint_hourly"), "aws.endpoint_hourly"),
            Line("Endpoint data processed", "network", "GB", q.vpc_gb, p("aws.endpoint_gb"), "aws.endpoint_gb"),
            Line("S3 gateway endpoint (layers)", "network", "GB", q.vpc_gb, 0.0),
        ]
    if w.scanning == "basic":
        out.append(Line("Basic scanning (on push)", "scanning", "image", w.pushes_per_month, 0.0))
    elif w.scanning == "enhanced":
        out += [Line("Enhanced scanning, first scan", "scanning", "image", w.pushes_per_month, p("ecr.scan_first"), "ecr.scan_first"),
                Line("Enhanced scanning, rescans", "scanning", "image", w.rescans_per_month, p("ecr.scan_rescan"), "ecr.scan_rescan")]
    return out


def flags(w, q, p):
    out = []
    if w.visibility == "public":
        out.append(Flag("ecr_public", "info", "Public images are priced as ECR Public (served from us-east-1)."))
        if w.replica_regions:
            out.append(Flag("ecr_public_global", "info", "ECR Public is one global registry: replica regions do not apply."))
    if w.network == "public" and w.cross_region_share == 0 and w.internet_share == 0:
        out.append(Flag("ecr_same_region", "info", "All pulls stay in the region: transfer is free."))
    return out
