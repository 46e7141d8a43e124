/**
 * Runs a CommonJS bundle (the server's, the CLI's) compiled with V8's code cache: the bytecode of every function an
 * earlier run compiled, kept in a file. Without it V8 parses the whole bundle and compiles each function the first
 * time it is called, on every start: ~35 ms of a server's cold start (296 → 263 ms) and ~110 ms of the CLI on the
 * 1,594 AWS managed policies (2.65 → 2.54 s), medians measured alternately against a build without it. Node 22
 * offers this as module.enableCompileCache; Node 20, which VS Code's extension host and this project's CI run, does
 * not.
 *
 * The cache is an optimisation only: whatever goes wrong (no home folder, a read-only disk, a file of the wrong
 * version, a damaged file) the bundle runs compiled from source, as before.
 *
 * V8 itself checks only the length of the source, its own version and its flags against the cache; a damaged cache
 * of the right length crashes the process (seen: a segmentation fault). So the file's name says which source, Node,
 * architecture and flags it was made for (checksums of them), and the file starts with a checksum of its payload,
 * which is checked before V8 sees a byte of it.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import * as zlib from 'node:zlib';

/** The environment variable that names the cache folder, or turns the cache off. */
export const CODE_CACHE_VARIABLE = 'IAM_POLICY_LINT_CODE_CACHE';

const OFF = new Set(['off', '0', 'false', 'no']);
const MAGIC = Buffer.from('IAMPLCC4', 'latin1');
/** The marker, then the payload's CRC-32, its length and the bytecode size of the run that wrote it, 32 bits each. */
const HEADER_BYTES = MAGIC.length + 12;
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

/**
 * zlib.crc32: Node 20.15 and later (VS Code 1.94 and later); without it there is no cache. Not a hash from
 * node:crypto: loading that module costs the server ~3 MB of memory (RSS after load 74.8 → 77.8 MB, measured with
 * scripts/measure-startup.mjs) and a few milliseconds. A checksum is enough: it guards against damage and mix-ups,
 * and anyone who can write to the user's cache folder can do worse than forge a cache.
 */
const crc32 = (zlib as { crc32?: (data: string | Uint8Array) => number }).crc32;

/** Whether this Node can keep a code cache. */
export const codeCacheSupported = crc32 !== undefined;

const hex32 = (value: number): string => value.toString(16).padStart(8, '0');

/** Node's profiler and debugger options: they change no compiled code, and a profile's file name changes every run. */
const DIAGNOSTIC_OPTION = /^--(?:cpu-prof|heap-prof|inspect|debug-port|diagnostic-dir)/;
/** Those of them that take a value, which may follow as the next argument (`--cpu-prof-dir prof`). */
const DIAGNOSTIC_OPTION_WITH_VALUE = /^--(?:(?:cpu|heap)-prof-(?:dir|name|interval)|inspect-port|debug-port|diagnostic-dir)$/;

/** Node's options without the profiler's and debugger's, and without their values. */
function compilingOptions(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const argument = execArgv[i]!;
    if (!DIAGNOSTIC_OPTION.test(argument)) kept.push(argument);
    else if (DIAGNOSTIC_OPTION_WITH_VALUE.test(argument)) i++;
  }
  return kept;
}

/** What a cache must have been made for: this source, this Node and V8, this architecture, these flags. */
export function cacheKey(source: string, runtime: { version: string; v8: string; arch: string; execArgv: readonly string[] }): string {
  const flags = compilingOptions(runtime.execArgv);
  const made = JSON.stringify([runtime.version, runtime.v8, runtime.arch, flags]);
  return hex32(crc32!(source)) + hex32(crc32!(made));
}

/** What a cache file holds: V8's data, and the bytecode the process that wrote it held by then (bytes, Node's own included). */
export interface CacheFile {
  readonly payload: Buffer;
  readonly writerBytecodeBytes: number;
}

/** The cache file's bytes: a marker, the payload's checksum and length, the writer's bytecode size, the payload. */
export function encodeCache({ payload, writerBytecodeBytes }: CacheFile): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header);
  header.writeUInt32BE(crc32!(payload), MAGIC.length);
  header.writeUInt32BE(payload.length, MAGIC.length + 4);
  header.writeUInt32BE(Math.min(Math.max(Math.round(writerBytecodeBytes), 0), 0xffffffff), MAGIC.length + 8);
  return Buffer.concat([header, payload]);
}

