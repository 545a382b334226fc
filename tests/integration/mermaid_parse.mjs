// Parses Mermaid files with the real Mermaid parser (mermaid.parse under
// jsdom): exit 1 when one does not parse. Usage: node mermaid_parse.mjs TOOLS FILE...
// TOOLS is the folder whose node_modules holds mermaid and jsdom.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const [tools, ...files] = process.argv.slice(2);
const require = createRequire(`${tools}/package.json`);
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
const { default: mermaid } = await import(pathToFileURL(require.resolve('mermaid')).href);
mermaid.initialize({ startOnLoad: false });
let failed = 0;
for (const file of files) {
  try {
    const r = await mermaid.parse(readFileSync(file, 'utf8'));
    console.log(`${file}: ${r.diagramType}`);
  } catch (e) {
    failed++;
    console.log(`${file}: ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
