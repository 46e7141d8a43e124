// Typing bursts: 50 didChange notifications in a row (one character each) should cost one validation, of the latest
// version, not fifty. Counted from the server's trace (with the client's trace set to verbose it sends a $/logTrace
// line when a validation starts, finishes or stops early), in both diagnostics modes:
// - push: the server debounces; publishDiagnostics are counted too;
// - pull, as VS Code's language client does it: after a change it pulls unless a pull is in flight, in which case it
//   cancels that one and pulls again when it returns.
// A burst is over when the latest version's diagnostics have arrived and the server has then been quiet for a second
// (far longer than its debounce plus a validation of this ~6 KB policy).
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { cursorPolicy } from './documents.mjs';
import { startServer } from './server.mjs';
import { row } from './table.mjs';

const changesPerBurst = 50;
const quietMs = 1_000;
const deadlineMs = 30_000;
const requestCancelled = -32800;

export async function measureBurst({ bundles, quick, serverArgs }) {
  const rows = [];
  const details = { changesPerBurst, quietMs };
  for (const pull of [false, true]) {
    const mode = pull ? 'pull' : 'push';
    const bursts = await measureMode({ serverJs: join(bundles, 'server.js'), pull, bursts: quick ? 1 : 3, nodeArgs: serverArgs(`burst-${mode}`) });
    details[mode] = bursts;
    const worst = Math.max(...bursts.map((b) => b.validations));
    const latest = bursts.every((b) => b.latestValidated) ? 'yes' : 'NO';
    const detail = pull
      ? `${perBurst(bursts)}; pulls sent: ${bursts.map((b) => b.pulls).join(', ')}; latest version validated: ${latest}`
      : `${perBurst(bursts)}; publishDiagnostics: ${bursts.map((b) => b.publishes).join(', ')}; latest version published: ${latest}`;
    rows.push(row('burst', `${changesPerBurst} didChange in a row: validations (${mode} diagnostics)`, { value: worst, unit: '', budget: { equals: 1 }, detail }));
  }
  return { rows, details };
}

const perBurst = (bursts) =>
  `per burst: validations finished ${bursts.map((b) => b.validations).join(', ')}, started ${bursts.map((b) => b.started).join(', ')}, stopped early ${bursts.map((b) => b.stopped).join(', ')}`;

async function measureMode({ serverJs, pull, bursts: burstCount, nodeArgs }) {
  const uri = `file:///bench/burst-${pull ? 'pull' : 'push'}.iam.json`;
  const { text, cursors } = cursorPolicy();
  const server = await startServer({ serverJs, pull, nodeArgs, trace: 'verbose' });
  // What happened to this document since the burst began: validations started, finished or stopped (their versions),
  // and publishes.
  let events = { started: [], finished: [], stopped: [], published: [], lastEventAt: performance.now() };
  server.on('$/logTrace', ({ message }) => {
    const match = /^validation (\S+) v(\S+): (.*)$/.exec(message);
    if (match?.[1] !== uri) return;
    const [, , version, what] = match;
    // "started", "stopped …", or "<n> diagnostics in … (<k> steps, …)"; 0 steps is an analysis answered from memory.
    if (what.startsWith('started')) events.started.push(Number(version));
    else if (what.startsWith('stopped')) events.stopped.push(Number(version));
    else if (/^\d+ diagnostics/.test(what) && !/\(0 steps/.test(what)) events.finished.push(Number(version));
    events.lastEventAt = performance.now();
  });
  server.on('textDocument/publishDiagnostics', (params) => {
    if (params.uri !== uri) return;
    events.published.push(params.version);
    events.lastEventAt = performance.now();
  });

  // VS Code's pull scheduling: one pull in flight per document; a change cancels it and asks for a pull after it.
  let inFlight;
  let again = false;
  let pulls = 0;
  function pullDiagnostics() {
    const source = new CancellationTokenSource();
    pulls++;
    const answered = server.request('textDocument/diagnostic', { textDocument: { uri } }, { token: source.token }).catch((error) => {
      if (error.code !== requestCancelled) throw error;
    });
    inFlight = { source, answered };
    return answered.then(() => {
      inFlight = undefined;
      if (again) {
        again = false;
        return pullDiagnostics();
      }
    });
  }
  function changed() {
    if (!pull) return;
    if (!inFlight) void pullDiagnostics().catch(() => {}); // a failure shows as the latest version never validated
    else if (!again) {
      inFlight.source.cancel();
      again = true;
    }
  }

  const results = [];
  try {
    let version = 1;
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'iam-policy', version, text } });
    changed();
    await settled(() => events, version, pull);
    if (events.finished.length === 0) throw new Error('the server sent no validation trace ($/logTrace); validations cannot be counted');
    let { line, character } = cursors.s3Get;
    for (let burst = 0; burst < burstCount; burst++) {
      events = { started: [], finished: [], stopped: [], published: [], lastEventAt: performance.now() };
      pulls = 0;
      for (let i = 0; i < changesPerBurst; i++) {
        const at = { line, character: character++ };
        await server.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: at, end: at }, text: 'x' }] });
        changed();
      }
      await settled(() => events, version, pull, () => inFlight === undefined && !again);
      results.push({
        validations: events.finished.length,
        validatedVersions: events.finished,
        started: events.started.length,
        stopped: events.stopped.length,
        publishes: events.published.length,
        pulls,
        latestValidated: events.finished.at(-1) === version && (pull || events.published.at(-1) === version),
      });
    }
  } finally {
    await server.stop();
  }
  return results;
}

/** Resolves once `version` has been validated (and published, in push mode), nothing is pending, and all is quiet. */
async function settled(events, version, pull, idle = () => true) {
  const started = performance.now();
  for (;;) {
    const { finished, published, lastEventAt } = events();
    const done = finished.includes(version) && (pull || published.includes(version)) && idle();
    if (done && performance.now() - lastEventAt >= quietMs) return;
    if (performance.now() - started > deadlineMs) throw new Error(`version ${version} was not validated within ${deadlineMs} ms`);
    await sleep(50);
  }
}