/** The cache file in these bytes, or undefined when they are not one or are damaged. */
export function decodeCache(bytes: Buffer): CacheFile | undefined {
  if (bytes.length <= HEADER_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const payload = bytes.subarray(HEADER_BYTES);
  if (payload.length !== bytes.readUInt32BE(MAGIC.length + 4)) return undefined;
  if (crc32!(payload) !== bytes.readUInt32BE(MAGIC.length)) return undefined;
  return { payload, writerBytecodeBytes: bytes.readUInt32BE(MAGIC.length + 8) };
}

/**
 * Whether a run that started from a cache should serialise its code at exit to see whether it grew (CachePolicy.grow),
 * given the bytecode it holds and the bytecode its cache's writer held. Serialising costs ~7 ms, a twentieth of a short
 * run; reading the bytecode size costs ~2. A run that compiled nothing new holds what the writer held (±0.3% between
 * runs of the same command), and the payload has to grow by a tenth to be written, which is about a twentieth of the
 * whole: Node's own bytecode, ~140 KB, is counted too. CPU time, the measure before this one, missed runs that had
 * compiled more: the writer's figure includes compiling from source, a run that starts from the cache does not
 * (a --version run 141–191 ms, linting a small policy afterwards 230–280 ms).
 */
export function worthComparing(bytecodeBytes: number, writerBytecodeBytes: number): boolean {
  return bytecodeBytes >= writerBytecodeBytes * 1.05;
}

/** The bytecode this process holds, in bytes. node:v8 is loaded on demand (the CLI has loaded it for tuneCompiler). */
function bytecodeBytes(): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, see above
  const { getHeapCodeStatistics } = require('node:v8') as typeof import('node:v8');
  return getHeapCodeStatistics().bytecode_and_metadata_size;
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

function readCache(file: string): CacheFile | undefined {
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
function writeCache(folder: string, name: string, file: string, cache: CacheFile): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, encodeCache(cache), { mode: 0o600 });
  renameSync(temporary, file);
  const others = readdirSync(folder)
    .filter((entry) => entry.startsWith(`${name}-`) && entry.endsWith('.cache') && join(folder, entry) !== file)
    .map((entry) => ({ path: join(folder, entry), modified: statSync(join(folder, entry)).mtimeMs }))
    .sort((a, b) => b.modified - a.modified);
  for (const stale of others.slice(KEPT_PER_BUNDLE - 1)) unlinkSync(stale.path);
}

/**
 * When the cache is written. The CLI's at exit: a run is one job, and what it compiled is what the next run needs;
 * it is written again when a run that holds a twentieth more bytecode than the cache's writer compiled a tenth more
 * than the cache held (after a run that only printed --version, say). The server's once its start is done: V8
 * restores every function a cache holds, so a cache written at the end of a long session (hovers, fixes, templates,
 * simulate...) costs ~3 MB of memory at every later start (npm run bench: RSS after load 76.5 → 79.2 MB); the rest
 * compiles when first used, as before.
 */
export interface CachePolicy {
  /** Write after this long (unless the process exits first, then at exit); undefined: at exit only. */
  readonly writeAfterMs?: number;
  /**
   * At exit, write again when this run compiled a tenth more than the cache it started from held. Asked only of a
   * run that holds a twentieth more bytecode than the one that wrote the cache (worthComparing).
   */
  readonly grow: boolean;
}

/** Runs the bundle as a CommonJS module, with the code cache of `folder` (none when undefined). */
export function runBundle(bundle: string, name: string, folder: string | undefined, policy: CachePolicy): void {
  const source = readFileSync(bundle, 'utf8');
  let file: string | undefined;
  let cache: CacheFile | undefined;
  if (folder && codeCacheSupported) {
    try {
      file = join(folder, `${name}-${cacheKey(source, { version: process.version, v8: process.versions.v8, arch: process.arch, execArgv: process.execArgv })}.cache`);
      cache = readCache(file);
    } catch {
      file = undefined;
    }
  }
  const { script, accepted } = compileBundle(source, bundle, cache?.payload);
  const acceptedBytes = accepted ? cache!.payload.length : 0;
  const writerBytecodeBytes = accepted ? cache!.writerBytecodeBytes : 0;
  cache = undefined;
  if (file && (!accepted || policy.grow)) {
    const cacheFile = file;
    let done = false;
    const write = (): void => {
      if (done) return;
      done = true;
      try {
        const bytecode = bytecodeBytes();
        if (accepted && !worthComparing(bytecode, writerBytecodeBytes)) return;
        const payload = script.createCachedData();
        if (payload.length > acceptedBytes * 1.1) writeCache(folder!, name, cacheFile, { payload, writerBytecodeBytes: bytecode });
      } catch {
        // Only a lost optimisation: the next run compiles from source again.
      }
    };
    process.once('exit', write);
    // Unreferenced: the timer never keeps the process alive.
    if (policy.writeAfterMs !== undefined && !accepted) setTimeout(write, policy.writeAfterMs).unref();
  }
  const module = { exports: {} as unknown, filename: bundle, id: bundle, loaded: false };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, join(bundle, '..'));
  module.loaded = true;
}
