// Drives `kedrolint lsp` with a real LSP client (vscode-jsonrpc and
// vscode-languageserver-protocol from npm, as VS Code uses them): open a
// pipeline file, see its findings with UTF-16 positions, edit catalog.yml
// in the editor (unsaved) and see the finding in the pipeline file go away.
// Usage: node lsp_client.mjs KEDROLINT TOOLS_DIR
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const [kedrolint, tools] = process.argv.slice(2);
const require = createRequire(join(tools, "package.json"));
const rpc = require("vscode-jsonrpc/node");
const protocol = require("vscode-languageserver-protocol");

const root = mkdtempSync(join(tmpdir(), "kedrolint-lsp-"));
const write = (rel, text) => {
  mkdirSync(join(root, rel, ".."), { recursive: true });
  writeFileSync(join(root, rel), text);
};
write("pyproject.toml", '[tool.kedro]\npackage_name = "demo"\nproject_name = "Demo"\nkedro_init_version = "1.5.0"\n');
write("conf/base/parameters.yml", "");
write("conf/local/.gitkeep", "");
write("conf/base/catalog.yml", "clean:\n  type: pandas.ParquetDataset\n  filepath: data/clean.pq\n");
write("src/demo/__init__.py", "");
write("src/demo/settings.py", "");
// The emoji before the finding is two UTF-16 code units, one code point and
// four bytes: only a UTF-16 column lands on `RAW`.
const pipelineText = [
  "from kedro.pipeline import node, pipeline",
  "",
  "RAW = \"raw\"",
  "",
  "def tidy(raw):",
  "    return raw",
  "",
  "def register_pipelines():",
  "    return {\"\u{1F600}\": pipeline([]), \"__default__\": pipeline([node(tidy, RAW, \"clean\", name=\"tidy\")])}",
  "",
].join("\n");
write("src/demo/pipeline_registry.py", pipelineText);
const pipelineUri = pathToFileURL(join(root, "src/demo/pipeline_registry.py")).href;
const catalogUri = pathToFileURL(join(root, "conf/base/catalog.yml")).href;

const child = spawn(kedrolint, ["lsp"], { stdio: ["pipe", "pipe", "inherit"] });
const connection = rpc.createMessageConnection(
  new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
const published = [];
let waiters = [];
connection.onNotification(protocol.PublishDiagnosticsNotification.type, (params) => {
  published.push(params);
  waiters = waiters.filter((w) => !w(params));
});
let registrations = [];
connection.onRequest(protocol.RegistrationRequest.type, (params) => {
  registrations = registrations.concat(params.registrations);
  return null;
});
connection.listen();
const waitFor = (predicate, what) => new Promise((resolve, reject) => {
  const found = published.find(predicate);
  if (found) return resolve(found);
  const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 20000);
  waiters.push((p) => (predicate(p) ? (clearTimeout(timer), resolve(p), true) : false));
});
const fail = (message) => { console.error("FAIL: " + message); process.exitCode = 1; };

