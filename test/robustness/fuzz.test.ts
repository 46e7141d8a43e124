/**
 * Seeded fuzzing of the public service (issue #9). Seed policies (see seedCorpus.ts) are mutated (mutations.ts) and
 * each result goes through every feature (serviceChecks.ts). No exception may escape, no call may take over 2 s,
 * no code action may turn valid JSON invalid, no safe fix may add an error-severity finding.
 *
 * The cases run in worker threads that report their progress through shared memory: a case that hangs (a loop
 * that never ends blocks its thread, so a timer inside it would never fire) is caught by the main thread, which
 * stops the worker and reports the case. Every case has its own generator derived from (seed, index), so any
 * failure replays alone:
 *
 *   IAM_FUZZ_SEED=<seed> IAM_FUZZ_CASE=<index> node --test out/unit/robustness/fuzz.test.mjs
 *
 * (on the same tree: the seeds are read from the repository, so new examples or rule tables change the cases; the
 * failing input is also saved under the OS temp folder, iam-policy-fuzz/<seed>-<index>.json).
 *
 * Environment: IAM_FUZZ_SEED (a number or `random`; default fixed), IAM_FUZZ_COUNT (default 20000),
 * IAM_FUZZ_WORKERS (default 2), IAM_FUZZ_CASE (one case, printed in full), IAM_FUZZ_STRICT=1 (known failures fail
 * too, see knownFailures.ts). `npm run fuzz` is the long run.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { avoidedFor, knownFailureOf } from './knownFailures';
import { mutate } from './mutations';
import { caseSeed, Random, seedFromEnv } from './random';
import { loadSeedCorpus, type SeedDocument } from './seedCorpus';
import { checkDocument, createCheckedService, warmUp, type CaseStats, type Failure } from './serviceChecks';

/** The seed `npm test` uses, so that its run is the same every time. */
const defaultSeed = 20_260_909;
const defaultCount = 20_000;
/** A worker that makes no progress for this long is hung (each call is bounded at 2 s; a case makes ~10). */
const hangAfterMs = 60_000;

interface ShardOptions {
  readonly runSeed: number;
  readonly count: number;
  readonly shard: number;
  readonly shards: number;
  /** Int32 per shard: the index of the case it is working on. */
  readonly progress: SharedArrayBuffer;
}

interface CaseFailure extends Failure {
  readonly index: number;
  readonly context?: string;
  readonly seedName: string;
  readonly input: string;
}

interface Totals {
  cases: number;
  validJson: number;
  diagnostics: number;
  quickFixes: number;
  fixAll: number;
  formatted: number;
  completions: number;
  hovers: number;
  slowest: Record<string, { ms: number; label: string }>;
  /** Time per call and per rule over all cases, ms. */
  total: Record<string, number>;
  /** How long the worker's warm-up took, and its slowest call (one-time costs). */
  warmUp?: string;
  /** Known failure id -> the cases it occurred in. */
  known: Record<string, number>;
  /** Known failure id -> the cases not run because they would run into it. */
  avoided: Record<string, number>;
}

type WorkerMessage = { type: 'failure'; failure: CaseFailure } | { type: 'done'; totals: Totals };

/** One case: its generator, its seed document and its mutated text (the same in a worker and in a replay). */
function caseInput(corpus: readonly SeedDocument[], runSeed: number, index: number): { random: Random; seed: SeedDocument; text: string } {
  const random = new Random(caseSeed(runSeed, index));
  const seed = random.pick(corpus);
  return { random, seed, text: mutate(seed.text, random) };
}

/** Failures that differ only in numbers (offsets, sizes, line numbers of a stack) are one finding. */
function findingKey(failure: Failure): string {
  return `${failure.check}|${failure.detail.split('\n').slice(0, 3).join('|').replace(/\d+/g, '#')}`;
}

function emptyTotals(): Totals {
  return { cases: 0, validJson: 0, diagnostics: 0, quickFixes: 0, fixAll: 0, formatted: 0, completions: 0, hovers: 0, slowest: {}, total: {}, known: {}, avoided: {} };
}

