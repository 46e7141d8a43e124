/**
 * The server's validation scheduling, in process: slices with a turn of the event loop between them, shared
 * validations, stale and cancelled ones stopped. The steps here are fake (a counter per step), so the tests decide
 * exactly what happens between slices; each step "costs" a whole slice (sliceMs 0).
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLatestDiagnostics, nextTurn, runInSlices, type ValidationSource } from '../../server/src/latestDiagnostics';

function diagnostic(message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message };
}

/** A document whose validation takes `stepCount` steps and reports its version; `onStep` runs at each step. */
function fakeSource(stepCount: number) {
  const state = {
    version: 1 as number | undefined,
    started: [] as number[],
    stepsRun: new Map<number, number>(),
    traces: [] as string[],
    onStep: (_version: number, _step: number) => {},
  };
  const source: ValidationSource = {
    version: () => state.version,
    async steps() {
      const version = state.version!;
      state.started.push(version);
      function* steps(): Generator<void, Diagnostic[], undefined> {
        for (let i = 1; i <= stepCount; i++) {
          state.stepsRun.set(version, i);
          state.onStep(version, i);
          yield;
        }
        return [diagnostic(`v${version}`)];
      }
      return { version, steps: steps() };
    },
    trace: (message) => state.traces.push(message),
    log: (message) => assert.fail(message),
  };
  return { state, source };
}

const never = () => false;

suite('validation in slices', () => {
  test('runInSlices gives the event loop a turn between slices, and stops when asked', async () => {
    const order: string[] = [];
    function* steps(): Generator<void, string, undefined> {
      for (let i = 0; i < 3; i++) {
        order.push(`step ${i}`);
        if (i === 0) setImmediate(() => order.push('other work'));
        yield;
      }
      return 'done';
    }
    const counter = { slices: 0, steps: 0 };
    assert.deepEqual(await runInSlices(steps(), 0, never, counter), { value: 'done' });
    assert.deepEqual(order, ['step 0', 'other work', 'step 1', 'step 2']);
    assert.equal(counter.slices, 4, 'one slice per step, and one that finds the end');

    let stop = false;
    const stopped = runInSlices(
      (function* () {
        for (;;) {
          stop = true;
          yield;
        }
      })(),
      0,
      () => stop,
    );
    assert.equal(await stopped, undefined);
  });

  test('a long slice budget runs every step in one slice', async () => {
    const counter = { slices: 0, steps: 0 };
    const result = await runInSlices([1, 2, 3].values(), 60_000, never, counter);
    assert.deepEqual(result, { value: undefined });
    assert.deepEqual(counter, { slices: 1, steps: 3 });
  });

  test('callers asking for the same version share one validation', async () => {
    const { state, source } = fakeSource(5);
    const latest = createLatestDiagnostics(source, { sliceMs: 0 });
    const [a, b] = await Promise.all([latest.of('u', never), latest.of('u', never)]);
    assert.deepEqual(a, b);
    assert.equal(a!.version, 1);
    assert.deepEqual(state.started, [1]);
    assert.equal(state.traces.filter((t) => t.includes('diagnostics in')).length, 1, state.traces.join('\n'));
  });

  test('an edit during a validation stops it at the next slice; the caller gets the latest version', async () => {
    const { state, source } = fakeSource(5);
    const latest = createLatestDiagnostics(source, { sliceMs: 0 });
    state.onStep = (version, step) => {
      if (version === 1 && step === 2) state.version = 2;
    };
    const result = await latest.of('u', never);
    assert.equal(result!.version, 2);
    assert.deepEqual(result!.diagnostics.map((d) => d.message), ['v2']);
    assert.deepEqual(state.started, [1, 2]);
    assert.equal(state.stepsRun.get(1), 2, 'version 1 stopped right after the slice in which the edit came');
    assert.deepEqual(
      state.traces.map((t) => t.replace(/[\d.]+ ms/, 'T ms')),
      ['validation u v1: started', 'validation u v1: stopped after 2 steps, 2 slices (stale)', 'validation u v2: started', 'validation u v2: 1 diagnostics in T ms (5 steps, 6 slices)'],
    );
  });

  test('a cancelled caller stops the validation, unless someone else waits for it', async () => {
    const { state, source } = fakeSource(50);
    const latest = createLatestDiagnostics(source, { sliceMs: 0 });
    let cancelled = false;
    state.onStep = (_version, step) => {
      if (step === 3) cancelled = true;
    };
    assert.equal(await latest.of('u', () => cancelled), undefined);
    assert.equal(state.stepsRun.get(1), 3);
    assert.match(state.traces.at(-1)!, /stopped after 3 steps, 3 slices \(cancelled\)$/);

    cancelled = false;
    state.version = 2;
    const both = [latest.of('u', () => cancelled), latest.of('u', never)];
    const [first, second] = await Promise.all(both);
    assert.equal(first, undefined);
    assert.equal(second!.version, 2);
    assert.equal(state.stepsRun.get(2), 50, 'the other caller kept it running to the end');
  });

  test('a settings change makes the running validation stale', async () => {
    const { state, source } = fakeSource(5);
    const latest = createLatestDiagnostics(source, { sliceMs: 0 });
    state.onStep = (_version, step) => {
      if (step === 2 && state.started.length === 1) latest.invalidate();
    };
    const result = await latest.of('u', never);
    assert.equal(result!.version, 1);
    assert.deepEqual(state.started, [1, 1], 'validated again with the new settings');
    assert.match(state.traces[1]!, /stopped .*\(stale\)/);
  });

  test('a document closed during its validation: the validation stops, the answer is no diagnostics', async () => {
    const { state, source } = fakeSource(5);
    const latest = createLatestDiagnostics(source, { sliceMs: 0 });
    state.onStep = (_version, step) => {
      if (step === 2) state.version = undefined;
    };
    assert.deepEqual(await latest.of('u', never), { version: undefined, diagnostics: [] });
    assert.equal(state.stepsRun.get(1), 2);
  });

  test('an edit already waiting to be handled is seen before any step runs', async () => {
    const { state, source } = fakeSource(5);
    const latest = createLatestDiagnostics(source, { sliceMs: 0 });
    setImmediate(() => (state.version = 2)); // the next message in the queue: an edit
    const result = latest.of('u', never);
    assert.equal((await result)!.version, 2);
    assert.deepEqual(state.started, [2]);
    await nextTurn();
  });
});
