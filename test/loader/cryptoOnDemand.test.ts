/** The server loads node:crypto only when vscode-jsonrpc first asks for it (server/src/loader/cryptoOnDemand.ts). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as cryptoOnDemand from '../../server/src/loader/cryptoOnDemand';
import { LspProcess } from '../support/lspClient';
import { repoPath } from '../support/paths';

test('every crypto function vscode-jsonrpc calls is one cryptoOnDemand offers', () => {
  const source = readFileSync(repoPath('node_modules', 'vscode-jsonrpc', 'lib', 'node', 'main.js'), 'utf8');
  const binding = /(\w+) = require\("crypto"\)/.exec(source);
  assert.ok(binding, 'vscode-jsonrpc/lib/node/main.js no longer requires "crypto": esbuild.mjs need not point it to cryptoOnDemand');
  const used = new Set([...source.matchAll(new RegExp(`\\b${binding[1]}\\.(\\w+)`, 'g'))].map((match) => match[1]!));
  assert.ok(used.size > 0, 'the library calls something of crypto');
  for (const name of used) assert.equal(typeof (cryptoOnDemand as Record<string, unknown>)[name], 'function', `cryptoOnDemand offers ${name}`);
});

test('randomBytes gives that many random bytes', () => {
  const bytes = cryptoOnDemand.randomBytes(16);
  assert.equal(bytes.length, 16);
  assert.notDeepEqual(bytes, cryptoOnDemand.randomBytes(16));
});

test('the built server validates and completes without loading node:crypto', async () => {
  const probe = repoPath('test', 'fixtures', 'probes', 'reportCrypto.cjs');
  const server = new LspProcess(['--stdio'], { NODE_OPTIONS: `--require ${JSON.stringify(probe)}` });
  await server.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await server.notify('initialized', {});
  const uri = 'file:///probe/crypto.iam.json';
  const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get","Resource":"*"}]}';
  const diagnosed = server.waitFor((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri);
  await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'iam-policy', version: 1, text } });
  await diagnosed;
  const items = await server.request<unknown[] | { items: unknown[] }>('textDocument/completion', {
    textDocument: { uri },
    position: { line: 0, character: text.indexOf('s3:Get') + 's3:Get'.length },
  });
  assert.ok((Array.isArray(items) ? items : items.items).length > 0, 'completion offered actions');
  assert.equal(await server.stop(), 0);
  assert.match(server.stderr.join(''), /node:crypto loaded: false/);
});