function addStats(totals: Totals, stats: CaseStats): void {
  totals.cases++;
  totals.validJson += stats.validJson ? 1 : 0;
  totals.diagnostics += stats.diagnostics;
  totals.quickFixes += stats.quickFixes;
  totals.fixAll += stats.fixAll ? 1 : 0;
  totals.formatted += stats.formatted ? 1 : 0;
  totals.completions += stats.completions;
  totals.hovers += stats.hovers;
}

async function runShard(options: ShardOptions, report: (message: WorkerMessage) => void): Promise<void> {
  const corpus = loadSeedCorpus();
  const checked = createCheckedService();
  const progress = new Int32Array(options.progress);
  Atomics.store(progress, options.shard, -1);
  const warm = await warmUp(checked, corpus.map((seed) => seed.text));
  const seen = new Set<string>();
  const totals = emptyTotals();
  for (let index = options.shard; index < options.count; index += options.shards) {
    Atomics.store(progress, options.shard, index);
    const { random, seed, text } = caseInput(corpus, options.runSeed, index);
    const avoided = avoidedFor(text);
    if (avoided) {
      totals.cases++;
      totals.avoided[avoided.id] = (totals.avoided[avoided.id] ?? 0) + 1;
      continue;
    }
    checked.label = `case ${index}`;
    const { failures, stats, context } = await checkDocument(checked, text, random);
    addStats(totals, stats);
    for (const failure of failures) {
      const known = knownFailureOf(failure, text);
      if (known) {
        totals.known[known.id] = (totals.known[known.id] ?? 0) + 1;
        continue;
      }
      const key = findingKey(failure);
      if (seen.has(key)) continue;
      seen.add(key);
      report({ type: 'failure', failure: { ...failure, index, seedName: seed.name, input: text, context } });
    }
  }
  totals.warmUp = `${(warm.ms / 1_000).toFixed(1)} s, slowest first use ${warm.slowest}`;
  totals.slowest = Object.fromEntries([...checked.slowest].map(([name, { ms, label }]) => [name, { ms: Math.round(ms), label }]));
  totals.total = Object.fromEntries([...checked.total].map(([name, ms]) => [name, Math.round(ms)]));
  report({ type: 'done', totals });
}

if (!isMainThread && (workerData as { fuzzShard?: ShardOptions } | undefined)?.fuzzShard) {
  const options = (workerData as { fuzzShard: ShardOptions }).fuzzShard;
  // A rejection ends the worker with an error event, which the main thread reports.
  void runShard(options, (message) => parentPort!.postMessage(message));
}

/** This bundled test file (node --test runs each file as `node <file>`): the workers run it too. */
function thisFile(): string {
  const file = process.argv[1] ?? '';
  if (!/fuzz\.test\.m?js$/.test(file)) throw new Error(`run the bundled fuzz test file directly or through node --test (argv[1] is ${file})`);
  return file;
}

