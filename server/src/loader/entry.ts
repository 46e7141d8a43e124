/** What the two entries share: find the bundle beside the entry and the cache folder, then run it. */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { cacheFolder, runBundle, type CachePolicy } from './codeCache';
import { tuneCompiler } from './compilerFlags';

const policies: Record<'server' | 'cli', CachePolicy> = {
  cli: { grow: true },
  // Long enough for the first validation and completion, which the next start then finds compiled.
  server: { grow: false, writeAfterMs: 5_000 },
};

/** The user's home folder; undefined where Node cannot tell (no HOME and no passwd entry). */
function homeFolder(): string | undefined {
  try {
    return homedir() || undefined;
  } catch {
    return undefined;
  }
}

/** Runs `<name>.bundle.js`, which esbuild.mjs writes beside this entry, with V8 tuned for it (compilerFlags.ts). */
export function runEntry(name: 'server' | 'cli'): void {
  tuneCompiler();
  runBundle(join(__dirname, `${name}.bundle.js`), name, cacheFolder(process.env, homeFolder(), process.platform), policies[name]);
}
