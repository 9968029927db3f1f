"""Reading a large Cost and Usage Report: time and peak memory of the bill reader (issue 27).

Writes a CUR 2.0 CSV of --rows rows (default 1,000,000; about 400 MB) in the documented shape (the
columns of tests/fixtures/bill/eks-cur2-2026-11.csv): an hourly month of an account's usage, where one
row in 20 prices the registry or its network (ECR storage, NAT hours and bytes, inter-region and
internet transfer) and the rest is EC2, EBS, S3 requests, CloudWatch, Lambda. Then, each in its own
process so peak memory (max RSS) is its own, both after importing lib.bill (the same interpreter):

  baseline  csv.reader over the same file, every row looked at once (what any reader must pay)
  bill      lib.bill.read: classify, check and sum every row (what the page and the CLI run)

Prints seconds and the peak memory each added while reading, and the ratios. With --gzip, the same
rows gzip-compressed (as AWS delivers them). Run: .venv/bin/python bench/bill.py [--rows N] [--gzip]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COLUMNS = (ROOT / "tests/fixtures/bill/eks-cur2-2026-11.csv").read_text().splitlines()[0].split(",")
REGISTRY = [  # (product, usage type, unit, rate, description)
    ("AmazonECR", "USE1-TimedStorage-ByteHrs", "GB-Mo", 0.1, "$0.10 per GB-month of data storage"),
    ("AmazonEC2", "USE1-NatGateway-Hours", "Hrs", 0.045, "$0.045 per NAT Gateway Hour"),
    ("AmazonEC2", "USE1-NatGateway-Bytes", "GB", 0.045, "$0.045 per GB Data Processed by NAT Gateways"),
    ("AmazonECR", "USE1-USW2-AWS-Out-Bytes", "GB", 0.02, "$0.02 per GB - US East (N. Virginia) to US West (Oregon)"),
    ("AmazonEC2", "USE1-DataTransfer-Out-Bytes", "GB", 0.09, "$0.09 per GB - first 10 TB / month data transfer out"),
]
OTHER = [
    ("AmazonEC2", f"USE1-BoxUsage:{t}", "Hrs", r, f"${r} per On Demand Linux {t} Instance Hour")
    for t, r in (("m5.xlarge", 0.192), ("c6i.2xlarge", 0.34), ("r6g.large", 0.1008), ("t3.medium", 0.0416))
] + [
    ("AmazonEC2", "USE1-EBS:VolumeUsage.gp3", "GB-Mo", 0.08, "$0.08 per GB-month of General Purpose (gp3)"),
    ("AmazonS3", "USE1-Requests-Tier1", "Requests", 0.000005, "$0.005 per 1,000 PUT, COPY, POST, or LIST requests"),
    ("AmazonCloudWatch", "USE1-CW:MetricMonitorUsage", "Metrics", 0.3, "$0.30 per metric-month"),
    ("AWSLambda", "USE1-Lambda-GB-Second", "Lambda-GB-Second", 0.0000166667, "AWS Lambda - Total Compute"),
    ("AmazonEC2", "USE1-DataTransfer-Regional-Bytes", "GB", 0.01, "$0.010 per GB - regional data transfer"),
]


def generate(path: Path, rows: int, compress: bool) -> tuple[int, int]:
    """The file, and (rows, registry rows among them, counting the compared ones only)."""
    rng = random.Random(27)
    opener = gzip.open if compress else open
    kept = 0
    with opener(path, "wt", newline="") as f:  # type: ignore[operator]
        w = csv.writer(f)
        w.writerow(COLUMNS)
        for i in range(rows):
            hour = i % 720
            start = f"2026-11-{1 + hour // 24:02d}T{hour % 24:02d}:00:00Z"
            end = (
                f"2026-11-{1 + (hour + 1) // 24:02d}T{(hour + 1) % 24:02d}:00:00Z"
                if hour < 719
                else "2026-12-01T00:00:00Z"
            )
            reg = i % 20 == 0
            product, usage, unit, rate, desc = rng.choice(REGISTRY if reg else OTHER)
            # kept: the registry's lines, and what a self-hosted registry or the S3 baseline would bill
            kept += (
                reg or product == "AmazonS3" or usage.startswith(("USE1-BoxUsage", "USE1-EBS", "USE1-DataTransfer-R"))
            )
            amount = round(rng.uniform(0.1, 50), 6)
            cells = {
                "identity_line_item_id": f"{i:012x}",
                "identity_time_interval": f"{start}/{end}",
                "bill_billing_entity": "AWS",
                "bill_bill_type": "Anniversary",
                "bill_payer_account_id": "123456789012",
                "bill_billing_period_start_date": "2026-11-01T00:00:00Z",
                "bill_billing_period_end_date": "2026-12-01T00:00:00Z",
                "line_item_usage_account_id": "123456789012",
                "line_item_line_item_type": "Usage",
                "line_item_usage_start_date": start,
                "line_item_usage_end_date": end,
                "line_item_product_code": product,
                "line_item_usage_type": usage,
                "line_item_operation": "RunInstances",
                "line_item_availability_zone": "us-east-1a",
                "line_item_resource_id": f"arn:aws:ec2:us-east-1:123456789012:instance/i-{i % 5000:017x}",
                "line_item_usage_amount": str(amount),
                "line_item_normalization_factor": "0",
                "line_item_currency_code": "USD",
                "line_item_unblended_rate": str(rate),
                "line_item_unblended_cost": f"{amount * rate:.10f}",
                "line_item_blended_rate": str(rate),
                "line_item_blended_cost": f"{amount * rate:.10f}",
                "line_item_line_item_description": desc,
                "product_product_family": "Compute Instance",
                "product_region_code": "us-east-1",
                "product_servicecode": product,
                "pricing_unit": unit,
                "pricing_term": "OnDemand",
            }
            w.writerow([cells.get(c, "") for c in COLUMNS])
    return rows, kept


CHILD = r"""
import csv, gzip, io, json, sys, time
sys.path.insert(0, {root!r})
import lib.bill
path, mode = sys.argv[1], sys.argv[2]
def status_kb(field):
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith(field + ":"))
import gc; gc.collect()
with open("/proc/self/clear_refs", "w") as f:
    f.write("5")  # resets the peak resident size (VmHWM): what follows is the reading's own peak