try {
  const init = await connection.sendRequest(protocol.InitializeRequest.type,
    { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
      workspaceFolders: null });
  if (init.capabilities.textDocumentSync?.change !== 1) fail("full document sync is not announced");
  if (init.serverInfo?.name !== "kedrolint") fail("serverInfo.name is not kedrolint");
  await connection.sendNotification(protocol.InitializedNotification.type, {});
  await connection.sendNotification(protocol.DidOpenTextDocumentNotification.type,
    { textDocument: { uri: pipelineUri, languageId: "python", version: 1, text: pipelineText } });

  const first = await waitFor((p) => p.uri === pipelineUri && p.diagnostics.some((d) => d.code === "KL301"),
                              "KL301 in pipeline_registry.py");
  const kl301 = first.diagnostics.find((d) => d.code === "KL301");
  const line = pipelineText.split("\n")[8];
  const expected = line.indexOf("RAW");  // a UTF-16 offset, as LSP wants
  if (kl301.range.start.line !== 8 || kl301.range.start.character !== expected) {
    fail(`KL301 at ${JSON.stringify(kl301.range.start)}, expected line 8 character ${expected} (UTF-16)`);
  }
  if (kl301.range.end.character !== expected + 3) fail(`KL301 range end ${JSON.stringify(kl301.range.end)}`);
  if (kl301.severity !== 1 || kl301.source !== "kedrolint") fail("KL301 is not an error from kedrolint");
  if (!kl301.codeDescription?.href?.endsWith("/docs/rules/KL301.md")) fail("KL301 has no rule link");
  if (!kl301.message.includes("`raw`")) fail(`unexpected KL301 message: ${kl301.message}`);

  // Edit the catalog in the editor without saving: the pipeline file's finding goes away.
  const catalogText = readFileSync(join(root, "conf/base/catalog.yml"), "utf8");
  await connection.sendNotification(protocol.DidOpenTextDocumentNotification.type,
    { textDocument: { uri: catalogUri, languageId: "yaml", version: 1, text: catalogText } });
  const count = published.length;
  await connection.sendNotification(protocol.DidChangeTextDocumentNotification.type,
    { textDocument: { uri: catalogUri, version: 2 },
      contentChanges: [{ text: catalogText + "raw:\n  type: pandas.CSVDataset\n  filepath: data/raw.csv\n" }] });
  await waitFor((p) => published.indexOf(p) >= count && p.uri === pipelineUri &&
                       !p.diagnostics.some((d) => d.code === "KL301"), "KL301 to clear after the catalog edit");

  // A bad catalog type in the unsaved buffer is reported in catalog.yml itself, with its line.
  await connection.sendNotification(protocol.DidChangeTextDocumentNotification.type,
    { textDocument: { uri: catalogUri, version: 3 },
      contentChanges: [{ range: { start: { line: 1, character: 8 }, end: { line: 1, character: 29 } },
                         text: "pandas.ParquetDataSet" }] });
  const bad = await waitFor((p) => p.uri === catalogUri && p.diagnostics.some((d) => d.code === "KL307"),
                            "KL307 in catalog.yml after an incremental edit");
  const kl307 = bad.diagnostics.find((d) => d.code === "KL307");
  if (kl307.range.start.line !== 1 || kl307.range.start.character !== 8) fail(`KL307 at ${JSON.stringify(kl307.range)}`);

  // Closing the unsaved catalog falls back to the file on disk (no `raw`):
  // the finding is back. Writing the entry to disk outside the editor and
  // telling the server through the watcher it registered clears it again.
  if (!registrations.some((r) => r.method === "workspace/didChangeWatchedFiles")) fail("no file watcher registered");
  let mark = published.length;
  await connection.sendNotification(protocol.DidCloseTextDocumentNotification.type, { textDocument: { uri: catalogUri } });
  await waitFor((p) => published.indexOf(p) >= mark && p.uri === pipelineUri &&
                       p.diagnostics.some((d) => d.code === "KL301"), "KL301 again after closing the unsaved catalog");
  writeFileSync(join(root, "conf/base/catalog.yml"), catalogText + "raw:\n  type: pandas.CSVDataset\n  filepath: data/raw.csv\n");
  mark = published.length;
  await connection.sendNotification(protocol.DidChangeWatchedFilesNotification.type,
    { changes: [{ uri: catalogUri, type: protocol.FileChangeType.Changed }] });
  await waitFor((p) => published.indexOf(p) >= mark && p.uri === pipelineUri &&
                       !p.diagnostics.some((d) => d.code === "KL301"), "KL301 to clear after the watched file changed");

  await connection.sendRequest(protocol.ShutdownRequest.type);
  await connection.sendNotification(protocol.ExitNotification.type);
  const code = await new Promise((resolve) => child.on("exit", resolve));
  if (code !== 0) fail(`the server exited with ${code} after shutdown and exit`);
  if (!process.exitCode) console.log(`lsp: ${published.length} publishDiagnostics, positions in UTF-16, cross-file updates from unsaved buffers`);
} catch (error) {
  fail(error.message);
  child.kill();
} finally {
  connection.dispose();
  rmSync(root, { recursive: true, force: true });
}
