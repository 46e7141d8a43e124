/**
 * V8 settings for the kind of run the server and the CLI make: a few seconds of many short functions (~130 rules,
 * the catalogue's lookups), most of which V8 optimises while the run is still going. What bounds such a run is how
 * soon the optimised code is ready, not how good it is. TurboFan's inlining makes each optimisation costlier to
 * compile (the callees are compiled again inside every caller): without it the CLI's CPU time falls by about a quarter
 * (below), and on a machine of two cores the compiler thread competes with the linting thread.
 *
 * Without inlining, alternating runs of the CLI on the 1,594 AWS managed policies (2 cores, 8 each): medians
 * 2.08 → 1.74 s, CPU time 3.6–4.2 → 2.3–3.0 s; a server's first validation of a 1 MB policy 0.74–0.87 → 0.59–0.63 s;
 * later validations of it unchanged (115–150 ms once warm). The bench's figures before and after are in the README.
 *
 * Set from inside the process (the CLI is started by its `#!` line, and other editors start the server with no
 * Node options), before the bundle is compiled: V8 checks a code cache against the flags in force, so the cache is
 * made and read under the same ones. A user who gives Node the flag themselves, either way, keeps their choice.
 */

interface CompilerFlag {
  /** The flag as set. */
  readonly set: string;
  /** Node arguments that already decide it (`--turbo-inlining`, `--no-turbo-inlining`, `--noturbo_inlining`...). */
  readonly given: RegExp;
}

const FLAGS: readonly CompilerFlag[] = [{ set: '--no-turbo-inlining', given: /^--?(?:no-?)?turbo[-_]inlining(?:=|$)/ }];

/** The flags to set, given Node's own arguments (process.execArgv): ours, minus those the arguments already decide. */
export function compilerFlags(execArgv: readonly string[]): string[] {
  return FLAGS.filter((flag) => !execArgv.some((argument) => flag.given.test(argument))).map((flag) => flag.set);
}

/**
 * Sets them for this process (its worker threads included). node:v8 is loaded only when there is one to set: loading
 * it costs ~2 ms of a cold start, which the VS Code client spares the server by giving the flags itself.
 */
export function tuneCompiler(execArgv: readonly string[] = process.execArgv): void {
  const flags = compilerFlags(execArgv);
  if (flags.length === 0) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, see above
  const { setFlagsFromString } = require('node:v8') as typeof import('node:v8');
  for (const flag of flags) setFlagsFromString(flag);
}
