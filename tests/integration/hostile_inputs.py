#!/usr/bin/env python3
"""Hostile input never crashes or hangs kedrolint, and is reported where it is.

Each case writes a small Kedro project with one hostile file, runs
`kedrolint check --format json` on it under a time limit, and requires:
an exit status of 0, 1 or 2 (never a signal), the time limit kept, and, where
the case names rule codes, a finding of one of them located in the hostile
file. Usage: hostile_inputs.py KEDROLINT [CASE...]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LIMIT = float(os.environ.get("KEDROLINT_HOSTILE_SECONDS", "60"))
REGISTRY = (
    "from kedro.pipeline import node, pipeline\n\n\ndef f(x):\n    return x\n\n\n"
    "def register_pipelines():\n    return {\"__default__\": pipeline([node(f, \"raw\", \"clean\", name=\"n\")])}\n"
)


def skeleton(root: Path) -> None:
    (root / "conf/base").mkdir(parents=True)
    (root / "conf/local").mkdir(parents=True)
    (root / "src/demo").mkdir(parents=True)
    (root / "pyproject.toml").write_text(
        '[tool.kedro]\npackage_name = "demo"\nproject_name = "Demo"\nkedro_init_version = "1.5.0"\n')
    (root / "src/demo/__init__.py").write_text("")
    (root / "src/demo/settings.py").write_text("")
    (root / "src/demo/pipeline_registry.py").write_text(REGISTRY)
    (root / "conf/base/catalog.yml").write_text("raw:\n  type: pandas.CSVDataset\n  filepath: data/raw.csv\n")
    (root / "conf/base/parameters.yml").write_text("")


def registry_with(body: str) -> str:
    return "from kedro.pipeline import node, pipeline\n\n\ndef f(x):\n    return x\n\n\n" + body


CASES = {}


def case(name, path, codes=(), located_in=None, needs_permissions=False):
    """`located_in`: where the finding must be, when not in `path` itself.
    `needs_permissions`: file modes only bind a user other than root."""
    def register(make):
        CASES[name] = (path, tuple(codes), located_in or path, make, needs_permissions)
        return make
    return register


@case("syntax-error-mid-file", "src/demo/pipeline_registry.py", ["KL001"])
def _(p: Path) -> None:
    p.write_text(REGISTRY.replace("def f(x):", "def f(x:"))


@case("yaml-error", "conf/base/catalog.yml", ["KL002"])
def _(p: Path) -> None:
    p.write_text("raw:\n  type: pandas.CSVDataset\n  filepath: [data/raw.csv\n")


@case("binary-python", "src/demo/pipeline_registry.py", ["KL008", "KL001"])
def _(p: Path) -> None:
    p.write_bytes(bytes(range(256)) * 64)


@case("binary-yaml", "conf/base/catalog.yml", ["KL008", "KL002"])
def _(p: Path) -> None:
    p.write_bytes(bytes(range(256)) * 64)


@case("invalid-utf8", "src/demo/pipeline_registry.py", ["KL008"])
def _(p: Path) -> None:
    p.write_bytes(REGISTRY.encode().replace(b'"raw"', b'"r\xe9w"'))


@case("ten-megabyte-line", "src/demo/pipeline_registry.py")
def _(p: Path) -> None:
    p.write_text(REGISTRY + "X = [" + "1, " * 3_500_000 + "]\n")


@case("deep-brackets-python", "src/demo/pipeline_registry.py", ["KL001"])
def _(p: Path) -> None:
    p.write_text(REGISTRY + "X = " + "[" * 10_000 + "]" * 10_000 + "\n")


@case("deep-brackets-yaml", "conf/base/parameters.yml", ["KL002"])
def _(p: Path) -> None:
    p.write_text("x: " + "[" * 10_000 + "]" * 10_000 + "\n")


@case("recursive-helper", "src/demo/pipeline_registry.py", ["KL010"])
def _(p: Path) -> None:
    p.write_text(registry_with("def build(n):\n    return build(n + 1)\n\n\n"
                               "def register_pipelines():\n    return {\"__default__\": build(0)}\n"))


@case("mutually-recursive-helpers", "src/demo/pipeline_registry.py", ["KL010"])
def _(p: Path) -> None:
    p.write_text(registry_with("def a(n):\n    return b(n)\n\n\ndef b(n):\n    return a(n)\n\n\n"
                               "def register_pipelines():\n    return {\"__default__\": a(0)}\n"))


@case("millions-of-nodes", "src/demo/pipeline_registry.py", ["KL010"])
def _(p: Path) -> None:
    p.write_text(registry_with(
        "def register_pipelines():\n"
        "    nodes = [node(f, f\"in{i}_{j}\", f\"out{i}_{j}\", name=f\"n{i}_{j}\") for i in range(3000) for j in range(1000)]\n"
        "    return {\"__default__\": pipeline(nodes)}\n"))


@case("while-true", "src/demo/pipeline_registry.py", ["KL010"])
def _(p: Path) -> None:
    p.write_text(registry_with("def register_pipelines():\n    while True:\n        pass\n"))


@case("billion-laughs", "conf/base/catalog.yml", ["KL002"])
def _(p: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    p.write_text("\n".join(lines) + "\n")


@case("self-referencing-alias", "conf/base/catalog.yml", ["KL002"])
def _(p: Path) -> None:
    p.write_text("a: &a [*a]\n")


@case("interpolation-bomb", "conf/base/parameters.yml", ["KL312"])
def _(p: Path) -> None:
    lines = ["p0: xxxxxxxxxx"] + [f'p{i}: "${{p{i - 1}}}${{p{i - 1}}}"' for i in range(1, 40)]
    p.write_text("\n".join(lines) + "\n")


@case("interpolation-cycle", "conf/base/parameters.yml", ["KL312"])
def _(p: Path) -> None:
    p.write_text("a: ${b}\nb: ${a}\n")


@case("huge-catalog", "conf/base/catalog.yml")
def _(p: Path) -> None:
    p.write_text("".join(f"d{i}:\n  type: pandas.CSVDataset\n  filepath: data/d{i}.csv\n" for i in range(100_000)))


@case("symlink-loop", "conf/base/loop")
def _(p: Path) -> None:
    os.symlink(p.parent, p)


@case("link-outside-root", "conf/base/parameters_outside.yml", ["KL008"])
def _(p: Path) -> None:
    os.symlink("/etc/passwd", p)


@case("no-conf", "conf", ["KL011"], located_in="pyproject.toml")
def _(p: Path) -> None:
    shutil.rmtree(p)


@case("empty-conf", "conf/base")
def _(p: Path) -> None:
    shutil.rmtree(p)
    p.mkdir()


@case("fifo-yaml", "conf/base/catalog.yml")
def _(p: Path) -> None:
    # Opening a FIFO for reading blocks until a writer comes: never read one.
    # Kedro's loader skips it too (fs.isfile is false), so no finding is due.
    p.unlink()
    os.mkfifo(p)


@case("unreadable-file", "src/demo/pipeline_registry.py", ["KL008"], needs_permissions=True)
def _(p: Path) -> None:
    p.chmod(0)


@case("unreadable-folder", "conf/base", ["KL008"], needs_permissions=True)
def _(p: Path) -> None:
    p.chmod(0)


@case("no-registry", "src/demo/pipeline_registry.py", ["KL007"], located_in="pyproject.toml")
def _(p: Path) -> None:
    p.unlink()


def run(kedrolint: str, name: str) -> list:
    path, codes, located_in, make, needs_permissions = CASES[name]
    problems = []
    if needs_permissions and os.geteuid() == 0:
        print(f"{name}: skipped (root reads files whatever their mode)")
        return problems
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        skeleton(root)
        make(root / path)
        env = dict(os.environ, KEDROLINT_NO_CACHE="1", NO_COLOR="1")
        start = time.monotonic()
        try:
            proc = subprocess.run([kedrolint, "check", str(root), "--format", "json"], capture_output=True,
                                  timeout=LIMIT, env=env)
        except subprocess.TimeoutExpired:
            return [f"{name}: no answer within {LIMIT:.0f} s"]
        finally:
            target = root / path  # let TemporaryDirectory remove what a case locked
            if target.exists() and not target.is_symlink():
                target.chmod(0o755 if target.is_dir() else 0o644)
        took = time.monotonic() - start
        if proc.returncode not in (0, 1, 2):
            problems.append(f"{name}: exit status {proc.returncode} (a crash?): {proc.stderr.decode(errors='replace')[-500:]}")
        findings = []
        try:
            findings = json.loads(proc.stdout or b"[]")
        except ValueError:
            if proc.returncode != 2:
                problems.append(f"{name}: the JSON report does not parse")
        if codes:
            located = [f for f in findings if f["code"] in codes and f["filename"].startswith(located_in)]
            if not located:
                got = sorted({(f["code"], f["filename"]) for f in findings})
                problems.append(f"{name}: expected one of {list(codes)} in {located_in}, got {got}")
        print(f"{name}: exit {proc.returncode}, {took:.2f} s, {len(findings)} findings"
              + (f" ({', '.join(sorted({f['code'] for f in findings}))})" if findings else ""))
    return problems


def main() -> int:
    kedrolint = sys.argv[1]
    names = sys.argv[2:] or list(CASES)
    problems = []
    for name in names:
        problems += run(kedrolint, name)
    for p in problems:
        print("FAIL: " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
