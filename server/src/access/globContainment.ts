/**
 * Set questions about IAM's glob patterns (`*` any run of characters, `?` one character), answered exactly: is there
 * a string that every pattern of some lists matches and no pattern of others does? "Is A covered by B ∪ C" is "no
 * such string for must [A], mustNot [B, C]"; a NotResource list on either side moves its patterns to the other
 * side. The search runs over the product of the patterns' automata, subset-determinised, with an alphabet of the
 * characters the patterns name plus one stand-in for every other character, so it is complete, not a heuristic.
 *
 * A policy variable (`${aws:username}`) is one opaque symbol: only `*` matches it, or the same variable written in
 * the other pattern. Whatever the request's value, it is the same on both sides of one request, so a containment
 * proved with the symbol holds for every value (`?` must not match it: the value may be longer than one character).
 */
import { findVariables } from '../policy/variables';

export type GlobToken =
  | { readonly kind: 'star' }
  | { readonly kind: 'one' }
  /** A literal character, or (for policy variables and computed host values) a symbol: a string of length > 1. */
  | { readonly kind: 'symbol'; readonly symbol: string };

export interface Glob {
  /** The text as written, for messages. */
  readonly text: string;
  readonly tokens: readonly GlobToken[];
}

export interface GlobOptions {
  /** Actions and `...IgnoreCase` condition values: compare lower-cased. */
  readonly ignoreCase?: boolean;
  /** `*` and `?` are wildcards (Resource, Action, StringLike); off for StringEquals values. */
  readonly wildcards?: boolean;
  /** Read `${...}` as a policy variable (Version 2012-10-17 only). */
  readonly variables?: boolean;
}

const starToken: GlobToken = { kind: 'star' };
const oneToken: GlobToken = { kind: 'one' };

/** A pattern as tokens: a variable becomes the symbol `${name}` (lower-cased: IAM reads keys case-insensitively). */
export function parseGlob(text: string, options: GlobOptions = {}): Glob {
  const wildcards = options.wildcards ?? true;
  const source = options.ignoreCase ? text.toLowerCase() : text;
  const tokens: GlobToken[] = [];
  const variables = options.variables && source.includes('${') ? findVariables(source) : [];
  let next = 0;
  const literal = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const c = source[i]!;
      if (wildcards && c === '*') {
        // `**` matches what `*` does; one token keeps the automaton small.
        if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push(starToken);
      } else if (wildcards && c === '?') tokens.push(oneToken);
      else tokens.push({ kind: 'symbol', symbol: c });
    }
  };
  for (const variable of variables) {
    if (variable.kind !== 'variable' && variable.kind !== 'escape') continue;
    literal(next, variable.start);
    if (variable.kind === 'escape') tokens.push({ kind: 'symbol', symbol: source.slice(variable.start + 2, variable.end - 1) });
    else tokens.push({ kind: 'symbol', symbol: `\${${source.slice(variable.start + 2, variable.end - 1).toLowerCase()}}` });
    next = variable.end;
  }
  literal(next, source.length);
  return { text, tokens };
}

/** A pattern that is one symbol only: a value a host computes (`!GetAtt B.Arn`), equal only to the same text. */
export function opaqueGlob(text: string): Glob {
  return { text, tokens: [{ kind: 'symbol', symbol: `\u0000${text}` }] };
}

/**
 * A string a host builds from literal text and computed holes (`!Sub "arn:aws:s3:::${Bucket}/*"`): the literal parts
 * read as patterns, each hole one symbol equal only to the same hole (as a policy variable is).
 */
export function templateGlob(parts: readonly ({ readonly text: string } | { readonly hole: string })[], options: GlobOptions = {}): Glob {
  const tokens: GlobToken[] = [];
  for (const part of parts) {
    if ('hole' in part) tokens.push({ kind: 'symbol', symbol: `\u0000${part.hole}` });
    else tokens.push(...parseGlob(part.text, options).tokens);
  }
  return { text: parts.map((part) => ('hole' in part ? part.hole : part.text)).join(''), tokens };
}

/** The pattern matches every string (`*`). */
export function isUniversal(glob: Glob): boolean {
  return glob.tokens.length > 0 && glob.tokens.every((t) => t.kind === 'star');
}

/** A union of patterns ("matches one of them"), tracked as one automaton. */
export type GlobUnion = readonly Glob[];

export interface WitnessQuestion {
  /** Each union must match the string. */
  readonly must: readonly GlobUnion[];
  /** No pattern here may match it. */
  readonly mustNot: GlobUnion;
}

/**
 * Work allowed to searches that share it (one diff): each automaton state stepped costs one unit. When it runs out,
 * every further search answers "unknown", so adversarial patterns cost seconds at most, never minutes.
 */