/** Runs the cases in worker threads; a worker stuck on one case is stopped and the case reported as a hang. */
async function runInWorkers(runSeed: number, count: number, shards: number): Promise<{ failures: CaseFailure[]; totals: Totals }> {
  const progress = new SharedArrayBuffer(4 * shards);
  const failures: CaseFailure[] = [];
  const totals = emptyTotals();
  const warmUps: string[] = [];
  const corpus = loadSeedCorpus();
  // Index -1 is the worker's warm-up over the seeds.
  const inputAt = (index: number) => {
    if (index < 0) return { index, seedName: '(warm-up over the seed corpus)', input: '' };
    const { seed, text } = caseInput(corpus, runSeed, index);
    return { index, seedName: seed.name, input: text };
  };
  const runs = Array.from({ length: shards }, (_, shard) => {
    const fuzzShard: ShardOptions = { runSeed, count, shard, shards, progress };
    // About the stack of the language server's main thread, so recursion limits are the ones users hit.
    const worker = new Worker(thisFile(), { workerData: { fuzzShard }, resourceLimits: { stackSizeMb: 1 } });
    return new Promise<void>((resolve) => {
      const view = new Int32Array(progress);
      let last = -1;
      let since = Date.now();
      let finished = false;
      const watchdog = setInterval(() => {
        const current = Atomics.load(view, shard);
        if (current !== last) {
          last = current;
          since = Date.now();
        } else if (Date.now() - since > hangAfterMs) {
          failures.push({ check: `case hung (no progress for ${hangAfterMs / 1000} s)`, detail: 'the worker was stopped', ...inputAt(current) });
          void worker.terminate();
        }
      }, 1_000);
      const end = () => {
        clearInterval(watchdog);
        resolve();
      };
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'failure') failures.push(message.failure);
        else {
          finished = true;
          for (const key of ['cases', 'validJson', 'diagnostics', 'quickFixes', 'fixAll', 'formatted', 'completions', 'hovers'] as const) {
            totals[key] += message.totals[key];
          }
          for (const [name, entry] of Object.entries(message.totals.slowest)) {
            if (entry.ms > (totals.slowest[name]?.ms ?? 0)) totals.slowest[name] = entry;
          }
          if (message.totals.warmUp) warmUps.push(message.totals.warmUp);
          for (const [name, ms] of Object.entries(message.totals.total)) totals.total[name] = (totals.total[name] ?? 0) + ms;
          for (const [id, n] of Object.entries(message.totals.known)) totals.known[id] = (totals.known[id] ?? 0) + n;
          for (const [id, n] of Object.entries(message.totals.avoided)) totals.avoided[id] = (totals.avoided[id] ?? 0) + n;
        }
      });
      worker.on('error', (error) => {
        failures.push({ check: 'worker crashed', detail: error.stack ?? String(error), ...inputAt(Atomics.load(view, shard)) });
      });
      worker.on('exit', () => {
        if (!finished && !failures.some((f) => f.index === Atomics.load(view, shard))) {
          failures.push({ check: 'worker exited early', detail: '', index: Atomics.load(view, shard), seedName: '', input: '' });
        }
        end();
      });
    });
  });
  await Promise.all(runs);
  // The same finding from two workers is reported once.
  const unique = new Map<string, CaseFailure>();
  for (const failure of failures.sort((a, b) => a.index - b.index)) if (!unique.has(findingKey(failure))) unique.set(findingKey(failure), failure);
  totals.warmUp = warmUps.join('; ');
  return { failures: [...unique.values()], totals };
}

/** A failure as a report: what, where to replay it, and the input (escaped, so invisible characters show). */
function describeFailure(failure: CaseFailure, runSeed: number, savedTo: string | undefined): string {
  const input = JSON.stringify(failure.input);
  return [
    `${failure.check} (case ${failure.index}, from ${failure.seedName})`,
    `  replay: IAM_FUZZ_SEED=${runSeed} IAM_FUZZ_CASE=${failure.index} node --test out/unit/robustness/fuzz.test.mjs`,
    savedTo ? `  input saved to ${savedTo}` : '',
    failure.context ? `  ${failure.context}` : '',
    `  input (${failure.input.length} chars, JSON-escaped): ${input.length > 600 ? `${input.slice(0, 600)}...` : input}`,
    `  ${failure.detail.split('\n').join('\n  ')}`,
  ]
    .filter(Boolean)
    .join('\n');
}

function saveInput(failure: CaseFailure, runSeed: number): string | undefined {
  try {
    const folder = join(tmpdir(), 'iam-policy-fuzz');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `${runSeed}-${failure.index}.json`);
    writeFileSync(file, failure.input);
    return file;
  } catch {
    return undefined;
  }
}

