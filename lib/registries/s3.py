"""`docker save` tarballs in S3: the anti-pattern the source document warns about, kept as a
baseline. Every tar holds all its layers, so storage never de-duplicates."""
from ..components import Flag, Line, aws_transfer, nat_path, replication

ID, NAME = "s3", "S3 + docker save (baseline)"


def lines(w, q, p):
    out = [Line("Storage (full tarballs, no layer sharing)", "storage", "GB-month", q.stored_gb_naive,
                p("aws.s3_storage_gb_month"), "aws.s3_storage_gb_month"),
           *aws_transfer(w, q, p),
           # cross-region replication copies whole tarballs: every push sends the full image
           *replication(w, p, "aws.s3_storage_gb_month", q.stored_gb_naive,
                        w.pushes_per_month * w.image_size_mb / 1000.0, "S3 cross-region replication")]
    if w.network == "nat":
        out += nat_path(w, q, p)
    elif w.network == "endpoints":
        out.append(Line("S3 gateway endpoint", "network", "GB", q.vpc_gb, 0.0))
    out.append(Line("Manual save / copy / load", "operations", "engineer-hour", w.s3_manual_hours_per_month, w.engineer_hourly_rate))
    return out


def flags(w, q, p):
    return [Flag("not_a_registry", "blocker", "Not a registry: no docker pull, no tags, no scanning, no layer de-duplication.")]
