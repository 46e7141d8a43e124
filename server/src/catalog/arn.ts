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
 * - A placeholder (`${BucketName}`, policy/placeholders.ts) is no variable: it stands for the one name the user will
 *   write there, so it matches like a plain name (one character, neither `:` nor `/`). `arn:aws:s3:::${BucketName}`
 *   names a bucket, not an object, and `${Account}` no more than one account.
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

import { isPlaceholderName } from '../policy/placeholders';
import { BoundedMemo } from './memo';

export interface ArnMatchOptions {
  /** Another format extends this one with `/…`, so its resource-part placeholders cannot contain `/`. */
  readonly hasChildPaths?: boolean;
}

/**
 * The longest ARN IAM takes: its API types ARNs as at most 2,048 characters (the largest policy AWS accepts, an
 * inline role policy, is 10,240 characters). Longer Resource values are not matched or memoised by the catalogue and
 * the rules; `arn-too-long` reports them.
 */
export const MAX_ARN_LENGTH = 2048;

/**
 * An ARN format as people read it, in messages and hovers: `arn:<Partition>:s3:::<BucketName>`. The reference's
 * `${...}` fields would read as policy variables (and as unfilled message placeholders). Text we insert into a policy
 * (fixes, suggestions, completion) keeps `${Name}`: there a field is a tab stop that unfilled-placeholder reports
 * if it is left (CONTRIBUTING.md, "How findings and hovers show ARN formats").
 */
export function displayFormat(arn: string): string {
  return arn.replace(/\$\{([^}]*)\}/g, '<$1>');
}

export function matchArn(resource: string, arnFormat: string, options: ArnMatchOptions = {}): boolean {
  return resourceMatchesFormat(resourcePattern(resource), formatPattern(arnFormat, options.hasChildPaths ?? false));
}

/**
 * A Resource value (or the resource part of one) read once, to be matched against many formats: the rules ask about
 * one value against every format of its service.
 */
export interface ResourcePattern {
  readonly text: string;
  readonly tokens: Int32Array;
  /**
   * Token indices of the first five colons when nothing before the fifth is a pattern, except a Region or account
   * field that is just `*` (as in `arn:aws:ec2:*:*:instance/*`); undefined otherwise.
   */
  readonly colons: readonly number[] | undefined;
  /** With `colons`: which of the Region (1) and account (2) fields are `*`, a run that may go on over colons. */
  readonly starFields: number;
  /** The service field in lower case when everything up to it is plain text. */
  readonly service: string | undefined;
}

/** An ARN format read once (see the module comment for what its placeholders match). */
export interface FormatPattern {
  readonly text: string;
  readonly tokens: Int32Array;
  /** Token indices of the first five colons when no field before the fifth can match a colon (no `*` there). */
  readonly colons: readonly number[] | undefined;
  /** Token index where the resource part (after the fifth colon) starts; -1 when the format has fewer fields. */
  readonly resourceStart: number;
  readonly service: string | undefined;
}

export function resourcePattern(text: string): ResourcePattern {
  const { tokens, colons, starFields } = policyTokens(text);
  return { text, tokens, colons, starFields, service: plainServiceField(text) };
}

const formatPatterns = [false, true].map(() => new BoundedMemo<FormatPattern>({ maxEntries: 10_000, maxKeyChars: 2_000_000, maxKeyLength: 4 * MAX_ARN_LENGTH }));

/** The format read once per catalogue string (the same few thousand formats are asked about all the time). */
export function formatPattern(format: string, hasChildPaths: boolean): FormatPattern {
  return formatPatterns[hasChildPaths ? 1 : 0]!.getOrCompute(format, () => {
    const { tokens, colons, resourceStart } = formatTokens(format, hasChildPaths);
    return { text: format, tokens, colons, resourceStart, service: plainServiceField(format) };
  });
}

/** Whether some concrete ARN matches both the Resource value and the format (what `matchArn` answers). */
export function resourceMatchesFormat(resource: ResourcePattern, format: FormatPattern): boolean {
  if (resource.text === '*') return true;
  // Cheap early answer for the common cross-service case: both service fields plainly written and different.
  if (resource.service !== undefined && format.service !== undefined && resource.service !== format.service) return false;
  const p = resource.tokens;
  const f = format.tokens;
  const pc = resource.colons;
  const fc = format.colons;
  if (pc && fc && resource.starFields !== REGION_STAR) {
    if (!headsMatch(resource, format)) return false;
    const pi = pc[4]! + 1;
    const fj = fc[4]! + 1;
    if (resource.starFields === 0) return intersects(p, pi, p.length, f, fj, f.length);
    // `arn:aws:ec2:*:*:instance/*` or `arn:aws:s3:us-east-1:*:...`: the account's `*` may run on over the colons
    // after it, so the policy's resource part matches the format's resource part, or what follows any colon in it.
    return reachable(p, pi, p.length, masksOf(f), fj, f.length, true);
  }
  return intersects(p, 0, p.length, f, 0, f.length);
}

