/**
 * "Can some concrete ARN match both?" — a Resource value from a policy against an ARN format from the Service
 * Authorization Reference.
 *
 * Both sides are read as patterns over characters and intersected (a product automaton, dynamic programming over
 * pairs of positions: O(n·m), never exponential). The semantics lean towards "match" wherever IAM or the reference
 * is loose, because a false "no match" would make the resource-mismatch lint fire on valid policies:
 *
 * Policy side
 * - `*` matches any run of characters, `:` and `/` included (IAM lets `arn:aws:s3:::*` and even `arn:*` through);
 *   `?` matches exactly one character.
 * - A policy variable (`${aws:username}`, `${aws:PrincipalTag/team}`, `${aws:username, 'default'}`) stands for an
 *   arbitrary value, so it matches like `*`. `${*}`, `${?}` and `${$}` are the literal characters.
 *
 * Format side
 * - `${Partition}` and a service placeholder match one or more characters without `:`; a placeholder that fills the
 *   region or account field matches zero or more (lenient: the reference is not always exact about regionless or
 *   accountless ARNs). A `*` written in a format matches anything.
 * - Placeholders in the resource part match one or more characters of any kind, because many names really contain
 *   `/` or `:` (role paths, log groups, ECR repositories, S3 keys, SSM parameters, secrets).
 * - One exception, which the data dictates: when another format is this one followed by `/…` (bucket vs
 *   bucket/object, table vs table/index, apps/${AppId} vs apps/${AppId}/branches/…), this format heads a `/`
 *   hierarchy and its resource-part placeholders are single path segments that cannot contain `/`: a `/` after a
 *   name addresses a child resource. That is what tells `arn:aws:s3:::b/*` apart from the bucket format. In the
 *   current data all 154 such formats use IDs and names that never contain `/`; names that do (role paths, log
 *   groups, ECR repositories, S3 keys) sit in formats without children. The catalogue computes the parents (see
 *   `formatsWithChildPaths`) and passes `hasChildPaths`.
 * - Literal characters compare without regard to ASCII case (a case slip is a different lint's business).
 */

export interface ArnMatchOptions {
  /** Another format extends this one with `/…`, so its resource-part placeholders cannot contain `/`. */
  readonly hasChildPaths?: boolean;
}

export function matchArn(resource: string, arnFormat: string, options: ArnMatchOptions = {}): boolean {
  if (resource === '*') return true;
  // Cheap early answer for the common cross-service case: both service fields plainly written and different.
  const policyService = plainServiceField(resource);
  const formatService = plainServiceField(arnFormat);
  if (policyService !== undefined && formatService !== undefined && policyService !== formatService) return false;
  return intersects(policyTokens(resource), formatTokens(arnFormat, options.hasChildPaths ?? false));
}

/**
 * The formats among `formats` that head a `/` hierarchy: they end with a placeholder and some other format equals
 * them followed by `/…`. Placeholder names are ignored in the comparison (`table/${TableName}` is the parent of
 * `table/${Table}/index/${IndexName}`).
 */
export function formatsWithChildPaths(formats: Iterable<string>): Set<string> {
  const unique = new Set(formats);
  const shapes = [...new Set([...unique].map(shapeOf))].sort();
  const parents = new Set<string>();
  for (const format of unique) {
    if (!format.endsWith('}')) continue;
    const prefix = `${shapeOf(format)}/`;
    const at = lowerBound(shapes, prefix);
    if (at < shapes.length && shapes[at]!.startsWith(prefix)) parents.add(format);
  }
  return parents;
}

/** The third field (service) in lower case when everything up to it is free of wildcards and variables. */
function plainServiceField(arn: string): string | undefined {
  const first = arn.indexOf(':');
  const second = arn.indexOf(':', first + 1);
  const third = arn.indexOf(':', second + 1);
  if (first < 0 || second < 0 || third < 0) return undefined;
  const head = arn.slice(0, third);
  return /[*?$]/.test(head) ? undefined : head.slice(second + 1).toLowerCase();
}

const shapeOf = (format: string): string => format.replace(/\$\{[^}]*\}/g, '${}');

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** One position of a pattern: a set of characters, taken once or repeated any number of times (including none). */
interface Token {
  readonly kind: CharKind;
  /** The character for LITERAL (ASCII-folded), unused otherwise. */
  readonly code: number;
  /** Characters a CLASS excludes. */
  readonly excludes: readonly number[];
  readonly repeat: boolean;
}

/** Any character; one given character; any character but a few. */
type CharKind = typeof ANY | typeof LITERAL | typeof CLASS;
const ANY = 0;
const LITERAL = 1;
const CLASS = 2;

