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

export const knownFailures: readonly KnownFailure[] = [
  {
    // service/codeActions.ts pairs every requested diagnostic with every problem (converting each problem's range
    // for each pair): quadratic when thousands of findings of one rule are all requested (8,000: ~1 s).
    id: 'K15 code actions for thousands of diagnostics are quadratic',
    matches: (f) => /^codeActions took over /.test(f.check),
  },
  {
    // missing-version's safe fix adds `"Version": "2012-10-17"` (23 characters) to a policy just under its size quota.
    id: 'K16 adding Version pushes a policy just under its size quota over it',
    matches: (f) => / adds an error$/.test(f.check) && / adds policy-size-exceeds-[a-z-]+-quota/.test(f.detail),
  },
  {
    // principalKind (rules/principals.ts) returns an unknown Principal key as a kind, so once a fix makes the action
    // valid, mismatched-action-for-principal judges it against a kind no action has.
    id: 'K17 mismatched-action-for-principal judges actions against unknown Principal keys',
    matches: (f) => / adds an error$/.test(f.check) && / adds mismatched-action-for-principal/.test(f.detail),
  },
];

/** The known failure an input would run into and is kept out of the run, if any. */
export function avoidedFor(text: string): KnownFailure | undefined {
  if (process.env.IAM_FUZZ_STRICT === '1') return undefined;
  return knownFailures.find((known) => known.avoid?.(text));
}

export function knownFailureOf(failure: Failure, text: string): KnownFailure | undefined {
  if (process.env.IAM_FUZZ_STRICT === '1') return undefined;
  return knownFailures.find((known) => known.matches(failure, text));
}