/**
 * With both sides' colons known (see resourceMatchesFormat): neither side can match a colon before its fifth except
 * a policy's `*` field, so the fields [from, to) match one by one (a `*` field matches any field of the format).
 */
function headsMatch(resource: ResourcePattern, format: FormatPattern, from = 0, to = 5): boolean {
  const pc = resource.colons!;
  const fc = format.colons!;
  for (let k = from; k < to; k++) {
    const star = (k === 3 && resource.starFields & REGION_STAR) || (k === 4 && resource.starFields & ACCOUNT_STAR);
    if (!star && !intersects(resource.tokens, k === 0 ? 0 : pc[k - 1]! + 1, pc[k]!, format.tokens, k === 0 ? 0 : fc[k - 1]! + 1, fc[k]!)) return false;
  }
  return true;
}

/**
 * Whether a resource part (everything after the fifth colon, as a pattern) can name a resource of the format's
 * resource part: `matchArn('arn:p:s:::' + part, 'arn:p:s:::' + resource part of the format)`.
 */
export function resourcePartMatchesFormat(part: ResourcePattern, format: FormatPattern): boolean {
  if (format.resourceStart < 0) return false;
  return intersects(part.tokens, 0, part.tokens.length, format.tokens, format.resourceStart, format.tokens.length);
}

/**
 * Formats matched together: their resource parts laid end to end, so that one pass over a Resource value answers
 * for all of them (a service has up to a hundred formats, and the rules ask about every one).
 */
export interface FormatGroup {
  readonly formats: readonly FormatPattern[];
  /** Each format's resource part followed by one end position that takes nothing. */
  readonly tokens: Int32Array;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** For each position, the end position of its format. */
  readonly endOf: Int32Array;
  /** The positions that hold a token (not an end). */
  readonly inner: Int32Array;
  /** Per format, an id shared by formats whose fields before the resource part are the same; -1 when unknown. */
  readonly heads: readonly number[];
}

export function formatGroup(formats: readonly FormatPattern[]): FormatGroup {
  const length = formats.reduce((sum, f) => sum + (f.resourceStart < 0 ? 0 : f.tokens.length - f.resourceStart) + 1, 0);
  const tokens = new Int32Array(length);
  const endOf = new Int32Array(length);
  const inner = new Int32Array((length >> 5) + 1);
  const starts: number[] = [];
  const ends: number[] = [];
  const heads: number[] = [];
  const headIds = new Map<string, number>();
  let position = 0;
  for (const format of formats) {
    starts.push(position);
    if (format.resourceStart >= 0) {
      const part = format.tokens.subarray(format.resourceStart);
      tokens.set(part, position);
      if (part.length > 0) setBits(inner, position, position + part.length - 1);
      position += part.length;
    }
    ends.push(position);
    endOf.fill(position, starts[starts.length - 1]!, position + 1);
    position++;
    if (!format.colons) {
      heads.push(-1);
    } else {
      const key = format.tokens.subarray(0, format.resourceStart).join(',');
      if (!headIds.has(key)) headIds.set(key, headIds.size);
      heads.push(headIds.get(key)!);
    }
  }
  return { formats, tokens, starts, ends, endOf, inner, heads };
}

/** For each format of the group, `resourcePartMatchesFormat(part, format)`. */
export function resourcePartMatchesInGroup(part: ResourcePattern, group: FormatGroup): boolean[] {
  const reached = runGroup(part.tokens, 0, part.tokens.length, group, false);
  return group.formats.map((format, k) => format.resourceStart >= 0 && reached !== undefined && hasBit(reached, group.ends[k]!));
}