if (isMainThread) {
  const runSeed = seedFromEnv(process.env.IAM_FUZZ_SEED, defaultSeed);
  const count = Number(process.env.IAM_FUZZ_COUNT ?? defaultCount);
  const shards = Math.max(1, Math.min(Number(process.env.IAM_FUZZ_WORKERS ?? 2), availableParallelism()));
  const only = process.env.IAM_FUZZ_CASE;

  suite('fuzz: the service on mutated policies', () => {
    test('the seed corpus has policies from every source', () => {
      const names = loadSeedCorpus().map((s) => s.name);
      for (const source of ['examples/', 'test/e2e/workspace/', 'test/fixtures/managed-sample/', 'snippets/', 'docs/rules/', 'test/rules/']) {
        assert.ok(names.some((name) => name.startsWith(source)), `seeds from ${source}`);
      }
      assert.ok(names.filter((name) => name.startsWith('test/fixtures/managed-sample/')).length >= 50, 'the managed policy sample');
    });

    if (only !== undefined) {
      test(`replay case ${only} of seed ${runSeed}`, async (t) => {
        const { random, seed, text } = caseInput(loadSeedCorpus(), runSeed, Number(only));
        const saved = saveInput({ check: '', detail: '', index: Number(only), seedName: seed.name, input: text }, runSeed);
        t.diagnostic(`from ${seed.name}; input saved to ${saved}; (JSON-escaped): ${JSON.stringify(text)}`);
        const checked = createCheckedService();
        await warmUp(checked, loadSeedCorpus().map((s) => s.text));
        const { failures, context } = await checkDocument(checked, text, random);
        t.diagnostic(context);
        assert.deepEqual(failures, []);
      });
      return;
    }

    test(`${count.toLocaleString('en-US')} mutations, seed ${runSeed}`, async (t) => {
      assert.ok(Number.isInteger(count) && count > 0, 'IAM_FUZZ_COUNT is a positive integer');
      t.diagnostic(`seed ${runSeed} (replay a run with IAM_FUZZ_SEED=${runSeed}), ${shards} worker(s)`);
      const started = performance.now();
      const { failures, totals } = await runInWorkers(runSeed, count, shards);
      const seconds = (performance.now() - started) / 1_000;
      t.diagnostic(
        `${totals.cases} cases in ${seconds.toFixed(1)} s: ${totals.validJson} valid JSON, ${totals.diagnostics} diagnostics, ` +
          `${totals.quickFixes} quick fixes applied, ${totals.fixAll} fix-all, ${totals.formatted} formatted, ` +
          `${totals.completions} completion lists, ${totals.hovers} hovers`,
      );
      const slowest = Object.entries(totals.slowest).sort((a, b) => b[1].ms - a[1].ms).slice(0, 8);
      t.diagnostic(`warm-up per worker (one-time costs, not timed as cases): ${totals.warmUp}`);
      t.diagnostic(`slowest calls: ${slowest.map(([name, { ms, label }]) => `${name} ${ms} ms (${label})`).join(', ')}`);
      const calls = Object.entries(totals.total).filter(([name]) => !name.startsWith('rule:')).sort((a, b) => b[1] - a[1]);
      const rulesByTime = Object.entries(totals.total).filter(([name]) => name.startsWith('rule:')).sort((a, b) => b[1] - a[1]).slice(0, 8);
      t.diagnostic(`time per call (ms, all workers): ${calls.map(([name, ms]) => `${name} ${ms}`).join(', ')}`);
      t.diagnostic(`rules taking the most time (ms): ${rulesByTime.map(([name, ms]) => `${name.slice(5)} ${ms}`).join(', ')}`);
      for (const [id, n] of Object.entries(totals.known)) t.diagnostic(`known failure (see known-failures.md) ${id}: seen in ${n} case(s)`);
      for (const [id, n] of Object.entries(totals.avoided)) t.diagnostic(`known failure (see known-failures.md) ${id}: ${n} case(s) not run`);
      const reports = failures.map((failure) => describeFailure(failure, runSeed, saveInput(failure, runSeed)));
      assert.equal(reports.length, 0, `${reports.length} distinct failure(s), seed ${runSeed}:\n\n${reports.join('\n\n')}`);
      assert.equal(totals.cases, count, 'every case ran');
    });
  });
}
