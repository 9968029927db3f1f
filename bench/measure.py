"""Measuring a large inventory: 100,000 ECR image details and 10,000 manifests (from a folder on disk).

Each figure is printed with its baseline from the same run: json.loads of the same bytes (what
any reader of these files must pay), so the ratio is the cost of checking and measuring on top of
parsing. Target: each under 2 s. Usage: python bench/measure.py [--details N] [--manifests N] [--repeat R]
"""

import argparse
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lib import measure  # noqa: E402

D2 = "application/vnd.docker.distribution.manifest.v2+json"
LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip"


def ecr_bytes(n: int, rng: random.Random) -> bytes:
    """One `aws ecr describe-images` listing per 100 images, concatenated as one file of n details."""
    t0 = 1_735_689_600  # 2025-01-01
    details = [
        {
            "registryId": "123456789012",
            "repositoryName": f"service-{i // 100:04d}",
            "imageDigest": "sha256:" + hashlib.sha256(str(i).encode()).hexdigest(),
            "imageTags": [f"build-{i}"],
            "imageSizeInBytes": rng.randint(20_000_000, 900_000_000),
            "imagePushedAt": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(t0 + i * 60)),
            "imageManifestMediaType": D2,
            "artifactMediaType": "application/vnd.docker.container.image.v1+json",
            "lastRecordedPullTime": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(t0 + i * 60 + 3600)),
        }
        for i in range(n)
    ]
    return json.dumps({"imageDetails": details}, indent=4).encode()


def manifest_tree(root: Path, n: int, rng: random.Random) -> list[bytes]:
    """n manifests in 100 repositories; each shares 6 base layers with its repository's other images."""
    blobs = []
    repos = max(1, n // 100)
    for r in range(repos):
        base = [
            ("sha256:" + hashlib.sha256(f"base-{r}-{k}".encode()).hexdigest(), rng.randint(1_000_000, 50_000_000))
            for k in range(6)
        ]
        d = root / f"team/service-{r:03d}"
        d.mkdir(parents=True)
        for t in range(n // repos):
            own = [
                ("sha256:" + hashlib.sha256(f"app-{r}-{t}-{k}".encode()).hexdigest(), rng.randint(10_000, 20_000_000))
                for k in range(4)
            ]
            doc = {
                "schemaVersion": 2,
                "mediaType": D2,
                "config": {
                    "mediaType": "application/vnd.docker.container.image.v1+json",
                    "size": 7023,
                    "digest": "sha256:" + hashlib.sha256(f"cfg-{r}-{t}".encode()).hexdigest(),
                },
                "layers": [{"mediaType": LAYER, "size": s, "digest": dg} for dg, s in base + own],
            }
            data = json.dumps(doc, indent=3).encode()
            (d / f"v{t}.json").write_bytes(data)
            blobs.append(data)
    return blobs


def best(fn, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--details", type=int, default=100_000)
    ap.add_argument("--manifests", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    rng = random.Random(1)

    data = ecr_bytes(args.details, rng)
    src = [measure.Source("describe-images.json", data)]
    base_min, base_med = best(lambda: json.loads(data), args.repeat)
    m_min, m_med = best(lambda: measure.measure(src), args.repeat)
    r = measure.measure(src)
    print(
        f"ECR image details: {args.details:,} ({len(data) / 1e6:,.1f} MB of JSON) -> "
        f"{r.values()['repositories']:,} repositories, {r.values()['versions_kept']} versions each"
    )
    print(f"  measure:        {m_min:7.3f} s (median {m_med:.3f} s)   target < 2 s")
    print(f"  json.loads:     {base_min:7.3f} s (median {base_med:.3f} s)")
    print(f"  ratio:          {m_min / base_min:7.2f}x json.loads of the same bytes")

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "manifests"
        blobs = manifest_tree(root, args.manifests, rng)
        total = sum(map(len, blobs))
        base_min, base_med = best(lambda: [json.loads(b) for b in blobs], args.repeat)
        read_min, read_med = best(lambda: [p.read_bytes() for p in root.rglob("*.json")], args.repeat)
        m_min, m_med = best(lambda: measure.measure_paths([root]), args.repeat)
        r = measure.measure_paths([root])
    v = r.values()
    print(
        f"Manifests: {len(blobs):,} files ({total / 1e6:,.1f} MB) in {v['repositories']} repositories -> "
        f"{v['image_size_mb']:.1f} MB images, {v['shared_layer_fraction']:.1%} shared"
    )
    print(f"  measure (from disk): {m_min:7.3f} s (median {m_med:.3f} s)   target < 2 s")
    print(f"  read files only:     {read_min:7.3f} s (median {read_med:.3f} s)")
    print(f"  json.loads each:     {base_min:7.3f} s (median {base_med:.3f} s)")
    print(f"  ratio:               {m_min / (base_min + read_min):7.2f}x (reading + json.loads of the same files)")


if __name__ == "__main__":
    main()
