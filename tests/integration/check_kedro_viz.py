#!/usr/bin/env python3
"""Checks a `kedrolint graph --format viz` folder three ways:

1. every file has the shape of the pydantic response model Kedro-Viz serves it
   with (kedro_viz/api/rest/responses/{pipelines,nodes,run_events}.py,
   models/flowchart/node_metadata.py), restated here so that neither
   kedro_viz nor pydantic is needed;
2. the ids are Kedro-Viz's, computed here independently from the real-Kedro
   export (expected.export.json): sha1(str(node))[:8] for task nodes and
   sha1(dataset name without @transcoding)[:8] for datasets and parameters;
3. with --expected DIR (what real Kedro-Viz saved, scripts/kedro-viz-oracle.py),
   the files equal it, lists that Kedro-Viz builds from sets compared as sets
   and the project's absolute path redacted.

usage: check_kedro_viz.py VIZ_DIR EXPORT_JSON [--expected DIR] [--project PATH] [--incomplete]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

STR, OPT_STR, LIST_STR, DICT, OPT_DICT, OPT_LIST_STR = "str", "str|None", "list[str]", "dict", "dict|None", "list[str]|None"

# BaseGraphNodeAPIResponse + TaskNodeAPIResponse / DataNodeAPIResponse (pipelines.py).
GRAPH_NODE = {"id": STR, "name": STR, "tags": LIST_STR, "pipelines": LIST_STR, "type": STR,
              "modular_pipelines": OPT_LIST_STR, "node_extras": OPT_DICT}
TASK_NODE = {**GRAPH_NODE, "parameters": DICT, "full_name": STR}
DATA_NODE = {**GRAPH_NODE, "layer": OPT_STR, "dataset_type": OPT_STR}
TREE_NODE = {"id": STR, "name": STR, "inputs": LIST_STR, "outputs": LIST_STR, "children": "list"}
# nodes.py / node_metadata.py, one per node kind; `{}` for a node without metadata.
METADATA = {
    "task": {"code": OPT_STR, "filepath": OPT_STR, "parameters": OPT_DICT, "run_command": OPT_STR,
             "inputs": LIST_STR, "outputs": LIST_STR, "preview": OPT_DICT},
    "data": {"type": OPT_STR, "filepath": OPT_STR, "run_command": OPT_STR, "preview": "dict|str|None",
             "preview_type": OPT_STR, "stats": OPT_DICT},
    "transcoded": {"filepath": OPT_STR, "run_command": OPT_STR, "original_type": STR,
                   "transcoded_types": LIST_STR, "stats": OPT_DICT},
    "parameters": {"parameters": DICT},
    "modularPipeline": {},
}
NODE_TYPES = {"task", "data", "parameters", "modularPipeline"}

errors: list[str] = []


def fail(where: str, message: str) -> None:
    errors.append(f"{where}: {message}")


def has_type(value, spec: str) -> bool:
    for alternative in spec.split("|"):
        if alternative == "None" and value is None:
            return True
        if alternative == "str" and isinstance(value, str):
            return True
        if alternative == "dict" and isinstance(value, dict):
            return True
        if alternative == "list" and isinstance(value, list):
            return True
        if alternative == "float" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return True
        if alternative == "list[str]" and isinstance(value, list) and all(isinstance(v, str) for v in value):
            return True
    return False


def check_fields(where: str, obj, spec: dict) -> None:
    if not isinstance(obj, dict):
        return fail(where, f"expected an object, got {type(obj).__name__}")
    if set(obj) != set(spec):
        fail(where, f"keys {sorted(obj)} != {sorted(spec)}")
    for key, kind in spec.items():
        if key in obj and not has_type(obj[key], kind):
            fail(where, f"`{key}` is {obj[key]!r}, expected {kind}")


def check_graph(where: str, g: dict) -> None:
    check_fields(where, g, {"nodes": "list", "edges": "list", "layers": LIST_STR, "tags": "list",
                            "pipelines": "list", "modular_pipelines": DICT, "selected_pipeline": STR})
    ids = set()
    for n in g.get("nodes", []):
        spec = TASK_NODE if n.get("type") == "task" else DATA_NODE
        check_fields(f"{where} node {n.get('id')}", n, spec)
        if n.get("type") not in NODE_TYPES:
            fail(where, f"node type {n.get('type')!r}")
        ids.add(n.get("id"))
    for e in g.get("edges", []):
        check_fields(f"{where} edge", e, {"source": STR, "target": STR})
        if e.get("source") not in ids or e.get("target") not in ids:
            fail(where, f"edge {e} names a node that is not listed")
    for entity in g.get("tags", []) + g.get("pipelines", []):
        check_fields(f"{where} named entity", entity, {"id": STR, "name": OPT_STR})
    if g.get("selected_pipeline") not in {p.get("id") for p in g.get("pipelines", [])}:
        fail(where, "selected_pipeline is not a registered pipeline")
    tree = g.get("modular_pipelines", {})
    if "__root__" not in tree:
        fail(where, "the modular pipelines tree has no __root__")
    for key, mp in tree.items():
        check_fields(f"{where} tree {key}", mp, TREE_NODE)
        for child in mp.get("children", []):
            check_fields(f"{where} tree {key} child", child, {"id": STR, "type": STR})
            if child.get("id") not in ids:
                fail(where, f"tree child {child} is not a node")


def metadata_kind(node: dict) -> str:
    if node["type"] == "data" and node["dataset_type"] is None:
        return "transcoded"
    return node["type"]


def check_schema(viz: Path) -> dict:
    main = json.loads((viz / "api/main").read_text())
    check_graph("api/main", main)
    graphs = {}
    for path in sorted((viz / "api/pipelines").iterdir()):
        graphs[path.name] = json.loads(path.read_text())
        check_graph(f"api/pipelines/{path.name}", graphs[path.name])
        if graphs[path.name].get("selected_pipeline") != path.name:
            fail(f"api/pipelines/{path.name}", "selected_pipeline is not the file's pipeline")
    kinds = {n["id"]: metadata_kind(n) for n in main["nodes"]}
    for path in sorted((viz / "api/nodes").iterdir()):
        meta = json.loads(path.read_text())
        if path.name in kinds:
            check_fields(f"api/nodes/{path.name}", meta, METADATA[kinds[path.name]])
    missing = set(kinds) - {p.name for p in (viz / "api/nodes").iterdir()}
    if missing:
        fail("api/nodes", f"no metadata for {sorted(missing)}")
    status = json.loads((viz / "api/run-status").read_text())
    check_fields("api/run-status", status, {"nodes": DICT, "datasets": DICT, "pipeline": DICT})
    check_fields("api/run-status pipeline", status.get("pipeline", {}),
                 {"run_id": STR, "start_time": OPT_STR, "end_time": OPT_STR, "duration": "float",
                  "status": STR, "error": OPT_DICT})
    return graphs


def viz_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def node_strs(node: dict, version: str) -> list[str]:
    """The candidates for Kedro's `Node.__str__`, rebuilt from the export's name,
    func, inputs and outputs: `[name: ]func([in;puts]) -> [out;puts]` (`,` before
    0.19). The export does not say whether a function is a partial (named
    `<partial>` there), so both spellings are candidates."""
    sep = "," if tuple(int(p) for p in version.split(".")[:2]) < (0, 19) else ";"
    short = node["name"][len(node["namespace"]) + 1:] if node["namespace"] else node["name"]
    ins = f"[{sep.join(node['inputs'])}]" if node["inputs"] else "None"
    outs = f"[{sep.join(node['outputs'])}]" if node["outputs"] else "None"
    call = f"({ins}) -> {outs}"
    if short.endswith(call) and ": " not in short[: -len(call)]:
        return [short]  # before 1.0 the default name is str(node) itself
    default = re.fullmatch(r"(.+)__[0-9a-f]{8}", short)
    if default:  # 1.x: func__sha256; a partial is `<partial>` unless update_wrapper named it
        base = default.group(1)
        inner = re.fullmatch(r"partial\((.+)\)", base)
        return [f + call for f in (["<partial>", inner.group(1)] if inner else [base])]
    funcs = [node["func"].split(":")[-1].split(".")[-1]] if node["func"] else []
    return [f"{short}: {f}{call}" for f in funcs + ["<partial>"]]


def check_ids(graphs: dict, export: dict, incomplete: bool) -> None:
    version = export["kedro"]["version"]
    for name, pipe in export["pipelines"].items():
        if name not in graphs:
            fail("ids", f"no api/pipelines/{name}")
            continue
        listed = {n["id"]: n for n in graphs[name]["nodes"]}
        expected = set()
        for node in pipe["nodes"]:
            candidates = {viz_hash(s): s for s in node_strs(node, version)}
            present = [i for i in candidates if listed.get(i, {}).get("type") == "task"]
            expected.update(candidates)
            if not present and not incomplete:
                fail(f"ids {name}", f"no task id for `{node['name']}` among {candidates}")
            for dataset in node["inputs"] + node["outputs"]:
                data = viz_hash(dataset.split("@")[0])
                expected.add(data)
                if listed.get(data, {}).get("type") not in {"data", "parameters"} and not incomplete:
                    fail(f"ids {name}", f"dataset id {data} of `{dataset}` missing")
        extra = {i for i, n in listed.items() if n["type"] != "modularPipeline"} - expected
        if extra:
            fail(f"ids {name}", f"nodes Kedro does not build: {sorted(extra)}")


def normalized(value, root: str):
    """Set-built lists sorted, dicts by key, the project path redacted."""
    if isinstance(value, str):
        return value.replace(root, "<project>")
    if isinstance(value, dict):
        out = {k: normalized(v, root) for k, v in value.items()}
        # Task metadata keeps `inputs`/`outputs` in node order; tree nodes hold sets.
        keys = ["tags", "pipelines", "modular_pipelines", "transcoded_types"]
        if "children" in out:
            keys += ["inputs", "outputs"]
        for key in keys:
            if isinstance(out.get(key), list) and all(isinstance(v, str) for v in out[key]):
                out[key] = sorted(out[key])
        if isinstance(out.get("children"), list):
            out["children"] = sorted(out["children"], key=lambda c: (c["id"], c["type"]))
        if isinstance(out.get("edges"), list):
            out["edges"] = sorted(out["edges"], key=lambda e: (e["source"], e["target"]))
        if isinstance(out.get("nodes"), list):
            out["nodes"] = sorted(out["nodes"], key=lambda n: n["id"])
        return out
    if isinstance(value, list):
        return [normalized(v, root) for v in value]
    return value


def check_expected(viz: Path, expected: Path, ours_root: str) -> None:
    theirs_root = json.loads((expected / "oracle.json").read_text())["project"]
    ours = {p.relative_to(viz).as_posix() for p in viz.rglob("*") if p.is_file()}
    theirs = {p.relative_to(expected).as_posix() for p in expected.rglob("*") if p.is_file()} - {"oracle.json"}
    for path in sorted(ours ^ theirs):
        fail("files", f"{path} only in {'kedrolint' if path in ours else 'Kedro-Viz'}'s output")
    for path in sorted(ours & theirs):
        a = normalized(json.loads((viz / path).read_text()), ours_root)
        b = normalized(json.loads((expected / path).read_text()), theirs_root)
        if a != b:
            fail(path, "differs from Kedro-Viz:\n  kedrolint: " + json.dumps(a, sort_keys=True)[:3000]
                 + "\n  Kedro-Viz: " + json.dumps(b, sort_keys=True)[:3000])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("viz", type=Path)
    ap.add_argument("export", type=Path)
    ap.add_argument("--expected", type=Path)
    ap.add_argument("--project", default="", help="the absolute project path kedrolint was run on")
    ap.add_argument("--incomplete", action="store_true",
                    help="kedrolint reported incomplete pipelines: its nodes must be a subset of Kedro's")
    args = ap.parse_args()
    graphs = check_schema(args.viz)
    check_ids(graphs, json.loads(args.export.read_text()), args.incomplete)
    if args.expected:
        check_expected(args.viz, args.expected, args.project)
    for e in errors:
        print(e)
    print(f"kedro-viz: {len(errors)} problem(s) in {sum(1 for p in args.viz.rglob('*') if p.is_file())} files")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