const COLON = 0x3a;
const SLASH = 0x2f;
const anyRun: Token = { kind: ANY, code: 0, excludes: [], repeat: true };
const anyOne: Token = { kind: ANY, code: 0, excludes: [], repeat: false };
const literal = (code: number): Token => ({ kind: LITERAL, code: foldAscii(code), excludes: [], repeat: false });
const classOf = (excludes: readonly number[], repeat: boolean): Token =>
  excludes.length === 0
    ? { ...anyOne, repeat }
    : { kind: CLASS, code: 0, excludes, repeat };

/** The policy's Resource value as tokens. */
function policyTokens(resource: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < resource.length; i++) {
    const c = resource.charCodeAt(i);
    if (c === 0x2a /* * */) {
      tokens.push(anyRun);
    } else if (c === 0x3f /* ? */) {
      tokens.push(anyOne);
    } else if (c === 0x24 /* $ */ && resource.charCodeAt(i + 1) === 0x7b /* { */) {
      const close = resource.indexOf('}', i + 2);
      if (close < 0) {
        tokens.push(literal(c));
        continue;
      }
      const inside = resource.slice(i + 2, close);
      // `${*}`, `${?}`, `${$}` escape the character; anything else is a variable with an unknown value.
      tokens.push(inside === '*' || inside === '?' || inside === '$' ? literal(inside.charCodeAt(0)) : anyRun);
      i = close;
    } else {
      tokens.push(literal(c));
    }
  }
  return tokens;
}

const formatCache = new Map<string, Token[]>();

/** The ARN format as tokens; placeholders become character classes by position (see the module comment). */
function formatTokens(format: string, segmentsOnly: boolean): Token[] {
  const cacheKey = segmentsOnly ? `/${format}` : format;
  const cached = formatCache.get(cacheKey);
  if (cached) return cached;

  const tokens: Token[] = [];
  let field = 0; // 0 arn, 1 partition, 2 service, 3 region, 4 account, 5+ resource part
  for (let i = 0; i < format.length; i++) {
    const c = format.charCodeAt(i);
    const close = c === 0x24 && format.charCodeAt(i + 1) === 0x7b ? format.indexOf('}', i + 2) : -1;
    if (close >= 0) {
      const excludes = field < 5 ? [COLON] : segmentsOnly ? [SLASH] : [];
      if (field !== 3 && field !== 4) tokens.push(classOf(excludes, false)); // at least one character
      tokens.push(classOf(excludes, true));
      i = close;
    } else if (c === 0x2a) {
      tokens.push(anyRun);
    } else {
      if (c === COLON) field++;
      tokens.push(literal(c));
    }
  }
  if (formatCache.size > 5000) formatCache.clear();
  formatCache.set(cacheKey, tokens);
  return tokens;
}

/** Reused between calls: the table is filled and read within one synchronous call. */
let scratch = new Uint8Array(4096);

/** Whether some string is accepted by both token sequences. Forward reachability over (i, j) in row-major order. */
function intersects(policy: readonly Token[], format: readonly Token[]): boolean {
  const n = policy.length;
  const m = format.length;
  const width = m + 1;
  const size = (n + 1) * width;
  if (scratch.length < size) scratch = new Uint8Array(Math.max(size, scratch.length * 2));
  const reached = scratch;
  reached.fill(0, 0, size);
  reached[0] = 1;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (!reached[i * width + j]) continue;
      if (i === n && j === m) return true;
      const p = i < n ? policy[i]! : undefined;
      const f = j < m ? format[j]! : undefined;
      if (p?.repeat) reached[(i + 1) * width + j] = 1; // the policy's `*` takes nothing more
      if (f?.repeat) reached[i * width + j + 1] = 1; // the format's run takes nothing more
      if (p && f && overlaps(p, f)) {
        const ni = p.repeat ? i : i + 1;
        const nj = f.repeat ? j : j + 1;
        if (ni !== i || nj !== j) reached[ni * width + nj] = 1;
      }
    }
  }
  return false;
}

/** Whether one character can satisfy both positions. Classes exclude only a few characters, so two always meet. */
function overlaps(a: Token, b: Token): boolean {
  if (a.kind === ANY || b.kind === ANY) return true;
  if (a.kind === LITERAL && b.kind === LITERAL) return a.code === b.code;
  if (a.kind === LITERAL) return !b.excludes.includes(a.code);
  if (b.kind === LITERAL) return !a.excludes.includes(b.code);
  return true;
}

function foldAscii(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}
