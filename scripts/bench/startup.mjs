// Cold start: spawn `node server.js --stdio` → initialize → didOpen → the first action completion answered (it needs
// the catalogue, the costliest thing to load). Spawns one after another; the median of their times. The first spawn
// of a bench run finds no code cache (server/src/loader/codeCache.ts) and writes it when it exits; the rest start
// from it, as every start after the first does on a user's machine.
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { median } from './statistics.mjs';
import { row } from './table.mjs';

const uri = 'file:///bench/startup.iam.json';
const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get","Resource":"*"}]}';
const cursor = { line: 0, character: text.indexOf('s3:Get') + 's3:Get'.length };

export async function measureStartup({ bundles, quick, serverArgs }) {
  const spawns = quick ? 3 : 10;
  const runs = [];
  for (let i = 0; i < spawns; i++) {
    // Not profiled: the profiler's start-up cost would be most of the figure.
    const server = await startServer({ serverJs: join(bundles, 'server.js'), pull: true, nodeArgs: serverArgs() });
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'iam-policy', version: 1, text } });
    const items = await server.request('textDocument/completion', { textDocument: { uri }, position: cursor });
    const answeredAt = performance.now();
    await server.stop();
    const count = Array.isArray(items) ? items.length : (items?.items?.length ?? 0);
    if (count === 0) throw new Error('the first completion after "s3:Get" offered nothing');
    runs.push({ initializeMs: server.initializedAt - server.startedAt, firstCompletionMs: answeredAt - server.startedAt });
  }
  const first = median(runs.map((r) => r.firstCompletionMs));
  const initialize = median(runs.map((r) => r.initializeMs));
  return {
    rows: [
      row('startup', 'server cold start: spawn → first completion', {
        value: first,
        unit: 'ms',
        budget: { below: 150 },
        detail: `median of ${spawns} spawns; initialize answered at ${initialize.toFixed(0)} ms; action completion after "s3:Get"; the first spawn, which wrote the code cache: ${runs[0].firstCompletionMs.toFixed(0)} ms`,
      }),
    ],
    details: { spawns: runs },
  };
}
