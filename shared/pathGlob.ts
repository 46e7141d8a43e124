/**
 * Path globs of the settings (`iamPolicy.policyTypes`, `iamPolicy.filePatterns`), matched in the server and in the
 * extension host. A workspace can ship both the settings and the file names, so matching must never take long: no
 * regular expression is built from the glob, and nothing backtracks more than once (known failure K10: minimatch
 * turned extglobs into backtracking regular expressions that took seconds, growing threefold per two characters).
 *
 * Syntax, as in VS Code's own glob settings (`files.associations`, `search.exclude`):
 * - `/` separates folders; `**` as a whole segment matches any number of folders (none included);
 * - `*` matches any run of characters within one segment, `?` one character;
 * - `[abc]`, `[a-z]`, `[!a-z]` (or `[^a-z]`) one character of (or not of) a set;
 * - `{a,b}` either alternative (nested braces too);
 * - `\` makes the next character literal (the "Choose policy type" command escapes file names this way).
 * Everything else is a plain character, including extglob syntax (`+(a|b)`, `@(...)`, `!(...)`), a leading `!`,
 * `{1..3}` ranges and `[[:alpha:]]` classes, which minimatch used to read. Braces that would expand to more than
 * `maxAlternatives` globs are plain characters too.
 *
 * Cost: a segment is matched with the classic two-pointer wildcard algorithm (a `*` that fails to extend is retried
 * one character further, never more), and the segments the same way around `**`: O(path × glob) at worst.
 */

export interface PathGlobOptions {
  /** Compare without regard to case (the server: file systems on macOS and Windows are case-insensitive). */
  readonly ignoreCase?: boolean;
  /** A glob without `/` is matched against the last segment of the path (the file name). */
  readonly matchBase?: boolean;
}

/** Brace alternatives a glob may expand to (and characters expanding it may take) before its braces are plain. */
export const maxAlternatives = 256;
const maxExpandedLength = 1_000_000;

/** One character of a segment pattern: a literal code unit, `?`, `*`, or a set. */
type Token = number | typeof ANY | typeof STAR | CharSet;
const ANY = -1;
const STAR = -2;

interface CharSet {
  readonly negated: boolean;
  /** Inclusive code-unit ranges (a single character is a range of one). */
  readonly ranges: readonly (readonly [number, number])[];
}

/** A segment of a glob: `**`, any one segment, or the tokens of one folder or file name. */
type Segment = typeof GLOBSTAR | typeof ONE_SEGMENT | readonly Token[];
const GLOBSTAR = 'globstar';
const ONE_SEGMENT = 'one segment';

/** A compiled glob: a function of the path (folders separated by `/`). */
export type PathMatcher = (path: string) => boolean;

const compiled = new Map<string, PathMatcher>();

/** The matcher of a glob, compiled once (settings are matched for every validation, hover and code action). */
export function compilePathGlob(glob: string, options: PathGlobOptions = {}): PathMatcher {
  const key = `${options.ignoreCase ? 'i' : '-'}${options.matchBase ? 'b' : '-'}${glob}`;
  let matcher = compiled.get(key);
  if (!matcher) {
    matcher = compile(glob, options);
    if (compiled.size >= 1_000) compiled.clear(); // settings edited many times in a long-lived process
    compiled.set(key, matcher);
  }
  return matcher;
}

export function matchPathGlob(glob: string, path: string, options: PathGlobOptions = {}): boolean {
  return compilePathGlob(glob, options)(path);
}

/** A glob that matches exactly this path: every character with a meaning is escaped. */
export function escapePathGlob(path: string): string {
  return path.replace(/[\\*?[\]{}]/g, '\\$&');
}

