/**
 * Templates with `${Name}` fields (ARN formats, principal forms, templated condition keys): as LSP snippets with
 * one tab stop per field, and the question "could what the user typed so far be the start of this template?".
 */

/** Snippet syntax treats `$`, `}` and `\` as special; everything else is literal. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/**
 * `arn:${Partition}:s3:::${BucketName}` -> `arn:${1:aws}:s3:::${2:\${BucketName\}}`. `defaults` gives the text a field
 * starts with (by field name); otherwise the field keeps its `${Name}` spelling, a placeholder that
 * unfilled-placeholder reports if the user tabs past it, or, with `fields: 'names'`, becomes its bare name (inside a
 * policy variable, where a nested `${` would break the variable).
 */
export function templateSnippet(template: string, defaults: Readonly<Record<string, string>> = {}, fields: 'placeholders' | 'names' = 'placeholders'): string {
  let stop = 0;
  let result = '';
  let rest = template;
  for (;;) {
    const open = rest.indexOf('${');
    const close = open < 0 ? -1 : rest.indexOf('}', open + 2);
    if (open < 0 || close < 0) return result + escapeSnippet(rest);
    const name = rest.slice(open + 2, close);
    const text = defaults[name] ?? (fields === 'names' ? name : rest.slice(open, close + 1));
    result += `${escapeSnippet(rest.slice(0, open))}\${${++stop}:${escapeSnippet(text)}}`;
    rest = rest.slice(close + 1);
  }
}

/** True when the template has at least one `${Name}` field. */
export function hasFields(template: string): boolean {
  return /\$\{[^}]*\}/.test(template);
}

/**
 * Whether `typed` can be the beginning of some instance of the template, where each field stands for one or more
 * characters other than `:` (fields never span ARN or key separators) and literals compare without regard to ASCII
 * case. A set-of-states walk over the template: linear in typed length times template length, no backtracking.
 */
export function startsLikeTemplate(typed: string, template: string): boolean {
  const tokens = tokenize(template);
  // State 2i: before token i. State 2i+1: inside field token i, at least one character taken.
  let states = new Set<number>([0]);
  const step = (state: number, c: number, into: Set<number>): void => {
    const index = state >> 1;
    const token = tokens[index];
    if (state % 2 === 1) {
      if (c !== COLON) into.add(state); // the field takes c too
      step(2 * (index + 1), c, into); // or the field ended and the next token takes c
    } else if (token === FIELD) {
      if (c !== COLON) into.add(state + 1);
    } else if (token === c) {
      into.add(2 * (index + 1));
    }
  };
  for (let i = 0; i < typed.length && states.size > 0; i++) {
    const c = fold(typed.charCodeAt(i));
    const next = new Set<number>();
    for (const state of states) step(state, c, next);
    states = next;
  }
  return states.size > 0;
}

/**
 * The text `typed` gives each field of the template it starts (see startsLikeTemplate), by field name: for
 * `arn:aws:iam::1111` and `arn:${Partition}:iam::${Account}:root`, Partition `aws` and Account `1111`. A field takes
 * the characters up to the literal that follows it; fields with nothing typed are left out.
 */
export function typedFields(typed: string, template: string): Record<string, string> {
  const fields: Record<string, string> = {};
  let t = 0;
  let i = 0;
  while (t < typed.length && i < template.length) {
    const close = template.startsWith('${', i) ? template.indexOf('}', i + 2) : -1;
    if (close < 0) {
      if (fold(typed.charCodeAt(t)) !== fold(template.charCodeAt(i))) break;
      t++;
      i++;
      continue;
    }
    const name = template.slice(i + 2, close);
    i = close + 1;
    const next = i < template.length ? template[i]! : undefined;
    let end = t;
    while (end < typed.length && typed[end] !== ':' && (next === undefined || fold(typed.charCodeAt(end)) !== fold(next.charCodeAt(0)))) end++;
    if (end > t) fields[name] = typed.slice(t, end);
    t = end;
  }
  return fields;
}

const FIELD = -1;
const COLON = 0x3a;

function tokenize(template: string): number[] {
  const tokens: number[] = [];
  for (let i = 0; i < template.length; i++) {
    if (template.startsWith('${', i)) {
      const close = template.indexOf('}', i + 2);
      if (close > 0) {
        tokens.push(FIELD);
        i = close;
        continue;
      }
    }
    tokens.push(fold(template.charCodeAt(i)));
  }
  return tokens;
}

function fold(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}
