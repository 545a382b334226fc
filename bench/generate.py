#!/usr/bin/python3
"""Generate a synthetic but real Kedro 1.x project for benchmarking kedrolint.

Usage:
  generate.py OUT_DIR --nodes N [--pipelines P] [--shape modular|layered]
              [--catalog-entries C] [--factory-patterns F] [--seed S]
              [--layers M] [--package-name NAME] [--force]

The project is importable by real Kedro 1.5 (kedro_init_version = "1.5.0"):
  OUT_DIR/pyproject.toml                 [tool.kedro] package_name, project_name, kedro_init_version
  OUT_DIR/conf/base/catalog.yml          explicit entries (+ YAML anchors, + factory patterns)
  OUT_DIR/conf/base/parameters.yml       nested parameters used by `params:` inputs
  OUT_DIR/conf/local/.gitkeep
  OUT_DIR/src/<pkg>/__init__.py, settings.py, pipeline_registry.py (the 1.5.0 template)
  OUT_DIR/src/<pkg>/pipelines/__init__.py
  OUT_DIR/src/<pkg>/pipelines/<name>/{__init__.py, pipeline.py, nodes.py}

Shapes:
  modular (default)  a realistic mix: explicit node lists with and without names,
                     tags, `params:` inputs, helper functions that build nodes with for
                     loops and f-strings, modular pipelines reused through
                     pipeline(base, namespace=..., inputs=..., outputs=..., parameters=...),
                     cross-pipeline datasets persisted in the catalog.
  layered            the shape of Kedro issue #4943: M layers, each of W nodes
                     (W-1 parallel workers that all consume the previous layer's output,
                     plus one merge node that consumes the W-1 workers' outputs and
                     produces the next layer's input). Nodes carry a node-level namespace
                     per layer (that is what made Kedro's _validate_namespaces slow).
                     M defaults to round(sqrt(N)); 10,000 nodes give 100 x 100.

Guarantees (checked before anything is written): the __default__ pipeline has
exactly N nodes; node names and outputs are unique; the graph is acyclic (every
input is produced before it is consumed); every free input of every registered
pipeline is an explicit catalog entry or matches a factory pattern, and every
`params:` input exists in parameters.yml. Output is deterministic for a given
argument list (no set iteration, no hash ordering).

Standard library only; runs with /usr/bin/python3 (3.11).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import shutil
import sys
from pathlib import Path
import random

KEDRO_VERSION = "1.5.0"

AREAS = [
    "sales", "marketing", "logistics", "finance", "inventory", "customer", "pricing",
    "fraud", "churn", "supply_chain", "web_analytics", "recommendations", "forecasting",
    "quality", "procurement", "payments", "support", "risk", "maintenance", "claims",
    "credit", "retail_media", "energy", "workforce", "store_ops", "loyalty", "returns",
    "product", "search", "advertising",
]
STAGES = ["ingestion", "processing", "features", "modelling", "reporting"]
STAGE_DESCRIPTIONS = {
    "ingestion": "loads and validates the raw extracts",
    "processing": "cleans, joins and aggregates the ingested tables",
    "features": "builds the feature tables used for modelling",
    "modelling": "trains and evaluates candidate models",
    "reporting": "assembles the tables and metrics published to dashboards",
}
STAGE_TAGS = {
    "ingestion": ["ingestion", "raw", "validation"],
    "processing": ["processing", "cleaning", "quality"],
    "features": ["features", "feature_store", "daily"],
    "modelling": ["modelling", "training", "evaluation"],
    "reporting": ["reporting", "dashboard", "export"],
}
SECTION_NAMES = {
    "ingestion": ["ingest", "validate", "standardise", "stage", "profile", "land"],
    "processing": ["clean", "conform", "enrich", "aggregate", "reconcile", "prepare"],
    "features": ["base_features", "derived_features", "windows", "encodings", "selection", "feature_table"],
    "modelling": ["preparation", "training", "evaluation", "diagnostics", "selection_stage", "packaging"],
    "reporting": ["summaries", "kpis", "exports", "dashboards", "quality_checks", "publication"],
}
ENTITIES = [
    "orders", "customers", "products", "shipments", "invoices", "sessions", "reviews",
    "stock_levels", "suppliers", "payments", "refunds", "campaigns", "stores", "employees",
    "transactions", "accounts", "contracts", "devices", "tickets", "visits", "quotes",
    "deliveries", "routes", "warehouses", "claims", "policies", "events", "clicks",
    "prices", "promotions", "baskets", "subscriptions", "leads", "forecasts", "budgets",
]
GROUP_LISTS = [
    ("REGIONS", "region", ["north", "south", "east", "west", "central", "islands"]),
    ("CHANNELS", "channel", ["web", "store", "mobile", "partner", "call_centre"]),
    ("SEGMENTS", "segment", ["retail", "smb", "enterprise", "public_sector", "education"]),
    ("HORIZONS", "horizon", ["d7", "d14", "d30", "d90", "d180"]),
    ("COUNTRIES", "country", ["uk", "de", "fr", "es", "it", "nl", "pl", "se"]),
    ("CATEGORIES", "category", ["grocery", "electronics", "apparel", "home", "beauty", "toys"]),
    ("QUARTERS", "quarter", ["q1", "q2", "q3", "q4"]),
    ("SOURCES", "source", ["erp", "crm", "pos", "web_logs", "partner_feed"]),
    ("TIERS", "tier", ["bronze", "silver", "gold", "platinum"]),
]
TEMPLATE_KINDS = [
    ("training", "CANDIDATES", "candidate", ["linear", "forest", "boosting", "baseline", "neural", "ridge"]),
    ("forecast", "FREQUENCIES", "frequency", ["daily", "weekly", "monthly", "quarterly", "yearly"]),
    ("scoring", "STRATEGIES", "strategy", ["champion", "challenger", "shadow", "fallback"]),
    ("segment_model", "MARKETS", "market", ["domestic", "export", "online", "wholesale", "franchise"]),
]
TEMPLATE_LOCALS = [
    "prepared_input", "train_set", "test_set", "fitted_model", "predictions", "scored_table",
    "diagnostics", "residuals", "calibrated_model", "feature_matrix", "summary", "importances",
    "thresholds", "holdout_scores", "cleaned_input", "weights",
]
PATTERN_SUFFIXES = [
    "raw", "landing", "extract", "snapshot", "lookup", "reference", "external", "seed",
    "sample", "archive", "export_feed", "vendor", "manual", "audit_log", "backfill",
    "legacy", "mirror", "dump", "upload", "survey",
]

# --------------------------------------------------------------------------------------
# Node function archetypes for nodes.py.
# data: number of dataset arguments (None = *args), param: None | "dict" | "scalar",
# outs: number of outputs. Bodies use @D0@.. for dataset argument names, @P@ for the
# parameter argument.
ARCHETYPES = {
    "transform": dict(data=1, param=None, outs=1, weight=20,
                      verbs=["clean", "normalise", "deduplicate", "standardise", "validate", "parse", "flatten", "trim"]),
    "configure": dict(data=1, param="dict", outs=1, weight=22,
                      verbs=["filter", "impute", "encode", "bucketise", "winsorise", "resample", "aggregate", "rank"]),
    "tune": dict(data=1, param="scalar", outs=1, weight=9,
                 verbs=["sample", "scale", "smooth", "shift", "discount", "weight"]),
    "join": dict(data=2, param=None, outs=1, weight=14,
                 verbs=["join", "merge", "match", "attach", "reconcile"]),
    "join_configure": dict(data=2, param="dict", outs=1, weight=9,
                           verbs=["blend", "align", "enrich", "link"]),
    "split": dict(data=1, param="dict", outs=2, weight=6, verbs=["split", "partition"]),
    "assemble": dict(data=3, param=None, outs=1, weight=6, verbs=["assemble", "build", "compose"]),
    "fit": dict(data=2, param="dict", outs=1, weight=4, verbs=["fit", "train", "calibrate"]),
    "evaluate": dict(data=3, param=None, outs=1, weight=4, verbs=["evaluate", "score", "benchmark"]),
    "combine": dict(data=None, param=None, outs=1, weight=0, verbs=["combine", "concat", "stack", "union"]),
}
PARTICIPLES = {
    "clean": "cleaned", "normalise": "normalised", "deduplicate": "deduplicated",
    "standardise": "standardised", "validate": "validated", "parse": "parsed",
    "flatten": "flat", "trim": "trimmed", "filter": "filtered", "impute": "imputed",
    "encode": "encoded", "bucketise": "bucketised", "winsorise": "winsorised",
    "resample": "resampled", "aggregate": "aggregated", "rank": "ranked", "sample": "sampled",
    "scale": "scaled", "smooth": "smoothed", "shift": "shifted", "discount": "discounted",
    "weight": "weighted", "join": "joined", "merge": "merged", "match": "matched",
    "attach": "attached", "reconcile": "reconciled", "blend": "blended", "align": "aligned",
    "enrich": "enriched", "link": "linked", "assemble": "table", "build": "built",
    "compose": "composed", "fit": "model", "train": "model", "calibrate": "calibrated_model",
    "evaluate": "metrics", "score": "scores", "benchmark": "benchmark", "combine": "combined",
    "concat": "concatenated", "stack": "stacked", "union": "union",
}
SPLIT_PAIRS = [("train", "test"), ("current", "history"), ("valid", "rejected"), ("head", "tail"), ("recent", "backlog")]
DICT_PARAM_KEYS = [
    ("threshold", lambda r: round(r.uniform(0.05, 0.95), 2)),
    ("min_count", lambda r: r.randint(1, 50)),
    ("window", lambda r: r.choice([3, 7, 14, 28, 30, 90])),
    ("method", lambda r: r.choice(["mean", "median", "max", "sum", "last"])),
    ("columns", lambda r: r.sample(["id", "date", "amount", "quantity", "region", "status", "category", "price"], 3)),
    ("enabled", lambda r: r.choice([True, False])),
    ("test_size", lambda r: r.choice([0.1, 0.15, 0.2, 0.25, 0.3])),
    ("random_state", lambda r: r.randint(1, 9999)),
    ("how", lambda r: r.choice(["left", "inner", "outer"])),
    ("group_by", lambda r: r.sample(["region", "store_id", "customer_id", "date", "category"], 2)),
    ("fill_values", lambda r: {"amount": 0, "status": "unknown"}),
    ("alpha", lambda r: round(r.uniform(0.001, 2.0), 3)),
    ("max_depth", lambda r: r.randint(2, 12)),
    ("n_estimators", lambda r: r.choice([50, 100, 200, 400])),
    ("learning_rate", lambda r: r.choice([0.01, 0.05, 0.1, 0.3])),
    ("date_column", lambda r: r.choice(["order_date", "event_date", "created_at"])),
]
SCALAR_PARAM_KEYS = ["fraction", "factor", "alpha", "quantile", "decay", "weight"]

BODIES = {
    "transform": [
        ["df = @D0@.drop_duplicates()",
         "df.columns = [str(column).strip().lower() for column in df.columns]",
         "return df"],
        ["df = @D0@.copy()",
         "text_columns = df.select_dtypes(\"object\").columns",
         "df[text_columns] = df[text_columns].apply(lambda column: column.str.strip())",
         "return df.dropna(how=\"all\")"],
        ["logger.info(\"Processing %d rows\", len(@D0@))",
         "return @D0@.reset_index(drop=True)"],
    ],
    "configure": [
        ["columns = @P@.get(\"columns\") or list(@D0@.columns)",
         "threshold = @P@.get(\"threshold\", 0.0)",
         "df = @D0@[[column for column in columns if column in @D0@.columns]]",
         "numeric = df.select_dtypes(\"number\")",
         "return df[(numeric.fillna(0) >= threshold).all(axis=1)]"],
        ["df = @D0@.copy()",
         "for column, value in @P@.get(\"fill_values\", {}).items():",
         "    if column in df.columns:",
         "        df[column] = df[column].fillna(value)",
         "return df"],
        ["keys = @P@.get(\"group_by\", [])",
         "if not keys:",
         "    return @D0@",
         "return @D0@.groupby(keys, as_index=False).agg(@P@.get(\"method\", \"sum\"))"],
    ],
    "tune": [
        ["df = @D0@.copy()",
         "numeric = df.select_dtypes(\"number\").columns",
         "df[numeric] = df[numeric] * @P@",
         "return df"],
        ["window = max(1, int(@P@ * 10))",
         "return @D0@.rolling(window, min_periods=1).mean()"],
    ],
    "join": [
        ["keys = sorted(set(@D0@.columns) & set(@D1@.columns))",
         "return @D0@.merge(@D1@, on=keys, how=\"left\")"],
        ["combined = pd.concat([@D0@, @D1@], axis=1)",
         "return combined.loc[:, ~combined.columns.duplicated()]"],
    ],
    "join_configure": [
        ["how = @P@.get(\"how\", \"left\")",
         "keys = @P@.get(\"group_by\") or sorted(set(@D0@.columns) & set(@D1@.columns))",
         "merged = @D0@.merge(@D1@, on=keys, how=how, suffixes=(\"\", \"_right\"))",
         "return merged.drop(columns=[c for c in merged.columns if c.endswith(\"_right\")])"],
    ],
    "split": [
        ["fraction = @P@.get(\"test_size\", 0.2)",
         "shuffled = @D0@.sample(frac=1.0, random_state=@P@.get(\"random_state\", 0))",
         "cut = int(len(shuffled) * (1 - fraction))",
         "return shuffled.iloc[:cut], shuffled.iloc[cut:]"],
        ["mask = @D0@.index.to_series().rank(pct=True) <= @P@.get(\"threshold\", 0.8)",
         "return @D0@[mask], @D0@[~mask]"],
    ],
    "assemble": [
        ["table = @D0@",
         "for other in (@D1@, @D2@):",
         "    keys = sorted(set(table.columns) & set(other.columns))",
         "    table = table.merge(other, on=keys, how=\"left\") if keys else table.join(other, rsuffix=\"_dup\")",
         "return table"],
    ],
    "fit": [
        ["features = @D0@.select_dtypes(\"number\").fillna(0).to_numpy()",
         "target = @D1@.select_dtypes(\"number\").fillna(0).to_numpy()[:, 0]",
         "ridge = float(@P@.get(\"alpha\", 1.0))",
         "gram = features.T @ features + ridge * np.eye(features.shape[1])",
         "return np.linalg.solve(gram, features.T @ target)"],
    ],
    "evaluate": [
        ["predictions = @D1@.select_dtypes(\"number\").fillna(0).to_numpy() @ @D0@",
         "errors = @D2@.select_dtypes(\"number\").fillna(0).to_numpy()[:, 0] - predictions",
         "return {\"rmse\": float(np.sqrt(np.mean(errors**2))), \"mae\": float(np.mean(np.abs(errors)))}"],
    ],
    "combine": [
        ["available = [frame for frame in @D0@ if frame is not None]",
         "logger.info(\"Combining %d frames\", len(available))",
         "return pd.concat(available, ignore_index=True)"],
    ],
}
DOCS = {
    "transform": "{Verb} the {noun} table: tidy column names and drop empty rows.",
    "configure": "{Verb} {noun} according to the configured options.",
    "tune": "{Verb} the numeric columns of {noun} by a configured amount.",
    "join": "{Verb} {noun} with a second table on their shared columns.",
    "join_configure": "{Verb} {noun} with a second table using configured join keys.",
    "split": "{Verb} {noun} into two parts.",
    "assemble": "{Verb} one wide {noun} table from three inputs.",
    "fit": "{Verb} a ridge model on the {noun} features.",
    "evaluate": "{Verb} the {noun} model and return its metrics.",
    "combine": "{Verb} the per-group {noun} tables into one.",
}


class GenerationError(Exception):
    pass


def py(value) -> str:
    """A Python literal for a str / list of str / dict of str."""
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(py(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{py(k)}: {py(v)}" for k, v in value.items()) + "}"
    raise TypeError(value)


class Names:
    """Global registry of used names (datasets, node names, namespaces)."""

    def __init__(self):
        self.used: dict[str, bool] = {}

    def free(self, name: str) -> bool:
        return name not in self.used

    def take(self, name: str) -> str:
        if name in self.used:
            raise GenerationError(f"name used twice: {name}")
        self.used[name] = True
        return name

    def unique(self, base: str) -> str:
        if self.free(base):
            return self.take(base)
        k = 2
        while not self.free(f"{base}_{k}"):
            k += 1
        return self.take(f"{base}_{k}")


class Params:
    """The nested parameters tree (parameters.yml)."""

    def __init__(self):
        self.tree: dict = {}

    def set(self, path: list[str], value) -> None:
        node = self.tree
        for key in path[:-1]:
            node = node.setdefault(key, {})
            if not isinstance(node, dict):
                raise GenerationError(f"parameter path clash at {'.'.join(path)}")
        if path[-1] in node and isinstance(node[path[-1]], dict) and not isinstance(value, dict):
            raise GenerationError(f"parameter path clash at {'.'.join(path)}")
        node[path[-1]] = value

    def has(self, dotted: str) -> bool:
        node = self.tree
        for key in dotted.split("."):
            if not isinstance(node, dict) or key not in node:
                return False
            node = node[key]
        return True

    def section_free(self, path: list[str]) -> bool:
        return not self.has(".".join(path))


class Catalog:
    def __init__(self):
        self.entries: dict[str, dict] = {}
        self.patterns: dict[str, dict] = {}

    def add(self, name: str, entry: dict) -> None:
        if name not in self.entries:
            self.entries[name] = entry

    def resolves(self, name: str) -> bool:
        if name in self.entries:
            return True
        return any(pattern_regex(p).match(name) for p in self.patterns)


_PATTERN_CACHE: dict[str, re.Pattern] = {}


def pattern_regex(pattern: str) -> re.Pattern:
    if pattern not in _PATTERN_CACHE:
        parts = re.split(r"\{[^{}]+\}", pattern)
        _PATTERN_CACHE[pattern] = re.compile("^" + "(.+?)".join(re.escape(p) for p in parts) + "$")
    return _PATTERN_CACHE[pattern]


class ModelNode:
    """What Kedro will build: final (namespaced) names only."""

    __slots__ = ("name", "inputs", "outputs")

    def __init__(self, name: str | None, inputs: list[str], outputs: list[str]):
        self.name = name
        self.inputs = inputs
        self.outputs = outputs


class Project:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.names = Names()
        self.params = Params()
        self.catalog = Catalog()
        self.kind: dict[str, str] = {}  # dataset -> "table" | "model" | "metrics" | "raw"
        self.stage_of: dict[str, str] = {}  # dataset -> stage that produced it
        self.pipelines: list[PipelineModule] = []
        self.files: dict[str, str] = {}
        self.pattern_suffixes: list[str] = []
        self.pattern_cursor = 0


# --------------------------------------------------------------------------------------
# nodes.py functions


class Func:
    def __init__(self, name: str, archetype: str, noun: str, data_args: list[str], param_arg: str | None,
                 param_type: str | None, body: list[str], verb: str):
        self.name = name
        self.archetype = archetype
        self.noun = noun
        self.data_args = data_args
        self.param_arg = param_arg
        self.param_type = param_type
        self.body = body
        self.verb = verb

    def arg_names(self) -> list[str]:
        names = list(self.data_args)
        if self.param_arg:
            names.append(self.param_arg)
        return names

    def source(self) -> str:
        arch = ARCHETYPES[self.archetype]
        if self.archetype == "fit":
            types = ["pd.DataFrame", "pd.DataFrame"]
            ret = "np.ndarray"
        elif self.archetype == "evaluate":
            types = ["np.ndarray", "pd.DataFrame", "pd.DataFrame"]
            ret = "dict[str, float]"
        elif arch["outs"] == 2:
            types = ["pd.DataFrame"]
            ret = "tuple[pd.DataFrame, pd.DataFrame]"
        else:
            types = ["pd.DataFrame"] * len(self.data_args)
            ret = "pd.DataFrame"
        if arch["data"] is None:
            args = [f"*{self.data_args[0]}: pd.DataFrame"]
        else:
            args = [f"{a}: {t}" for a, t in zip(self.data_args, types)]
        if self.param_arg:
            args.append(f"{self.param_arg}: {self.param_type}")
        signature = f"def {self.name}({', '.join(args)}) -> {ret}:"
        if len(signature) > 88:
            signature = f"def {self.name}(\n" + "".join(f"    {a},\n" for a in args) + f") -> {ret}:"
        doc = DOCS[self.archetype].format(Verb=self.verb.capitalize(), noun=self.noun.replace("_", " "))
        lines = [signature, f'    """{doc}"""']
        subst = {"@P@": self.param_arg or ""}
        for i, a in enumerate(self.data_args):
            subst[f"@D{i}@"] = a
        for line in self.body:
            for key, val in subst.items():
                line = line.replace(key, val)
            lines.append("    " + line)
        return "\n".join(lines) + "\n"


class FuncTable:
    """The functions of one nodes.py."""

    def __init__(self, rng: random.Random, entities: list[str]):
        self.rng = rng
        self.entities = entities
        self.funcs: dict[str, Func] = {}
        self.by_archetype: dict[str, list[Func]] = {}

    def get(self, archetype: str, noun: str, reuse: float = 0.35) -> Func:
        existing = self.by_archetype.get(archetype, [])
        if existing and self.rng.random() < reuse:
            return self.rng.choice(existing)
        arch = ARCHETYPES[archetype]
        verbs = list(arch["verbs"])
        self.rng.shuffle(verbs)
        name = None
        for verb in verbs:
            candidate = f"{verb}_{noun}"
            if candidate not in self.funcs:
                name = candidate
                break
        if name is None:
            verb = verbs[0]
            k = 2
            while f"{verb}_{noun}_v{k}" in self.funcs:
                k += 1
            name = f"{verb}_{noun}_v{k}"
        if arch["data"] is None:
            data_args = ["frames"]
        elif archetype == "fit":
            data_args = ["features", "target"]
        elif archetype == "evaluate":
            data_args = ["coefficients", "features", "target"]
        else:
            others = [e for e in self.entities if e != noun]
            self.rng.shuffle(others)
            data_args = [noun] + others[: arch["data"] - 1]
            while len(data_args) < arch["data"]:
                data_args.append(f"table_{len(data_args)}")
        param_arg = param_type = None
        if arch["param"] == "dict":
            param_arg = self.rng.choice(["options", "params", f"{verb}_options", "config"])
            param_type = "dict[str, Any]"
        elif arch["param"] == "scalar":
            param_arg = self.rng.choice(SCALAR_PARAM_KEYS)
            param_type = "float"
        body = self.rng.choice(BODIES[archetype])
        func = Func(name, archetype, noun, data_args, param_arg, param_type, body, verb)
        self.funcs[name] = func
        self.by_archetype.setdefault(archetype, []).append(func)
        return func

    def source(self, module_doc: str) -> str:
        uses_np = any(f.archetype in ("fit", "evaluate") for f in self.funcs.values())
        head = [f'"""\n{module_doc}\n"""', "", "from __future__ import annotations", "", "import logging",
                "from typing import Any", ""]
        if uses_np:
            head.append("import numpy as np")
        head += ["import pandas as pd", "", "logger = logging.getLogger(__name__)", "", ""]
        return "\n".join(head) + "\n\n".join(f.source() + "\n" for f in self.funcs.values()).rstrip() + "\n"


# --------------------------------------------------------------------------------------
# One pipeline module (modular shape)


class Flow:
    """Datasets available to the next node, most recent last; unconsumed ones first in line."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.pool: list[str] = []
        self.unconsumed: list[str] = []
        self.entity: dict[str, str] = {}

    def add(self, name: str, entity: str, consumed: bool = False) -> None:
        self.pool.append(name)
        self.entity[name] = entity
        if not consumed:
            self.unconsumed.append(name)

    def take(self, k: int) -> list[str]:
        chosen: list[str] = []
        for _ in range(k):
            fresh = [d for d in self.unconsumed[:4] if d not in chosen]
            if fresh and self.rng.random() < 0.8:
                pick = self.rng.choice(fresh)
            else:
                recent = [d for d in self.pool[-12:] if d not in chosen]
                if not recent:
                    recent = [d for d in self.pool if d not in chosen]
                if not recent:
                    break
                pick = self.rng.choice(recent)
            chosen.append(pick)
        for d in chosen:
            if d in self.unconsumed:
                self.unconsumed.remove(d)
        return chosen

    def mark_consumed(self, names: list[str]) -> None:
        for d in names:
            if d in self.unconsumed:
                self.unconsumed.remove(d)


