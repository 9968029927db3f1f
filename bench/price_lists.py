"""Reading a large AWS offer file: time and peak memory of the streaming reader.

Writes a synthetic AmazonEC2 regional offer file in the documented shape (products by SKU with
~30 attributes each, like real Compute Instance products; terms -> OnDemand and Reserved, five
reserved offers per SKU) of about --mb megabytes, with the few products the price book needs
hidden among them. Then, each in its own process so peak memory (max RSS) is its own:

  baseline  read the file's bytes in 1 MB chunks (the disk/page-cache floor)
  stream    lib.inputs.price_lists.scan_offer with the price book's EC2 rules (what the update runs)
  json.load the whole file into Python objects (what a naive reader does)

Prints seconds and peak MB, as ratios to the baseline. Run: .venv/bin/python bench/price_lists.py [--mb 400]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FAMILIES = ["m5", "m6i", "m7i", "c5", "c6i", "c7i", "r5", "r6i", "r7i", "t3", "i4i", "x2idn"]
SIZES = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "metal"]
OSES = [
    ("Linux", "NA", "No License required"),
    ("Windows", "NA", "No License required"),
    ("RHEL", "NA", "No License required"),
    ("SUSE", "NA", "No License required"),
    ("Windows", "SQL Std", "License included"),
    ("Linux", "SQL Web", "No License required"),
]
TENANCY = ["Shared", "Dedicated", "Host"]
CAPACITY = ["Used", "UnusedCapacityReservation", "AllocatedCapacityReservation"]


def _product(sku, itype, os_, sw, lic, ten, cap):
    return {
        "sku": sku,
        "productFamily": "Compute Instance",
        "attributes": {
            "servicecode": "AmazonEC2",
            "location": "US East (N. Virginia)",
            "locationType": "AWS Region",
            "instanceType": itype,
            "currentGeneration": "Yes",
            "instanceFamily": "General purpose",
            "vcpu": "4",
            "physicalProcessor": "Intel Xeon Platinum 8375C (Ice Lake)",
            "clockSpeed": "3.5 GHz",
            "memory": "8 GiB",
            "storage": "EBS only",
            "networkPerformance": "Up to 12500 Megabit",
            "processorArchitecture": "64-bit",
            "tenancy": ten,
            "operatingSystem": os_,
            "licenseModel": lic,
            "usagetype": f"BoxUsage:{itype}",
            "operation": "RunInstances",
            "availabilityzone": "NA",
            "capacitystatus": cap,
            "classicnetworkingsupport": "false",
            "dedicatedEbsThroughput": "Up to 10000 Mbps",
            "ecu": "NA",
            "enhancedNetworkingSupported": "Yes",
            "gpuMemory": "NA",
            "intelAvxAvailable": "Yes",
            "intelAvx2Available": "Yes",
            "intelTurboAvailable": "Yes",
            "marketoption": "OnDemand",
            "normalizationSizeFactor": "8",
            "preInstalledSw": sw,
            "processorFeatures": "Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo",
            "regionCode": "us-east-1",
            "servicename": "Amazon Elastic Compute Cloud",
            "vpcnetworkingsupport": "true",
        },
    }


def _dims(sku, term, usd, unit="Hrs", desc="per On Demand Linux c6i.xlarge Instance Hour"):
    rc = f"{sku}.{term}.6YS6EN2CT7"
    return {
        rc: {
            "rateCode": rc,
            "description": f"${usd} {desc}",
            "beginRange": "0",
            "endRange": "Inf",
            "unit": unit,
            "pricePerUnit": {"USD": f"{usd:.10f}"},
            "appliesTo": [],
        }
    }


def generate(path: Path, mb: float) -> int:
    rnd = random.Random(7)
    target = mb * 1e6
    skus = []
    with open(path, "w", encoding="utf-8") as f:
        f.write(
            '{"formatVersion":"v1.0","disclaimer":"synthetic","offerCode":"AmazonEC2","version":"20261101000000",'
            '"publicationDate":"2026-11-01T00:00:00Z","products":{'
        )
        # the few the book needs, then filler; products take ~45 % of a real file
        special = [
            _product("WANTEDC6IXLARGE", "c6i.xlarge", "Linux", "NA", "No License required", "Shared", "Used"),
            {
                "sku": "WANTEDGP3VOLUME",
                "productFamily": "Storage",
                "attributes": {"volumeApiName": "gp3", "usagetype": "EBS:VolumeUsage.gp3", "regionCode": "us-east-1"},
            },
            {
                "sku": "WANTEDNATHOURS0",
                "productFamily": "NAT Gateway",
                "attributes": {"usagetype": "NatGateway-Hours", "regionCode": "us-east-1"},
            },
            {
                "sku": "WANTEDNATBYTES0",
                "productFamily": "NAT Gateway",
                "attributes": {"usagetype": "NatGateway-Bytes", "regionCode": "us-east-1"},
            },
        ]
        n = 0
        written = f.tell()
        while written < target * 0.45 or n < len(special):
            if n < len(special):
                p = special[n]
            else:
                os_, sw, lic = rnd.choice(OSES)
                itype = f"{rnd.choice(FAMILIES)}.{rnd.choice(SIZES)}"
                p = _product(
                    f"SKU{n:09d}X{rnd.randrange(1 << 20):05X}",
                    itype,
                    os_,
                    sw,
                    lic,
                    rnd.choice(TENANCY),
                    rnd.choice(CAPACITY),
                )
            f.write(("," if n else "") + json.dumps(p["sku"]) + ":" + json.dumps(p, separators=(",", ":")))
            skus.append(p["sku"])
            n += 1
            if n % 2000 == 0:
                written = f.tell()
        f.write('},"terms":{"OnDemand":{')
        for i, sku in enumerate(skus):
            unit = "GB-Mo" if sku == "WANTEDGP3VOLUME" else ("GB" if sku == "WANTEDNATBYTES0" else "Hrs")
            usd = {"WANTEDC6IXLARGE": 0.17, "WANTEDGP3VOLUME": 0.08}.get(
                sku, 0.045 if sku.startswith("WANTEDNAT") else rnd.random()
            )
            t = {
                f"{sku}.JRTCKXETXF": {
                    "offerTermCode": "JRTCKXETXF",
                    "sku": sku,
                    "effectiveDate": "2026-11-01T00:00:00Z",
                    "priceDimensions": _dims(sku, "JRTCKXETXF", usd, unit),
                    "termAttributes": {},
                }
            }
            f.write(("," if i else "") + json.dumps(sku) + ":" + json.dumps(t, separators=(",", ":")))
        f.write('},"Reserved":{')
        for i, sku in enumerate(skus):
            t = {}
            for code, (length, opt) in zip(
                ("4NA7Y494T4", "6QCMYABX3D", "HU7G6KETJZ", "38NPMPTW36", "NQ3QZPMQV9"),
                (
                    ("1yr", "No Upfront"),
                    ("1yr", "All Upfront"),
                    ("1yr", "Partial Upfront"),
                    ("3yr", "Partial Upfront"),
                    ("3yr", "All Upfront"),
                ),
                strict=True,
            ):
                t[f"{sku}.{code}"] = {
                    "offerTermCode": code,
                    "sku": sku,
                    "effectiveDate": "2026-11-01T00:00:00Z",
                    "priceDimensions": _dims(sku, code, rnd.random(), desc="Upfront Fee"),
                    "termAttributes": {
                        "LeaseContractLength": length,
                        "OfferingClass": "standard",
                        "PurchaseOption": opt,
                    },
                }
            f.write(("," if i else "") + json.dumps(sku) + ":" + json.dumps(t, separators=(",", ":")))
            if f.tell() > target:
                break
        f.write("}}}")
    return len(skus)


CHILD = {
    "baseline": "import sys\nwith open(sys.argv[1],'rb') as f:\n    while f.read(1<<20): pass\nprint(0)",
    "stream": (
        "import sys\nfrom lib.inputs import price_lists as pl\n"
        "rules=[r for r in pl.AWS_RULES if 'AmazonEC2' in r.offers]\n"
        "o=pl.scan_offer(sys.argv[1], lambda p: any(r.matches(p) for r in rules), 'AmazonEC2')\n"
        "assert pl.dimensions(o,'WANTEDC6IXLARGE')[0].usd==0.17\nprint(len(o.products))"
    ),
    "json.load": "import sys, json\nd=json.load(open(sys.argv[1],'rb'))\nprint(len(d['products']))",
}


def run(kind: str, path: Path) -> tuple[float, float, str]:
    code = CHILD[kind] + "\nimport resource\nprint(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    t = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], cwd=ROOT, capture_output=True, text=True, timeout=1800, check=True
    ).stdout.split()
    return time.perf_counter() - t, int(out[-1]) / 1024.0, out[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=400.0, help="size of the synthetic offer file")
    ap.add_argument(
        "--skip-json-load", action="store_true", help="leave out the naive reader (needs ~10x the file in RAM)"
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "AmazonEC2-us-east-1.json"
        t = time.perf_counter()
        n = generate(path, args.mb)
        size = os.path.getsize(path) / 1e6
        print(f"synthetic offer file: {size:.0f} MB, {n:,} products (written in {time.perf_counter() - t:.0f} s)")
        runs = {k: run(k, path) for k in CHILD if not (k == "json.load" and args.skip_json_load)}
        base_t, base_m, _ = runs["baseline"]
        print(f"{'reader':<10} {'seconds':>8} {'x baseline':>11} {'peak MB':>8} {'x baseline':>11}  kept")
        for k, (s, m, kept) in runs.items():
            print(f"{k:<10} {s:8.2f} {s / base_t:10.1f}x {m:8.0f} {m / base_m:10.1f}x  {kept}")
        s, m, _ = runs["stream"]
        print(
            f"stream: {size / s:.0f} MB/s; peak memory {m:.0f} MB for a {size:.0f} MB file "
            f"({m / size:.2f} MB per file MB)"
        )


if __name__ == "__main__":
    main()
