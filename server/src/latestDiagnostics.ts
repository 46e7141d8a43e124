/**
 * The diagnostics of a document's latest version, computed so that typing never waits: the service's validation
 * steps (one rule each) run in slices of a few milliseconds with a turn of the event loop between slices, so
 * completion, hover and new edits are handled while a large document is analysed. A validation stops at the next
 * slice, publishing nothing, once its version is stale (a newer edit arrived), the settings changed, or everyone
 * waiting for it has cancelled. Callers asking about the same document share one validation. Glue only: no
 * connection here, the server passes what it needs.
 */
import type { Diagnostic } from 'vscode-languageserver-types';

/** What the server provides: document versions, the validation steps, and where trace lines go. */
export interface ValidationSource {
  /** The document's current version; undefined once it is closed. */
  version(uri: string): number | undefined;
  /**
   * The steps that validate the document as it is now, with the version they validate; undefined when the
   * document is not ours to validate (it then has no diagnostics).
   */
  steps(uri: string): Promise<{ readonly version: number; readonly steps: Iterator<unknown, Diagnostic[], undefined> } | undefined>;
  /** A line for the client's trace ($/logTrace): when a validation starts, and when it finishes or stops. */
  trace(message: string): void;
  /** Where an unexpected failure is reported. */
  log(message: string): void;
}

export interface LatestDiagnosticsOptions {
  /** How long one slice runs before the event loop gets a turn. A single rule is never split. */
  readonly sliceMs?: number;
}

export interface Validated {
  readonly version: number | undefined;
  readonly diagnostics: Diagnostic[];
}

export interface LatestDiagnostics {
  /**
   * The diagnostics of the latest version of the document: waits for a running validation when it is for that
   * version, starts one otherwise, and starts again when the document changes before it finishes. Undefined when
   * `isCancelled` says so first (checked between slices).
   */
  of(uri: string, isCancelled: () => boolean): Promise<Validated | undefined>;
  /** Settings changed: running validations are stale. */
  invalidate(): void;
}

export const defaultSliceMs = 8;

/** Resolves after the event loop has had a turn (I/O included), so messages waiting to be read are read. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs `steps` to the end in slices of about `sliceMs`, giving the event loop a turn between slices; stops (and
 * returns undefined) when `shouldStop` says so after such a turn. `counter` counts the slices and the steps run.
 */
export async function runInSlices<T>(
  steps: Iterator<unknown, T, undefined>,
  sliceMs: number,
  shouldStop: () => boolean,
  counter: { slices: number; steps: number } = { slices: 0, steps: 0 },
): Promise<{ readonly value: T } | undefined> {
  for (;;) {
    counter.slices++;
    const sliceStart = performance.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return { value: step.value };
      counter.steps++;
      if (performance.now() - sliceStart >= sliceMs) break;
    }
    await nextTurn();
    if (shouldStop()) {
      steps.return?.();
      return undefined;
    }
  }
}

interface JobState {
  readonly generation: number;
  /** The version being validated; undefined until the steps are known. */
  version: number | undefined;
  /** The `isCancelled` of each caller waiting for it. */
  readonly waiters: Set<() => boolean>;
}

interface Job extends JobState {
  /** The diagnostics, or undefined when the validation stopped. */
  readonly done: Promise<Validated | undefined>;
}

export function createLatestDiagnostics(source: ValidationSource, options: LatestDiagnosticsOptions = {}): LatestDiagnostics {
  const sliceMs = options.sliceMs ?? defaultSliceMs;
  const jobs = new Map<string, Job>();
  let generation = 0;

  function isStale(job: JobState, uri: string): boolean {
    return job.generation !== generation || (job.version !== undefined && job.version !== source.version(uri));
  }

  function start(uri: string): Job {
    const state: JobState = { generation, version: undefined, waiters: new Set() };
    const job: Job = Object.assign(state, {
      done: run(uri, state).finally(() => {
        if (jobs.get(uri) === job) jobs.delete(uri);
      }),
    });
    jobs.set(uri, job);
    return job;
  }

  async function run(uri: string, job: JobState): Promise<Validated | undefined> {
    const counter = { slices: 0, steps: 0 };
    const started = performance.now();
    const stopReason = () =>
      isStale(job, uri) ? 'stale' : [...job.waiters].every((isCancelled) => isCancelled()) ? 'cancelled' : undefined;
    try {
      // A turn first: a newer edit or a cancellation already on its way is read before any work is done.
      await nextTurn();
      let reason = stopReason();
      if (reason) return stopped(uri, job, counter, reason);
      const validation = await source.steps(uri);
      if (!validation) return { version: source.version(uri), diagnostics: [] };
      job.version = validation.version;
      source.trace(`validation ${uri} v${job.version}: started`);
      // Getting the steps parses the document when no request has yet: a long parse counts as a slice.
      if (performance.now() - started >= sliceMs) {
        await nextTurn();
        reason = stopReason();
        if (reason) return stopped(uri, job, counter, reason);
      }
      const result = await runInSlices(validation.steps, sliceMs, () => stopReason() !== undefined, counter);
      if (!result) return stopped(uri, job, counter, stopReason() ?? 'stale');
      const ms = performance.now() - started;
      // `steps` is 0 when the analysis was already known (the service remembers the last one per model).
      source.trace(`validation ${uri} v${job.version}: ${result.value.length} diagnostics in ${ms.toFixed(1)} ms (${counter.steps} steps, ${counter.slices} slices)`);
      return { version: job.version, diagnostics: result.value };
    } catch (error) {
      // Rules are isolated by the runner; this is the glue failing. Answer with nothing rather than retry forever.
      // (A stale version makes `of` try the latest one, so this repeats at most once per edit.)
      source.log(`validation of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { version: job.version ?? source.version(uri), diagnostics: [] };
    }
  }

  function stopped(uri: string, job: JobState, counter: { slices: number; steps: number }, reason: string): undefined {
    source.trace(`validation ${uri} v${job.version ?? '?'}: stopped after ${counter.steps} steps, ${counter.slices} slices (${reason})`);
    return undefined;
  }

  return {
    async of(uri, isCancelled) {
      for (;;) {
        if (isCancelled()) return undefined;
        const version = source.version(uri);
        if (version === undefined) return { version, diagnostics: [] };
        const running = jobs.get(uri);
        const job = running && !isStale(running, uri) ? running : start(uri);
        job.waiters.add(isCancelled);
        const result = await job.done;
        job.waiters.delete(isCancelled);
        if (isCancelled()) return undefined;
        // Finished for the version that is still the latest: done. Otherwise (stopped, or the document changed
        // during the last slice) validate the latest version.
        if (result && result.version === source.version(uri)) return result;
      }
    },
    invalidate() {
      generation++;
    },
  };
}