function compile(glob: string, options: PathGlobOptions): PathMatcher {
  const ignoreCase = options.ignoreCase ?? false;
  const source = ignoreCase ? glob.toLowerCase() : glob;
  const alternatives = expandBraces(source).map((alternative) => withTrailingGlobstar(segmentsOf(alternative)));
  // As minimatch's matchBase: decided on the glob as written.
  const baseOnly = (options.matchBase ?? false) && !glob.includes('/');
  return (path) => {
    let subject = ignoreCase ? path.toLowerCase() : path;
    if (baseOnly) subject = subject.slice(subject.lastIndexOf('/') + 1);
    const segments = subject.split('/');
    return alternatives.some((pattern) => matchSegments(pattern, segments));
  };
}

// --- braces -----------------------------------------------------------------------------------------------------

interface Budget {
  /** Globs the expansion may still produce. */
  alternatives: number;
  /** Characters it may still produce and scan (nested groups are scanned once per level). */
  characters: number;
}

/** The glob with its `{a,b}` groups expanded, or the glob itself when the expansion would be too large. */
function expandBraces(glob: string): string[] {
  return expand(glob, { alternatives: maxAlternatives, characters: maxExpandedLength }) ?? [glob];
}

/** Undefined when the budget runs out. */
function expand(glob: string, budget: Budget): string[] | undefined {
  budget.characters -= glob.length;
  if (budget.characters < 0) return undefined;
  const group = firstGroup(glob);
  if (!group) return [glob];
  // Groups before this one have no comma (plain characters), so the prefix needs no expansion.
  const prefix = glob.slice(0, group.open);
  const suffixes = expand(glob.slice(group.close + 1), budget);
  if (!suffixes) return undefined;
  const results: string[] = [];
  for (const alternative of group.alternatives) {
    const expanded = expand(alternative, budget);
    if (!expanded) return undefined;
    for (const middle of expanded) {
      for (const suffix of suffixes) {
        if (results.length >= budget.alternatives) return undefined;
        const result = prefix + middle + suffix;
        budget.characters -= result.length;
        if (budget.characters < 0) return undefined;
        results.push(result);
      }
    }
  }
  return results;
}

/**
 * The leftmost `{...}` with a comma at its own level, and its alternatives; one pass, matching braces on a stack.
 * A `{` without a matching `}`, or without a comma (`{a}`), is a plain character.
 */
function firstGroup(glob: string): { open: number; close: number; alternatives: string[] } | undefined {
  const open: { at: number; commas: number[] }[] = [];
  let best: { open: number; close: number; commas: number[] } | undefined;
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === OPEN_BRACE) open.push({ at: i, commas: [] });
    else if (c === COMMA) open[open.length - 1]?.commas.push(i);
    else if (c === CLOSE_BRACE) {
      const group = open.pop();
      if (group && group.commas.length > 0 && (!best || group.at < best.open)) best = { open: group.at, close: i, commas: group.commas };
    }
  }
  if (!best) return undefined;
  const bounds = [best.open, ...best.commas, best.close];
  return { open: best.open, close: best.close, alternatives: bounds.slice(1).map((end, k) => glob.slice(bounds[k]! + 1, end)) };
}

/** The glob's segments; `a//b` is `a/b` (an empty alternative, `{x/,}y`, leaves such gaps), as minimatch has it. */
function segmentsOf(glob: string): Segment[] {
  const parts = glob.split('/');
  return parts.filter((part, i) => part !== '' || i === 0 || i === parts.length - 1).map(parseSegment);
}

/**
 * A `**` at the end takes at least one segment (`a/**` matches `a/b` and `a/`, not `a`), as minimatch has it; one in
 * front or in the middle may take none. So the trailing one becomes "any one segment, then any number".
 */
function withTrailingGlobstar(segments: Segment[]): Segment[] {
  if (segments[segments.length - 1] !== GLOBSTAR) return segments;
  let end = segments.length;
  while (end > 0 && segments[end - 1] === GLOBSTAR) end--;
  return [...segments.slice(0, end), ONE_SEGMENT, GLOBSTAR];
}

// --- segments ---------------------------------------------------------------------------------------------------

