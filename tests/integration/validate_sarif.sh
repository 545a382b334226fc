#!/usr/bin/env bash
# Validates kedrolint's SARIF on a project with findings of every kind using
# the official SARIF Multitool (npm @microsoft/sarif-multitool), with GitHub's
# and SARIF's rule sets. The tool exits 0 even when it reports problems, so the
# test counts its error and warning lines instead.
set -euo pipefail
kedrolint=$1 source=$2
tools="${KEDROLINT_TOOLS_DIR:-$source/build/.tools}"
mt="$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -x "$mt" ]; then
  mkdir -p "$tools"
  (cd "$tools" && npm install --silent --no-audit --no-fund --no-save @microsoft/sarif-multitool@5.7.0 >/dev/null)
  chmod u+x "$mt"  # npm 11 does not run the package's postinstall chmod
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for project in "$source/fixtures/report/findings" "$source/examples/spaceflights"; do
  [ -d "$project" ] || continue
  out="$work/$(basename "$project").sarif"
  "$kedrolint" check "$project" --format sarif --output "$out" || true
  log=$("$mt" validate --rule-kind "Gh;Sarif" "$out" 2>&1 || true)
  problems=$(printf '%s\n' "$log" | grep -E ': (error|warning) ' || true)
  if [ -n "$problems" ]; then
    echo "SARIF for $project has validator findings:"
    echo "$problems"
    status=1
  fi
  results=$(grep -c '"ruleId"' "$out" || true)
  echo "$project: $results results, validator clean: $([ -z "$problems" ] && echo yes || echo no)"
  [ "$results" -gt 0 ] || { echo "expected findings in $project"; status=1; }
done
exit $status
