// Measures the language server's cold start (spawn -> first completion answered) and its memory after load.
// Usage: npm run build && node scripts/measure-startup.mjs [runs]
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = join(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 10);
const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

async function once() {
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest(() => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  const initialized = performance.now() - started;
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///m.iam.json', languageId: 'iam-policy', version: 1, text } });
  await connection.sendRequest('textDocument/completion', { textDocument: { uri: 'file:///m.iam.json' }, position: { line: 0, character: 38 } });
  const firstCompletion = performance.now() - started;
  // Diagnostics load the catalogue; wait for them so the RSS reading includes it.
  await new Promise((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
  const rss = rssMb(child.pid);
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  await new Promise((resolve) => child.once('exit', resolve));
  connection.dispose();
  return { initialized, firstCompletion, rss };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = [];
for (let i = 0; i < runs; i++) results.push(await once());
const size = (file) => `${(statSync(join(root, 'dist', file)).size / 1024).toFixed(0)} KiB`;
console.log(`server cold start over ${runs} spawns (median): initialize answered ${median(results.map((r) => r.initialized)).toFixed(0)} ms, first completion ${median(results.map((r) => r.firstCompletion)).toFixed(0)} ms`);
console.log(`server RSS after load (catalogue loaded, one document validated): median ${median(results.map((r) => r.rss)).toFixed(1)} MB`);
console.log(`bundles: client.js ${size('client.js')}, server.js ${size('server.js')}, cli.js ${size('cli.js')}`);