base = status_kb("VmRSS")  # lib.bill imported
t = time.perf_counter()
if mode == "baseline":
    raw = open(path, "rb")
    stream = gzip.GzipFile(fileobj=raw) if path.endswith(".gz") else raw
    n = sum(1 for _ in csv.reader(io.TextIOWrapper(stream, encoding="utf-8-sig", newline=""))) - 1
    out = {{"rows": n}}
else:
    b = lib.bill.read(lib.bill.inputs_from_paths([path]))
    out = {{"rows": b.rows(), "kept": b.kept(), "groups": len(b.groups)}}
out["seconds"] = time.perf_counter() - t
out["added_mb"] = (status_kb("VmHWM") - base) / 1024
out["peak_mb"] = status_kb("VmHWM") / 1024
print(json.dumps(out))
"""


def run(path: Path, mode: str) -> dict:
    code = CHILD.format(root=str(ROOT))
    done = subprocess.run([sys.executable, "-c", code, str(path), mode], capture_output=True, text=True, timeout=1800)
    if done.returncode:
        sys.exit(done.stderr)
    return json.loads(done.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--gzip", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / ("cur.csv.gz" if args.gzip else "cur.csv")
        t = time.perf_counter()
        rows, kept = generate(path, args.rows, args.gzip)
        print(f"wrote {rows:,} rows, {path.stat().st_size / 1e6:,.0f} MB in {time.perf_counter() - t:.1f} s")
        base = run(path, "baseline")
        got = run(path, "bill")
        assert base["rows"] == rows == got["rows"] and got["kept"] == kept, (base, got, kept)
        print(
            f"csv.reader: {base['seconds']:.2f} s, +{base['added_mb']:.1f} MB while reading "
            f"(peak {base['peak_mb']:.0f} MB, lib.bill imported)"
        )
        print(
            f"lib.bill:   {got['seconds']:.2f} s, +{got['added_mb']:.1f} MB while reading "
            f"(peak {got['peak_mb']:.0f} MB); {got['rows']:,} rows read, {got['kept']:,} kept in {got['groups']} sums"
        )
        print(
            f"ratio: time {got['seconds'] / base['seconds']:.2f}x csv.reader; "
            f"memory added {got['added_mb']:.1f} vs {base['added_mb']:.1f} MB; load average {os.getloadavg()[0]:.1f}"
        )


if __name__ == "__main__":
    main()
