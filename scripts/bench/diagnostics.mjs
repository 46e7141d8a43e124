// Diagnostics latency after an edit, by document size: an incremental didChange (one character typed into, or
// deleted from, the first action) then a textDocument/diagnostic request; the figure is the time from sending the
// edit to the answer. Pull diagnostics have no debounce, so this is the server's own time plus the round trip.
// Typing in a statement re-checks that statement and those with findings (rules/statementFindings.ts); on the 1 MB
// document the suite also times an edit outside the statements (a space after the opening brace), which re-checks
// every statement, and sends a completion while such a validation runs: it should be answered before that
// validation ends, or typing waits for the linter.
import { Buffer } from 'node:buffer';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { policyOfSize } from './documents.mjs';
import { positionAt, startServer } from './server.mjs';
import { median } from './statistics.mjs';
import { row } from './table.mjs';

const sizes = [
  { name: '1 KB', bytes: 1_000, edits: 30, quickEdits: 5 },
  { name: '6 KB', bytes: 6_144, edits: 30, quickEdits: 5, budgetMs: 10 }, // the managed-policy size quota
  { name: '100 KB', bytes: 100_000, edits: 10, quickEdits: 3 },
  { name: '1 MB', bytes: 1_000_000, edits: 5, quickEdits: 2, budgetMs: 150, completionMeanwhile: true }, // issue 16
];

/** Where typing happens: the end of the first action's text (before its closing quote). */
function editOffset(text) {
  const match = /"(?:Not)?Action": (?:\[\s*)?"[^"]*"/.exec(text);
  if (!match) throw new Error('the document has no action to edit');
  return match.index + match[0].length - 1;
}

export async function measureDiagnostics({ bundles, quick, serverArgs, statements }) {
  const rows = [];
  const details = {};
  for (const size of sizes) {
    const text = policyOfSize(statements, size.bytes);
    const uri = `file:///bench/diagnostics-${size.bytes}.iam.json`;
    const at = positionAt(text, editOffset(text));
    const server = await startServer({ serverJs: join(bundles, 'server.js'), pull: true, nodeArgs: serverArgs(`diagnostics-${size.bytes}`) });
    try {
      let version = 1;
      await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'iam-policy', version, text } });
      const first = await server.request('textDocument/diagnostic', { textDocument: { uri } });
      /** An edit that types `character` at `position` and, the next time, deletes it; resolves when it is written. */
      const typingAt = (position, character) => {
        let typed = false;
        return () => {
          const range = typed ? { start: position, end: { line: position.line, character: position.character + 1 } } : { start: position, end: position };
          const change = { range, text: typed ? '' : character };
          typed = !typed;
          return server.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
        };
      };
      const edit = typingAt(at, 'x');
      // After the document's opening brace: outside every statement.
      const editOutside = typingAt({ line: 0, character: 1 }, ' ');
      const pull = () => server.request('textDocument/diagnostic', { textDocument: { uri } });

      const times = [];
      const warmup = size.bytes > 100_000 ? 1 : 3;
      const edits = quick ? size.quickEdits : size.edits;
      for (let i = 0; i < warmup + edits; i++) {
        const started = performance.now();
        await edit();
        await pull();
        if (i >= warmup) times.push(performance.now() - started);
      }
      const medianMs = median(times);
      const statementCount = (text.match(/^ {4}\{$/gm) ?? []).length;
      details[size.name] = { bytes: Buffer.byteLength(text), statements: statementCount, findings: first.items?.length ?? 0, timesMs: times };
      rows.push(
        row('diagnostics', `${size.name} policy: edit → diagnostics (median)`, {
          value: medianMs,
          unit: 'ms',
          digits: 1,
          budget: size.budgetMs === undefined ? undefined : { below: size.budgetMs },
          detail: `${edits} edits; max ${Math.max(...times).toFixed(1)} ms; ${(Buffer.byteLength(text) / 1e3).toFixed(0)} KB, ${statementCount} statements, ${first.items?.length ?? 0} findings`,
        }),
      );

      if (size.completionMeanwhile) {
        const wholeTimes = [];
        for (let i = 0; i < (quick ? 2 : 4); i++) {
          const started = performance.now();
          await editOutside();
          await pull();
          wholeTimes.push(performance.now() - started);
        }
        const wholeMs = median(wholeTimes);
        details[size.name].wholeTimesMs = wholeTimes;
        rows.push(
          row('diagnostics', `${size.name} policy: edit outside the statements → diagnostics (median)`, {
            value: wholeMs,
            unit: 'ms',
            digits: 1,
            detail: `${wholeTimes.length} edits: every statement re-checked; max ${Math.max(...wholeTimes).toFixed(1)} ms`,
          }),
        );
        const runs = [];
        for (let i = 0; i < (quick ? 2 : 5); i++) runs.push(await completionDuringValidation(server, uri, at, editOutside, pull, wholeMs));
        details[size.name].completionMeanwhile = runs;
        const answeredFirst = runs.filter((r) => r.answeredFirst).length;
        rows.push(
          row('diagnostics', `${size.name} policy: completion sent during its validation`, {
            value: answeredFirst,
            unit: `of ${runs.length} answered first`,
            budget: { equals: runs.length, text: 'all answered first' },
            detail: `completion round trip: median ${median(runs.map((r) => r.completionMs)).toFixed(0)} ms; sent ${runs[0].sentAfterMs.toFixed(0)} ms into a whole-document validation of ~${wholeMs.toFixed(0)} ms`,
          }),
        );
      }
    } finally {
      await server.stop();
    }
  }
  return { rows, details };
}

/** Edit, ask for diagnostics, and a third of a validation later ask for a completion: which answer comes first? */
async function completionDuringValidation(server, uri, at, edit, pull, validationMs) {
  const started = performance.now();
  await edit();
  let diagnosedAt;
  const diagnosed = pull().then(() => (diagnosedAt = performance.now()));
  await sleep(validationMs / 3);
  const sentAt = performance.now();
  if (diagnosedAt !== undefined) throw new Error('the validation ended before the completion was sent; cannot tell whether it waits');
  await server.request('textDocument/completion', { textDocument: { uri }, position: at });
  const completedAt = performance.now();
  await diagnosed;
  return { sentAfterMs: sentAt - started, completionMs: completedAt - sentAt, answeredFirst: completedAt < diagnosedAt };
}