export interface SearchBudget {
  remaining: number;
}

export type WitnessAnswer =
  /** No string satisfies the question: the containment holds. */
  | { readonly found: false }
  /** `example` satisfies it (symbols written back as `${...}`). */
  | { readonly found: true; readonly example: string }
  /** The search gave up (too many states): neither is proved. */
  | { readonly found: 'unknown' };

/**
 * Stops a pathological search (in automaton states stepped); past it the caller says "may widen". Comparing real
 * ARNs takes a few hundred; the 100 KB pair of the bench, under 20,000 in all.
 */
const maxWork = 200_000;

/** The stand-in for "any character none of the patterns names", as written in an example. */
const other = '\u0001';

interface Automaton {
  readonly globs: readonly Glob[];
  /** State id -> [glob index, position]; ids are offsets[glob] + position. */
  readonly offsets: readonly number[];
}

function automaton(globs: readonly Glob[]): Automaton {
  const offsets: number[] = [];
  let total = 0;
  for (const glob of globs) {
    offsets.push(total);
    total += glob.tokens.length + 1;
  }
  return { globs, offsets };
}

/** Adds `position` and every position reachable over `*` matching nothing. */
function addClosed(out: Set<number>, glob: Glob, offset: number, position: number): void {
  let p = position;
  for (;;) {
    out.add(offset + p);
    if (p < glob.tokens.length && glob.tokens[p]!.kind === 'star') p++;
    else return;
  }
}

function start(a: Automaton): number[] {
  const out = new Set<number>();
  a.globs.forEach((glob, index) => addClosed(out, glob, a.offsets[index]!, 0));
  return [...out].sort((x, y) => x - y);
}

/** Binary search of the glob a state id belongs to. */
function globOf(a: Automaton, id: number): number {
  let low = 0;
  let high = a.offsets.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (a.offsets[mid]! <= id) low = mid;
    else high = mid - 1;
  }
  return low;
}

function step(a: Automaton, states: readonly number[], symbol: string): number[] {
  const out = new Set<number>();
  const isChar = symbol.length === 1;
  for (const id of states) {
    const g = globOf(a, id);
    const glob = a.globs[g]!;
    const offset = a.offsets[g]!;
    const position = id - offset;
    const token = glob.tokens[position];
    if (!token) continue;
    if (token.kind === 'star') addClosed(out, glob, offset, position);
    else if ((token.kind === 'one' && isChar) || (token.kind === 'symbol' && token.symbol === symbol)) addClosed(out, glob, offset, position + 1);
  }
  return [...out].sort((x, y) => x - y);
}

function accepts(a: Automaton, states: readonly number[]): boolean {
  return states.some((id) => {
    const g = globOf(a, id);
    return id - a.offsets[g]! === a.globs[g]!.tokens.length;
  });
}

/** Some state is at a trailing run of `*`: the union matches every continuation from here. */
function acceptsEverything(a: Automaton, states: readonly number[]): boolean {
  return states.some((id) => {
    const g = globOf(a, id);
    const tokens = a.globs[g]!.tokens;
    const position = id - a.offsets[g]!;
    if (position === tokens.length) return false; // accepts only the end of the string
    for (let p = position; p < tokens.length; p++) if (tokens[p]!.kind !== 'star') return false;
    return true;
  });
}

/** The symbols worth trying next: those some state expects, and the stand-in for all the others. */
function nextSymbols(automata: readonly Automaton[], states: readonly (readonly number[])[]): string[] {
  const symbols = new Set<string>([other]);
  automata.forEach((a, index) => {
    for (const id of states[index]!) {
      const g = globOf(a, id);
      const token = a.globs[g]!.tokens[id - a.offsets[g]!];
      if (token?.kind === 'symbol') symbols.add(token.symbol);
    }
  });
  return [...symbols];
}

function written(symbols: readonly string[], alphabet: ReadonlySet<string>): string {
  // The stand-in becomes a character no pattern names, so the example reads as a real string.
  const filler = [...'xyzqjkXYZ0123456789_-'].find((c) => !alphabet.has(c)) ?? '~';
  return symbols.map((s) => (s === other ? filler : s.startsWith('\u0000') ? s.slice(1) : s)).join('');
}

/** The characters every string the pattern matches starts with (up to the first wildcard or variable). */
function literalPrefix(glob: Glob): string {
  let prefix = '';
  for (const token of glob.tokens) {
    if (token.kind !== 'symbol' || token.symbol.length !== 1) break;
    prefix += token.symbol;
  }
  return prefix;
}

const prefixes = new WeakMap<Glob, string>();

function prefixOf(glob: Glob): string {
  let prefix = prefixes.get(glob);
  if (prefix === undefined) prefixes.set(glob, (prefix = literalPrefix(glob)));
  return prefix;
}

