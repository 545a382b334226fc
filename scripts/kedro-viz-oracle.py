#!/usr/bin/env python3
"""Write what real Kedro-Viz saves for a project (`kedro viz run --save-file`).

The ground truth for `kedrolint graph --format viz`: it loads the project with
real Kedro (like ../shared/oracle/kedro_truth.py: third-party modules the
project imports but this interpreter lacks become stand-ins) and runs
Kedro-Viz's own DataAccessManager and save_api_responses_to_fs on it, with
previews off. Nothing of the project runs but its module-level code.

Set-up (Debian 12, no PyPI): Kedro's dependencies as in kedro_truth.py; Kedro's
source in KEDRO_SRC; Kedro-Viz's `package/` folder in VIZ_SRC (the search
tool's fetch of github:kedro-org/kedro-viz, then `git show` the .py files);
pydantic 2, networkx and orjson in a folder PYDEPS put first on sys.path.
Kedro-Viz's web stack is not needed: FastAPI's two helpers it calls
(jsonable_encoder, JSONResponse) are stood in below, and a node without
metadata is written as the `{}` the server answers for it.

kedro_datasets is stood in by classes with the real module paths
(src/model/dataset_classes.inc) whose `_describe` gives the filepath as the
real fsspec-based datasets do, so dataset types and paths are exact.

  /usr/bin/python3 scripts/kedro-viz-oracle.py PROJECT OUT_DIR \
      --kedro-src /tmp/kedro-1.5.0 --viz-src /tmp/kedro-viz/package --pydeps /tmp/vizpy
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import os
import re
import shutil
import sys
import tempfile
import types
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _stand_in_web_stack() -> None:
    from pydantic import BaseModel

    class JSONResponse:
        def __init__(self, content=None, status_code: int = 200):
            self.content = content
            self.status_code = status_code

    class ORJSONResponse(JSONResponse):
        pass

    def jsonable_encoder(obj):
        if isinstance(obj, JSONResponse):
            return jsonable_encoder(obj.content)
        if isinstance(obj, BaseModel):
            return jsonable_encoder(obj.model_dump(mode="json"))
        if isinstance(obj, dict):
            return {jsonable_encoder(k): jsonable_encoder(v) for k, v in obj.items()}
        if isinstance(obj, (list, tuple, set, frozenset)):
            return [jsonable_encoder(v) for v in obj]
        if isinstance(obj, os.PathLike):
            return str(obj)
        return obj

    fastapi = types.ModuleType("fastapi")
    encoders = types.ModuleType("fastapi.encoders")
    responses = types.ModuleType("fastapi.responses")
    encoders.jsonable_encoder = jsonable_encoder
    responses.JSONResponse = JSONResponse
    responses.ORJSONResponse = ORJSONResponse
    fastapi.encoders, fastapi.responses = encoders, responses
    sys.modules.update({"fastapi": fastapi, "fastapi.encoders": encoders, "fastapi.responses": responses})
    pathspec = types.ModuleType("pathspec")
    pathspec.GitIgnoreSpec = object
    sys.modules.setdefault("pathspec", pathspec)


def _stand_in_kedro_datasets(root: Path) -> None:
    """A kedro_datasets package with each class at its real module path."""
    table = (HERE.parent / "src/model/dataset_classes.inc").read_text()
    modules: dict[tuple[str, str], list[str]] = {}
    for package, cls, module in re.findall(r'\{"(\w+)\.(\w+)", "(\w+)"\}', table):
        modules.setdefault((package, module), []).append(cls)
    base = root / "kedro_datasets"
    base.mkdir()
    (base / "__init__.py").write_text("")
    body = (
        "from pathlib import PurePosixPath\n"
        "from kedro.io.core import AbstractDataset, DatasetError, get_protocol_and_path\n"
        "class _StandIn(AbstractDataset):\n"
        "    def __init__(self, filepath=None, path=None, metadata=None, **kwargs):\n"
        "        self.metadata = metadata\n"
        "        self._key = 'filepath' if filepath is not None else 'path'\n"
        "        raw = filepath if filepath is not None else path\n"
        "        self._filepath = None if raw is None else PurePosixPath(get_protocol_and_path(str(raw))[1])\n"
        "    def _describe(self):\n"
        "        return {} if self._filepath is None else {self._key: self._filepath}\n"
        "    def _load(self):\n"
        "        raise DatasetError('stand-in')\n"
        "    def _save(self, data):\n"
        "        raise DatasetError('stand-in')\n"
    )
    packages: dict[str, list[tuple[str, str]]] = {}
    for (package, module), classes in modules.items():
        packages.setdefault(package, []).extend((module, c) for c in classes)
    for package, items in packages.items():
        (base / package).mkdir()
        lines = []
        for module, cls in items:
            path = base / package / f"{module}.py"
            if not path.exists():
                path.write_text(body)
            with path.open("a") as f:
                f.write(f"class {cls}(_StandIn):\n    pass\n")
            lines.append(f"from .{module} import {cls}")
        (base / package / "__init__.py").write_text("\n".join(sorted(set(lines))) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("project", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--kedro-src", type=Path, required=True)
    ap.add_argument("--viz-src", type=Path, required=True, help="Kedro-Viz's package/ folder")
    ap.add_argument("--pydeps", type=Path, required=True, help="folder with pydantic 2, networkx, orjson")
    ap.add_argument("--env", default="local")
    args = ap.parse_args()

    logging.disable(logging.WARNING)
    # A copy, under the same folder name (task file paths are shown relative
    # to the folder above the project), with the conf/local Kedro requires.
    project = Path(tempfile.mkdtemp()) / args.project.resolve().name
    shutil.copytree(args.project.resolve(), project, ignore=shutil.ignore_patterns("expected.kedro-viz"))
    (project / "conf" / "local").mkdir(parents=True, exist_ok=True)
    out = args.out.resolve()
    sys.dont_write_bytecode = True
    stand_ins = Path(tempfile.mkdtemp())
    _stand_in_kedro_datasets(stand_ins)
    for path in (str(args.pydeps.resolve()), str(args.kedro_src.resolve()), str(args.viz_src.resolve()), str(stand_ins)):
        sys.path.insert(0, path)
    _stand_in_web_stack()

    spec = importlib.util.spec_from_file_location("kedro_truth", HERE.parent.parent / "shared/oracle/kedro_truth.py")
    truth = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(truth)

    import tomllib

    tool_kedro = tomllib.loads((project / "pyproject.toml").read_text())["tool"]["kedro"]
    package = tool_kedro["package_name"]
    source_root = project / tool_kedro.get("source_dir", "src")
    sys.meta_path.append(truth._StandInFinder(truth._missing_imports(source_root, {"kedro", package})))
    os.environ.setdefault("KEDRO_DISABLE_TELEMETRY", "true")
    os.chdir(project)  # Kedro-Viz writes task file paths relative to the folder above

    from kedro.framework.project import pipelines
    from kedro.framework.session import KedroSession
    from kedro.framework.startup import bootstrap_project

    bootstrap_project(project)
    with KedroSession.create(project, env=args.env) as session:
        catalog = session.load_context().catalog
    registered = dict(pipelines)

    import fsspec
    from kedro_viz.api.rest.responses.save_responses import save_api_responses_to_fs
    from kedro_viz.data_access import data_access_manager

    data_access_manager.add_catalog(catalog, registered)
    data_access_manager.add_node_extras({})
    data_access_manager.add_pipelines(registered)
    save_api_responses_to_fs(str(out), fsspec.filesystem("file"), False)
    json.dump({"project": str(project)}, (out / "oracle.json").open("w"))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
