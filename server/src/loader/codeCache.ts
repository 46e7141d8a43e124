/**
 * Runs a CommonJS bundle (the server's, the CLI's) compiled with V8's code cache: the bytecode of every function an
 * earlier run compiled, kept in a file. Without it V8 parses the whole bundle and compiles each function the first
 * time it is called, on every start: ~45 ms of a server's cold start and ~200 ms of the CLI on the 1,594 AWS managed
 * policies (npm run bench, measured interleaved). Node 22 offers this as module.enableCompileCache; Node 20, which
 * VS Code's extension host and this project's CI run, does not.
 *
 * The cache is an optimisation only: whatever goes wrong (no home folder, a read-only disk, a file of the wrong
 * version, a damaged file) the bundle runs compiled from source, as before.
 *
 * V8 itself checks only the length of the source, its own version and its flags against the cache; a damaged cache
 * of the right length crashes the process (seen: a segmentation fault). So the file's name says which source, Node,
 * architecture and flags it was made for (a hash of them all), and the file starts with a hash of its payload, which
 * is checked before V8 sees a byte of it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

/** The environment variable that names the cache folder, or turns the cache off. */
export const CODE_CACHE_VARIABLE = 'IAM_POLICY_LINT_CODE_CACHE';

const OFF = new Set(['off', '0', 'false', 'no']);
const MAGIC = Buffer.from('IAMPLCC1', 'latin1');
const DIGEST_BYTES = 32;
const HEADER_BYTES = MAGIC.length + DIGEST_BYTES;
/** Caches kept per bundle: one per Node version and set of flags in use (VS Code's, a terminal's, CI's). */
const KEPT_PER_BUNDLE = 4;

/**
 * Where the cache lives: the folder the variable names; none when it says `off` (or 0, false, no); otherwise the
 * platform's per-user cache folder (`$XDG_CACHE_HOME` or `~/.cache` on Linux, `~/Library/Caches` on macOS,
 * `%LOCALAPPDATA%` on Windows), never a folder other users can write to.
 */
export function cacheFolder(env: Readonly<Record<string, string | undefined>>, home: string | undefined, platform: string): string | undefined {
  const configured = env[CODE_CACHE_VARIABLE]?.trim();
  if (configured) return OFF.has(configured.toLowerCase()) ? undefined : configured;
  if (platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'iam-policy-lint', 'Cache') : undefined;
  if (!home) return undefined;
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'iam-policy-lint');
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec ignores a relative path.
  return join(xdg?.startsWith('/') ? xdg : join(home, '.cache'), 'iam-policy-lint');
}

const sha256 = (data: string | Buffer): Buffer => createHash('sha256').update(data).digest();

/** Node's profiler and debugger options: they change no compiled code, and a profile's file name changes every run. */
const DIAGNOSTIC_OPTION = /^--(?:cpu-prof|heap-prof|inspect|debug-port|diagnostic-dir)/;

/** What a cache must have been made for: this source, this Node and V8, this architecture, these flags. */
export function cacheKey(source: string, runtime: { version: string; v8: string; arch: string; execArgv: readonly string[] }): string {
  const flags = runtime.execArgv.filter((argument) => !DIAGNOSTIC_OPTION.test(argument));
  const made = JSON.stringify([runtime.version, runtime.v8, runtime.arch, flags]);
  return sha256(`${sha256(source).toString('hex')}\n${made}`).toString('hex').slice(0, 24);
}

/** The cache file's bytes: a marker, the payload's hash, the payload. */
export function encodeCache(payload: Buffer): Buffer {
  return Buffer.concat([MAGIC, sha256(payload), payload]);
}

/** The payload of a cache file's bytes, or undefined when they are not one or are damaged. */
export function decodeCache(bytes: Buffer): Buffer | undefined {
  if (bytes.length <= HEADER_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const payload = bytes.subarray(HEADER_BYTES);
  return sha256(payload).equals(bytes.subarray(MAGIC.length, HEADER_BYTES)) ? payload : undefined;
}

/**
 * The bundle's source wrapped as Node wraps a CommonJS module, compiled with the cache when there is one. `accepted`
 * says whether V8 used it.
 */
export function compileBundle(source: string, filename: string, cachedData: Buffer | undefined): { script: Script; accepted: boolean } {
  // A shebang line is not JavaScript inside the wrapper (Node's loader strips it too); the line stays, blank.
  const body = source.startsWith('#!') ? `//${source.slice(2)}` : source;
  // No import() callback: esbuild.mjs turns the bundles' import() into require().
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${body}\n})`, { filename, cachedData });
  return { script, accepted: cachedData !== undefined && !script.cachedDataRejected };
}

function readCache(file: string): Buffer | undefined {
  try {
    return decodeCache(readFileSync(file));
  } catch {
    return undefined;
  }
}

/**
 * Writes the cache through a temporary file and a rename, so a reader never sees half a file, then removes the
 * oldest caches of the same bundle beyond the few kept.
 */
function writeCache(folder: string, name: string, file: string, payload: Buffer): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, encodeCache(payload), { mode: 0o600 });
  renameSync(temporary, file);
  const others = readdirSync(folder)
    .filter((entry) => entry.startsWith(`${name}-`) && entry.endsWith('.cache') && join(folder, entry) !== file)
    .map((entry) => ({ path: join(folder, entry), modified: statSync(join(folder, entry)).mtimeMs }))
    .sort((a, b) => b.modified - a.modified);
  for (const stale of others.slice(KEPT_PER_BUNDLE - 1)) unlinkSync(stale.path);
}

/**
 * Runs the bundle as a CommonJS module, with the code cache of `folder` (none when undefined). At exit the cache is
 * written when there was none, V8 refused it, or this run compiled a tenth more than it held (an earlier run that
 * only printed --version, say).
 */
export function runBundle(bundle: string, name: string, folder: string | undefined): void {
  const source = readFileSync(bundle, 'utf8');
  let file: string | undefined;
  let cachedData: Buffer | undefined;
  if (folder) {
    try {
      file = join(folder, `${name}-${cacheKey(source, { version: process.version, v8: process.versions.v8, arch: process.arch, execArgv: process.execArgv })}.cache`);
      cachedData = readCache(file);
    } catch {
      file = undefined;
    }
  }
  const { script, accepted } = compileBundle(source, bundle, cachedData);
  const acceptedBytes = accepted ? cachedData!.length : 0;
  cachedData = undefined;
  if (file) {
    const cacheFile = file;
    process.once('exit', () => {
      try {
        const payload = script.createCachedData();
        if (payload.length > acceptedBytes * 1.1) writeCache(folder!, name, cacheFile, payload);
      } catch {
        // Only a lost optimisation: the next run compiles from source again.
      }
    });
  }
  const module = { exports: {} as unknown, filename: bundle, id: bundle, loaded: false };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, join(bundle, '..'));
  module.loaded = true;
}
