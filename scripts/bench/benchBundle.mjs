// The engine's modules for in-process measurements (hosts, diff, simulate, the CLI's passes), bundled like the server
// (esbuild.mjs --bench, minified unless the bench measures dist/ as found) into out/bench/hosts.cjs and copied beside
// the measured bundles with its catalogue and grammars. Built once per bench run.
import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const built = new WeakSet();

/** The path of the bench bundle for this bench run (`context.bundles`), building and copying it on first use. */
export function benchBundlePath(context) {
  const folder = join(context.bundles, 'bench');
  if (!built.has(context)) {
    execFileSync(process.execPath, ['esbuild.mjs', '--bench', ...(context.built ? ['--production'] : [])], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    cpSync(join(root, 'out', 'bench'), folder, { recursive: true });
    built.add(context);
  }
  return join(folder, 'hosts.cjs');
}

/** The bench bundle's exports, loaded into this process. */
export function benchBundle(context) {
  return createRequire(import.meta.url)(benchBundlePath(context));
}