/** For each format of the group, `resourceMatchesFormat(resource, format)`. */
export function resourceMatchesInGroup(resource: ResourcePattern, group: FormatGroup): boolean[] {
  if (resource.text === '*') return group.formats.map(() => true);
  const pc = resource.colons;
  if (!pc) return group.formats.map((format) => resourceMatchesFormat(resource, format));
  const regionOnly = resource.starFields === REGION_STAR;
  // Formats with the same fields before the resource part get the same answer for them: ask once per kind.
  const headAnswers: boolean[] = [];
  const heads = group.formats.map((format, k) => {
    const head = group.heads[k]!;
    if (head < 0) return false;
    return (headAnswers[head] ??= headsMatch(resource, format, 0, regionOnly ? 3 : 5));
  });
  const n = resource.tokens.length;
  const ends = (reached: Int32Array | undefined): boolean[] => group.ends.map((end) => reached !== undefined && hasBit(reached, end));
  let matched: boolean[] = group.formats.map(() => false);
  if (heads.includes(true)) {
    matched = ends(runGroup(resource.tokens, pc[4]! + 1, n, group, (resource.starFields & ACCOUNT_STAR) !== 0));
    if (regionOnly) {
      // `arn:aws:apigateway:*::/restapis`: the Region's `*` may also run on over the format's account and into its
      // resource part, and then the policy's account field and resource part match the format's resource part, or
      // what follows a colon in it. Otherwise the account fields match and the resource parts do.
      const accounts: boolean[] = [];
      const direct = matched.map((m, k) => m && heads[k]! && (accounts[group.heads[k]!] ??= headsMatch(resource, group.formats[k]!, 4, 5)));
      const shifted = ends(runGroup(resource.tokens, pc[3]! + 1, n, group, true));
      matched = direct.map((d, k) => d || shifted[k]!);
    }
  }
  return group.formats.map((format, k) => (group.heads[k]! < 0 ? resourceMatchesFormat(resource, format) : heads[k]! && matched[k]!));
}

/** Group runs use their own scratch, so single-format answers asked meanwhile do not disturb them. */
let groupReached = new Int32Array(64);
let groupConsumed = new Int32Array(64);

