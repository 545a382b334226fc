#!/usr/bin/env bash
# `kedrolint groups --write` emits a groups file that, fed back through
# `deploy.groups-file`, reproduces the same groups; and the Graphviz output
# renders (when `dot` is installed; bootstrap installs graphviz).
set -euo pipefail
kedrolint=$1 project=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$project" "$work/project"
status=0
for how in memory persistence branches; do
  "$kedrolint" groups "$work/project" --suggest "$how" --write "$work/project/groups.yml" --format json > "$work/suggested.json"
  cat >> "$work/project/pyproject.toml" <<TOML

[tool.kedrolint.deploy]
groups-file = "groups.yml"
TOML
  "$kedrolint" groups "$work/project" --format json > "$work/reread.json"
  python3 - "$work/suggested.json" "$work/reread.json" "$how" <<'PY' || status=1
import json, sys
a, b, how = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
ga = [(g["name"], g["nodes"]) for g in a["groups"]]
gb = [(g["name"], g["nodes"]) for g in b["groups"]]
if ga != gb:
    print(f"{how}: groups differ after the round trip:\n{ga}\n{gb}")
    sys.exit(1)
if not a["checks"]["acyclic"]:
    print(f"{how}: the suggestion is not acyclic")
    sys.exit(1)
if a["checks"]["memory_crossings"]:
    print(f"{how}: a suggestion must not cross in-memory data")
    sys.exit(1)
if how != "memory" and (a["checks"]["local_crossings"] or a["checks"]["remote_crossings"]):
    print(f"{how}: only shared data may cross")
    sys.exit(1)
print(f"{how}: {len(ga)} groups, round trip identical")
PY
  # Restore the pristine pyproject for the next strategy.
  cp "$project/pyproject.toml" "$work/project/pyproject.toml"
done
if command -v dot >/dev/null 2>&1; then
  "$kedrolint" groups "$work/project" --by namespace --format dot > "$work/groups.dot"
  dot -Tpng "$work/groups.dot" -o "$work/groups.png"
  if [ "$(head -c 8 "$work/groups.png" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]; then
    echo "dot did not produce a PNG"
    status=1
  else
    echo "dot rendered $(wc -c < "$work/groups.png") bytes of PNG"
  fi
  [ -n "${KEDROLINT_KEEP_PNG:-}" ] && cp "$work/groups.png" "$KEDROLINT_KEEP_PNG"
fi
"$kedrolint" groups "$work/project" --by namespace --format mermaid | grep -q '^flowchart LR' || { echo "mermaid output"; status=1; }
exit $status