/** Whether two patterns can match a common string, judged by their literal prefixes only (a cheap necessary test). */
function prefixesMeet(a: Glob, b: Glob): boolean {
  const p = prefixOf(a);
  const q = prefixOf(b);
  return p.length <= q.length ? q.startsWith(p) : p.startsWith(q);
}

/** `covering` is a literal prefix and one trailing `*` that `covered` starts with (`arn:aws:s3:::b/*` ⊇ `arn:aws:s3:::b/x?`). */
function plainlyCovers(covering: Glob, covered: Glob): boolean {
  const tokens = covering.tokens;
  if (tokens.length === 0 || tokens[tokens.length - 1]!.kind !== 'star') return false;
  const prefix = prefixOf(covering);
  if (prefix.length !== tokens.length - 1) return false;
  return prefixOf(covered).startsWith(prefix) || (covered.text === covering.text && covered.tokens.length === tokens.length);
}

function sameGlob(a: Glob, b: Glob): boolean {
  return a === b || (a.tokens.length === b.tokens.length && a.tokens.every((t, i) => {
    const u = b.tokens[i]!;
    return t.kind === u.kind && (t.kind !== 'symbol' || t.symbol === (u as { symbol: string }).symbol);
  }));
}

/** Is there a string every `must` union matches and no `mustNot` pattern does? See WitnessAnswer. */
export function findWitness(question: WitnessQuestion, budget?: SearchBudget): WitnessAnswer {
  if (question.mustNot.some(isUniversal)) return { found: false };
  if (question.must.some((union) => union.length === 0)) return { found: false };
  // A pattern to avoid that cannot meet every union is no constraint: drop it (most ARNs of other services).
  let mustNotGlobs = question.mustNot.filter((h) => question.must.every((union) => union.some((g) => prefixesMeet(g, h))));
  const must = question.must.filter((union) => !union.some(isUniversal));
  // One pattern to cover, and a pattern to avoid that plainly holds it: nothing to search.
  if (must.length === 1 && must[0]!.length === 1) {
    const target = must[0]![0]!;
    if (mustNotGlobs.some((h) => sameGlob(h, target) || plainlyCovers(h, target))) return { found: false };
  }
  if (mustNotGlobs.length > 1) {
    const unique: Glob[] = [];
    for (const glob of mustNotGlobs) if (!unique.some((u) => sameGlob(u, glob))) unique.push(glob);
    mustNotGlobs = unique;
  }
  const automata = [...must.map(automaton), automaton(mustNotGlobs)];
  const last = automata.length - 1;
  const alphabet = new Set<string>();
  for (const a of automata) for (const glob of a.globs) for (const t of glob.tokens) if (t.kind === 'symbol' && t.symbol.length === 1) alphabet.add(t.symbol);

  const initial = automata.map(start);
  const seen = new Set<string>();
  // Breadth first, so the example is one of the shortest; each entry remembers its parent and the symbol read.
  const queue: { states: number[][]; parent: number; symbol: string }[] = [{ states: initial, parent: -1, symbol: '' }];
  seen.add(initial.map((s) => s.join(',')).join('|'));
  let work = 0;
  for (let head = 0; head < queue.length; head++) {
    const { states } = queue[head]!;
    for (const subset of states) work += subset.length;
    if (work > maxWork || (budget && budget.remaining - work < 0)) {
      if (budget) budget.remaining = Math.max(0, budget.remaining - work);
      return { found: 'unknown' };
    }
    const mustAccept = states.slice(0, last).every((s, index) => accepts(automata[index]!, s));
    if (mustAccept && !accepts(automata[last]!, states[last]!)) {
      if (budget) budget.remaining -= work;
      const path: string[] = [];
      for (let at = head; at > 0; at = queue[at]!.parent) path.push(queue[at]!.symbol);
      return { found: true, example: written(path.reverse(), alphabet) };
    }
    for (const symbol of nextSymbols(automata, states)) {
      const next = states.map((s, index) => step(automata[index]!, s, symbol));
      if (next.slice(0, last).some((s) => s.length === 0)) continue;
      if (acceptsEverything(automata[last]!, next[last]!)) continue;
      const key = next.map((s) => s.join(',')).join('|');
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push({ states: next, parent: head, symbol });
    }
  }
  if (budget) budget.remaining -= work;
  return { found: false };
}

/** Whether `glob` matches the concrete string (no wildcards in it), exactly. */
export function globMatches(glob: Glob, text: string): boolean {
  const tokens: GlobToken[] = [];
  for (let i = 0; i < text.length; i++) tokens.push({ kind: 'symbol', symbol: text[i]! });
  const answer = findWitness({ must: [[{ text, tokens }]], mustNot: [glob] });
  return answer.found === false;
}
