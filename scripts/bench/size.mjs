// Sizes of what we ship: the bundles (the client's entry, the language client it loads when a served document opens,
// the server's and the CLI's entries and bundles), the tree-sitter runtime and grammars the server loads for Terraform
// and CDK hosts, and the VSIX (which holds them, compressed, plus the assets).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { row } from './table.mjs';

export function measureSizes({ bundles, built }) {
  const detail = built ? 'production build (minified), as packaged' : 'dist/ as found (--no-build)';
  const rows = [];
  for (const file of ['client.js', 'languageClient.js', 'server.js', 'server.bundle.js', 'cli.js', 'cli.bundle.js']) {
    const entry = file === 'server.js' || file === 'cli.js' ? `; the entry that runs ${file.replace('.js', '.bundle.js')} through the code cache` : '';
    rows.push(row('size', `bundle dist/${file}`, { value: statSync(join(bundles, file)).size / 1e3, unit: 'KB', detail: detail + entry }));
  }
  rows.push(row('size', 'IAM catalogue dist/iam-catalog.json', { value: statSync(join(bundles, 'iam-catalog.json')).size / 1e3, unit: 'KB', detail: 'read beside the server and CLI bundles' }));
  const wasm = readdirSync(join(bundles, 'wasm')).filter((file) => file.endsWith('.wasm'));
  for (const file of wasm.sort()) {
    const what = file === 'web-tree-sitter.wasm' ? 'the tree-sitter runtime' : 'a tree-sitter grammar';
    rows.push(row('size', `wasm dist/wasm/${file}`, { value: statSync(join(bundles, 'wasm', file)).size / 1e3, unit: 'KB', detail: `${what}, as copied from node_modules` }));
  }
  const vsix = statSync(join(bundles, 'iam-policy-lint.vsix')).size / 1e6;
  rows.push(row('size', 'VSIX (npm run package)', { value: vsix, unit: 'MB', digits: 2, budget: { below: 3 }, detail: built ? '' : detail }));
  return { rows };
}
