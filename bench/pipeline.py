"""Benchmark (a): the EGDI-2024 ranking pipeline at 10^3..10^6 units.

Part 1, files: the same job three ways, interleaved within each repetition (who
goes first rotates):
  tool    `egdi compute --edition 2024 --format csv -o OUT IN` (subprocess, wall time)
  C API   bench_pipeline IN OUT (subprocess, its own read/compute/sort/write timers)
  pandas  read_csv -> EGDI, round, rank, groups, rating classes -> stable sort ->
          to_csv, in this process (interpreter start and `import pandas` not counted)
Part 2, in memory: `egdi.compute(df, edition=2024)` against the same computation in
pandas/numpy on a DataFrame already in memory (no I/O).

Before timing, the outputs of all ways are compared on the smallest size: same row
order, ranks, groups and rating classes, EGDI within 1e-12, so the baseline does the
same job. Times are medians of the repetitions; ratios are egdi / pandas.

usage: pipeline.py BUILD_DIR WORKDIR [--quick] [--sizes 1000,10000] [--repeat K]
                   [--timeout SECONDS] [--no-python]
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

import numpy as np
import pandas as pd

GROUPS = np.array(["Low", "Middle", "High", "Very High"], dtype=object)
CLASS_LABELS = {"Low": ["L1", "L2", "L3", "LM"], "Middle": ["M1", "M2", "M3", "MH"],
                "High": ["H1", "H2", "H3", "HV"], "Very High": ["V1", "V2", "V3", "VH"]}
COLUMNS = ["code", "name", "osi", "tii", "hci", "egdi", "epi", "rank", "group", "rating_class",
           "osi_rank", "tii_rank", "hci_rank", "epi_rank"]
PY_COLUMNS = ["name", "osi", "tii", "hci", "egdi", "rank", "group", "rating_class"]


# ---------------------------------------------------------------- the baseline
def pandas_compute(df, columns=COLUMNS):
    """What a pandas/numpy user writes for the 2024 ranking: EGDI = weighted mean of
    OSI, TII, HCI (weights 1/3), rounded half away from zero to 5 decimals; competition
    rank ('min'), best first; groups VH >= 0.75, H >= 0.5, M >= 0.25, else L; rating
    classes = quartiles (numpy's default, Hyndman-Fan type 7) within each group;
    sorted by rank (stable: ties keep input order)."""
    w = 1.0 / 3
    egdi = (df["osi"].to_numpy() * w + df["tii"].to_numpy() * w
            + df["hci"].to_numpy() * w) / (w + w + w)
    r = np.sign(egdi) * np.floor(np.abs(egdi) * 1e5 + 0.5) / 1e5
    rank = pd.Series(r).rank(method="min", ascending=False)
    g = np.select([r >= 0.75, r >= 0.5, r >= 0.25, r >= -np.inf], [3, 2, 1, 0], -1)
    group = np.where(g >= 0, GROUPS[g], "")
    rating = np.full(len(r), "", dtype=object)
    for k, name in enumerate(GROUPS):
        mask = g == k
        if not mask.any():
            continue
        v = r[mask]
        q1, q2, q3 = np.quantile(v, [0.25, 0.5, 0.75])
        quart = (v > q1).astype(np.intp) + (v > q2) + (v > q3)
        rating[mask] = np.asarray(CLASS_LABELS[name], dtype=object)[quart]
    out = pd.DataFrame({c: df[c] for c in columns if c in df.columns})
    out["egdi"] = egdi
    out["rank"] = rank.to_numpy()
    out["group"] = group
    out["rating_class"] = rating
    for c in ("osi", "tii", "hci", "epi"):     # component ranks, on the same 5 decimals
        if f"{c}_rank" in columns and c in df.columns:
            v = df[c].to_numpy()
            rv = np.sign(v) * np.floor(np.abs(v) * 1e5 + 0.5) / 1e5
            out[f"{c}_rank"] = pd.Series(rv).rank(method="min", ascending=False).to_numpy()
    out = out[[c for c in columns if c in out.columns]]
    # sort on the float ranks: sorting a nullable Int64 column is 6x slower in pandas 1.5
    out = out.sort_values("rank", kind="stable", na_position="last").reset_index(drop=True)
    for c in ["rank"] + [c for c in out.columns if c.endswith("_rank")]:
        out[c] = out[c].astype("Int64")
    return out


def pandas_job(inp, outp):
    t0 = time.perf_counter()
    df = pd.read_csv(inp)
    t1 = time.perf_counter()
    res = pandas_compute(df)
    t2 = time.perf_counter()
    res.to_csv(outp, index=False)
    t3 = time.perf_counter()
    return {"read": t1 - t0, "compute": t2 - t1, "write": t3 - t2, "total": t3 - t0}


# ---------------------------------------------------------------- data, runners
def make_csv(path, n, seed):
    """code, name, osi, tii, hci, epi in [0, 1] with 5 decimals; deterministic."""
    rng = np.random.default_rng(seed)
    v = rng.integers(0, 100001, size=(n, 4)) / 1e5
    ids = np.arange(n).astype(str)
    df = pd.DataFrame({"code": np.char.add("U", np.char.zfill(ids, 7)),
                       "name": np.char.add("Unit ", ids)})
    for j, c in enumerate(["osi", "tii", "hci", "epi"]):
        df[c] = v[:, j]
    df.to_csv(path, index=False, float_format="%.5f")


def run(cmd, timeout):
    p = subprocess.run(cmd, timeout=timeout, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"pipeline.py: {' '.join(cmd)} failed ({p.returncode}):\n{p.stderr}")
    return p.stdout


def run_tool(tool, inp, outp, timeout):
    # capture_output: with a timeout and no pipes, subprocess waits by polling with
    # growing sleeps (up to 50 ms late); with pipes it wakes when the child exits
    t0 = time.perf_counter()
    run([tool, "compute", "--edition", "2024", "--format", "csv", "-o", outp, inp], timeout)
    return {"total": time.perf_counter() - t0}


def run_capi(prog, inp, outp, timeout):
    t0 = time.perf_counter()
    stdout = run([prog, inp, outp], timeout)
    wall = time.perf_counter() - t0
    res = {k: float(v) for k, v in (kv.split("=") for kv in stdout.split())}
    res["wall"] = wall
    return res


def same_job(a, b, what):
    """Same rows in the same order with the same ranks, groups, classes and EGDI."""
    key = "code" if "code" in a.columns and "code" in b.columns else "name"
    problems = []
    if len(a) != len(b):
        problems.append(f"{len(a)} rows vs {len(b)}")
    else:
        for c in [key, "group", "rating_class"]:
            x, y = a[c].fillna("").astype(str).to_numpy(), b[c].fillna("").astype(str).to_numpy()
            if (x != y).any():
                problems.append(f"{c} differs in {(x != y).sum()} rows")
        for c in ["rank"] + [c for c in a.columns if c.endswith("_rank") and c in b.columns]:
            ra = a[c].astype("float64").to_numpy()
            rb = b[c].astype("float64").to_numpy()
            if not np.array_equal(ra, rb, equal_nan=True):
                problems.append(f"{c} differs")
        if not np.allclose(a["egdi"].astype(float), b["egdi"].astype(float), rtol=0, atol=1e-12):
            problems.append("egdi differs")
    if problems:
        sys.exit(f"pipeline.py: {what}: outputs differ: {'; '.join(problems)}")
    print(f"  check {what}: same order, ranks, groups, classes ({len(a)} rows)")


def read_out(path):
    return pd.read_csv(path, keep_default_na=False, na_values=[""],
                       dtype={"group": str, "rating_class": str})


def med(runs, key="total"):
    return statistics.median(r[key] for r in runs)


def fmt_n(n):
    return f"10^{len(str(n)) - 1}" if str(n).strip("0") == "1" else str(n)


# ---------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("workdir")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--sizes")
    ap.add_argument("--repeat", type=int)
    ap.add_argument("--no-python", action="store_true", help="skip egdi.compute (part 2)")
    ap.add_argument("--timeout", type=float, default=600.0,
                    help="limit for one run of the tool or the C program (s)")
    a = ap.parse_args()
    sizes = ([int(s) for s in a.sizes.split(",")] if a.sizes
             else [10**3, 10**4] if a.quick else [10**3, 10**4, 10**5, 10**6])
    tool = os.path.join(a.build, "tools", "egdi")
    capi = os.path.join(a.build, "bench", "bench_pipeline")
    sys.path.insert(0, os.path.join(a.build, "python"))
    egdi = None
    try:
        if not a.no_python:
            import egdi  # the module of this build tree
    except ImportError as e:
        print(f"pipeline.py: no Python module in {a.build}/python ({e}): in-memory part skipped")

    def repeats(n):
        if a.repeat:
            return a.repeat
        return 2 if a.quick else 5

    w = a.workdir
    files = {}
    for n in sizes:
        files[n] = os.path.join(w, f"wide_{n}.csv")
        make_csv(files[n], n, seed=n)
    out = {k: os.path.join(w, f"out_{k}.csv") for k in ("tool", "capi", "pandas")}

    print(f"checking on {sizes[0]} units that the baselines do the same job")
    n0 = sizes[0]
    run_tool(tool, files[n0], out["tool"], a.timeout)
    run_capi(capi, files[n0], out["capi"], a.timeout)
    pandas_job(files[n0], out["pandas"])
    ref = read_out(out["pandas"])
    same_job(read_out(out["tool"]), ref, "egdi compute vs pandas")
    same_job(read_out(out["capi"]), ref, "C API vs pandas")
    df0 = pd.read_csv(files[n0])
    if egdi:
        same_job(egdi.compute(df0, edition=2024), pandas_compute(df0, PY_COLUMNS),
                 "egdi.compute vs pandas (in memory)")

    # ---- part 1: files
    rows, skip_tool, tool_hist = [], None, []
    for n in sizes:
        reps, runs = repeats(n), {"tool": [], "capi": [], "pandas": []}
        est = tool_hist[-1] * max(10.0, tool_hist[-1] / tool_hist[-2]) if len(tool_hist) > 1 \
            else tool_hist[-1] * 10 if tool_hist else 0
        if skip_tool is None and est > a.timeout:
            skip_tool = f"skipped: est. {est:.0f} s (growth from the smaller sizes)"
        jobs = {"tool": lambda: run_tool(tool, files[n], out["tool"], a.timeout),
                "capi": lambda: run_capi(capi, files[n], out["capi"], a.timeout),
                "pandas": lambda: pandas_job(files[n], out["pandas"])}
        for k in range(reps):
            names = list(jobs)[k % 3:] + list(jobs)[:k % 3]  # who goes first rotates
            for name in names:
                if name == "tool" and skip_tool is not None:
                    continue
                try:
                    runs[name].append(jobs[name]())
                except subprocess.TimeoutExpired:
                    if name != "tool":
                        raise
                    skip_tool = f"> {a.timeout:.0f} s (timed out at {fmt_n(n)})"
        if runs["tool"] and skip_tool is None:
            tool_hist.append(med(runs["tool"]))
        rows.append((n, reps, runs, None if runs["tool"] else skip_tool))
        print(f"  {fmt_n(n)} units done ({reps} repetitions)", flush=True)

    print("\n(a1) files: egdi compute / C API vs pandas+numpy (median seconds; ratio = egdi / "
          "pandas, lower is better)\n")
    print("| units | reps | pandas | egdi compute | ratio | C API | ratio |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n, reps, runs, note in rows:
        p = med(runs["pandas"])
        t = f"{note} | -" if note else f"{med(runs['tool']):.3f} | {med(runs['tool']) / p:.2f}x"
        c = med(runs["capi"], "wall")
        print(f"| {fmt_n(n)} | {reps} | {p:.3f} | {t} | {c:.3f} | {c / p:.2f}x |")
    print("\nwhere the time goes (median seconds per stage)\n")
    print("| units | C API read | compute | sort | write | pandas read | compute+sort | write |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, reps, runs, note in rows:
        c, p = runs["capi"], runs["pandas"]
        print(f"| {fmt_n(n)} | {med(c, 'read'):.3f} | {med(c, 'compute'):.3f} | "
              f"{med(c, 'sort'):.3f} | {med(c, 'write'):.3f} | {med(p, 'read'):.3f} | "
              f"{med(p, 'compute'):.3f} | {med(p, 'write'):.3f} |")

    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import pandas"], check=True)
    print(f"\nnot counted in the pandas times: interpreter start + `import pandas` = "
          f"{time.perf_counter() - t0:.2f} s")

    # ---- part 2: in memory
    if not egdi:
        return
    print("\n(a2) in memory: egdi.compute(df) vs pandas+numpy (median seconds; ratio = egdi / "
          "pandas)\n")
    print("| units | reps | pandas | egdi.compute | ratio |")
    print("|---:|---:|---:|---:|---:|")
    last = None
    for n in sizes:
        df = pd.read_csv(files[n])
        reps = repeats(n)
        if last and last[1] * max(10.0, n / last[0]) > a.timeout:
            print(f"| {fmt_n(n)} | - | - | skipped: est. > {a.timeout:.0f} s | - |")
            continue
        tp, te = [], []
        for k in range(reps):
            for which in ("pandas", "egdi") if k % 2 == 0 else ("egdi", "pandas"):
                t0 = time.perf_counter()
                if which == "pandas":
                    pandas_compute(df, PY_COLUMNS)
                else:
                    egdi.compute(df, edition=2024)
                (tp if which == "pandas" else te).append(time.perf_counter() - t0)
        p, e = statistics.median(tp), statistics.median(te)
        last = (n, e)
        print(f"| {fmt_n(n)} | {reps} | {p:.4f} | {e:.4f} | {e / p:.2f}x |", flush=True)


if __name__ == "__main__":
    main()
