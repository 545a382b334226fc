#!/usr/bin/env bash
# The real pre-commit (Debian package `pre-commit`) with this repository's
# .pre-commit-hooks.yaml, in a throwaway git repository holding a small Kedro
# project: a commit that breaks a pipeline is blocked and shows the finding,
# a good commit passes, and a commit of a README alone does not run the hook.
set -euo pipefail
kedrolint=$1 source_dir=$2
command -v pre-commit >/dev/null || { echo "pre-commit is not installed (scripts/bootstrap installs it)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/pre-commit-home" KEDROLINT_CACHE_DIR="$work/cache" NO_COLOR=1
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export PATH="$(dirname "$kedrolint"):$PATH"
fail() { echo "FAIL: $*"; exit 1; }

# The hook repository: what users reference as `repo:` (only the hook manifest matters).
mkdir "$work/hooks" && cd "$work/hooks"
git init -q . && cp "$source_dir/.pre-commit-hooks.yaml" . && git add . && git commit -qm hooks
rev=$(git rev-parse HEAD)

mkdir -p "$work/project" && cd "$work/project" && git init -q .
mkdir -p conf/base conf/local src/demo
touch conf/local/.gitkeep src/demo/__init__.py src/demo/settings.py conf/base/parameters.yml
cat > pyproject.toml <<'TOML'
[tool.kedro]
package_name = "demo"
project_name = "Demo"
kedro_init_version = "1.5.0"
TOML
cat > conf/base/catalog.yml <<'YAML'
raw:
  type: pandas.CSVDataset
  filepath: data/raw.csv
clean:
  type: pandas.ParquetDataset
  filepath: data/clean.pq
YAML
cat > src/demo/pipeline_registry.py <<'PY'
from kedro.pipeline import node, pipeline


def tidy(raw):
    return raw


def register_pipelines():
    return {"__default__": pipeline([node(tidy, "raw", "clean", name="tidy")])}
PY
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $work/hooks
    rev: $rev
    hooks:
      - id: kedrolint
YAML
pre-commit install >/dev/null

git add . && git commit -qm "a good project" > "$work/good.log" 2>&1 || { cat "$work/good.log"; fail "a clean project was blocked"; }
grep -q "kedrolint.*Passed" "$work/good.log" || { cat "$work/good.log"; fail "the hook did not run on the first commit"; }

# A cycle: Kedro raises CircularDependencyError when it builds this pipeline.
sed -i 's|pipeline(\[node(tidy, "raw", "clean", name="tidy")\])|pipeline([node(tidy, "clean", "raw", name="back"), node(tidy, "raw", "clean", name="tidy")])|' \
  src/demo/pipeline_registry.py
git add src/demo/pipeline_registry.py
if git commit -qm "a broken pipeline" > "$work/bad.log" 2>&1; then cat "$work/bad.log"; fail "a broken pipeline was committed"; fi
grep -q "\[KL101\]" "$work/bad.log" || { cat "$work/bad.log"; fail "the blocked commit does not show the finding"; }
grep -q "src/demo/pipeline_registry.py:" "$work/bad.log" || { cat "$work/bad.log"; fail "the finding has no location"; }
git reset -q --hard HEAD  # drop the broken change, staged and in the work tree

echo "# Demo" > README.md && git add README.md
git commit -qm "docs only" > "$work/readme.log" 2>&1 || { cat "$work/readme.log"; fail "a README commit was blocked"; }
grep -q "kedrolint.*Skipped" "$work/readme.log" || { cat "$work/readme.log"; fail "the hook ran for a README-only commit"; }
echo "pre-commit: good commit passed, broken pipeline blocked with KL101, README-only commit skipped"
