/**
 * Action strings as IAM reads them: `service:ActionName`, both parts case-insensitive, `*` and `?` as wildcards.
 */
export interface ActionParts {
  /** The service prefix as written, e.g. `s3` or `S3` or `s3*`. */
  readonly service: string;
  /** The action name as written, e.g. `GetObject` or `Get*`. */
  readonly name: string;
}

/** Splits at the first colon; undefined when there is none. */
export function splitAction(value: string): ActionParts | undefined {
  const colon = value.indexOf(':');
  return colon < 0 ? undefined : { service: value.slice(0, colon), name: value.slice(colon + 1) };
}

/**
 * Whether every action `inner` can stand for is also matched by `outer`, now and for actions AWS adds later:
 * a question about the patterns, not about today's catalogue. Decided by matching `inner` as text against `outer`,
 * where a wildcard of `inner` can only be absorbed by a `*` of `outer` (or a `?` by a `?`). That is sound (never
 * claims a cover that does not hold) and covers the cases people write (`s3:Get*` over `s3:GetObject*`).
 * Matched as a glob: the text before `outer`'s first `*` starts `inner`, the text after its last `*` ends it, and
 * each part between two stars is placed at its leftmost fit after the part before. The leftmost fit leaves the most
 * room for the parts after it, so when it fails every placement does: the same answer as matching position by
 * position (test/service/patternCovers.test.ts keeps that as the reference), in about one pass over `inner` where
 * the position-by-position table took |outer|·|inner| steps for every pair (a Resource list of 90 `arn:aws:ssm:*…`
 * patterns: 11.7 → 2.3 ms). Case-insensitive unless told otherwise (actions are; resource names are not).
 */
export function patternCovers(outer: string, inner: string, options?: { ignoreCase?: boolean }): boolean {
  const ignoreCase = options?.ignoreCase !== false;
  const n = outer.length;
  const m = inner.length;
  const first = outer.indexOf('*');
  if (first < 0) return n === m && partFits(outer, 0, n, inner, 0, ignoreCase);
  const last = outer.lastIndexOf('*');
  const end = m - (n - last - 1);
  if (end < first || !partFits(outer, 0, first, inner, 0, ignoreCase) || !partFits(outer, last + 1, n, inner, end, ignoreCase)) return false;
  let from = first;
  for (let start = first + 1; start <= last; ) {
    const stop = outer.indexOf('*', start);
    const length = stop - start;
    if (length > 0) {
      let at = from;
      while (at + length <= end && !partFits(outer, start, stop, inner, at, ignoreCase)) at++;
      if (at + length > end) return false;
      from = at + length;
    }
    start = stop + 1;
  }
  return true;
}

/**
 * Whether outer[start, stop), which holds no `*`, matches `inner` from `at` character for character: a `?` takes
 * any one character but `*`; another character only itself (not a wildcard of `inner`).
 */
function partFits(outer: string, start: number, stop: number, inner: string, at: number, ignoreCase: boolean): boolean {
  for (let i = start; i < stop; i++) {
    const o = outer.charCodeAt(i);
    const c = inner.charCodeAt(at + i - start);
    if (c === STAR || (o !== QUESTION && (c === QUESTION || !same(o, c, ignoreCase)))) return false;
  }
  return true;
}

const STAR = 0x2a;
const QUESTION = 0x3f;

/** One UTF-16 unit against another, as `a.toLowerCase() === b.toLowerCase()` compares them when ignoring case. */
function same(a: number, b: number, ignoreCase: boolean): boolean {
  if (a === b) return true;
  if (!ignoreCase) return false;
  if (a < 0x80 && b < 0x80) return (a >= 0x41 && a <= 0x5a ? a + 0x20 : a) === (b >= 0x41 && b <= 0x5a ? b + 0x20 : b);
  return String.fromCharCode(a).toLowerCase() === String.fromCharCode(b).toLowerCase();
}