class PipelineModule:
    def __init__(self, project: Project, index: int, name: str, area: str, stage: str, n_nodes: int):
        self.project = project
        self.index = index
        self.name = name
        self.area = area
        self.stage = stage
        self.n_nodes = n_nodes
        self.rng = random.Random(f"{project.args.seed}:{name}")
        self.model: list[ModelNode] = []
        self.constants: list[str] = []
        self.helpers: list[str] = []
        self.body: list[str] = []
        self.components: list[str] = []  # expressions combined in the return statement
        self.section_vars: list[str] = []
        self.pipeline_py = ""
        self.nodes_py = ""
        self.published: list[str] = []
        self.sources: list[str] = []
        pool = list(ENTITIES)
        self.rng.shuffle(pool)
        self.entities = pool[: self.rng.randint(4, 7)]
        self.funcs = FuncTable(self.rng, self.entities)
        self.flow = Flow(self.rng)
        self.used_groups: list[str] = []
        self.used_template_kinds: list[str] = []
        self.uses_node_type = False

    # ---- helpers -------------------------------------------------------------------
    def new_dataset(self, base: str, kind: str = "table") -> str:
        name = self.project.names.unique(base)
        self.project.kind[name] = kind
        self.project.stage_of[name] = self.stage
        return name

    def node_name(self, func: str) -> str:
        names = self.project.names
        for base in (f"{func}_node", f"{self.area}_{func}_node"):
            if names.free(base):
                return names.take(base)
        return names.unique(f"{self.area}_{func}_node")

    def param_section(self, base: str) -> list[str]:
        path = [self.name, base]
        k = 2
        while not self.project.params.section_free(path):
            path = [self.name, f"{base}_{k}"]
            k += 1
        return path

    def dict_value(self) -> dict:
        keys = self.rng.sample(DICT_PARAM_KEYS, self.rng.randint(2, 4))
        return {k: gen(self.rng) for k, gen in keys}

    def param_input(self, func: Func) -> str | None:
        """A `params:` input for func (adds it to parameters.yml)."""
        params = self.project.params
        arch = ARCHETYPES[func.archetype]
        if arch["param"] == "dict":
            path = self.param_section(func.name)
            params.set(path, self.dict_value())
            return "params:" + ".".join(path)
        if arch["param"] == "scalar":
            # a scalar nested in a dict section: params:<pipeline>.<section>.<key>
            path = self.param_section(f"{func.verb}_settings")
            value = self.dict_value()
            value[func.param_arg] = round(self.rng.uniform(0.05, 1.5), 3)
            params.set(path, value)
            return "params:" + ".".join(path + [func.param_arg])
        return None

    def pick_archetype(self, available: int) -> str:
        names = [a for a, spec in ARCHETYPES.items()
                 if spec["weight"] and spec["data"] is not None and spec["data"] <= available]
        weights = [ARCHETYPES[a]["weight"] for a in names]
        return self.rng.choices(names, weights=weights)[0]

    # ---- explicit nodes ------------------------------------------------------------
    def explicit_node(self, forced: tuple | None = None) -> str:
        """Emit one node(...) literal; returns its code (indented for a list in a section).

        forced: (archetype, input_code, input_names, noun) for combine nodes.
        """
        rng = self.rng
        if forced:
            archetype, input_code, inputs, noun = forced
            func = self.funcs.get(archetype, noun, reuse=0.5)
            param = None
        else:
            archetype = self.pick_archetype(len(self.flow.pool))
            arch = ARCHETYPES[archetype]
            inputs = self.flow.take(arch["data"])
            if len(inputs) < arch["data"]:
                archetype = "transform"
                inputs = inputs[:1]
            nouns = [self.flow.entity.get(i, self.entities[0]) for i in inputs]
            # outputs follow one of their inputs' entity, or start a table about another entity
            noun = rng.choice(self.entities) if rng.random() < 0.3 else rng.choice(nouns)
            func = self.funcs.get(archetype, noun)
            param = self.param_input(func)
            input_code = None
        outputs = self.make_outputs(func, noun)
        name = None if rng.random() < 0.13 else self.node_name(func.name)
        all_inputs = list(inputs) + ([param] if param else [])
        self.model.append(ModelNode(name, all_inputs, outputs))
        tags = []
        if rng.random() < 0.35:
            tags = rng.sample(STAGE_TAGS[self.stage], rng.randint(1, 2))
        # --- code
        if input_code is None:
            if len(all_inputs) == 1:
                input_code = py(all_inputs[0])
            elif rng.random() < 0.1 and ARCHETYPES[archetype]["data"] is not None:
                input_code = py(dict(zip(func.arg_names(), all_inputs)))
            else:
                input_code = py(all_inputs)
        output_code = py(outputs[0]) if len(outputs) == 1 else py(outputs)
        if rng.random() < 0.2 and len(input_code) + len(output_code) < 60:
            parts = [func.name, input_code, output_code]
            if name:
                parts.append(f"name={py(name)}")
            if tags:
                parts.append(f"tags={py(tags)}")
            line = f"node({', '.join(parts)}),"
            if len(line) <= 76:
                return " " * 12 + line + "\n"
        lines = [" " * 12 + "node(", f"{' ' * 16}func={func.name},", f"{' ' * 16}inputs={input_code},",
                 f"{' ' * 16}outputs={output_code},"]
        if name:
            lines.append(f"{' ' * 16}name={py(name)},")
        if tags:
            lines.append(f"{' ' * 16}tags={py(tags) if len(tags) > 1 or rng.random() < 0.5 else py(tags[0])},")
        lines.append(" " * 12 + "),")
        return "\n".join(lines) + "\n"

    def make_outputs(self, func: Func, noun: str) -> list[str]:
        arch = ARCHETYPES[func.archetype]
        kind = {"fit": "model", "evaluate": "metrics"}.get(func.archetype, "table")
        if arch["outs"] == 2:
            first, second = self.rng.choice(SPLIT_PAIRS)
            outs = [self.new_dataset(f"{self.area}_{noun}_{first}"), self.new_dataset(f"{self.area}_{noun}_{second}")]
        else:
            outs = [self.new_dataset(f"{self.area}_{noun}_{PARTICIPLES[func.verb]}", kind)]
        for o in outs:
            self.flow.add(o, noun)
        return outs

    # ---- sections ------------------------------------------------------------------
    def section(self, node_codes: list[str]) -> None:
        if not node_codes:
            return
        choices = [s for s in SECTION_NAMES[self.stage] if s not in self.section_vars]
        var = choices[0] if choices else f"{SECTION_NAMES[self.stage][0]}_{len(self.section_vars) + 1}"
        if not choices:
            k = len(self.section_vars) + 1
            while var in self.section_vars:
                k += 1
                var = f"{SECTION_NAMES[self.stage][0]}_{k}"
        self.section_vars.append(var)
        ctor = "Pipeline" if self.rng.random() < 0.15 else "pipeline"
        tag_choice = self.rng.random()
        tail = ""
        if tag_choice < 0.5:
            tail = f"        tags={py(self.stage)},\n"
        elif tag_choice < 0.65:
            tail = f"        tags={py([self.stage, var])},\n"
        code = f"    {var} = {ctor}(\n        [\n" + "".join(node_codes) + "        ]"
        code += ",\n" + tail + "    )\n" if tail else "\n    )\n"
        self.body.append(code)
        self.components.append(var)

    # ---- loop-built nodes ------------------------------------------------------------
    def loop_block(self, groups_count: int, steps: int) -> tuple[str, list[str], str, str, str]:
        """A helper that builds nodes in a for loop with f-strings.

        Returns (CONST, group values, output template of the last step, loop variable, noun).
        """
        rng = self.rng
        names = self.project.names
        options = [g for g in GROUP_LISTS if g[0] not in self.used_groups and len(g[2]) >= groups_count]
        const, var, values = rng.choice(options)
        self.used_groups.append(const)
        values = values[:groups_count]
        self.constants.append(f"{const} = {py(values)}\n")
        plural = const.lower()
        slot = "{" + var + "}"
        source = self.flow.take(1)[0]
        noun = self.flow.entity.get(source, self.entities[0])
        prefix_base = f"{self.area}_{noun}"
        # group parameters: params:<pipeline>.<plural>.<group>
        group_path = self.param_section(plural)
        for v in values:
            self.project.params.set(group_path + [v], self.dict_value())
        group_param = "params:" + ".".join(group_path) + "." + slot
        step_funcs: list[Func] = []
        step_outs: list[str] = []
        step_names: list[str] = []
        step_params: list[str | None] = []
        for step in range(steps):
            arch = "configure" if step == 0 else rng.choice(["transform", "tune", "configure"])
            func = self.funcs.get(arch, noun, reuse=0.3)
            step_funcs.append(func)
            word = PARTICIPLES[func.verb]
            tmpl = f"{prefix_base}_{slot}_{word}"
            k = 2
            while any(not names.free(tmpl.replace(slot, v)) for v in values):
                tmpl = f"{prefix_base}_{slot}_{word}_{k}"
                k += 1
            for v in values:
                self.new_dataset(tmpl.replace(slot, v))
            step_outs.append(tmpl)
            ntmpl = f"{func.verb}_{prefix_base}_{slot}"
            k = 2
            while any(not names.free(ntmpl.replace(slot, v)) for v in values):
                ntmpl = f"{func.verb}_{prefix_base}_{slot}_{k}"
                k += 1
            for v in values:
                names.take(ntmpl.replace(slot, v))
            step_names.append(ntmpl)
            if step == 0:
                step_params.append(group_param)
            elif func.param_arg:
                step_params.append(self.param_input(func))  # shared by all groups
            else:
                step_params.append(None)
        # model
        for v in values:
            for step, func in enumerate(step_funcs):
                ins = [source if step == 0 else step_outs[step - 1].replace(slot, v)]
                if step_params[step]:
                    ins.append(step_params[step].replace(slot, v))
                self.model.append(ModelNode(step_names[step].replace(slot, v), ins,
                                            [step_outs[step].replace(slot, v)]))
        # code
        helper_name = f"_build_{plural}_nodes"
        doc = f'    """Per-{var} nodes: a chain of {steps} step(s) for each {var}."""\n'
        tags = py(["per_" + var, self.stage])
        node_lines = []
        for step, func in enumerate(step_funcs):
            if step == 0:
                in_expr = f"[{py(source)}, f{py(group_param)}]"
            else:
                prev = f"f{py(step_outs[step - 1])}"
                in_expr = f"[{prev}, {py(step_params[step])}]" if step_params[step] else prev
            node_lines.append(
                f"node(\n"
                f"    func={func.name},\n"
                f"    inputs={in_expr},\n"
                f"    outputs=f{py(step_outs[step])},\n"
                f"    name=f{py(step_names[step])},\n"
                f"    tags={tags},\n"
                f")"
            )
        if steps == 1 and rng.random() < 0.5:
            inner = "\n".join("        " + ln for ln in node_lines[0].splitlines())
            helper = (f"def {helper_name}({plural}: list[str]) -> list[Node]:\n{doc}"
                      f"    return [\n{inner}\n        for {var} in {plural}\n    ]\n")
        else:
            appended = ""
            for code in node_lines:
                inner = "\n".join("            " + ln for ln in code.splitlines())
                appended += f"        nodes.append(\n{inner}\n        )\n"
            helper = (f"def {helper_name}({plural}: list[str]) -> list[Node]:\n{doc}"
                      f"    nodes = []\n    for {var} in {plural}:\n{appended}    return nodes\n")
        self.helpers.append(helper)
        self.uses_node_type = True
        var_name = f"per_{var}"
        self.body.append(f"    {var_name} = pipeline({helper_name}({const}))\n")
        self.components.append(var_name)
        return const, values, step_outs[-1], var, noun

    def loop_merge(self, const: str, values: list[str], out_tmpl: str, var: str, noun: str) -> str:
        slot = "{" + var + "}"
        inputs = [out_tmpl.replace(slot, v) for v in values]
        code = f"[f{py(out_tmpl)} for {var} in {const}]"
        return self.explicit_node(forced=("combine", code, inputs, noun))

    # ---- modular pipeline reuse -------------------------------------------------------
    def modular_block(self, k: int, r: int):
        """A template pipeline of k nodes instantiated r times under namespaces."""
        rng = self.rng
        project = self.project
        kinds = [t for t in TEMPLATE_KINDS if t[0] not in self.used_template_kinds]
        kind, const, var, variants = rng.choice(kinds)
        self.used_template_kinds.append(kind)
        variants = variants[:r]
        slot = "{" + var + "}"
        # --- global inputs shared by all instances
        n_main = 2 if rng.random() < 0.35 and len(self.flow.pool) >= 2 else 1
        main_sources = self.flow.take(n_main)
        n_main = len(main_sources)
        noun = self.flow.entity.get(main_sources[0], self.entities[0])
        main_inputs = ["model_input", "reference_table"][:n_main]
        # --- template nodes on local names
        local_flow = Flow(rng)
        local_params: list[str] = []  # local parameter names, without "params:"
        local_used: dict[str, bool] = {}
        tmpl_nodes: list[tuple[Func, list[str], list[str], str]] = []
        raw_input = None
        if rng.random() < 0.8 and k >= 3:
            raw_input = (f"{rng.choice(['benchmark', 'calendar', 'holidays', 'targets', 'overrides', 'mapping'])}"
                         f"_{self.next_pattern_suffix()}")

        def local_param(kind_: str) -> str:
            pname = {"dict": rng.choice(["model_options", "evaluation_options", "preprocessing"]),
                     "scalar": rng.choice(["threshold", "random_state", "sample_fraction"])}[kind_]
            if pname not in local_params:
                local_params.append(pname)
            return "params:" + pname

        def add_node(arch: str, ins: list[str]) -> None:
            spec = ARCHETYPES[arch]
            func = self.funcs.get(arch, noun, reuse=0.3)
            if spec["param"]:
                ins = ins + [local_param(spec["param"])]
            outs = []
            for _ in range(spec["outs"]):
                base = next((c for c in TEMPLATE_LOCALS if c not in local_used), f"intermediate_{len(local_used)}")
                local_used[base] = True
                outs.append(base)
                local_flow.add(base, noun)
            tmpl_nodes.append((func, ins, outs, f"{func.verb}_{outs[0]}"))

        if n_main == 2:
            add_node("join_configure", list(main_inputs))
        else:
            add_node(rng.choice(["configure", "split", "transform"]), [main_inputs[0]])
        if raw_input:
            add_node("join", [local_flow.take(1)[0], raw_input])
        while len(tmpl_nodes) < k:
            last = len(tmpl_nodes) == k - 1
            if last and len(local_flow.pool) >= 3:
                arch = rng.choice(["evaluate", "assemble"])
            elif len(tmpl_nodes) == k - 2 and len(local_flow.pool) >= 2:
                arch = "fit"
            else:
                arch = self.pick_archetype(len(local_flow.pool))
            data = ARCHETYPES[arch]["data"]
            add_node(arch, local_flow.take(data))
        template_sinks = list(local_flow.unconsumed)
        mapped_out = tmpl_nodes[-1][2][0]  # the template's final output gets a global name
        mode = rng.choice(["prefix", "map", "mixed"])
        instances = []
        for variant in variants:
            ns = project.names.take(f"{self.name}_{variant}")
            in_map = dict(zip(main_inputs, main_sources))
            out_name = project.names.take(f"{ns}_{mapped_out}")
            project.kind[out_name] = "model" if "model" in mapped_out else "table"
            project.stage_of[out_name] = self.stage
            out_map = {mapped_out: out_name}
            param_map: dict[str, str] = {}
            for p in local_params:
                if mode == "prefix" or (mode == "mixed" and p != "random_state"):
                    target = f"{ns}.{p}"
                elif p == "random_state":
                    target = param_map[p] = "random_state"
                else:
                    target = param_map[p] = f"{self.name}.{const.lower()}.{variant}.{p}"
                if not project.params.has(target):
                    if p.endswith(("options", "preprocessing")):
                        value = self.dict_value()
                    elif p == "random_state":
                        value = rng.randint(1, 9999)
                    else:
                        value = round(rng.uniform(0.05, 0.95), 2)
                    project.params.set(target.split("."), value)
            instances.append((variant, ns, in_map, out_map, param_map))

            def rename(x: str, ns=ns, in_map=in_map, out_map=out_map, param_map=param_map) -> str:
                if x in in_map:
                    return in_map[x]
                if x in out_map:
                    return out_map[x]
                if x.startswith("params:"):
                    p = x[len("params:"):]
                    return "params:" + (param_map[p] if p in param_map else f"{ns}.{p}")
                return f"{ns}.{x}"

            for func, ins, outs, node_name in tmpl_nodes:
                self.model.append(ModelNode(f"{ns}.{node_name}", [rename(x) for x in ins], [rename(x) for x in outs]))
            if raw_input:
                self.need_namespaced_raw(f"{ns}.{raw_input}")
            for s in template_sinks:
                if s != mapped_out:
                    full = f"{ns}.{s}"
                    self.project.kind[full] = "model" if "model" in s else "table"
                    self.project.stage_of[full] = self.stage
                    self.persist_namespaced(full)
            self.flow.add(out_name, noun)
        # --- code: the template
        tname = f"_{kind}_template"
        lines = [f"def {tname}() -> Pipeline:",
                 f'    """One {kind.replace("_", " ")} run; instantiated once per {var} below."""',
                 "    return pipeline(", "        ["]
        for func, ins, outs, node_name in tmpl_nodes:
            in_code = py(ins[0]) if len(ins) == 1 else py(ins)
            out_code = py(outs[0]) if len(outs) == 1 else py(outs)
            lines += ["            node(", f"                func={func.name},", f"                inputs={in_code},",
                      f"                outputs={out_code},", f"                name={py(node_name)},", "            ),"]
        lines += ["        ],", f"        tags={py(kind)},", "    )"]
        self.helpers.append("\n".join(lines) + "\n")
        self.constants.append(f"{const} = {py(variants)}\n")
        # --- code: the instances, as a comprehension or as explicit calls
        base_var = f"{kind}_base"
        self.body.append(f"    {base_var} = {tname}()\n")
        loop_form = rng.random() < 0.6
        if loop_form:
            pm0 = instances[0][4]
            parts = [f"            {base_var},",
                     f'            namespace=f"{self.name}_{slot}",',
                     f"            inputs={py(instances[0][2])},",
                     f'            outputs={{{py(mapped_out)}: f"{self.name}_{slot}_{mapped_out}"}},']
            if pm0:
                if all(t == p for p, t in pm0.items()):
                    pm_expr = py(next(iter(pm0))) if len(pm0) == 1 and rng.random() < 0.5 else \
                        "{" + ", ".join(py(p) for p in pm0) + "}"
                else:
                    pm_expr = "{" + ", ".join(
                        f"{py(p)}: " + (py(t) if t == p else f'f"{self.name}.{const.lower()}.{slot}.{p}"')
                        for p, t in pm0.items()) + "}"
                parts.append(f"            parameters={pm_expr},")
            list_var = f"{kind}_runs"
            self.body.append(f"    {list_var} = [\n        pipeline(\n" + "\n".join(parts) +
                             f"\n        )\n        for {var} in {const}\n    ]\n")
            self.components.append("*" + list_var)
        else:
            for variant, ns, in_map, out_map, param_map in instances:
                vname = f"{variant}_{kind}"
                parts = [f"        {base_var},", f"        namespace={py(ns)},", f"        inputs={py(in_map)},",
                         f"        outputs={py(out_map)},"]
                if param_map:
                    parts.append(f"        parameters={py(param_map)},")
                self.body.append(f"    {vname} = pipeline(\n" + "\n".join(parts) + "\n    )\n")
                self.components.append(vname)
        final_outputs = [inst[3][mapped_out] for inst in instances]
        return const, var, final_outputs, loop_form, noun, mapped_out

    def modular_merge(self, const: str, var: str, outputs: list[str], loop_form: bool, noun: str, out: str) -> str:
        if loop_form:
            code = f'[f"{self.name}_{{{var}}}_{out}" for {var} in {const}]'
        else:
            code = py(outputs)
        self.flow.mark_consumed(outputs)
        return self.explicit_node(forced=("combine", code, outputs, noun))

    def next_pattern_suffix(self) -> str:
        project = self.project
        if project.pattern_suffixes:
            suffix = project.pattern_suffixes[project.pattern_cursor % len(project.pattern_suffixes)]
            project.pattern_cursor += 1
            return suffix
        return "raw"

    def need_namespaced_raw(self, name: str) -> None:
        catalog = self.project.catalog
        self.project.kind[name] = "raw"
        if not catalog.resolves(name):
            ns, local = name.split(".", 1)
            catalog.add(name, {"type": "pandas.CSVDataset", "filepath": f"data/01_raw/{ns}/{local}.csv"})

    def persist_namespaced(self, name: str) -> None:
        ns, local = name.split(".", 1)
        if self.project.kind.get(name) == "model":
            entry = {"type": "pickle.PickleDataset", "filepath": f"data/06_models/{ns}/{local}.pkl", "versioned": True}
        else:
            entry = {"type": "pandas.ParquetDataset", "filepath": f"data/07_model_output/{ns}/{local}.parquet"}
        self.project.catalog.add(name, entry)

    # ---- the whole module -------------------------------------------------------------
    def build(self, sources: list[str]) -> None:
        rng = self.rng
        for s in sources:
            self.flow.add(s, self.project_entity(s))
        self.sources = list(sources)
        n = self.n_nodes
        remaining = n
        modular = None
        if n >= 16 and (self.stage == "modelling" or rng.random() < 0.3):
            k, r = rng.randint(3, 6), rng.randint(2, 4)
            while k * r > 0.5 * n and r > 2:
                r -= 1
            while k * r > 0.5 * n and k > 2:
                k -= 1
            if k * r + 1 <= 0.5 * n:
                modular = (k, r)
                remaining -= k * r + 1
        loops = []
        if remaining >= 12:
            n_loops = min(3, 1 + remaining // 80, len(GROUP_LISTS))
            budget = int(remaining * 0.4)
            for _ in range(n_loops):
                g, s = rng.randint(3, 6), rng.randint(1, 3)
                while (g * s + 1) > budget // n_loops and s > 1:
                    s -= 1
                while (g * s + 1) > budget // n_loops and g > 2:
                    g -= 1
                if g * s + 1 <= budget // n_loops:
                    loops.append((g, s))
                    remaining -= g * s + 1
        explicit = remaining
        # distribute explicit nodes over sections between the blocks
        blocks = len(loops) + (1 if modular else 0)
        shares = [0] * (blocks + 1)
        first = max(1, int(explicit * 0.35)) if explicit else 0
        shares[0] = min(first, explicit)
        rest = explicit - shares[0]
        for i in range(rest):
            shares[1 + i % blocks if blocks else 0] += 1
        # emit
        pending: list[str] = []  # codes waiting for the next section

        def emit_explicit(count: int) -> None:
            nonlocal pending
            chunk = rng.randint(12, 30)
            for _ in range(count):
                pending.append(self.explicit_node())
                if len(pending) >= chunk:
                    self.section(pending)
                    pending = []
                    chunk = rng.randint(12, 30)

        emit_explicit(shares[0])
        block_i = 0
        for g, s in loops:
            self.section(pending)
            pending = []
            const, values, tmpl, var, noun = self.loop_block(g, s)
            pending.append(self.loop_merge(const, values, tmpl, var, noun))
            block_i += 1
            emit_explicit(shares[block_i])
        if modular:
            self.section(pending)
            pending = []
            const, var, outs, loop_form, noun, out = self.modular_block(*modular)
            pending.append(self.modular_merge(const, var, outs, loop_form, noun, out))
            block_i += 1
            emit_explicit(shares[block_i])
        self.section(pending)
        pending = []
        if len(self.model) != n:
            raise GenerationError(f"{self.name}: built {len(self.model)} nodes, wanted {n}")
        self.write()

    def project_entity(self, dataset: str) -> str:
        for e in ENTITIES:
            if f"_{e}_" in f"_{dataset}_":
                return e
        return self.entities[0]

    def write(self) -> None:
        pkg = self.project.args.package_name
        used_funcs = sorted(self.funcs.funcs)
        imports = "from .nodes import (\n" + "".join(f"    {f},\n" for f in used_funcs) + ")\n"
        kedro_names = ["Node", "Pipeline", "node", "pipeline"] if self.uses_node_type else ["Pipeline", "node", "pipeline"]
        kedro_import = f"from kedro.pipeline import {', '.join(kedro_names)}\n"
        doc = (f'"""\n\'{self.name}\' pipeline: {STAGE_DESCRIPTIONS[self.stage]}.\n'
               f'Part of {pkg}; generated for benchmarking, generated using Kedro {KEDRO_VERSION}.\n"""\n')
        parts = [doc, "\n", kedro_import, "\n", imports, "\n"]
        if self.constants:
            parts += ["".join(self.constants), "\n"]
        for helper in self.helpers:
            parts += ["\n", helper, "\n"]
        parts += ["\n", "def create_pipeline(**kwargs) -> Pipeline:\n"]
        parts += self.body
        comps = self.components
        if self.rng.random() < 0.5 or any(c.startswith("*") for c in comps):
            ret = "    return pipeline(\n        [\n" + "".join(f"            {c},\n" for c in comps) + "        ]\n    )\n"
        else:
            ret = "    return " + " + ".join(comps) + "\n"
        parts.append(ret)
        self.pipeline_py = "".join(parts)
        self.nodes_py = self.funcs.source(
            f"Node functions of the '{self.name}' pipeline.\nGenerated using Kedro {KEDRO_VERSION}.")


# --------------------------------------------------------------------------------------
# Layered shape (Kedro issue #4943)


class LayeredModule:
    def __init__(self, project: Project, index: int, name: str, first_layer: int, widths: list[int],
                 source: str, is_last: bool):
        self.project = project
        self.index = index
        self.name = name
        self.first_layer = first_layer
        self.widths = widths
        self.source = source
        self.is_last = is_last
        self.model: list[ModelNode] = []
        self.published: list[str] = []
        self.sources = [source]
        self.stage = "layered"

    def build(self) -> None:
        names = self.project.names
        for offset, width in enumerate(self.widths):
            layer = self.first_layer + offset
            ns = f"layer_{layer:03d}"
            src = f"layer_{layer:03d}_input"
            parts = []
            for i in range(width - 1):
                out = names.take(f"layer_{layer:03d}_part_{i:03d}")
                parts.append(out)
                self.model.append(ModelNode(names.take(f"{ns}.transform_{layer:03d}_{i:03d}"),
                                            [src, "params:layered.partition_options"], [out]))
            merged = names.take(f"layer_{layer + 1:03d}_input")
            self.model.append(ModelNode(names.take(f"{ns}.merge_{layer:03d}"), parts, [merged]))
            self.project.kind[merged] = "table"
            self.project.stage_of[merged] = "layered"
        self.published = [f"layer_{self.first_layer + len(self.widths):03d}_input"]
        last = self.first_layer + len(self.widths) - 1
        self.pipeline_py = f'''"""
'{self.name}' pipeline: layers {self.first_layer}..{last} of a layered fan-out/fan-in graph
(the shape of Kedro issue #4943). Each layer has width - 1 parallel workers that all
consume the previous layer's output and one merge node that combines them.
Generated using Kedro {KEDRO_VERSION}.
"""

from kedro.pipeline import Pipeline, node, pipeline

from .nodes import merge_partitions, transform_partition

FIRST_LAYER = {self.first_layer}
LAYER_WIDTHS = {py_int_list(self.widths)}


def _layer(layer: int, width: int) -> Pipeline:
    """One layer: width - 1 workers on the previous layer's output, then a merge."""
    source = f"layer_{{layer:03d}}_input"
    namespace = f"layer_{{layer:03d}}"
    workers = [
        node(
            func=transform_partition,
            inputs=[source, "params:layered.partition_options"],
            outputs=f"layer_{{layer:03d}}_part_{{i:03d}}",
            name=f"transform_{{layer:03d}}_{{i:03d}}",
            tags=["layered", "worker"],
            namespace=namespace,
        )
        for i in range(width - 1)
    ]
    merge = node(
        func=merge_partitions,
        inputs=[f"layer_{{layer:03d}}_part_{{i:03d}}" for i in range(width - 1)],
        outputs=f"layer_{{layer + 1:03d}}_input",
        name=f"merge_{{layer:03d}}",
        tags=["layered", "merge"],
        namespace=namespace,
    )
    return pipeline([*workers, merge])


def create_pipeline(**kwargs) -> Pipeline:
    layers = []
    for offset, width in enumerate(LAYER_WIDTHS):
        layers.append(_layer(FIRST_LAYER + offset, width))
    return pipeline(layers)
'''
        self.nodes_py = f'''"""
Node functions of the '{self.name}' pipeline.
Generated using Kedro {KEDRO_VERSION}.
"""

from __future__ import annotations

import logging
from typing import Any

import pandas as pd

logger = logging.getLogger(__name__)


def transform_partition(data: pd.DataFrame, options: dict[str, Any]) -> pd.DataFrame:
    """Transform one partition of the previous layer's output."""
    fraction = options.get("fraction", 1.0)
    sample = data.sample(frac=fraction, random_state=options.get("random_state", 0))
    return sample.assign(weight=options.get("weight", 1.0))


def merge_partitions(*parts: pd.DataFrame) -> pd.DataFrame:
    """Merge the workers' partitions into this layer's output."""
    logger.info("Merging %d partitions", len(parts))
    return pd.concat(parts, ignore_index=True)
'''


def py_int_list(values: list[int]) -> str:
    text = "[" + ", ".join(str(v) for v in values) + "]"
    if len(text) <= 70:
        return text
    lines, line = [], ""
    for v in values:
        item = f"{v}, "
        if len(line) + len(item) > 80:
            lines.append(line.rstrip())
            line = ""
        line += item
    lines.append(line.rstrip())
    return "[\n" + "".join(f"    {ln}\n" for ln in lines) + "]"


# --------------------------------------------------------------------------------------
# Project assembly


def default_pipelines(n: int, shape: str) -> int:
    p = max(1, round(n / 100))
    if shape == "modular" and n >= 40:
        p = max(p, 2)
    return p


def split_sizes(total: int, parts: int, rng: random.Random) -> list[int]:
    weights = [rng.uniform(0.7, 1.3) for _ in range(parts)]
    s = sum(weights)
    sizes = [max(1, int(total * w / s)) for w in weights]
    diff = total - sum(sizes)
    i = 0
    while diff != 0:
        j = i % parts
        if diff > 0:
            sizes[j] += 1
            diff -= 1
        elif sizes[j] > 1:
            sizes[j] -= 1
            diff += 1
        i += 1
    return sizes


def raw_entry(rng: random.Random, name: str) -> dict:
    r = rng.random()
    if r < 0.55:
        return {"type": "pandas.CSVDataset", "filepath": f"data/01_raw/{name}.csv",
                "load_args": {"sep": ",", "encoding": "utf-8"}}
    if r < 0.7:
        return {"type": "pandas.ExcelDataset", "filepath": f"data/01_raw/{name}.xlsx",
                "load_args": {"sheet_name": "Sheet1", "engine": "openpyxl"}}
    if r < 0.85:
        return {"type": "pandas.SQLTableDataset", "table_name": name, "credentials": "warehouse_db"}
    return {"type": "partitions.PartitionedDataset", "path": f"data/01_raw/{name}/",
            "dataset": {"type": "pandas.CSVDataset"}, "filename_suffix": ".csv"}


LAYER_DIRS = {"ingestion": "02_intermediate", "processing": "03_primary", "features": "04_feature",
              "modelling": "07_model_output", "reporting": "08_reporting", "layered": "03_primary"}


def persisted_entry(rng: random.Random, name: str, kind: str, stage: str) -> dict:
    if kind == "model":
        return {"type": "pickle.PickleDataset", "filepath": f"data/06_models/{name}.pkl", "versioned": True}
    if kind == "metrics":
        return {"type": "json.JSONDataset", "filepath": f"data/08_reporting/{name}.json"}
    folder = LAYER_DIRS.get(stage, "03_primary")
    if stage == "reporting" and rng.random() < 0.5:
        return {"type": "pandas.CSVDataset", "filepath": f"data/{folder}/{name}.csv", "save_args": {"index": False}}
    if rng.random() < 0.4:
        return {"<<": "*parquet", "filepath": f"data/{folder}/{name}.parquet"}
    return {"type": "pandas.ParquetDataset", "filepath": f"data/{folder}/{name}.parquet"}


def build_patterns(project: Project, count: int) -> None:
    suffixes = []
    for i in range(count):
        word = PATTERN_SUFFIXES[i % len(PATTERN_SUFFIXES)]
        round_ = i // len(PATTERN_SUFFIXES)
        suffixes.append(word if round_ == 0 else f"{word}_r{round_ + 1}")
    project.pattern_suffixes = suffixes
    for suffix in suffixes:
        folder = "01_raw" if suffix in ("raw", "landing", "extract") else "02_intermediate"
        project.catalog.patterns["{namespace}.{name}_" + suffix] = {
            "type": "pandas.CSVDataset",
            "filepath": f"data/{folder}/{{namespace}}/{{name}}_{suffix}.csv",
        }


def generate(args) -> Project:
    project = Project(args)
    rng = project.rng
    if args.factory_patterns:
        build_patterns(project, args.factory_patterns)
    project.params.set(["random_state"], 42)
    modules: list = []
    if args.shape == "layered":
        n = args.nodes
        layers = args.layers or max(1, round(math.sqrt(n)))
        layers = max(1, min(layers, n // 2))
        base, extra = divmod(n, layers)
        widths = [base + (1 if i < extra else 0) for i in range(layers)]
        if min(widths) < 2:
            raise GenerationError("layered shape needs at least 2 nodes per layer")
        p = min(args.pipelines or default_pipelines(n, "layered"), layers)
        per = split_sizes(layers, p, random.Random(args.seed)) if p > 1 else [layers]
        project.params.set(["layered", "partition_options"],
                           {"fraction": 0.9, "weight": 1.0, "random_state": 7})
        source = project.names.take("layer_000_input")
        project.catalog.add(source, raw_entry(rng, source))
        first = 0
        for i, count in enumerate(per):
            last = first + count - 1
            name = f"layers_{first:03d}_{last:03d}"
            project.names.take(name)
            mod = LayeredModule(project, i, name, first, widths[first:first + count],
                                f"layer_{first:03d}_input", i == len(per) - 1)
            if first:  # the previous module's output crosses a pipeline boundary: persist it
                boundary = f"layer_{first:03d}_input"
                project.catalog.add(boundary, persisted_entry(rng, boundary, "table", "layered"))
            mod.build()
            modules.append(mod)
            first += count
    else:
        p = args.pipelines or default_pipelines(args.nodes, "modular")
        if p > args.nodes:
            raise GenerationError("more pipelines than nodes")
        sizes = split_sizes(args.nodes, p, rng)
        for i in range(p):
            area_i = i // len(STAGES)
            cycle = area_i // len(AREAS)
            area = AREAS[area_i % len(AREAS)] + (f"{cycle + 1}" if cycle else "")
            stage = STAGES[i % len(STAGES)]
            name = project.names.take(f"{area}_{stage}")
            mod = PipelineModule(project, i, name, area, stage, sizes[i])
            # sources: raw extracts, the previous stage's published outputs, sometimes another area's
            sources: list[str] = []
            if stage == "ingestion" or not modules:
                for e in mod.entities[: rng.randint(2, 4)]:
                    raw = project.names.unique(f"{area}_{e}_raw")
                    project.kind[raw] = "raw"
                    project.catalog.add(raw, raw_entry(rng, raw))
                    sources.append(raw)
            else:
                upstream = modules[-1].published
                sources += upstream[: rng.randint(2, 3)] if len(upstream) > 1 else list(upstream)
                if rng.random() < 0.3:
                    e = rng.choice(mod.entities)
                    raw = project.names.unique(f"{area}_{e}_raw")
                    project.kind[raw] = "raw"
                    project.catalog.add(raw, raw_entry(rng, raw))
                    sources.append(raw)
            if len(modules) >= 5 and stage != "ingestion" and rng.random() < 0.3:
                other = rng.choice(modules[:-1])
                if other.published:
                    cross = rng.choice(other.published)
                    if cross not in sources:
                        sources.append(cross)
            if not sources:
                raw = project.names.unique(f"{area}_{mod.entities[0]}_raw")
                project.kind[raw] = "raw"
                project.catalog.add(raw, raw_entry(rng, raw))
                sources.append(raw)
            for s in sources:
                project.catalog.add(s, persisted_entry(rng, s, project.kind.get(s, "table"),
                                                       project.stage_of.get(s, "processing")))
            mod.build(sources)
            produced = [o for node in mod.model for o in node.outputs]
            consumed = {i_ for node in mod.model for i_ in node.inputs}
            mod.published = [o for o in produced if o not in consumed and "." not in o]
            rng.shuffle(mod.published)
            modules.append(mod)
    project.pipelines = modules
    finish_catalog(project)
    check(project)
    return project


def finish_catalog(project: Project) -> None:
    rng = project.rng
    produced_order: list[str] = []
    consumed: dict[str, bool] = {}
    for mod in project.pipelines:
        for node in mod.model:
            produced_order.extend(node.outputs)
            for i in node.inputs:
                consumed[i] = True
    # sinks (outputs nobody reads) are persisted, as in real projects
    for o in produced_order:
        if o not in consumed and o not in project.catalog.entries:
            if "." in o:
                continue  # namespaced sinks were persisted by their module
            project.catalog.add(o, persisted_entry(rng, o, project.kind.get(o, "table"), project.stage_of.get(o, "processing")))
    # a few persisted intermediates (modular shape; the layered shape keeps #4943's memory datasets)
    for o in produced_order:
        if project.args.shape == "modular" and "." not in o and o not in project.catalog.entries \
                and rng.random() < 0.1:
            project.catalog.add(o, persisted_entry(rng, o, project.kind.get(o, "table"), project.stage_of.get(o, "processing")))
    target = project.args.catalog_entries or 0
    if len(project.catalog.entries) < target:
        for o in produced_order:
            if len(project.catalog.entries) >= target:
                break
            if "." not in o and o not in project.catalog.entries:
                project.catalog.add(o, persisted_entry(rng, o, project.kind.get(o, "table"), project.stage_of.get(o, "processing")))
    i = 0
    while len(project.catalog.entries) < target:
        name = f"unused_padding_{i:05d}"
        project.catalog.add(name, {"type": "pandas.CSVDataset", "filepath": f"data/01_raw/unused/{name}.csv"})
        i += 1


def check(project: Project) -> None:
    """The guarantees of the module docstring, on the model of what Kedro will build."""
    total = sum(len(m.model) for m in project.pipelines)
    if total != project.args.nodes:
        raise GenerationError(f"built {total} nodes, wanted {project.args.nodes}")
    all_outputs: dict[str, bool] = {}
    seen_name: dict[str, bool] = {}
    for mod in project.pipelines:
        for node in mod.model:
            for o in node.outputs:
                if o in all_outputs:
                    raise GenerationError(f"duplicate output {o}")
                all_outputs[o] = True
            if node.name is not None:
                if node.name in seen_name:
                    raise GenerationError(f"duplicate node name {node.name}")
                seen_name[node.name] = True
    produced_before: dict[str, bool] = {}
    for mod in project.pipelines:
        produced_here = {o for node in mod.model for o in node.outputs}
        for node in mod.model:
            for i in node.inputs:
                if i.startswith("params:"):
                    if not project.params.has(i[len("params:"):]):
                        raise GenerationError(f"{mod.name}: missing parameter {i}")
                    continue
                if i in all_outputs and i not in produced_before:
                    # generation order is a topological order: this would allow a cycle
                    raise GenerationError(f"{mod.name}: {i} consumed before it is produced")
                if i not in produced_here and not project.catalog.resolves(i):
                    raise GenerationError(f"{mod.name}: free input {i} is not in the catalog")
            for o in node.outputs:
                produced_before[o] = True


# --------------------------------------------------------------------------------------
# Writing


def yaml_scalar(value) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value)
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_./-]*", text) and text.lower() not in (
            "true", "false", "yes", "no", "on", "off", "null", "none", "y", "n"):
        return text
    return json.dumps(text)