function parseSegment(text: string): Segment {
  if (text === '**') return GLOBSTAR;
  const tokens: Token[] = [];
  // Once a `[` is not closed, no later one is (the scan saw every `]` after it): they are plain, and never rescanned.
  let setsClose = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH && i + 1 < text.length) tokens.push(text.charCodeAt(++i));
    else if (c === STAR_CHAR) {
      if (tokens[tokens.length - 1] !== STAR) tokens.push(STAR); // `**` inside a name is one `*`
    } else if (c === QUESTION) tokens.push(ANY);
    else if (c === OPEN_BRACKET && setsClose) {
      const set = parseSet(text, i);
      if (set) {
        tokens.push(set.set);
        i = set.end;
      } else {
        setsClose = false;
        tokens.push(c); // no closing `]`: a plain `[`
      }
    } else tokens.push(c);
  }
  return tokens;
}

/** The set starting at `[` (index `open`) and the index of its `]`, or undefined when it is not closed. */
function parseSet(text: string, open: number): { set: CharSet; end: number } | undefined {
  let i = open + 1;
  const negated = text[i] === '!' || text[i] === '^';
  if (negated) i++;
  const ranges: [number, number][] = [];
  const first = i;
  for (; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c === CLOSE_BRACKET && i > first) return { set: { negated, ranges }, end: i };
    if (c === BACKSLASH && i + 1 < text.length) c = text.charCodeAt(++i);
    // A range `a-z` (a `-` first or last is a plain `-`).
    if (text[i + 1] === '-' && i + 2 < text.length && text.charCodeAt(i + 2) !== CLOSE_BRACKET) {
      let to = text.charCodeAt(i + 2);
      i += 2;
      if (to === BACKSLASH && i + 1 < text.length) to = text.charCodeAt(++i);
      if (c <= to) ranges.push([c, to]);
    } else ranges.push([c, c]);
  }
  return undefined;
}

function inSet(set: CharSet, c: number): boolean {
  let found = false;
  for (const [from, to] of set.ranges) {
    if (c >= from && c <= to) {
      found = true;
      break;
    }
  }
  return found !== set.negated;
}

function tokenMatches(token: Token, c: number): boolean {
  if (typeof token === 'number') return token === ANY || token === c;
  return inSet(token, c);
}

/**
 * The matching both levels share: `count` items against `length` pattern entries, where a star entry matches any run
 * of items. Two pointers, and on a mismatch back to just after the last star, one item further: linear in
 * pattern × items, never exponential.
 */
function matchWithStars(length: number, count: number, isStar: (p: number) => boolean, matches: (p: number, i: number) => boolean): boolean {
  let p = 0;
  let i = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (i < count) {
    if (p < length && isStar(p)) {
      starAt = p++;
      resumeAt = i;
    } else if (p < length && matches(p, i)) {
      p++;
      i++;
    } else if (starAt >= 0) {
      p = starAt + 1;
      i = ++resumeAt;
    } else return false;
  }
  while (p < length && isStar(p)) p++;
  return p === length;
}

/**
 * A name against a segment's tokens, `*` as the star. An empty name (the start of an absolute path, `a//b`) is
 * matched by an empty segment only, not by `*`.
 */
function matchName(tokens: readonly Token[], name: string): boolean {
  if (name === '') return tokens.length === 0;
  return matchWithStars(
    tokens.length,
    name.length,
    (t) => tokens[t] === STAR,
    (t, n) => tokenMatches(tokens[t]!, name.charCodeAt(n)),
  );
}

/** Path segments against glob segments, `**` as the star and a name per segment. */
function matchSegments(pattern: readonly Segment[], segments: readonly string[]): boolean {
  return matchWithStars(
    pattern.length,
    segments.length,
    (p) => pattern[p] === GLOBSTAR,
    (p, s) => {
      const segment = pattern[p]!;
      return segment === ONE_SEGMENT || (segment !== GLOBSTAR && matchName(segment, segments[s]!));
    },
  );
}

const BACKSLASH = 0x5c;
const STAR_CHAR = 0x2a;
const QUESTION = 0x3f;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
