#!/usr/bin/env bash
# The pictures of `kedrolint graph` for every reconstruction fixture (names
# with quotes, `<`, `&`, backslashes and non-ASCII letters included): the DOT
# renders with Graphviz (bootstrap installs it) and the Mermaid parses with
# the real Mermaid parser (mermaid and jsdom from npm, installed into the
# build's tool folder on first use). KEDROLINT_KEEP_PNG=DIR keeps the PNGs.
set -euo pipefail
kedrolint=$1 source=$2
command -v dot >/dev/null 2>&1 || { echo "graphviz (dot) is not installed"; exit 1; }
tools="${KEDROLINT_TOOLS_DIR:-$source/build/.tools}/mermaid"
if [ ! -d "$tools/node_modules/mermaid" ] || [ ! -d "$tools/node_modules/jsdom" ]; then
  mkdir -p "$tools"
  [ -f "$tools/package.json" ] || echo '{"private": true}' > "$tools/package.json"
  (cd "$tools" && npm install --silent --no-audit --no-fund --no-save mermaid@11.17.2 jsdom@24.1.3 >/dev/null)
fi
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
  "$kedrolint" graph "$dir" --format mermaid --output "$work/$case.mmd" 2>/dev/null || { echo "$case: no Mermaid"; status=1; }
  [ -n "${KEDROLINT_KEEP_PNG:-}" ] && mkdir -p "$KEDROLINT_KEEP_PNG" && cp "$work/$case.png" "$KEDROLINT_KEEP_PNG/"
done
node "$source/tests/integration/mermaid_parse.mjs" "$tools" "$work"/*.mmd || status=1
exit $status