def yaml_dump(data: dict, indent: int = 0) -> str:
    out = []
    pad = " " * indent
    for key, value in data.items():
        k = yaml_scalar(key) if key != "<<" else "<<"
        if isinstance(value, dict):
            if not value:
                out.append(f"{pad}{k}: {{}}\n")
            else:
                out.append(f"{pad}{k}:\n" + yaml_dump(value, indent + 2))
        elif isinstance(value, list):
            out.append(f"{pad}{k}: [" + ", ".join(yaml_scalar(v) for v in value) + "]\n")
        elif key == "<<":
            out.append(f"{pad}<<: {value}\n")
        else:
            out.append(f"{pad}{k}: {yaml_scalar(value)}\n")
    return "".join(out)


SETTINGS_PY = '''"""Project settings. There is no need to edit this file unless you want to change values
from the Kedro defaults. For further information, including these default values, see
https://docs.kedro.org/en/stable/configure/configuration_basics/#configuration"""

# Instantiated project hooks.
# For example, after creating a hooks.py and defining a ProjectHooks class there, do
# from {pkg}.hooks import ProjectHooks
# Hooks are executed in a Last-In-First-Out (LIFO) order.
# HOOKS = (ProjectHooks(),)

# Installed plugins for which to disable hook auto-registration.
# DISABLE_HOOKS_FOR_PLUGINS = ("kedro-viz",)

# Class that manages the KedroSession.
# from kedro.framework.session import KedroSession
# SESSION_CLASS = KedroSession

# Class that manages storing KedroSession data.
# from kedro.framework.session.store import BaseSessionStore
# SESSION_STORE_CLASS = BaseSessionStore
# Keyword arguments to pass to the `SESSION_STORE_CLASS` constructor.
# SESSION_STORE_ARGS = {{
#     "path": "./sessions"
# }}

# Directory that holds configuration.
# CONF_SOURCE = "conf"

# Class that manages how configuration is loaded.
# from kedro.config import OmegaConfigLoader

# CONFIG_LOADER_CLASS = OmegaConfigLoader

# Keyword arguments to pass to the `CONFIG_LOADER_CLASS` constructor.
CONFIG_LOADER_ARGS = {{
    "base_env": "base",
    "default_run_env": "local",
    # "config_patterns": {{
    #     "spark" : ["spark*/"],
    #     "parameters": ["parameters*", "parameters*/**", "**/parameters*"],
    # }}
}}

# Class that manages Kedro's library components.
# from kedro.framework.context import KedroContext
# CONTEXT_CLASS = KedroContext

# Class that manages the Data Catalog.
# from kedro.io import DataCatalog
# DATA_CATALOG_CLASS = DataCatalog
'''

