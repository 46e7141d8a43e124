// Server memory: RSS once everything is loaded (catalogue, rules, a ~6 KB policy validated, each kind of completion
// and hover answered), then during and after 10,000 edit/complete cycles. RSS cannot tell a leak from V8 keeping a
// bigger heap once it has seen the allocation rate (it does not give it back when idle), so leaks are judged on the
// live heap after a full GC (memory-probe.cjs): from the end of a warm-up (the first tenth of the cycles, where caches
// fill and code gets optimised) to the end. Noise allowance: the larger of 2 MB and 5 % of the live heap. The probe
// (its IPC channel) adds about 1 MB of RSS, so RSS is read from a second server that runs the same cycles without it.
import { join } from 'node:path';
import { cursorPolicy } from './documents.mjs';
import { clientServerEnv, startServer } from './server.mjs';
import { row } from './table.mjs';

const uri = 'file:///bench/memory.iam.json';

/** A different string per cycle number: A, B, …, Z, BA, BB, … */
const letters = (n) => (n < 26 ? '' : letters(Math.floor(n / 26))) + String.fromCharCode(65 + (n % 26));

/**
 * Cycles of (incremental didChange → completion at the edit) on an open document, as typing does. Even cycles
 * restore the text at `cursor` (the completion offers its full list), odd ones type a suffix never seen before (so
 * caches keyed by values show up as growth). Every `pullEvery` cycles a textDocument/diagnostic validates the
 * current text. Awaits `sample(cycle)` every `sampleEvery` cycles and after the last.
 */
export async function editCompleteCycles(server, { uri, cursor, cycles, pullEvery = 100, sampleEvery = 1_000, sample }) {
  let version = 1_000_000; // above whatever version the caller's document has
  let typed = '';
  for (let cycle = 1; cycle <= cycles; cycle++) {
    const next = cycle % 2 === 0 ? '' : letters(cycle);
    const range = { start: cursor, end: { line: cursor.line, character: cursor.character + typed.length } };
    await server.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range, text: next }] });
    typed = next;
    await server.request('textDocument/completion', { textDocument: { uri }, position: { line: cursor.line, character: cursor.character + typed.length } });
    if (cycle % pullEvery === 0) await server.request('textDocument/diagnostic', { textDocument: { uri } });
    if (cycle % sampleEvery === 0 || cycle === cycles) await sample(cycle);
  }
}

/** Opens the ~6 KB policy and makes the server load what it needs: a validation, each kind of completion and hover. */
async function load(server, text, cursors) {
  await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'iam-policy', version: 1, text } });
  await server.request('textDocument/diagnostic', { textDocument: { uri } });
  for (const at of ['s3Get', 'emptyAction', 'resource', 'conditionKey']) {
    await server.request('textDocument/completion', { textDocument: { uri }, position: cursors[at] });
  }
  for (const at of ['actionHover', 'resourceHover', 'effect']) await server.request('textDocument/hover', { textDocument: { uri }, position: cursors[at] });
}

export async function measureMemory({ bundles, quick, serverArgs, serverFlags }) {
  const cycles = quick ? 1_000 : 10_000;
  const warmup = cycles / 10;
  const { text, cursors } = cursorPolicy();
  const serverJs = join(bundles, 'server.js');
  const samples = [];
  let afterLoad;
  let elapsedMs;
  const server = await startServer({ serverJs, pull: true, nodeArgs: serverArgs('memory') });
  try {
    await load(server, text, cursors);
    afterLoad = server.rssMb();
    const started = performance.now();
    const sample = (cycle) => samples.push({ cycle, rssMb: server.rssMb() });
    await editCompleteCycles(server, { uri, cursor: cursors.s3Get, cycles, sampleEvery: cycles / 100, sample });
    elapsedMs = performance.now() - started;
  } finally {
    await server.stop();
  }
  const live = {};
  const probed = await startServer({ serverJs, pull: true, nodeArgs: serverArgs(), memoryProbe: true });
  try {
    await load(probed, text, cursors);
    live.afterLoad = await probed.liveHeapMb();
    const sample = async (cycle) => {
      if (cycle === warmup) live.afterWarmup = await probed.liveHeapMb();
    };
    await editCompleteCycles(probed, { uri, cursor: cursors.s3Get, cycles, sampleEvery: warmup, sample });
    live.afterCycles = await probed.liveHeapMb();
  } finally {
    await probed.stop();
  }
  // Other editors start `node dist/server.js --stdio` without the VS Code client's flags and environment.
  const serverEnv = Object.entries(clientServerEnv()).map(([name, value]) => `${name}=${value}`);
  let plainAfterLoad;
  if (serverFlags.length > 0 || serverEnv.length > 0) {
    const plain = await startServer({ serverJs, pull: true, env: {} });
    try {
      await load(plain, text, cursors);
      plainAfterLoad = plain.rssMb();
    } finally {
      await plain.stop();
    }
  }

  const after = samples.at(-1).rssMb;
  const peak = Math.max(afterLoad, ...samples.map((s) => s.rssMb));
  const growth = live.afterCycles - live.afterWarmup;
  const noise = Math.max(2, live.afterWarmup * 0.05);
  const count = (n) => n.toLocaleString('en-US');
  const mb = (n) => `${n.toFixed(1)} MB`;
  const flags = serverFlags.length > 0 || serverEnv.length > 0 ? `with the VS Code client's ${[...serverEnv, ...serverFlags].join(' ')}; ` : '';
  const rows = [
    row('memory', 'server RSS after load', { value: afterLoad, unit: 'MB', digits: 1, budget: { below: 80 }, detail: `${flags}catalogue loaded, a 6 KB policy validated, completion and hover answered` }),
  ];
  if (plainAfterLoad !== undefined) {
    rows.push(row('memory', 'server RSS after load, started without flags', { value: plainAfterLoad, unit: 'MB', digits: 1, budget: { below: 100 }, detail: 'node dist/server.js --stdio, as other editors start it' }));
  }
  rows.push(
    row('memory', `server RSS after ${count(cycles)} edit/complete cycles`, {
      value: after,
      unit: 'MB',
      digits: 1,
      budget: { below: 100 },
      detail: `peak ${mb(peak)}; RSS every ${count(cycles / 10)} cycles: ${samples.filter((_, i) => i % 10 === 9).map((s) => s.rssMb.toFixed(0)).join(', ')} MB; ${(elapsedMs / cycles).toFixed(2)} ms per cycle, a validation every 100`,
    }),
    row('memory', `live heap growth, cycles ${count(warmup)} → ${count(cycles)}`, {
      value: growth,
      unit: 'MB',
      digits: 1,
      budget: { atMost: Number(noise.toFixed(1)), text: `≤ ${mb(noise)} (noise: 2 MB or 5 %)` },
      detail: `live heap after a full GC: ${mb(live.afterLoad)} after load, ${mb(live.afterWarmup)} after ${count(warmup)} cycles, ${mb(live.afterCycles)} after ${count(cycles)}`,
    }),
  );
  return { rows, details: { cycles, warmup, serverFlags, serverEnv, afterLoadRssMb: afterLoad, plainAfterLoadRssMb: plainAfterLoad, liveHeapMb: live, samples } };
}
