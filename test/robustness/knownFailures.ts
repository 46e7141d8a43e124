/**
 * Failures the fuzzers have found that are reported but not fixed yet (test/robustness/known-failures.md has the
 * repro and the stack of each). The seeded run counts them instead of failing, so `npm test` stays green while the
 * owner fixes them; `IAM_FUZZ_STRICT=1` turns them back into failures. Remove an entry when its fix lands: the run
 * then fails if the failure comes back.
 */
import type { Failure } from './serviceChecks';

export interface KnownFailure {
  /** The heading of its entry in known-failures.md. */
  readonly id: string;
  /** Whether a failure (of the case whose input is `text`) is this one. */
  matches(failure: Failure, text: string): boolean;
  /** Inputs not to run at all while the failure stands (a slow case would eat the run's time budget). */
  avoid?(text: string): boolean;
}

// None stands (K14-K17 were fixed; known-failures.md keeps their history). Add an entry when a run finds a new one.
export const knownFailures: readonly KnownFailure[] = [];

/** The known failure an input would run into and is kept out of the run, if any. */
export function avoidedFor(text: string): KnownFailure | undefined {
  if (process.env.IAM_FUZZ_STRICT === '1') return undefined;
  return knownFailures.find((known) => known.avoid?.(text));
}

export function knownFailureOf(failure: Failure, text: string): KnownFailure | undefined {
  if (process.env.IAM_FUZZ_STRICT === '1') return undefined;
  return knownFailures.find((known) => known.matches(failure, text));
}
