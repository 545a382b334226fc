#!/usr/bin/env bash
# Runs tests/integration/lsp_client.mjs, installing its LSP client libraries
# from npm into the build's tool folder on first use.
set -euo pipefail
kedrolint=$1 source=$2
# Its own folder: `npm install` in a folder with a package.json prunes what it does not list.
tools="${KEDROLINT_TOOLS_DIR:-$source/build/.tools}/lsp-client"
if [ ! -d "$tools/node_modules/vscode-languageserver-protocol" ]; then
  mkdir -p "$tools"
  [ -f "$tools/package.json" ] || echo '{"private": true}' > "$tools/package.json"
  (cd "$tools" && npm install --silent --no-audit --no-fund --no-save vscode-languageserver-protocol@3.17.5 >/dev/null)
fi
exec node "$source/tests/integration/lsp_client.mjs" "$kedrolint" "$tools"
