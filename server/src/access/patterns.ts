/**
 * A policy string as it applies to one request: policy variables replaced by the request's values
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html), and which `*` and `?` are
 * wildcards. `${*}`, `${?}` and `${$}` stand for the literal characters; `${key, 'default'}` uses the default when the
 * request does not carry the key. A variable whose key is missing (without default) or multivalued leaves the string
 * without a value: it matches nothing. Variables are read only under Version 2012-10-17; in older policies `${...}`
 * is plain text.
 */
import { compileGlob } from '../catalog/glob';
import { findVariables } from '../policy/variables';
import { contextValues, type AccessRequest } from './request';

export interface ResolvedPattern {
  readonly text: string;
  /** Indexes of `*` and `?` in `text` that are literal characters (from `${*}` / `${?}`), not wildcards. */
  readonly literal: ReadonlySet<number>;
}

export type Resolution = { readonly pattern: ResolvedPattern } | { readonly unresolved: string };

const noLiterals: ReadonlySet<number> = new Set();

/** The default of `${key, 'value'}`: the quoted text after the comma, or undefined. */
function defaultOf(content: string): string | undefined {
  const comma = content.indexOf(',');
  if (comma < 0) return undefined;
  const match = /^\s*'(.*)'\s*$/.exec(content.slice(comma + 1));
  return match ? match[1] : undefined;
}

export function resolvePattern(text: string, request: AccessRequest, variables: boolean): Resolution {
  if (!variables || !text.includes('${')) return { pattern: { text, literal: noLiterals } };
  const tokens = findVariables(text);
  if (tokens.length === 0) return { pattern: { text, literal: noLiterals } };
  let out = '';
  const literal = new Set<number>();
  let from = 0;
  for (const token of tokens) {
    if (token.kind !== 'variable' && token.kind !== 'escape' && token.kind !== 'placeholder') continue;
    out += text.slice(from, token.start);
    from = token.end;
    if (token.kind === 'escape') {
      if (token.name === '*' || token.name === '?') literal.add(out.length);
      out += token.name;
      continue;
    }
    const values = contextValues(request, token.name.trim());
    let value: string | undefined;
    if (values && values.length === 1) value = values[0];
    else if (!values || values.length === 0) value = defaultOf(text.slice(token.start + 2, token.end - 1));
    if (value === undefined) {
      return { unresolved: values && values.length > 1 ? `\${${token.name}} has several values` : `\${${token.name}} is not in the request` };
    }
    // A value from the request is data: its own * and ? are literal characters.
    for (let i = 0; i < value.length; i++) if (value[i] === '*' || value[i] === '?') literal.add(out.length + i);
    out += value;
  }
  out += text.slice(from);
  return { pattern: { text: out, literal } };
}

/** IAM wildcard match of a resolved pattern: `*` any run, `?` one character, except the literal ones. */
export function matchPattern(pattern: ResolvedPattern, text: string, ignoreCase = false): boolean {
  if (pattern.literal.size === 0) return compileGlob(pattern.text, { ignoreCase })(text);
  return matchWithLiterals(pattern, text, ignoreCase);
}

/** Exact comparison: every character literal (wildcards mean themselves). */
export function equalsPattern(pattern: ResolvedPattern, text: string, ignoreCase = false): boolean {
  return ignoreCase ? foldAscii(pattern.text) === foldAscii(text) : pattern.text === text;
}

function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * The rare pattern with escaped wildcards: a two-row dynamic programme, O(n·m). compileGlob has no notion of escapes,
 * and these patterns come from policies the user wrote, so their size is bounded by the policy.
 */
function matchWithLiterals(pattern: ResolvedPattern, text: string, ignoreCase: boolean): boolean {
  const p = pattern.text;
  let previous = new Array<boolean>(text.length + 1).fill(false);
  previous[0] = true;
  for (let i = 0; i < p.length; i++) {
    const current = new Array<boolean>(text.length + 1).fill(false);
    const c = p[i]!;
    const star = c === '*' && !pattern.literal.has(i);
    const any = c === '?' && !pattern.literal.has(i);
    if (star) current[0] = previous[0]!;
    for (let j = 1; j <= text.length; j++) {
      if (star) current[j] = previous[j]! || current[j - 1]!;
      else if (any || sameChar(c, text[j - 1]!, ignoreCase)) current[j] = previous[j - 1]!;
    }
    previous = current;
  }
  return previous[text.length]!;
}

function sameChar(a: string, b: string, ignoreCase: boolean): boolean {
  return a === b || (ignoreCase && a.toLowerCase() === b.toLowerCase() && /[a-z]/i.test(a));
}
