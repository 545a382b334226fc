#!/usr/bin/env bash
# The DOT pictures of `kedrolint graph` render with Graphviz (bootstrap
# installs it): a PNG comes out for every reconstruction fixture, names with
# quotes, `<`, `&`, backslashes and non-ASCII letters included. Set
# KEDROLINT_KEEP_PNG=DIR to keep the pictures.
set -euo pipefail
kedrolint=$1 source=$2
command -v dot >/dev/null 2>&1 || { echo "graphviz (dot) is not installed"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for dir in "$source"/fixtures/reconstruction/*/; do
  case=$(basename "$dir")
  "$kedrolint" graph "$dir" --format dot --output "$work/$case.dot" 2>/dev/null || { echo "$case: no DOT"; status=1; continue; }
  if ! dot -Tpng "$work/$case.dot" -o "$work/$case.png" 2> "$work/$case.err" || [ -s "$work/$case.err" ]; then
    echo "$case: dot failed"; cat "$work/$case.err"; status=1; continue
  fi
  if [ "$(head -c 8 "$work/$case.png" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]; then
    echo "$case: dot did not write a PNG"; status=1; continue
  fi
  echo "$case: $(wc -c < "$work/$case.png") bytes of PNG"
  "$kedrolint" graph "$dir" --format mermaid 2>/dev/null | grep -q '^flowchart LR$' || { echo "$case: no Mermaid flowchart"; status=1; }
  [ -n "${KEDROLINT_KEEP_PNG:-}" ] && mkdir -p "$KEDROLINT_KEEP_PNG" && cp "$work/$case.png" "$KEDROLINT_KEEP_PNG/"
done
exit $status
