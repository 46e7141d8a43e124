// Completion and hover round trips over stdio on a warm server and the ~6 KB policy: for each case a warm-up, then
// N requests one after another, twice: on the same document version (the parse is cached) and after an edit each time
// (the parse is part of the answer, as when typing). The budget applies to the p95 after an edit, the harder case.
// Pull diagnostics are announced and never requested, so no validation runs in the background.
import { Buffer } from 'node:buffer';
import { join } from 'node:path';
import { cursorPolicy } from './documents.mjs';
import { startServer } from './server.mjs';
import { median, quantile } from './statistics.mjs';
import { row } from './table.mjs';

const uri = 'file:///bench/latency.iam.json';
const cases = [
  { name: 'completion: action after s3:Get', method: 'textDocument/completion', at: 's3Get' },
  { name: 'completion: action after ec2:', method: 'textDocument/completion', at: 'ec2' },
  { name: 'completion: action in an empty string', method: 'textDocument/completion', at: 'emptyAction' },
  { name: 'completion: resource', method: 'textDocument/completion', at: 'resource' },
  { name: 'completion: condition key', method: 'textDocument/completion', at: 'conditionKey' },
  { name: 'hover: action', method: 'textDocument/hover', at: 'actionHover' },
  { name: 'hover: resource', method: 'textDocument/hover', at: 'resourceHover' },
  { name: 'hover: Effect (statement summary)', method: 'textDocument/hover', at: 'effect' },
];

/** No hover, or a completion without items. */
function isEmpty(result) {
  const items = Array.isArray(result) ? result : result?.items;
  return result === null || items?.length === 0;
}

export async function measureLatency({ bundles, quick, serverArgs }) {
  const requests = quick ? 100 : 500;
  const warmup = quick ? 10 : 50;
  const { text, cursors } = cursorPolicy();
  const server = await startServer({ serverJs: join(bundles, 'server.js'), pull: true, nodeArgs: serverArgs('latency') });
  let version = 1;
  await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'iam-policy', version, text } });
  await server.request('textDocument/diagnostic', { textDocument: { uri } }); // loads everything validation needs

  async function run(testCase, afterEdit) {
    const params = { textDocument: { uri }, position: cursors[testCase.at] };
    const times = [];
    const sizes = [];
    for (let i = 0; i < warmup + requests; i++) {
      if (afterEdit) {
        // The whole text again: the server keeps no state from the previous version.
        await server.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
      }
      const started = performance.now();
      const result = await server.request(testCase.method, params);
      const elapsed = performance.now() - started;
      if (i === 0 && isEmpty(result)) throw new Error(`${testCase.name}: the server answered nothing`);
      if (i < warmup) continue;
      times.push(elapsed);
      sizes.push(Buffer.byteLength(JSON.stringify(result)));
    }
    return { medianMs: median(times), p95Ms: quantile(times, 0.95), bytes: median(sizes) };
  }

  const rows = [];
  const details = {};
  try {
    for (const testCase of cases) {
      const same = await run(testCase, false);
      const edited = await run(testCase, true);
      details[testCase.name] = { sameVersion: same, afterEdit: edited };
      rows.push(
        row('latency', `${testCase.name} (p95)`, {
          value: edited.p95Ms,
          unit: 'ms',
          digits: 2,
          budget: { below: 5 },
          detail:
            `after an edit: median ${edited.medianMs.toFixed(2)} ms; same version: median ${same.medianMs.toFixed(2)}, ` +
            `p95 ${same.p95Ms.toFixed(2)} ms; response ${(same.bytes / 1e3).toFixed(1)} KB`,
        }),
      );
    }
  } finally {
    await server.stop();
  }
  return { rows, details: { requestsPerCase: requests, warmup, documentBytes: Buffer.byteLength(text), cases: details } };
}
