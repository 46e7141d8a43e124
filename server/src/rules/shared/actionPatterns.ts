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
 * Dynamic programming over positions: O(|outer|·|inner|), no backtracking. Case-insensitive unless told otherwise
 * (actions are; resource names are not).
 */
export function patternCovers(outer: string, inner: string, options?: { ignoreCase?: boolean }): boolean {
  const ignoreCase = options?.ignoreCase !== false;
  const n = outer.length;
  const m = inner.length;
  // Cheap rejections first: the literal start of `outer` must be the literal start of `inner`, and what follows the
  // last `*` of `outer` must match the end of `inner` character for character (those positions take one each).
  let literal = 0;
  for (; literal < n; literal++) {
    const o = outer.charCodeAt(literal);
    if (o === STAR || o === QUESTION) break;
    if (literal >= m) return false;
    const c = inner.charCodeAt(literal);
    if (c === STAR || c === QUESTION || !same(o, c, ignoreCase)) return false;
  }
  // The common shapes decided here: no wildcard (the same text), or a single `*` at the end (`s3:Get*`,
  // `arn:aws:s3:::bucket/*`), which takes whatever follows the start just matched.
  if (literal === n) return m === n;
  if (literal === n - 1 && outer.charCodeAt(literal) === STAR) return true;
  for (let k = 1; k <= n; k++) {
    const o = outer.charCodeAt(n - k);
    if (o === STAR) break;
    if (k > m) return false;
    const c = inner.charCodeAt(m - k);
    if (c === STAR || (o !== QUESTION && (c === QUESTION || !same(o, c, ignoreCase)))) return false;
  }
  if (rowScratch.length < m + 1) {
    rowScratch = new Uint8Array(m + 1);
    nextScratch = new Uint8Array(m + 1);
  }
  let row = rowScratch;
  let next = nextScratch;
  row.fill(0, 0, m + 1);
  row[0] = 1;
  // Row i holds which prefixes of `inner` the first i characters of `outer` can absorb.
  for (let i = 0; i < n; i++) {
    const o = outer.charCodeAt(i);
    next.fill(0, 0, m + 1);
    let any = 0;
    if (o === STAR) {
      let reached = 0;
      for (let j = 0; j <= m; j++) {
        reached |= row[j]!;
        next[j] = reached;
      }
      any = reached;
    } else {
      for (let j = 0; j < m; j++) {
        if (!row[j]) continue;
        const c = inner.charCodeAt(j);
        if (c === STAR) continue;
        if (o === QUESTION || (c !== QUESTION && same(o, c, ignoreCase))) {
          next[j + 1] = 1;
          any = 1;
        }
      }
    }
    if (!any) return false;
    const swap = row;
    row = next;
    next = swap;
  }
  return row[m] === 1;
}

const STAR = 0x2a;
const QUESTION = 0x3f;

/** Reused rows (filled and read within one call); `row` and `next` swap, so both are kept. */
let rowScratch = new Uint8Array(64);
let nextScratch = new Uint8Array(64);

/** One UTF-16 unit against another, as `a.toLowerCase() === b.toLowerCase()` compares them when ignoring case. */
function same(a: number, b: number, ignoreCase: boolean): boolean {
  if (a === b) return true;
  if (!ignoreCase) return false;
  if (a < 0x80 && b < 0x80) return (a >= 0x41 && a <= 0x5a ? a + 0x20 : a) === (b >= 0x41 && b <= 0x5a ? b + 0x20 : b);
  return String.fromCharCode(a).toLowerCase() === String.fromCharCode(b).toLowerCase();
}
