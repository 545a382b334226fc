#!/usr/bin/env python3
"""The Kedro oracle for Kedro 0.17 and 0.18 projects (kedrolint.export/v1).

../shared/oracle/kedro_truth.py cannot run these versions: their
kedro/framework/startup.py and kedro/config import `anyconfig`, which Debian
does not package, and the oracle reads the catalog through
`kedro.io.catalog_config_resolver` and `Pipeline.datasets()`, which appeared
in 0.19. This script runs the real Kedro source just the same (bootstrap_project,
the `pipelines` registry with its 0.17 hooks, the project's config loader),
with two stand-ins:
  - `anyconfig.load` reads TOML with tomllib and YAML with PyYAML's safe_load,
    rendering the text as a Jinja2 template first when Kedro asks for
    `ac_template` (what anyconfig does when jinja2 is installed);
  - `importlib_resources` is the standard library's importlib.resources.
Datasets are resolved as 0.17/0.18 do without factory patterns (a catalog
entry, else the runner's default MemoryDataset); a catalog with patterns is
refused. Within a toposort layer Kedro 0.17 orders nodes by hash (a Python
set, PYTHONHASHSEED-dependent): this script sorts each layer by name, as 0.18
does, and says so on stderr when a 0.17 layer has several nodes.

  /usr/bin/python3 scripts/oracle-legacy.py PROJECT --kedro-src /tmp/kedro-0.17.7 [--env local]
  KEDROLINT_ORACLE=scripts/oracle-legacy.py scripts/oracle FIXTURE /tmp/kedro-0.18.14
"""

from __future__ import annotations

import argparse
import importlib
import importlib.resources
import json
import logging
import os
import sys
import types
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "shared" / "oracle"))


def _install_stand_ins() -> None:
    try:
        import anyconfig  # noqa: F401
    except ImportError:
        import tomllib

        import yaml

        def load(source, ac_template=False, ac_context=None, **_):
            if hasattr(source, "read"):
                text, name = source.read(), getattr(source, "name", "")
            else:
                text, name = Path(source).read_text(encoding="utf-8"), str(source)
            if name.endswith(".toml"):
                return tomllib.loads(text)
            if ac_template:
                try:
                    import jinja2

                    text = jinja2.Template(text).render(**(ac_context or {}))
                except ImportError:
                    pass
            return yaml.safe_load(text) or {}

        sys.modules["anyconfig"] = types.SimpleNamespace(load=load)
    try:
        import importlib_resources  # noqa: F401
    except ImportError:
        sys.modules["importlib_resources"] = importlib.resources


def _config_loader(project: Path, env: str):
    from kedro.framework.project import settings

    if hasattr(settings, "CONFIG_LOADER_CLASS"):  # 0.18
        return settings.CONFIG_LOADER_CLASS(
            conf_source=str(project / settings.CONF_SOURCE), env=env, **settings.CONFIG_LOADER_ARGS
        )
    from kedro.framework.hooks import get_hook_manager  # 0.17: the register_config_loader hook

    conf_root = project / settings.CONF_ROOT
    return get_hook_manager().hook.register_config_loader(
        conf_paths=[str(conf_root / "base"), str(conf_root / env)], env=env, extra_params={}
    )


def _load(loader, key: str) -> dict:
    from kedro.config import MissingConfigException

    try:
        if hasattr(loader, "__getitem__"):  # 0.18: the loader's own config_patterns
            return dict(loader[key] or {})
        return dict(loader.get(f"{key}*", f"{key}*/**", f"**/{key}*") or {})
    except (KeyError, MissingConfigException):
        return {}


def _datasets(names: set[str], catalog: dict, default_type: str) -> dict:
    import kedro_truth

    if any("{" in name for name in catalog):
        raise SystemExit("oracle-legacy: dataset factory patterns are not supported")
    out = {}
    for name in sorted(names):
        if name == "parameters" or name.startswith("params:"):
            continue
        conf = catalog.get(name)
        source = "catalog" if name in catalog else "default"
        dtype = conf.get("type") if isinstance(conf, dict) else default_type
        entry = {"type": dtype, "source": source, "pattern": None,
                 "persisted": dtype not in kedro_truth.EPHEMERAL_TYPES}
        if isinstance(conf, dict) and "filepath" in conf:
            entry["filepath"] = conf["filepath"]
        out[name] = entry
    return out


def _nodes_by_layer(pipe, version: str) -> list:
    layers = pipe.grouped_nodes
    if version.startswith("0.17.") and any(len(layer) > 1 for layer in layers):
        print("oracle-legacy: Kedro 0.17 orders a toposort layer by hash; sorted by name here", file=sys.stderr)
    return [n for layer in layers for n in sorted(layer, key=lambda n: n.name)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("project", type=Path)
    ap.add_argument("--kedro-src", type=Path, required=True)
    ap.add_argument("--env", default="local")
    args = ap.parse_args()

    logging.disable(logging.WARNING)
    project = args.project.resolve()
    sys.path.insert(0, str(args.kedro_src.resolve()))
    sys.dont_write_bytecode = True
    _install_stand_ins()
    import kedro_truth

    import kedro
    from kedro.framework.startup import bootstrap_project

    import tomllib

    tool_kedro = tomllib.loads((project / "pyproject.toml").read_text())["tool"]["kedro"]
    source_root = project / tool_kedro.get("source_dir", "src")
    finder = kedro_truth._StandInFinder(
        kedro_truth._missing_imports(source_root, {"kedro", tool_kedro.get("package_name", "")}))
    sys.meta_path.append(finder)
    os.chdir(project)
    metadata = bootstrap_project(project)
    from kedro.framework.project import pipelines

    registered = dict(pipelines)
    loader = _config_loader(project, args.env)
    catalog, params = _load(loader, "catalog"), _load(loader, "parameters")
    default_type = "kedro.io.MemoryDataSet" if kedro.__version__.startswith("0.17.") else "kedro.io.MemoryDataset"

    result = {"schema": "kedrolint.export/v1",
              "kedro": {"project_name": metadata.project_name, "package_name": metadata.package_name,
                        "version": kedro.__version__},
              "pipelines": {}, "datasets": {}, "parameters": kedro_truth._parameter_names(params),
              "stood_in_modules": sorted(finder.roots)}
    used = set()
    for name, pipe in sorted(registered.items()):
        entry = kedro_truth._pipeline_json(pipe)
        ordered = _nodes_by_layer(pipe, kedro.__version__)
        by_name = {n["name"]: n for n in entry["nodes"]}
        entry["nodes"] = [by_name[n.name] for n in ordered]
        result["pipelines"][name] = entry
        used |= set(pipe.data_sets())
    result["datasets"] = _datasets(used | set(catalog), catalog, default_type)
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
