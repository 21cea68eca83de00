"""Benchmark (b): weight-only Monte Carlo replications, libegdi against numpy.

The model is the EGDI-2024 raw preset on 193 synthetic units (bench_replications
makes the data). A replication draws the 11 weights as base * (1 + u), u uniform in
[-0.25, 0.25], recomputes the EGDI and ranks it (5 decimals, half away from zero,
competition ranks, best = 1).

  C       bench_replications: one plan, one evaluation context, egdi_eval_set_weight x 11,
          egdi_eval_run, egdi_eval_rank; random numbers drawn inside the timed loop
  numpy   the plain way: the capped, z-scored indicators and the OSI are computed
          once (weights do not change them); then per replication, vectorised over
          the units: weighted means, min-max, weighted EGDI, rounding, rank by
          np.sort + np.searchsorted. The weight matrix is drawn before the timed loop.
          This is the baseline of the acceptance ratio.
  tuned numpy, for information: the same loop tuned by hand (in-place arithmetic,
          no division of the composites by their weight sums, which min-max cancels).
  batched numpy, for information: many replications at once as matrices (batches
          of 1000): one matrix product per composite, min-max along rows, ranks by a
          row-wise argsort and a running maximum.

Before timing, both numpy variants are fed the weights of the first replications of
the C program and must give exactly its ranks. The C program and the numpy
variants are interleaved within each repetition; results are medians.

usage: replications.py BUILD_DIR WORKDIR [--quick] [--repeat K]
"""
import argparse
import csv
import os
import statistics
import subprocess
import sys
import time

import numpy as np

TII = ["internet_users", "fixed_broadband", "active_mobile_broadband", "mobile_subscriptions"]
HCI = ["adult_literacy", "gross_enrolment", "expected_years", "mean_years"]
BASE = np.array([1 / 3, 1 / 3, 1 / 3] + [1 / 4] * 4 + [1 / 3, 2 / 9, 2 / 9, 2 / 9])


def read_csv_exact(path):
    """Columns of a CSV as float64 arrays, parsed by Python's float (exact)."""
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    head, body = rows[0], rows[1:]
    return {h: np.array([float(r[j]) for r in body]) for j, h in enumerate(head)
            if h not in ("code", "name")}


def prepare(data):
    """What does not change with the weights: OSI (min-max of osi_raw) and the
    z-scored indicators (TII capped at 120 first; population sd)."""
    def minmax(x):
        return (x - x.min()) / (x.max() - x.min())

    def z(x):
        return (x - x.mean()) / x.std()

    osi = minmax(data["osi_raw"])
    zt = np.column_stack([z(np.minimum(data[c], 120.0)) for c in TII])
    zh = np.column_stack([z(data[c]) for c in HCI])
    return osi, zt, zh


def replicate(w, osi, zt, zh):
    """One replication, vectorised over the units; returns competition ranks."""
    wt, wh = w[3:7], w[7:11]
    t = zt @ wt / wt.sum()
    t = (t - t.min()) / (t.max() - t.min())
    h = zh @ wh / wh.sum()
    h = (h - h.min()) / (h.max() - h.min())
    e = (w[0] * osi + w[1] * t + w[2] * h) / (w[0] + w[1] + w[2])
    r = np.floor(e * 1e5 + 0.5) / 1e5  # half away from zero (e >= 0)
    s = np.sort(-r)
    return np.searchsorted(s, -r, side="left") + 1


def replicate_tuned(w, osi, zt, zh):
    """replicate() tuned by hand: in-place arithmetic, Python floats for the EGDI
    weights, and no division of the TII/HCI means by their weight sums (min-max
    cancels any positive scale)."""
    t = zt @ w[3:7]
    t -= t.min()
    t /= t.max()
    h = zh @ w[7:11]
    h -= h.min()
    h /= h.max()
    wo, wt, wh = w[:3].tolist()
    e = (wo * osi + wt * t + wh * h) / (wo + wt + wh)
    r = -np.floor(e * 1e5 + 0.5)
    s = np.sort(r)
    return np.searchsorted(s, r, side="left") + 1


def replicate_batch(W, osi, zt, zh):
    """len(W) replications at once; returns a (len(W), units) matrix of ranks."""
    wt, wh = W[:, 3:7], W[:, 7:11]
    t = (wt @ zt.T) / wt.sum(axis=1, keepdims=True)
    t = (t - t.min(axis=1, keepdims=True)) / np.ptp(t, axis=1, keepdims=True)
    h = (wh @ zh.T) / wh.sum(axis=1, keepdims=True)
    h = (h - h.min(axis=1, keepdims=True)) / np.ptp(h, axis=1, keepdims=True)
    e = (W[:, :1] * osi + W[:, 1:2] * t + W[:, 2:3] * h) / W[:, :3].sum(axis=1, keepdims=True)
    neg = -(np.floor(e * 1e5 + 0.5) / 1e5)
    order = np.argsort(neg, axis=1, kind="stable")
    s = np.take_along_axis(neg, order, axis=1)
    n = s.shape[1]
    start = np.ones(s.shape, dtype=bool)
    start[:, 1:] = s[:, 1:] != s[:, :-1]
    first = np.maximum.accumulate(np.where(start, np.arange(n), 0), axis=1)
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, first + 1, axis=1)
    return ranks


