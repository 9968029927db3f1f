"""Vectorised path vs a plain Python loop over the per-workload path, on the same inputs.

1,000,000 workload x registry evaluations = 125,000 workloads x 8 registries. Prints seconds
for each and the speed-up, measured in this one run (machines here are noisy).
Usage: python bench/engine.py [--evaluations N] [--seed S]
"""

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lib.inputs import pricebook  # noqa: E402
from lib.inputs.workload import DEFAULT, Workload  # noqa: E402
from lib.pricing import engine, registries


def make_inputs(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    df = pd.DataFrame([DEFAULT.to_dict()] * n)
    df["image_size_mb"] = rng.uniform(10, 5000, n)
    df["versions_kept"] = rng.integers(1, 100, n)
    df["repositories"] = rng.integers(1, 50, n)
    df["pulls_per_month"] = rng.uniform(0, 1e6, n)
    df["shared_layer_fraction"] = rng.uniform(0, 0.9, n)
    same = rng.uniform(0, 1, n)
    cross = rng.uniform(0, 1, n) * (1 - same)
    df["same_region_share"], df["cross_region_share"], df["internet_share"] = same, cross, 1 - same - cross
    df["region"] = rng.choice(["us-east-1", "ap-northeast-2"], n)
    df["network"] = rng.choice(["public", "nat", "endpoints"], n)
    return df


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--evaluations", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    book = pricebook.load()
    n = args.evaluations // len(registries.IDS)
    df = make_inputs(n, args.seed)
    workloads = [Workload(**row) for row in df.to_dict("records")]

    engine.estimate_many(df.head(100), book)  # warm imports and caches
    t0 = time.perf_counter()
    vec = engine.estimate_many(df, book)
    t_vec = time.perf_counter() - t0

    t0 = time.perf_counter()
    loop = [engine.estimate(w, book).totals() for w in workloads]  # the per-workload path
    t_loop = time.perf_counter() - t0

    worst = max(abs(vec[rid].to_numpy() - np.array([r[rid] for r in loop])).max() for rid in registries.IDS)
    evals = n * len(registries.IDS)
    print(f"evaluations: {evals:,} ({n:,} workloads x {len(registries.IDS)} registries)")
    print(f"vectorised:  {t_vec:8.3f} s  ({evals / t_vec:,.0f} evaluations/s)  target < 1 s")
    print(f"plain loop:  {t_loop:8.3f} s  ({evals / t_loop:,.0f} evaluations/s)")
    print(f"speed-up:    {t_loop / t_vec:8.1f}x  target >= 50x")
    print(f"largest difference between the two paths: ${worst:.2e}")


if __name__ == "__main__":
    main()