/** The positions reached after p[pi, pn) from every format's start (see `reachable`); undefined when none is. */
function runGroup(p: Int32Array, pi: number, pn: number, group: FormatGroup, afterAnyColon: boolean): Int32Array | undefined {
  const masks = masksOf(group.tokens);
  const words = masks.words;
  if (groupReached.length < words) {
    groupReached = new Int32Array(words);
    groupConsumed = new Int32Array(words);
  }
  const reached = groupReached;
  reached.fill(0, 0, words);
  for (const start of group.starts) reached[start >> 5]! |= 1 << (start & 31);
  if (afterAnyColon) addColonSuccessors(reached, masks, group.inner, words);
  closeOverRepeats(reached, masks.repeat, group.inner, words);
  return runRows(p, pi, pn, masks, reached, groupConsumed, group.inner, words, group.endOf) ? reached : undefined;
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
  for (let i = 0; i < third; i++) {
    const c = arn.charCodeAt(i);
    if (c === STAR || c === QUESTION || c === DOLLAR) return undefined;
  }
  return arn.slice(second + 1, third).toLowerCase();
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

/*
 * One position of a pattern, packed in an integer: a set of characters (bits 1-2), taken once or repeated any number
 * of times including none (bit 0), and for a literal its character, ASCII-folded (bits 3 and up).
 */
const REPEAT = 1;
/** Any character; one given character; any character but `:`; any character but `/`. */
const ANY = 0;
const LITERAL = 1;
const NOT_COLON = 2;
const NOT_SLASH = 3;

const COLON = 0x3a;
const SLASH = 0x2f;
const STAR = 0x2a;
const QUESTION = 0x3f;
const DOLLAR = 0x24;
const OPEN_BRACE = 0x7b;
/** What a placeholder is read as: a one-letter name. */
const PLACEHOLDER_NAME = 0x78; // x

const ANY_RUN = (ANY << 1) | REPEAT;
const ANY_ONE = ANY << 1;
const literal = (code: number): number => (foldAscii(code) << 3) | (LITERAL << 1);
const kindOf = (token: number): number => (token >> 1) & 3;
const COLON_TOKEN = literal(COLON);

const REGION_STAR = 1;
const ACCOUNT_STAR = 2;

/** The policy's Resource value as tokens, and where its first five colons are (see ResourcePattern.colons). */
function policyTokens(resource: string): { tokens: Int32Array; colons: number[] | undefined; starFields: number } {
  const tokens = new Int32Array(resource.length);
  let count = 0;
  const colons: number[] = [];
  let simple = true;
  let starFields = 0;
  for (let i = 0; i < resource.length; i++) {
    const c = resource.charCodeAt(i);
    const inHead = colons.length < 5;
    if (c === STAR) {
      // While the head is simple, token indices are character indices.
      const field = colons.length;
      const wholeField = (field === 3 || field === 4) && count === colons[field - 1]! + 1 && resource.charCodeAt(i + 1) === COLON;
      if (inHead) {
        if (wholeField) starFields |= field === 3 ? REGION_STAR : ACCOUNT_STAR;
        else simple = false;
      }
      tokens[count++] = ANY_RUN;
    } else if (c === QUESTION) {
      if (inHead) simple = false;
      tokens[count++] = ANY_ONE;
    } else if (c === DOLLAR && resource.charCodeAt(i + 1) === OPEN_BRACE) {
      const close = resource.indexOf('}', i + 2);
      if (close < 0) {
        if (inHead) simple = false;
        tokens[count++] = literal(c);
        continue;
      }
      const inside = resource.slice(i + 2, close);
      if (isPlaceholderName(inside)) {
        tokens[count++] = literal(PLACEHOLDER_NAME);
        i = close;
        continue;
      }
      if (inHead) simple = false;
      // `${*}`, `${?}`, `${$}` escape the character; anything else is a variable with an unknown value.
      tokens[count++] = inside === '*' || inside === '?' || inside === '$' ? literal(inside.charCodeAt(0)) : ANY_RUN;
      i = close;
    } else {
      if (c === COLON && simple && inHead) colons.push(count);
      tokens[count++] = literal(c);
    }
  }
  const complete = simple && colons.length === 5;
  return { tokens: tokens.subarray(0, count), colons: complete ? colons : undefined, starFields: complete ? starFields : 0 };
}

/** The ARN format as tokens; placeholders become character classes by position (see the module comment). */
function formatTokens(format: string, segmentsOnly: boolean): { tokens: Int32Array; colons: number[] | undefined; resourceStart: number } {
  const tokens: number[] = [];
  const colons: number[] = [];
  let headMatchesColons = false;
  let field = 0; // 0 arn, 1 partition, 2 service, 3 region, 4 account, 5+ resource part
  for (let i = 0; i < format.length; i++) {
    const c = format.charCodeAt(i);
    const close = c === DOLLAR && format.charCodeAt(i + 1) === OPEN_BRACE ? format.indexOf('}', i + 2) : -1;
    if (close >= 0) {
      const kind = field < 5 ? NOT_COLON : segmentsOnly ? NOT_SLASH : ANY;
      if (field !== 3 && field !== 4) tokens.push(kind << 1); // at least one character
      tokens.push((kind << 1) | REPEAT);
      i = close;
    } else if (c === STAR) {
      if (field < 5) headMatchesColons = true;
      tokens.push(ANY_RUN);
    } else {
      if (c === COLON) {
        field++;
        if (colons.length < 5) colons.push(tokens.length);
      }
      tokens.push(literal(c));
    }
  }
  const complete = colons.length === 5;
  return {
    tokens: Int32Array.from(tokens),
    colons: complete && !headMatchesColons ? colons : undefined,
    resourceStart: complete ? colons[4]! + 1 : -1,
  };
}

/**
 * Whether some string is accepted by both token ranges, p[pi, pn) and f[fj, fm). Positions that take exactly one
 * character are peeled off both ends first (most mismatches show there: `instance/` against `volume/`). The rest is
 * forward reachability in the product automaton, one policy position at a time, with the reachable format positions
 * as a bit set (the format's masks are computed once per format): O(n·m/32) word steps, never exponential.
 */
function intersects(p: Int32Array, pi: number, pn: number, f: Int32Array, fj: number, fm: number): boolean {
  while (pi < pn && fj < fm) {
    const a = p[pi]!;
    const b = f[fj]!;
    if ((a | b) & REPEAT) break;
    if (!overlaps(a, b)) return false;
    pi++;
    fj++;
  }
  while (pi < pn && fj < fm) {
    const a = p[pn - 1]!;
    const b = f[fm - 1]!;
    if ((a | b) & REPEAT) break;
    if (!overlaps(a, b)) return false;
    pn--;
    fm--;
  }
  if (pi === pn) return allRepeat(f, fj, fm);
  if (fj === fm) return allRepeat(p, pi, pn);
  // A lone `*` takes anything, and every token range accepts some string.
  if ((pn - pi === 1 && p[pi] === ANY_RUN) || (fm - fj === 1 && f[fj] === ANY_RUN)) return true;
  return reachable(p, pi, pn, masksOf(f), fj, fm, false);
}

/** Per token array: which positions repeat, and which accept a given character, as bit sets (bit j: token j). */
interface TokenMasks {
  readonly words: number;
  readonly repeat: Int32Array;
  /** Positions that accept any character (`*`, and placeholders that exclude nothing). */
  readonly any: Int32Array;
  readonly notColon: Int32Array;
  readonly notSlash: Int32Array;
  /** Positions that are the literal character, by its (folded) code. */
  readonly literals: ReadonlyMap<number, Int32Array>;
}

const tokenMasks = new WeakMap<Int32Array, TokenMasks>();

function masksOf(f: Int32Array): TokenMasks {
  let masks = tokenMasks.get(f);
  if (masks) return masks;
  const words = (f.length >> 5) + 1; // one bit more than tokens: the end position
  const repeat = new Int32Array(words);
  const any = new Int32Array(words);
  const notColon = new Int32Array(words);
  const notSlash = new Int32Array(words);
  const literals = new Map<number, Int32Array>();
  for (let j = 0; j < f.length; j++) {
    const token = f[j]!;
    const word = j >> 5;
    const bit = 1 << (j & 31);
    if (token & REPEAT) repeat[word]! |= bit;
    const kind = kindOf(token);
    if (kind === ANY) any[word]! |= bit;
    else if (kind === NOT_COLON) notColon[word]! |= bit;
    else if (kind === NOT_SLASH) notSlash[word]! |= bit;
    else {
      let set = literals.get(token >> 3);
      if (!set) literals.set(token >> 3, (set = new Int32Array(words)));
      set[word]! |= bit;
    }
  }
  masks = { words, repeat, any, notColon, notSlash, literals };
  tokenMasks.set(f, masks);
  return masks;
}

/** Scratch bit sets, reused between calls (everything happens within one synchronous call). */
let reachedSet = new Int32Array(8);
let consumedSet = new Int32Array(8);
let limitSet = new Int32Array(8);

/**
 * One format's positions [fj, fm] as bits. `afterAnyColon` also starts after each colon the format can read from fj
 * on (every position is reachable by some prefix), for a policy whose `*` field may run on over those colons.
 */
function reachable(p: Int32Array, pi: number, pn: number, masks: TokenMasks, fj: number, fm: number, afterAnyColon: boolean): boolean {
  const words = (fm >> 5) + 1;
  if (reachedSet.length < words) {
    reachedSet = new Int32Array(words);
    consumedSet = new Int32Array(words);
    limitSet = new Int32Array(words);
  }
  const reached = reachedSet;
  const limit = limitSet; // positions in [fj, fm): only those take characters or nothing
  for (let w = 0; w < words; w++) {
    reached[w] = 0;
    const low = w << 5;
    limit[w] = (fm >= low + 32 ? -1 : fm <= low ? 0 : (1 << (fm - low)) - 1) & (fj >= low + 32 ? 0 : fj <= low ? -1 : -1 << (fj - low));
  }
  reached[fj >> 5] = 1 << (fj & 31);
  if (afterAnyColon) addColonSuccessors(reached, masks, limit, words);
  closeOverRepeats(reached, masks.repeat, limit, words);
  if (!runRows(p, pi, pn, masks, reached, consumedSet, limit, words, fm)) return false;
  return (reached[fm >> 5]! & (1 << (fm & 31))) !== 0;
}

/**
 * Rows are policy positions, bits are format positions. Within a row, a repeating format position may take nothing
 * (j to j+1). A policy `*` (or variable) takes any run, so every position from a reached one to the end of its format
 * (`fillTo`: that end, or each position's end in a group) is reached. Any other policy position takes one character:
 * from each reached format position that accepts it, to the next position, or to the same one when it repeats.
 * `reached` comes in closed over repeats and goes out so; false when nothing is reached any more.
 */
function runRows(
  p: Int32Array,
  pi: number,
  pn: number,
  masks: TokenMasks,
  reached: Int32Array,
  consumed: Int32Array,
  limit: Int32Array,
  words: number,
  fillTo: number | Int32Array,
): boolean {
  for (let i = pi; i < pn; i++) {
    const token = p[i]!;
    if (token === ANY_RUN) {
      let from = nextSetBit(reached, 0, words);
      if (from < 0) return false;
      while (from >= 0) {
        const to = typeof fillTo === 'number' ? fillTo : fillTo[from]!;
        setBits(reached, from, to);
        from = nextSetBit(reached, to + 1, words);
      }
      continue;
    }
    // What accepts the character, looked up once per row rather than once per word; words nothing reached (most of
    // them in a group of many formats, after the first few characters) are skipped.
    const code = token >> 3;
    const anyOne = token === ANY_ONE;
    const literal = anyOne ? undefined : masks.literals.get(code);
    const notColon = code !== COLON;
    const notSlash = code !== SLASH;
    let any = 0;
    for (let w = 0; w < words; w++) {
      const from = reached[w]!;
      if (from === 0) {
        consumed[w] = 0;
        continue;
      }
      let accepts = -1;
      if (!anyOne) {
        accepts = masks.any[w]!;
        if (notColon) accepts |= masks.notColon[w]!;
        if (notSlash) accepts |= masks.notSlash[w]!;
        if (literal) accepts |= literal[w]!;
      }
      consumed[w] = from & accepts & limit[w]!;
      any |= consumed[w]!;
    }
    if (any === 0) return false;
    // Advance past the non-repeating positions that took the character; repeating ones stay.
    let carry = 0;
    for (let w = 0; w < words; w++) {
      const moved = consumed[w]! & ~masks.repeat[w]!;
      reached[w] = (moved << 1) | carry | (consumed[w]! & masks.repeat[w]!);
      carry = moved >>> 31;
    }
    closeOverRepeats(reached, masks.repeat, limit, words);
  }
  return true;
}

/** The format positions (one word of them) that accept the policy's literal character. */
function acceptsWord(masks: TokenMasks, token: number, w: number): number {
  const code = token >> 3;
  let accepts = masks.any[w]!;
  if (code !== COLON) accepts |= masks.notColon[w]!;
  if (code !== SLASH) accepts |= masks.notSlash[w]!;
  const literal = masks.literals.get(code);
  return literal ? accepts | literal[w]! : accepts;
}

/** Adds the position after each position within `limit` that can read a colon (the same one where it repeats). */
function addColonSuccessors(reached: Int32Array, masks: TokenMasks, limit: Int32Array, words: number): void {
  let carry = 0;
  for (let w = 0; w < words; w++) {
    const colon = acceptsWord(masks, COLON_TOKEN, w) & limit[w]!;
    const moved = colon & ~masks.repeat[w]!;
    reached[w]! |= (moved << 1) | carry | (colon & masks.repeat[w]!);
    carry = moved >>> 31;
  }
}

/** Adds j+1 for every reached j within `limit` whose position repeats (it may take nothing), until nothing changes. */
function closeOverRepeats(reached: Int32Array, repeat: Int32Array, limit: Int32Array, words: number): void {
  for (;;) {
    let changed = 0;
    let carry = 0;
    for (let w = 0; w < words; w++) {
      const skip = reached[w]! & repeat[w]! & limit[w]!;
      const next = (skip << 1) | carry;
      carry = skip >>> 31;
      changed |= next & ~reached[w]!;
      reached[w]! |= next;
    }
    if (changed === 0) return;
  }
}

function nextSetBit(bits: Int32Array, from: number, words: number): number {
  let w = from >> 5;
  if (w >= words) return -1;
  let word = bits[w]! & (-1 << (from & 31));
  for (;;) {
    if (word !== 0) return (w << 5) + 31 - Math.clz32(word & -word);
    if (++w >= words) return -1;
    word = bits[w]!;
  }
}

/** Sets bits from..to, both included. */
function setBits(bits: Int32Array, from: number, to: number): void {
  const first = from >> 5;
  const last = to >> 5;
  for (let w = first; w <= last; w++) {
    const low = w === first ? from & 31 : 0;
    const high = w === last ? to & 31 : 31;
    bits[w]! |= (high === 31 ? -1 : (1 << (high + 1)) - 1) & (-1 << low);
  }
}

function hasBit(bits: Int32Array, position: number): boolean {
  return (bits[position >> 5]! & (1 << (position & 31))) !== 0;
}

/** Whether the range accepts the empty string. */
function allRepeat(tokens: Int32Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!(tokens[i]! & REPEAT)) return false;
  return true;
}

/** Whether one character can satisfy both positions. Classes exclude one character each, so two always meet. */
function overlaps(a: number, b: number): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === ANY || kb === ANY) return true;
  if (ka === LITERAL) return kb === LITERAL ? a >> 3 === b >> 3 : a >> 3 !== excludedBy(kb);
  if (kb === LITERAL) return b >> 3 !== excludedBy(ka);
  return true;
}

function excludedBy(kind: number): number {
  return kind === NOT_COLON ? COLON : SLASH;
}

function foldAscii(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}
