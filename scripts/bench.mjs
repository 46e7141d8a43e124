// `npm run bench`: builds what we ship (production bundles and the VSIX, by `npm run package`), measures it, prints one
// table with each figure's budget and whether it holds, and writes it to docs/performance/results.json, which the
// README's Performance section shows. It asserts nothing; it exits non-zero when a figure could not be taken.
//
// Usage: npm run bench [-- options]
//   --only <sections>  comma-separated, of: size, startup, latency, diagnostics, burst, memory, cli, hosts, simulate,
//                      diff (diff: policy diff of two 6 KB and two 100 KB policies, in-process, scripts/bench/diff.mjs)
//   --quick            fewer iterations, for a smoke run (rougher figures)
//   --profile <dir>    every server and CLI process it starts (not the cold-start spawns) writes a .cpuprofile
//                      there, named after its section; open it in Chrome DevTools or VS Code
//   --no-build         measure the bundles and VSIX already in dist/ (say, a development build)
//   --out <file>       write the JSON there; by default a full run writes docs/performance/results.json and a
//                      --quick or --only run writes nothing
//   --markdown         print the table of the JSON file (--out or the default) as Markdown; measures nothing
// Progress goes to stderr, the table to stdout. The sections' modules live in scripts/bench/.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureBurst } from './bench/burst.mjs';
import { measureCli } from './bench/cli.mjs';
import { measureDiff } from './bench/diff.mjs';
import { ensureCorpus, managedPolicies, writeCorpusFiles } from './bench/corpus.mjs';
import { clientServerFlags } from './bench/server.mjs';
import { measureDiagnostics } from './bench/diagnostics.mjs';
import { measureHosts } from './bench/hosts.mjs';
import { distinctStatements } from './bench/documents.mjs';
import { measureLatency } from './bench/latency.mjs';
import { measureMemory } from './bench/memory.mjs';
import { measureSizes } from './bench/size.mjs';
import { measureSimulate } from './bench/simulate.mjs';
import { measureStartup } from './bench/startup.mjs';
import { failedRow, markdownTable, textTable } from './bench/table.mjs';

const root = join(import.meta.dirname, '..');
const defaultOut = join(root, 'docs', 'performance', 'results.json');
const sections = {
  size: measureSizes,
  startup: measureStartup,
  latency: measureLatency,
  diagnostics: measureDiagnostics,
  burst: measureBurst,
  memory: measureMemory,
  cli: measureCli,
  hosts: measureHosts,
  simulate: measureSimulate,
  diff: measureDiff,
};
const needsCorpus = new Set(['diagnostics', 'cli', 'hosts', 'diff']);

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    profile: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string' },
    markdown: { type: 'boolean', default: false },
  },
});
const say = (message) => console.error(message);
const currentLoad = () => loadavg().map((l) => Number(l.toFixed(2)));

if (positionals.length > 0) {
  say(`unexpected ${positionals.join(' ')}: the old latency-only run is now \`npm run bench -- --only latency --no-build\``);
  process.exit(2);
}

if (options.markdown) {
  const results = JSON.parse(readFileSync(options.out ?? defaultOut, 'utf8'));
  const { date, commit, node, cpu, loadAverage } = results;
  console.log(`Measured ${date.slice(0, 10)} at commit \`${commit}\` with Node ${node} on ${cpu.count} × ${cpu.model};`);
  console.log(`load average ${loadAverage.before.join(' ')} before, ${loadAverage.after.join(' ')} after (1, 5, 15 min).\n`);
  console.log(markdownTable(results.rows));
  process.exit(0);
}

const selected = options.only?.split(',').map((s) => s.trim()) ?? Object.keys(sections);
const unknown = selected.filter((s) => !(s in sections));
if (unknown.length > 0) {
  say(`unknown section ${unknown.join(', ')}; the sections are ${Object.keys(sections).join(', ')}`);
  process.exit(2);
}
const partial = options.quick || options.only !== undefined;
const out = options.out ?? (partial ? undefined : defaultOut);

const startedAt = performance.now();
const loadBefore = currentLoad();