REGISTRY_PY = '''"""Project pipelines."""
from __future__ import annotations

from kedro.framework.project import find_pipelines
from kedro.pipeline import Pipeline


def register_pipelines() -> dict[str, Pipeline]:
    """Register the project's pipelines.

    Returns:
        A mapping from pipeline names to ``Pipeline`` objects.
    """
    pipelines = find_pipelines(raise_errors=True)
    pipelines["__default__"] = sum(pipelines.values())
    return pipelines
'''


def render(project: Project) -> dict[str, str]:
    args = project.args
    pkg = args.package_name
    files: dict[str, str] = {}
    files["pyproject.toml"] = (
        "[tool.kedro]\n"
        f'package_name = "{pkg}"\n'
        f'project_name = "{args.project_name}"\n'
        f'kedro_init_version = "{KEDRO_VERSION}"\n'
    )
    # catalog.yml
    cat = ["# Here you can define all your datasets by using simple YAML syntax.\n",
           "#\n# Documentation for this file format can be found in \"The Data Catalog\"\n",
           "# Link: https://docs.kedro.org/en/stable/catalog-data/introduction/#data-catalog\n",
           f"# Synthetic benchmark project: {len(project.catalog.entries)} explicit entries, "
           f"{len(project.catalog.patterns)} dataset factory patterns.\n\n",
           "_parquet: &parquet\n  type: pandas.ParquetDataset\n  save_args:\n    index: false\n\n"]
    for name, entry in project.catalog.entries.items():
        cat.append(yaml_dump({name: entry}) + "\n")
    if project.catalog.patterns:
        cat.append("# Dataset factories: namespaced inputs of the reused modular pipelines.\n")
        for pattern, entry in project.catalog.patterns.items():
            cat.append(yaml_dump({pattern: entry}) + "\n")
    files["conf/base/catalog.yml"] = "".join(cat).rstrip() + "\n"
    files["conf/base/parameters.yml"] = (
        "# Parameters of the synthetic benchmark project, one top-level key per pipeline\n"
        "# (and one per namespace of a reused modular pipeline).\n\n" + yaml_dump(project.params.tree))
    files["conf/local/.gitkeep"] = ""
    files[f"src/{pkg}/__init__.py"] = f'"""{args.project_name}\n"""\n\n__version__ = "0.1"\n'
    files[f"src/{pkg}/settings.py"] = SETTINGS_PY.format(pkg=pkg)
    files[f"src/{pkg}/pipeline_registry.py"] = REGISTRY_PY
    files[f"src/{pkg}/pipelines/__init__.py"] = ""
    for mod in project.pipelines:
        base = f"src/{pkg}/pipelines/{mod.name}"
        files[f"{base}/__init__.py"] = (
            f'"""\nThis is a boilerplate pipeline \'{mod.name}\'\ngenerated using Kedro {KEDRO_VERSION}\n"""\n\n'
            'from .pipeline import create_pipeline\n\n__all__ = ["create_pipeline"]\n\n__version__ = "0.1"\n')
        files[f"{base}/pipeline.py"] = mod.pipeline_py
        files[f"{base}/nodes.py"] = mod.nodes_py
    return files


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--nodes", type=int, required=True, help="nodes in the __default__ pipeline")
    ap.add_argument("--pipelines", type=int, default=None,
                    help="registered pipelines (default: about one per 100 nodes, at least 2 for modular)")
    ap.add_argument("--shape", choices=["modular", "layered"], default="modular")
    ap.add_argument("--catalog-entries", type=int, default=0, help="at least this many explicit catalog entries")
    ap.add_argument("--factory-patterns", type=int, default=0, help="number of dataset factory patterns")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--layers", type=int, default=None, help="layered shape: number of layers (default sqrt(N))")
    ap.add_argument("--package-name", default=None)
    ap.add_argument("--force", action="store_true", help="replace OUT_DIR if it exists")
    args = ap.parse_args(argv)
    if args.nodes < 1:
        ap.error("--nodes must be at least 1")
    if args.package_name is None:
        args.package_name = f"bench_{args.shape}_{args.nodes}"
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", args.package_name):
        ap.error("--package-name must be a lower-case Python identifier")
    args.project_name = " ".join(w.capitalize() for w in args.package_name.split("_"))
    out: Path = args.out_dir
    if out.exists() and any(out.iterdir()):
        if not args.force:
            ap.error(f"{out} exists and is not empty (use --force to replace it)")
        shutil.rmtree(out)
    try:
        project = generate(args)
    except GenerationError as exc:
        print(f"generate.py: {exc}", file=sys.stderr)
        return 1
    files = render(project)
    total = 0
    for rel, text in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode()
        path.write_bytes(data)
        total += len(data)
    py_files = [r for r in files if r.endswith(".py")]
    py_bytes = sum(len(files[r].encode()) for r in py_files)
    print(json.dumps({
        "out_dir": str(out), "shape": args.shape, "nodes": args.nodes,
        "pipelines": len(project.pipelines), "files": len(files), "bytes": total,
        "python_files": len(py_files), "python_bytes": py_bytes,
        "catalog_entries": len(project.catalog.entries), "factory_patterns": len(project.catalog.patterns),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
