/**
 * node:crypto for vscode-jsonrpc, loaded when first asked: esbuild.mjs points the library's `require("crypto")` here.
 * The library needs it only to name a pipe (`randomBytes`), which the server never does over stdio or Node IPC, and
 * loading the module at start costs the server ~2 MB of RSS (scripts/measure-startup.mjs, medians of 8 spawns: 73.4–74.2
 * → 72.8 MB with the client's flags, 87.7–88.3 → 85.3 MB without). test/loader/cryptoOnDemand.test.ts checks that
 * this module offers every function the library calls.
 */
import type * as Crypto from 'node:crypto';

let crypto: typeof Crypto | undefined;

function load(): typeof Crypto {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  crypto ??= require('node:crypto') as typeof Crypto;
  return crypto;
}

export function randomBytes(size: number): Buffer {
  return load().randomBytes(size);
}