if (!options['no-build']) {
  say('build: npm run package (type check, production bundles, VSIX) ...');
  const built = spawnSync('npm', ['run', 'package'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) {
    say(`${built.stdout}${built.stderr}\nbuild: npm run package failed (exit ${built.status}); nothing measured`);
    process.exit(1);
  }
}

// Measure a copy, so another build into dist/ during the run cannot change what is measured.
const bundles = mkdtempSync(join(tmpdir(), 'iam-policy-bench-'));
for (const file of ['client.js', 'languageClient.js', 'server.js', 'server.bundle.js', 'cli.js', 'cli.bundle.js', 'iam-catalog.json', 'iam-policy-lint.vsix']) {
  try {
    copyFileSync(join(root, 'dist', file), join(bundles, file));
  } catch (error) {
    say(`dist/${file}: ${error.message}`); // the sections that need it will fail and say so
  }
  // A development build's source maps, so profiles point at the sources.
  if (options['no-build'] && existsSync(join(root, 'dist', `${file}.map`))) copyFileSync(join(root, 'dist', `${file}.map`), join(bundles, `${file}.map`));
}
// The server's and the CLI's code cache (server/src/loader/codeCache.ts) in a folder of this run, empty at the start:
// the first process of each kind writes it, later ones start from it, as on a user's machine after the first run.
// IAM_POLICY_LINT_CODE_CACHE=off (or a folder) given to the bench is kept, to measure without it.
process.env.IAM_POLICY_LINT_CODE_CACHE ??= join(bundles, 'code-cache');
// The tree-sitter grammars the server reads beside its bundle (Terraform and CDK hosts).
try {
  cpSync(join(root, 'dist', 'wasm'), join(bundles, 'wasm'), { recursive: true });
} catch (error) {
  say(`dist/wasm: ${error.message}`);
}

const profileDir = options.profile === undefined ? undefined : resolve(options.profile);
if (profileDir) mkdirSync(profileDir, { recursive: true });
const profileArgs = (name) => (profileDir && name ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.cpuprofile`] : []);
const serverFlags = clientServerFlags();
const context = {
  bundles,
  built: !options['no-build'],
  quick: options.quick,
  serverFlags,
  // Node arguments for a server or CLI process; named ones are profiled under that name when --profile is given.
  serverArgs: (name) => [...serverFlags, ...profileArgs(name)],
  cliArgs: (name) => profileArgs(name),
};

const rows = [];
const details = {};
let corpusProblem;
try {
  if (selected.some((s) => needsCorpus.has(s))) {
    try {
      ensureCorpus(say);
      const policies = managedPolicies();
      context.statements = distinctStatements(policies);
      context.corpusFolder = writeCorpusFiles(policies, join(bundles, 'corpus'));
    } catch (error) {
      corpusProblem = new Error(`the managed-policy corpus is not available: ${error.message}`);
    }
  }
  for (const name of selected) {
    const sectionStart = performance.now();
    say(`${name}: measuring ...`);
    try {
      if (corpusProblem && needsCorpus.has(name)) throw corpusProblem;
      const result = await sections[name](context);
      rows.push(...result.rows);
      if (result.details !== undefined) details[name] = result.details;
    } catch (error) {
      rows.push(failedRow(name, 'this section', error));
    }
    say(`${name}: ${((performance.now() - sectionStart) / 1e3).toFixed(0)} s`);
  }
} finally {
  rmSync(bundles, { recursive: true, force: true });
}

const results = {
  date: new Date().toISOString(),
  commit: commit(),
  node: process.version,
  cpu: { model: cpus()[0]?.model ?? 'unknown', count: availableParallelism() },
  loadAverage: { before: loadBefore, after: currentLoad(), note: '1, 5 and 15 minutes' },
  build: options['no-build'] ? 'none: dist/ as found (--no-build)' : 'npm run package',
  serverFlags,
  quick: options.quick,
  sections: selected,
  durationSeconds: Math.round((performance.now() - startedAt) / 1e3),
  rows,
  details,
};

console.log(`${results.date}, commit ${results.commit}, Node ${results.node}, ${results.cpu.count} × ${results.cpu.model}`);
console.log(`load average before ${loadBefore.join(' ')}, after ${results.loadAverage.after.join(' ')} (1, 5, 15 min); ${results.durationSeconds} s`);
console.log(textTable(rows));
if (out) {
  mkdirSync(join(out, '..'), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  say(`written to ${relative(process.cwd(), out) || out}`);
} else {
  say('a --quick or --only run writes no JSON unless --out <file> is given');
}
const missing = rows.filter((r) => r.error);
if (missing.length > 0) {
  say(`${missing.length} measurement(s) could not be taken: ${missing.map((r) => r.section).join(', ')}`);
  process.exitCode = 1;
}

/** The commit measured, with "-dirty" when tracked files differ from it. */
function commit() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head}-dirty` : head;
  } catch {
    return 'unknown';
  }
}
