/**
 * Linting many files on more than one core. Worker threads (each loads this same bundle and its own catalogue) and
 * the main thread take chunks of the file list from one shared counter until none is left, so a thread that starts
 * late or gets the heavy files simply takes fewer chunks. Each result goes back under its file's index: the output is
 * the same, in the same order, as linting the files one after another.
 */
import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { PolicyType, Settings } from '../../../shared/settings';
import type { PolicyTypeChoice } from '../policy/policyType';
import type { Problem } from '../rules/types';
import { createPolicyService, type PolicyService } from '../service';
import { lintText, prepareFiles, type TextLint } from './lintText';

export interface LintJob {
  readonly uri: string;
  /** The file's path (or the name given for standard input): its extension says how to read it. */
  readonly path: string;
  readonly text: string;
  readonly settings: Settings;
}

export interface LintOutcome {
  readonly problems: readonly Problem[];
  readonly policyType: PolicyTypeChoice;
  /** Over the size cap, so not analysed. */
  readonly tooLarge: boolean;
  readonly host?: TextLint['host'];
}

/** What a worker thread is given: every job (it takes only the ones it claims) and the shared counter. */
interface WorkerInput {
  readonly jobs: readonly LintJob[];
  readonly policyType: PolicyType | undefined;
  readonly next: SharedArrayBuffer;
}

type Outcomes = readonly (readonly [index: number, outcome: LintOutcome])[];

/** Files per claim: small enough to share out the tail evenly, large enough that claiming costs nothing. */
const CHUNK = 8;
/** Below this many files a worker's start (loading the bundle and the catalogue, ~0.15 s) does not pay off. */
const PARALLEL_FROM = 100;
/**
 * V8's optimising compiler runs beside the main thread: a one-thread run already keeps ~1.5 cores busy (the AWS
 * managed policies: 2.0 s wall, 3.0 s CPU). On 2 cores a worker loses (2.3 s against 2.0 s, same minute); start
 * workers only where cores are left for them and their compilers.
 */
const PARALLEL_CORES = 4;
const MAX_WORKERS = 3;

/**
 * How many worker threads to start for this many files: none for a few files or on fewer than PARALLEL_CORES cores,
 * else enough for one linting thread (the main one included) per two cores. `IAM_POLICY_LINT_WORKERS` overrides it
 * (0 turns them off).
 */
export function workerCount(files: number, env: Readonly<Record<string, string | undefined>>): number {
  const configured = env.IAM_POLICY_LINT_WORKERS;
  if (configured !== undefined && configured !== '') return /^\d+$/.test(configured) ? Math.max(0, Math.min(Number(configured), 16, files - 1)) : 0;
  const cores = availableParallelism();
  return files < PARALLEL_FROM || cores < PARALLEL_CORES ? 0 : Math.min(Math.floor(cores / 2) - 1, MAX_WORKERS);
}

/** Lints one file: parse once, analyse once (no fixes; the CLI applies those on the main thread only). */
export function lintJob(service: PolicyService, job: LintJob, policyType: PolicyType | undefined): LintOutcome {
  const lint = lintText(service, job, policyType);
  const outcome = { problems: lint.problems.map(withoutSuggestions), policyType: lint.policyType, tooLarge: lint.tooLarge };
  return lint.host ? { ...outcome, host: lint.host } : outcome;
}

const noSuggestions: readonly never[] = Object.freeze([]);

/**
 * The CLI prints no suggestions. Dropped unread, the ones a rule builds only when asked for are never built, and
 * what they would be built from (the document's model) is not kept until the output is written.
 */
function withoutSuggestions(problem: Problem): Problem {
  const { ruleId, messageId, message, offset, length, severity, fix, tags } = problem;
  return { ruleId, messageId, message, offset, length, severity, fix, suggestions: noSuggestions, tags };
}

/** Calls `each` with every index the counter hands this thread. */
function claimJobs(next: Int32Array, total: number, each: (index: number) => void): void {
  for (;;) {
    const start = Atomics.add(next, 0, CHUNK);
    if (start >= total) return;
    for (let index = start; index < Math.min(start + CHUNK, total); index++) each(index);
  }
}

/**
 * The outcomes of every job, in job order, linted here and in `workers` threads running `workerFile` (a script that
 * calls `serveLintJobs` when it is not the main thread). A worker that fails is reported through `warn` and leaves
 * its files to the main thread.
 */
export async function lintJobs(
  service: PolicyService,
  jobs: readonly LintJob[],
  policyType: PolicyType | undefined,
  parallel: { readonly workerFile: string; readonly workers: number; readonly warn: (message: string) => void } | undefined,
): Promise<LintOutcome[]> {
  const outcomes: (LintOutcome | undefined)[] = new Array(jobs.length);
  const workers = parallel ? Math.min(parallel.workers, jobs.length - 1) : 0;
  const next = new Int32Array(new SharedArrayBuffer(4));
  const running: Promise<Outcomes>[] = [];
  for (let i = 0; i < workers; i++) {
    const input: WorkerInput = { jobs, policyType, next: next.buffer as SharedArrayBuffer };
    const worker = new Worker(parallel!.workerFile, { workerData: input, stdout: false, stderr: false });
    running.push(
      new Promise<Outcomes>((resolve) => {
        let answered = false;
        const failed = (why: string) => {
          if (answered) return;
          answered = true;
          parallel!.warn(`a worker thread stopped (${why}); its files are linted on the main thread`);
          resolve([]);
        };
        worker.once('message', (done: Outcomes) => {
          answered = true;
          resolve(done);
        });
        worker.once('error', (error) => failed(error.message));
        worker.once('exit', (code) => failed(`exit code ${code}`));
      }),
    );
  }
  claimJobs(next, jobs.length, (index) => {
    outcomes[index] = lintJob(service, jobs[index]!, policyType);
  });
  for (const done of await Promise.all(running)) for (const [index, outcome] of done) outcomes[index] = outcome;
  return jobs.map((job, index) => outcomes[index] ?? lintJob(service, job, policyType));
}

/** The worker side: lint the claimed jobs with a service of its own and send the outcomes back, once. */
export async function serveLintJobs(): Promise<void> {
  const { jobs, policyType, next } = workerData as WorkerInput;
  await prepareFiles(jobs.map((job) => job.path));
  const service = createPolicyService({ rememberStatementFindings: false, log: (message) => process.stderr.write(`${message}\n`) });
  const done: [number, LintOutcome][] = [];
  claimJobs(new Int32Array(next), jobs.length, (index) => done.push([index, lintJob(service, jobs[index]!, policyType)]));
  parentPort!.postMessage(done);
}