def draw(rng, r):
    return BASE * (1 + rng.uniform(-0.25, 0.25, size=(r, BASE.size)))


def time_loop(fn, reps, osi, zt, zh, rng):
    W = draw(rng, reps)
    t0 = time.perf_counter()
    for k in range(reps):
        fn(W[k], osi, zt, zh)
    return reps / (time.perf_counter() - t0)


def time_batched(reps, batch, osi, zt, zh, rng):
    Ws = [draw(rng, batch) for _ in range(reps // batch)]
    t0 = time.perf_counter()
    for W in Ws:
        replicate_batch(W, osi, zt, zh)
    return len(Ws) * batch / (time.perf_counter() - t0)


def run_c(prog, reps, extra=()):
    p = subprocess.run([prog, "--reps", str(reps), "--repeat", "1", *extra], check=True,
                       capture_output=True, text=True)
    for line in p.stdout.splitlines():
        if line.startswith("median_reps_per_s="):
            return float(line.split()[0].split("=")[1])
    sys.exit(f"replications.py: unexpected output of {prog}:\n{p.stdout}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("workdir")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--repeat", type=int)
    a = ap.parse_args()
    prog = os.path.join(a.build, "bench", "bench_replications")
    repeat = a.repeat or (2 if a.quick else 7)
    # about 0.3-1 s per measurement on the reference machine
    c_reps, np_reps, b_reps, batch = ((5000, 500, 5000, 1000) if a.quick
                                      else (60000, 6000, 60000, 1000))

    d = os.path.join(a.workdir, "replications")
    os.makedirs(d, exist_ok=True)
    run_c(prog, 1, ["--dump", d, "--dump-count", "50"])
    data = read_csv_exact(os.path.join(d, "data.csv"))
    osi, zt, zh = prepare(data)
    W = np.loadtxt(os.path.join(d, "weights.csv"), delimiter=",", skiprows=1)
    R = np.loadtxt(os.path.join(d, "ranks.csv"), delimiter=",", dtype=np.int64, ndmin=2)
    loop = np.array([replicate(w, osi, zt, zh) for w in W])
    tuned = np.array([replicate_tuned(w, osi, zt, zh) for w in W])
    batched = replicate_batch(W, osi, zt, zh)
    for name, got in (("numpy", loop), ("tuned numpy", tuned), ("batched numpy", batched)):
        bad = int((got != R).sum())
        if bad:
            sys.exit(f"replications.py: {name} ranks differ from libegdi's in {bad} of "
                     f"{R.size} places")
        print(f"  check {name}: same ranks as libegdi on {len(W)} replications x "
              f"{R.shape[1]} units")

    rng = np.random.default_rng(1)
    rates = {"c": [], "numpy": [], "tuned": [], "batched": []}
    for _ in range(repeat):
        rates["c"].append(run_c(prog, c_reps))
        rates["numpy"].append(time_loop(replicate, np_reps, osi, zt, zh, rng))
        rates["tuned"].append(time_loop(replicate_tuned, np_reps, osi, zt, zh, rng))
        rates["batched"].append(time_batched(b_reps, batch, osi, zt, zh, rng))
    m = {k: statistics.median(v) for k, v in rates.items()}
    print(f"\n(b) weight-only replications, EGDI-2024 shape, {R.shape[1]} units, 11 weights "
          f"+-25 %, ranked (median of {repeat}; ratio = libegdi / baseline, higher is better)\n")
    print("| implementation | replications/s | us/replication | libegdi ratio |")
    print("|---|---:|---:|---:|")
    print(f"| libegdi egdi_eval_* (1 thread) | {m['c']:.0f} | {1e6 / m['c']:.2f} | - |")
    print(f"| numpy, one replication at a time (acceptance baseline) | {m['numpy']:.0f} | "
          f"{1e6 / m['numpy']:.2f} | {m['c'] / m['numpy']:.2f}x |")
    print(f"| numpy, hand-tuned loop (information) | {m['tuned']:.0f} | "
          f"{1e6 / m['tuned']:.2f} | {m['c'] / m['tuned']:.2f}x |")
    print(f"| numpy, batched {batch} at a time (information) | {m['batched']:.0f} | "
          f"{1e6 / m['batched']:.2f} | {m['c'] / m['batched']:.2f}x |")


if __name__ == "__main__":
    main()
