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
export function patternCovers(outer: string, inner: string, options: { ignoreCase?: boolean } = {}): boolean {
  const same = options.ignoreCase === false ? (a: string, b: string) => a === b : (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const n = outer.length;
  const m = inner.length;
  // Cheap rejection first: the literal start of `outer` must be the literal start of `inner`.
  for (let k = 0; k < n && outer[k] !== '*' && outer[k] !== '?'; k++) {
    if (k >= m || inner[k] === '*' || inner[k] === '?' || !same(outer[k]!, inner[k]!)) return false;
  }
  let row = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);
  row[0] = 1;
  // Row i holds which prefixes of `inner` the first i characters of `outer` can absorb.
  for (let i = 0; i < n; i++) {
    const o = outer[i]!;
    next.fill(0);
    let any = 0;
    if (o === '*') {
      let reached = 0;
      for (let j = 0; j <= m; j++) {
        reached |= row[j]!;
        next[j] = reached;
      }
      any = reached;
    } else {
      for (let j = 0; j < m; j++) {
        if (!row[j]) continue;
        const c = inner[j]!;
        if (c === '*') continue;
        if (o === '?' || (c !== '?' && same(o, c))) {
          next[j + 1] = 1;
          any = 1;
        }
      }
    }
    if (!any) return false;
    [row, next] = [next, row];
  }
  return row[m] === 1;
}
