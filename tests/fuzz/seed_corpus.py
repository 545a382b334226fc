#!/usr/bin/env python3
"""Seeds each fuzz target's corpus from the projects in fixtures/ and examples/.

catalog / parameters: every catalog / parameters YAML file; python and
skeleton: every .py file; factory_pattern: each `{...}` catalog key, a NUL, and the dataset names
of the catalogs; project: each whole project as `path NUL content NUL`
records (the format fuzz_project.cpp reads). Existing corpus files are kept,
so coverage found earlier is not lost.
"""
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_BYTES = 65536


def save(folder: Path, data: bytes) -> None:
    if not data or len(data) > MAX_BYTES:
        return
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def projects():
    for pyproject in sorted((ROOT / "fixtures").rglob("pyproject.toml")) + sorted((ROOT / "examples").rglob("pyproject.toml")):
        yield pyproject.parent


def main() -> None:
    out = Path(sys.argv[1])
    names, patterns = [], []
    for project in projects():
        record = b""
        for f in sorted(project.rglob("*")):
            if not f.is_file() or f.name.startswith("expected"):
                continue
            rel = f.relative_to(project).as_posix().encode()
            data = f.read_bytes()
            record += rel + b"\0" + data + b"\0"
            if f.suffix in (".yml", ".yaml"):
                target = "parameters" if "parameters" in f.name else "catalog"
                save(out / target, data)
                for line in data.decode("utf-8", "replace").splitlines():
                    if line and not line[0].isspace() and ":" in line and not line.startswith("#"):
                        key = line.split(":", 1)[0].strip().strip("'\"")
                        (patterns if "{" in key else names).append(key)
            elif f.suffix == ".py":
                save(out / "python", data)
                save(out / "skeleton", data)
        save(out / "project", record)
    for pattern in sorted(set(patterns)):
        save(out / "factory_pattern", (pattern + "\0" + "\n".join(sorted(set(names))[:200])).encode())


if __name__ == "__main__":
    main()
