// Times the CLI on every AWS managed policy against a baseline that only reads and JSON.parses the same files (the
// `cli` section of `npm run bench`, on its own, on dist/ as it is). Each policy's latest version is written to
// <name>.iam.json in a scratch folder first. Needs `npm run build`; installs the corpus on first use (`npm run corpus`).
// Usage: node scripts/bench-cli.mjs [runs]   (default 7; prints the median and the range of each)
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureCliThroughput } from './bench/cli.mjs';
import { ensureCorpus, managedPolicies, writeCorpusFiles } from './bench/corpus.mjs';
import { median } from './bench/statistics.mjs';

const root = join(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 7);
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\``);

ensureCorpus((message) => console.error(message));
const policies = managedPolicies();
const folder = writeCorpusFiles(policies, join(tmpdir(), 'iam-policy-corpus-files'));
console.log(`${policies.size} policies written to ${folder}`);

const { lintMs, parseMs, files, problems, status } = measureCliThroughput({ cliJs: cli, folder, runs });
const summary = (values) => `median ${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})`;
const [lint, parse] = [median(lintMs), median(parseMs)];
console.log(`node dist/cli.js --format json <folder>: ${summary(lintMs)}; ${files} files, ${problems} problems, exit ${status}`);
console.log(`read + JSON.parse baseline:           ${summary(parseMs)}`);
console.log(`ratio (medians): ${(lint / parse).toFixed(1)}×; engine cost ≈ ${(lint - parse).toFixed(0)} ms, ${((lint - parse) / policies.size).toFixed(2)} ms per policy`);
