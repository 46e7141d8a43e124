// The CLI on every AWS managed policy against a baseline that only lists, reads and JSON.parses the same files, so the
// ratio shows what the engine costs on top of the I/O and parsing no linter can avoid. The two run alternately, so
// drift in the machine's load affects both alike.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { benchBundlePath } from './benchBundle.mjs';
import { row } from './table.mjs';
import { median } from './statistics.mjs';

const baseline = `
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const folder = process.argv[1];
let statements = 0;
for (const name of readdirSync(folder).sort()) {
  if (!name.endsWith('.iam.json')) continue;
  const policy = JSON.parse(readFileSync(join(folder, name), 'utf8'));
  statements += [].concat(policy.Statement ?? []).length;
}
process.stdout.write(String(statements));
`;

function time(args) {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const elapsedMs = performance.now() - started;
  if (result.error) throw result.error;
  return { elapsedMs, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** One CLI run, `--format json` on the folder, with `nodeArgs` before the bundle; exit 0 or 1 (findings), else it throws. */
function lintFolder(nodeArgs, cliJs, folder) {
  const run = time([...nodeArgs, cliJs, '--format', 'json', folder]);
  if (run.status !== 0 && run.status !== 1) throw new Error(`the CLI exited with ${run.status}: ${run.stderr.trim()}`);
  return run;
}

/**
 * `runs` interleaved pairs of (CLI --format json on the folder, baseline). `cliNodeArgs` go before the bundle (a
 * profiler); the baseline never gets them. Returns the times and what the last CLI run found.
 */
export function measureCliThroughput({ cliJs, folder, runs, cliNodeArgs = () => [] }) {
  const lintMs = [];
  const parseMs = [];
  let last;
  for (let run = 0; run < runs; run++) {
    last = lintFolder(cliNodeArgs(run), cliJs, folder);
    lintMs.push(last.elapsedMs);
    const parsed = time(['-e', baseline, folder]);
    if (parsed.status !== 0) throw new Error(`the baseline exited with ${parsed.status}: ${parsed.stderr.trim()}`);
    parseMs.push(parsed.elapsedMs);
  }
  const report = JSON.parse(last.stdout);
  const problems = report.files.reduce((sum, file) => sum + file.problems.length, 0);
  return { lintMs, parseMs, files: report.files.length, problems, status: last.status };
}

/**
 * V8's garbage collections in a CLI run over the folder, from `--trace-gc-nvp` (which prints them on standard output,
 * beside the JSON): young-generation collections, their pauses and what they promoted to the old generation, and full
 * collections. The flags change the code cache's key, so a first run writes that cache; of the `runs` read after it,
 * the one with the median young-generation pause is kept (one run alone moved by a third between two benches: 95 and
 * 133 ms, 39 and 60 MB promoted), with the range of all of them.
 */
export function measureCliCollections({ cliJs, folder, runs }) {
  lintFolder(['--trace-gc-nvp'], cliJs, folder);
  const all = [];
  for (let run = 0; run < runs; run++) all.push(collectionsOf(lintFolder(['--trace-gc-nvp'], cliJs, folder).stdout));
  const sorted = [...all].sort((a, b) => a.youngMs - b.youngMs);
  return { ...sorted[(sorted.length - 1) >> 1], runs, youngMsRange: [sorted[0].youngMs, sorted.at(-1).youngMs] };
}

/** The collections --trace-gc-nvp printed in one run's output. */
function collectionsOf(stdout) {
  const totals = { young: 0, youngMs: 0, promotedMb: 0, full: 0, fullMs: 0 };
  for (const line of stdout.split('\n')) {
    const fields = Object.fromEntries([...line.matchAll(/(\w+)=(\S+)/g)].map((match) => [match[1], match[2]]));
    if (fields.gc === 's') {
      totals.young++;
      totals.youngMs += Number(fields.pause);
      totals.promotedMb += Number(fields.promoted) / 1e6;
    } else if (fields.gc === 'mc' || fields.gc === 'ms') {
      totals.full++;
      totals.fullMs += Number(fields.pause);
    }
  }
  if (totals.young === 0) throw new Error('no young-generation collection was traced');
  return totals;
}

/**
 * `runs` CLI runs, with the code cache, on a policy with no statements: Node's start, the bundle, the catalogue and
 * the output, with no work on statements. Written into `folder`.
 */
export function measureCliStart({ cliJs, folder, runs }) {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'no-statements.iam.json');
  writeFileSync(file, '{"Version":"2012-10-17","Statement":[]}\n');
  const startMs = [];
  for (let run = 0; run < runs; run++) startMs.push(lintFolder([], cliJs, file).elapsedMs);
  return { startMs };
}

/** The CLI's per-file work over the folder, pass after pass in one process (cli-passes.mjs says what each pass is). */
export function measureCliPasses({ bundlePath, folder, passes }) {
  const run = time([join(import.meta.dirname, 'cli-passes.mjs'), bundlePath, folder, join(dirname(bundlePath), 'iam-catalog.json'), String(passes)]);
  if (run.status !== 0) throw new Error(`the passes exited with ${run.status}: ${run.stderr.trim()}`);
  return JSON.parse(run.stdout);
}

export function measureCli(context) {
  const { bundles, quick, cliArgs, corpusFolder } = context;
  const runs = quick ? 2 : 7;
  const cliJs = join(bundles, 'cli.js');
  const result = measureCliThroughput({ cliJs, folder: corpusFolder, runs, cliNodeArgs: (run) => cliArgs(`cli-${run}`) });
  const collections = measureCliCollections({ cliJs, folder: corpusFolder, runs: quick ? 1 : 3 });
  const start = measureCliStart({ cliJs, folder: join(bundles, 'cli-start'), runs });
  const passes = measureCliPasses({ bundlePath: benchBundlePath(context), folder: corpusFolder, passes: quick ? 3 : 6 });
  if (passes.files !== result.files || passes.problems !== result.problems) {
    throw new Error(`the passes found ${passes.problems} problems in ${passes.files} files, the CLI ${result.problems} in ${result.files}`);
  }
  const lint = median(result.lintMs);
  const parse = median(result.parseMs);
  const startMs = median(start.startMs);
  // The first pass of each kind still optimises code the passes before it did not run much.
  const warmMs = median(passes.warmMs.slice(1));
  const freshMs = median(passes.freshMs.slice(1));
  // The CLI run, cut into what each of these measures: its start, the work with optimised code and every answer
  // known, finding the catalogue's answers, and the rest, which is V8 compiling, interpreting and optimising.
  const parts = { startMs, workMs: warmMs, answersMs: freshMs - warmMs, warmUpMs: lint - startMs - freshMs };
  const range = (values) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)} ms`;
  return {
    rows: [
      row('cli', `CLI on ${result.files.toLocaleString('en-US')} AWS managed policies`, {
        value: lint,
        unit: 'ms',
        detail: `median of ${runs} runs (${range(result.lintMs)}); --format json; ${result.problems.toLocaleString('en-US')} problems, exit ${result.status}; the first run, which wrote the code cache: ${result.lintMs[0].toFixed(0)} ms`,
      }),
      row('cli', 'read + JSON.parse baseline, same files', { value: parse, unit: 'ms', detail: `median of ${runs} runs (${range(result.parseMs)}), interleaved with the CLI's` }),
      row('cli', 'CLI / baseline', { value: lint / parse, unit: '×', digits: 1, budget: { atMost: 5 }, detail: `engine cost ≈ ${((lint - parse) / result.files).toFixed(2)} ms per policy` }),
      // Issue 16's goal after the 5× budget: the figure against 3×, and how much engine time that leaves per policy.
      row('cli', 'CLI / baseline, against the 3× goal', {
        value: lint / parse,
        unit: '×',
        digits: 1,
        budget: { atMost: 3 },
        detail: `3× leaves ${((2 * parse) / result.files).toFixed(2)} ms of engine per policy; ${Math.max(0, lint - 3 * parse).toFixed(0)} ms over it`,
      }),
      row('cli', 'CLI start: a policy with no statements', {
        value: startMs,
        unit: 'ms',
        detail: `median of ${runs} runs (${range(start.startMs)}); Node's start, the bundle from its code cache, the catalogue, the output`,
      }),
      row('cli', 'engine pass in one process, warm', {
        value: warmMs,
        unit: 'ms',
        detail: `median of ${passes.warmMs.length - 1} passes after one more (${range(passes.warmMs.slice(1))}), with optimised code and the catalogue's answers known; alternating with passes on a fresh catalogue each: ${freshMs.toFixed(0)} ms (${range(passes.freshMs.slice(1))}); the process's first pass: ${passes.firstMs.toFixed(0)} ms`,
      }),
      // No CLI run can cost less than its start plus a warm pass: the ratio it would have if V8 had nothing to
      // compile or optimise and every catalogue answer were known.
      row('cli', 'floor: (start + warm pass) / baseline', {
        value: (startMs + warmMs) / parse,
        unit: '×',
        digits: 1,
        detail: `the CLI's ${lint.toFixed(0)} ms ≈ start ${startMs.toFixed(0)} + work ${warmMs.toFixed(0)} + the catalogue's answers ${parts.answersMs.toFixed(0)} + V8's warm-up ${parts.warmUpMs.toFixed(0)} ms`,
      }),
      row('cli', 'CLI: young-generation collections in one run', {
        value: collections.youngMs,
        unit: 'ms',
        detail: `${collections.young} collections promoting ${collections.promotedMb.toFixed(1)} MB to the old generation; ${collections.full} full collections, ${collections.fullMs.toFixed(0)} ms of pauses; node --trace-gc-nvp, the run of median pause among ${collections.runs} (${range(collections.youngMsRange)}) after one that wrote its code cache`,
      }),
    ],
    details: { ...result, collections, start, passes, parts },
  };
}
