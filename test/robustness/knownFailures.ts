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
    // rules/stringOffsets.ts maps each variable of a string back to the document by walking the whole string again,
    // so the variable rules are quadratic in the number of variables in one string (2,000 in 30 KB: ~3 s).
    id: 'K4 policy variable rules are quadratic in one string',
    matches: (f, text) => / took over /.test(f.check) && occurrences(text, '${', 300),
    avoid: (text) => occurrences(text, '${', 300),
  },
  {
    // A Resource value is matched against every ARN format of its service (and more), each match linear in its
    // length, and the answers are memoised under keys that contain the whole value (arnFormats.ts, catalog.ts): a
    // 20 KB ARN costs ~1 s per validation and ~4.5 MB of heap per edit until a cache reaches 20,000 entries.
    id: 'K5 long ARNs: slow validation and memo caches that grow with the value',
    matches: (f, text) => / took over /.test(f.check) && longArn.test(text),
    avoid: (text) => longArn.test(text),
  },
  {
    // vscode-json-languageservice completes a key over the whole string token, and a backslash before a line break
    // continues a JSON string on the next line: the edit range then spans two lines, which VS Code rejects.
    id: 'K12 completion edit ranges over two lines after a backslash-escaped line break',
    matches: (f, text) => f.check === 'completion edit range is not on the requested line' && /\\[\r\n]/.test(text),
  },
  {
    // Rules read the first of duplicate keys; a fix that removes that one lets the second count.
    id: 'K13 a fix removes the first of duplicate keys and the second one counts',
    matches: (f) => / adds an error$/.test(f.check) && f.detail.includes('(the input has duplicate keys)'),
  },
];

/** A string that starts like an ARN and runs past 2,048 characters (a third of the largest managed policy AWS accepts). */
const longArn = /"arn:[^"]{2048}/;

/** Whether `needle` occurs more than `limit` times (stops counting there). */
function occurrences(text: string, needle: string, limit: number): boolean {
  let count = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) if (++count > limit) return true;
  return false;
}

/** The known failure an input would run into and is kept out of the run, if any. */
export function avoidedFor(text: string): KnownFailure | undefined {
  if (process.env.IAM_FUZZ_STRICT === '1') return undefined;
  return knownFailures.find((known) => known.avoid?.(text));
}

export function knownFailureOf(failure: Failure, text: string): KnownFailure | undefined {
  if (process.env.IAM_FUZZ_STRICT === '1') return undefined;
  return knownFailures.find((known) => known.matches(failure, text));
}
