#!/usr/bin/python3
"""Check bench/generate.py against real Kedro (the oracle in shared/oracle/kedro_truth.py).

Usage:
  validate.py [--kedro-src /tmp/kedro-1.5.0] [--oracle PATH] [--sizes "100 1000"]
              [--shapes "modular layered"] [--catalog-entries C] [--factory-patterns F]
              [--seed S] [--keep DIR]

For each size and shape it generates a project in a temporary folder, imports it with
real Kedro through the oracle, and checks that:
  - the oracle succeeds and Kedro raises no UserWarning (interrupted namespaces, dotted
    dataset names) while building the pipelines;
  - __default__ has exactly the requested number of nodes, and the registered pipelines'
    node counts add up to it;
  - every free input of every registered pipeline is an explicit catalog entry or matches a
    factory pattern, and every params: input exists in parameters.yml;
  - Kedro's nodes (name, inputs, outputs) and explicit catalog equal the generator's model;
  - the oracle wrote nothing into the project (same files, no __pycache__).
It prints one line per project with the generated size and the oracle's wall time.
Set-up of the oracle (Kedro source and Debian packages): see the oracle's header.
Exit status 0 when every check passes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # leave no __pycache__ in bench/
sys.path.insert(0, str(HERE))
import generate  # noqa: E402


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            st = path.lstat()
            out[str(path.relative_to(root))] = (st.st_size, st.st_mtime_ns)
    return out


def check_project(args, shape: str, nodes: int, workdir: Path) -> list[str]:
    project_dir = workdir / f"{shape}_{nodes}"
    gen_args = [str(project_dir), "--nodes", str(nodes), "--shape", shape, "--seed", str(args.seed),
                "--catalog-entries", str(args.catalog_entries), "--factory-patterns", str(args.factory_patterns),
                "--force"]
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, str(HERE / "generate.py"), *gen_args], capture_output=True, text=True)
    gen_seconds = time.perf_counter() - started
    if proc.returncode != 0:
        return [f"generate.py failed: {proc.stderr.strip()}"]
    stats = json.loads(proc.stdout)
    before = snapshot(project_dir)
    started = time.perf_counter()
    oracle = subprocess.run(
        ["/usr/bin/python3", "-W", "error::UserWarning", str(args.oracle), str(project_dir),
         "--kedro-src", str(args.kedro_src)],
        capture_output=True, text=True, cwd=workdir)
    oracle_seconds = time.perf_counter() - started
    problems = []
    if oracle.returncode != 0:
        tail = "\n    ".join(oracle.stderr.strip().splitlines()[-5:])
        return [f"oracle failed (exit {oracle.returncode}):\n    {tail}"]
    truth = json.loads(oracle.stdout)
    after = snapshot(project_dir)
    if before != after:
        changed = sorted(set(before) ^ set(after)) or sorted(k for k in before if before[k] != after.get(k))
        problems.append(f"the oracle changed the project: {changed[:5]}")
    pipes = truth["pipelines"]
    default = pipes.get("__default__", {"nodes": []})
    if len(default["nodes"]) != nodes:
        problems.append(f"__default__ has {len(default['nodes'])} nodes, wanted {nodes}")
    registered = sum(len(p["nodes"]) for name, p in pipes.items() if name != "__default__")
    if registered != nodes:
        problems.append(f"registered pipelines hold {registered} nodes, wanted {nodes}")
    datasets = truth["datasets"]
    params = set(truth["parameters"])
    for name, p in pipes.items():
        for i in p["inputs"]:
            if i.startswith("params:"):
                if i not in params:
                    problems.append(f"{name}: {i} is not in parameters.yml")
            elif datasets.get(i, {}).get("source") not in ("catalog", "factory"):
                problems.append(f"{name}: free input {i} is not in the catalog")
    # the generator's model must be what Kedro builds
    ns = argparse.Namespace(nodes=nodes, pipelines=None, shape=shape, catalog_entries=args.catalog_entries,
                            factory_patterns=args.factory_patterns, seed=args.seed, layers=None,
                            package_name=f"bench_{shape}_{nodes}", force=False, project_name="")
    model = generate.generate(ns)
    mine = {tuple(sorted(n.outputs)): (n.name, sorted(n.inputs)) for m in model.pipelines for n in m.model}
    diffs = 0
    for n in default["nodes"]:
        expected = mine.get(tuple(sorted(n["outputs"])))
        if expected is None or expected[1] != sorted(n["inputs"]) or expected[0] not in (None, n["name"]):
            diffs += 1
    if diffs:
        problems.append(f"{diffs} node(s) differ from the generator's model")
    explicit = {k for k, v in datasets.items() if v["source"] == "catalog"}
    if explicit != set(model.catalog.entries):
        problems.append("explicit catalog entries differ from the generator's model")
    factory_used = sorted({v["pattern"] for v in datasets.values() if v["source"] == "factory"})
    print(f"{shape:8} {nodes:>6} nodes: {stats['pipelines']:>3} pipelines, {stats['files']:>4} files, "
          f"{stats['bytes']:>9,} bytes ({stats['python_bytes']:,} in .py), "
          f"{stats['catalog_entries']:>5} catalog entries, {len(factory_used)}/{stats['factory_patterns']} patterns used; "
          f"generate {gen_seconds:.2f}s, Kedro oracle {oracle_seconds:.2f}s"
          + ("" if problems else "  OK"), flush=True)
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kedro-src", type=Path, default=Path("/tmp/kedro-1.5.0"))
    ap.add_argument("--oracle", type=Path, default=HERE.parent.parent / "shared" / "oracle" / "kedro_truth.py")
    ap.add_argument("--sizes", default="100 1000")
    ap.add_argument("--shapes", default="modular layered")
    ap.add_argument("--catalog-entries", type=int, default=0)
    ap.add_argument("--factory-patterns", type=int, default=0)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--keep", type=Path, default=None, help="generate into this folder and keep the projects")
    args = ap.parse_args()
    if not args.oracle.is_file():
        alt = Path("/work/shared/oracle/kedro_truth.py")
        if alt.is_file():
            args.oracle = alt
        else:
            ap.error(f"oracle not found: {args.oracle} (pass --oracle)")
    if not (args.kedro_src / "kedro" / "__init__.py").is_file():
        ap.error(f"no Kedro source at {args.kedro_src} (see the oracle's header for the set-up)")
    failures = 0
    with tempfile.TemporaryDirectory(prefix="kedrolint-validate-") as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for shape in args.shapes.split():
            for size in args.sizes.split():
                problems = check_project(args, shape, int(size), workdir.resolve())
                for p in problems:
                    print(f"  FAIL {shape} {size}: {p}")
                failures += bool(problems)
    print(f"{failures} failed" if failures else "all projects valid")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
