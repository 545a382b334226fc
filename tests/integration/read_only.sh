#!/usr/bin/env bash
# kedrolint never writes into the project it analyses: every command runs on a
# read-only copy of the example project (and of a project with findings),
# and the tree (paths, modes, link targets, contents) must be identical
# afterwards. Only the --output file and the cache folder may be written.
set -euo pipefail
kedrolint=$1 source=$2
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
export KEDROLINT_CACHE_DIR="$work/cache" NO_COLOR=1 HOME="$work/home"
mkdir -p "$HOME"
status=0
listing() {  # every entry with its type, mode, link target and content hash
  (cd "$1" && find . -printf '%y %m %p -> %l\n' | sort && find . -type f -print0 | sort -z | xargs -0 sha256sum)
}
for project in "$source/examples/spaceflights" "$source/fixtures/report/findings"; do
  copy="$work/$(basename "$project")"
  cp -r "$project" "$copy"
  chmod -R a-w "$copy"
  before=$(listing "$copy")
  (
    cd "$copy"
    for format in text json sarif github gitlab; do "$kedrolint" check --format "$format" >/dev/null || true; done
    "$kedrolint" check --output "$work/report.sarif" --format sarif || true
    "$kedrolint" check --write-baseline "$work/baseline.json" >/dev/null 2>&1 || true
    "$kedrolint" check --baseline "$work/baseline.json" >/dev/null || true
    "$kedrolint" export >/dev/null || true
    "$kedrolint" catalog >/dev/null || true
    "$kedrolint" groups --format json >/dev/null || true
    "$kedrolint" groups --suggest memory --write "$work/groups.yml" >/dev/null || true
    "$kedrolint" artifacts >/dev/null || true
    "$kedrolint" profile . >/dev/null || true
  )
  after=$(listing "$copy")
  if [ "$before" != "$after" ]; then
    echo "FAIL: kedrolint changed $(basename "$project"):"
    diff <(echo "$before") <(echo "$after") || true
    status=1
  fi
done
# Outside the project only the named outputs and the cache were written.
extra=$(cd "$work" && find . -type f ! -path './cache/*' ! -path './spaceflights/*' ! -path './findings/*' \
        ! -name report.sarif ! -name baseline.json ! -name groups.yml | sort)
if [ -n "$extra" ]; then echo "FAIL: unexpected files written: $extra"; status=1; fi
[ "$status" = 0 ] && echo "read-only: no command wrote into the project"
exit $status
