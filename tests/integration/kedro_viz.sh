#!/usr/bin/env bash
# `kedrolint graph --format viz` on the reconstruction fixtures: every file has
# the shape of Kedro-Viz's response models, the ids are the ones recomputed
# from the real-Kedro export, and where real Kedro-Viz's output is committed
# (expected.kedro-viz/, scripts/kedro-viz-oracle.py) the folders are equal.
set -euo pipefail
kedrolint=$1 source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for dir in "$source"/fixtures/reconstruction/*/; do
  dir=${dir%/}
  case=$(basename "$dir")
  # A fixture with unknown parts (dynamic_unknown) is reported incomplete and
  # still drawn: its nodes must then be a subset of what Kedro builds.
  "$kedrolint" graph "$dir" --format viz --output "$work/$case" 2> "$work/$case.err" || {
    echo "$case: kedrolint graph failed"; cat "$work/$case.err"; status=1; continue
  }
  expected=()
  [ -d "$dir/expected.kedro-viz" ] && expected=(--expected "$dir/expected.kedro-viz")
  grep -q "is incomplete" "$work/$case.err" && expected+=(--incomplete)
  echo "== $case"
  python3 "$source/tests/integration/check_kedro_viz.py" "$work/$case" "$dir/expected.export.json" \
    "${expected[@]}" --project "$(cd "$dir" && pwd)" || status=1
done
exit $status
