/**
 * Writes fixes to CDK statements (TypeScript, JavaScript, Python) in the code's own syntax: a string literal replaced
 * in its quote style, items added to or removed from an `actions: [...]` array or an `addActions(...)` argument list.
 * Anything else (keys, Condition objects, computed values) is not written: the engine then offers no fix.
 * The reader (cdk.ts) records which host values are literals and where each list's brackets and commas are, so the
 * writer never guesses from the text.
 */
import { indentationAt, lineBreak } from '../rules/shared/edits';
import type { Edit } from '../rules/types';
import type { HostSequence, HostValue, HostWriter, JsonValue } from './types';

/** The syntaxes CDK code comes in (shared/hostFiles.ts's HostSyntax: `tsx` for .tsx and the React language ids). */
export type CdkLanguage = 'typescript' | 'tsx' | 'javascript' | 'python';

/** How a literal is written: a string's prefix (Python's `r`, `u`, `f`) and quote, or `quote: ''` for a number, boolean or null. */
export interface LiteralSyntax {
  readonly prefix: string;
  readonly quote: string;
}

/** Where a list's brackets and commas are: `[` and `]` of an array, `(` and `)` of a call's arguments. */
export interface ListSyntax {
  readonly open: number;
  readonly close: number;
  /** The offset of the comma after each item, if there is one. */
  readonly commas: readonly (number | undefined)[];
}

/**
 * One list written in the code. A statement's Action can come from several (`actions: [...]` and `addActions(...)`
 * calls), so one HostSequence may have several segments; a segment without syntax (a value computed elsewhere, a
 * list the parser had to recover) is not written.
 */
export interface ListSegment {
  readonly items: readonly HostValue[];
  readonly syntax?: ListSyntax;
}

/** What the reader learnt about the host values it built, for the writer. */
export interface CdkSyntax {
  readonly literals: Map<HostValue, LiteralSyntax>;
  readonly lists: Map<HostSequence, readonly ListSegment[]>;
}

export function emptyCdkSyntax(): CdkSyntax {
  return { literals: new Map(), lists: new Map() };
}

export function cdkWriter(text: string, language: CdkLanguage, syntax: CdkSyntax = emptyCdkSyntax()): HostWriter {
  const python = language === 'python';

  function defaultQuote(segmentItems: readonly HostValue[], allItems: readonly HostValue[]): LiteralSyntax {
    for (const item of [...segmentItems, ...allItems]) {
      const literal = syntax.literals.get(item);
      if (literal && literal.quote !== '' && literal.quote !== '`' && literal.quote.length === 1) return { prefix: '', quote: literal.quote };
    }
    for (const literal of syntax.literals.values()) if (literal.quote === "'" || literal.quote === '"') return { prefix: '', quote: literal.quote };
    return { prefix: '', quote: python ? '"' : "'" };
  }

  function render(value: JsonValue, style: LiteralSyntax): string | undefined {
    if (typeof value === 'string') return python ? pythonString(value, style) : javaScriptString(value, style.quote || "'");
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
    if (typeof value === 'boolean') return python ? (value ? 'True' : 'False') : String(value);
    if (value === null) return python ? 'None' : 'null';
    if (Array.isArray(value)) {
      const items = value.map((item) => render(item, style.quote === '' ? { prefix: '', quote: python ? '"' : "'" } : style));
      return items.every((item) => item !== undefined) ? `[${items.join(', ')}]` : undefined;
    }
    return undefined;
  }

  function segmentsOf(sequence: HostSequence): readonly ListSegment[] | undefined {
    return syntax.lists.get(sequence);
  }

  return {
    replaceValue(node, value) {
      const literal = syntax.literals.get(node);
      if (!literal) return undefined;
      const style = literal.quote === '' ? defaultQuote([], []) : literal;
      const rendered = render(value, style);
      return rendered === undefined ? undefined : [{ offset: node.span.offset, length: node.span.length, text: rendered }];
    },
    insertEntry: () => undefined,
    removeEntries: () => undefined,
    renameKey: () => undefined,
    insertItems(sequence, index, values) {
      const segments = segmentsOf(sequence);
      if (!segments || segments.length === 0 || values.length === 0) return values.length === 0 ? [] : undefined;
      let local = index;
      let segment = segments[segments.length - 1]!;
      for (const candidate of segments) {
        if (local < candidate.items.length) {
          segment = candidate;
          break;
        }
        if (candidate === segments[segments.length - 1]) break;
        local -= candidate.items.length;
      }
      if (local > segment.items.length || !segment.syntax) return undefined;
      const style = defaultQuote(segment.items, sequence.items);
      const rendered = values.map((value) => render(value, style));
      if (!rendered.every((item): item is string => item !== undefined)) return undefined;
      return insertIntoList(text, segment, segment.syntax, local, rendered);
    },
    removeItems(sequence, items) {
      const segments = segmentsOf(sequence);
      if (!segments) return undefined;
      const removed = new Set(items);
      const edits: Edit[] = [];
      for (const segment of segments) {
        const indexes = segment.items.flatMap((item, i) => (removed.has(item) ? [i] : []));
        if (indexes.length === 0) continue;
        if (!segment.syntax) return undefined;
        const removal = removeFromList(text, segment, segment.syntax, new Set(indexes));
        if (!removal) return undefined;
        edits.push(...removal);
      }
      return edits;
    },
  };
}

const end = (value: HostValue) => value.span.offset + value.span.length;

function startsLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

function insertIntoList(text: string, segment: ListSegment, syntax: ListSyntax, index: number, rendered: readonly string[]): Edit[] {
  const items = segment.items;
  if (items.length === 0) return [{ offset: syntax.open + 1, length: 0, text: rendered.join(', ') }];
  // One item a line: the new ones go on lines of their own at the same indentation.
  const multiline = startsLine(text, items[0]!.span.offset);
  const eol = lineBreak(text);
  if (index < items.length) {
    const before = items[index]!;
    const separator = multiline ? `,${eol}${indentationAt(text, before.span.offset)}` : ', ';
    return [{ offset: before.span.offset, length: 0, text: rendered.map((item) => item + separator).join('') }];
  }
  const last = items[items.length - 1]!;
  if (multiline) {
    const indentation = indentationAt(text, last.span.offset);
    const trailingComma = syntax.commas[items.length - 1];
    // With a trailing comma the new lines keep it (`'a',` then `'b',`); without, they are joined the same way.
    if (trailingComma !== undefined) return [{ offset: trailingComma + 1, length: 0, text: rendered.map((item) => `${eol}${indentation}${item},`).join('') }];
    return [{ offset: end(last), length: 0, text: rendered.map((item) => `,${eol}${indentation}${item}`).join('') }];
  }
  return [{ offset: end(last), length: 0, text: rendered.map((item) => `, ${item}`).join('') }];
}

function removeFromList(text: string, segment: ListSegment, syntax: ListSyntax, removed: ReadonlySet<number>): Edit[] | undefined {
  const items = segment.items;
  if (removed.size === items.length) return [{ offset: syntax.open + 1, length: syntax.close - syntax.open - 1, text: '' }];
  const edits: Edit[] = [];
  let i = 0;
  while (i < items.length) {
    if (!removed.has(i)) {
      i++;
      continue;
    }
    let last = i;
    while (removed.has(last + 1)) last++;
    const edit = removeLines(text, items, syntax, i, last) ?? removeInline(text, items, syntax, i, last);
    if (!edit) return undefined;
    edits.push(edit);
    i = last + 1;
  }
  return edits;
}

/**
 * Items `first..last` that have lines of their own (one item a line) go with their lines, comments after them
 * included; the comma of the item before stays (a trailing comma is valid in both languages).
 */
function removeLines(text: string, items: readonly HostValue[], syntax: ListSyntax, first: number, last: number): Edit | undefined {
  const start = items[first]!.span.offset;
  if (!startsLine(text, start)) return undefined;
  const next = items[last + 1];
  if (next && !startsLine(text, next.span.offset)) return undefined;
  let lineEnd = syntax.commas[last] !== undefined ? syntax.commas[last]! + 1 : end(items[last]!);
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  const rest = text.slice(syntax.commas[last] !== undefined ? syntax.commas[last]! + 1 : end(items[last]!), lineEnd).trim();
  if (rest !== '' && !rest.startsWith('//') && !rest.startsWith('#')) return undefined;
  if (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n') lineEnd += 2;
  else if (lineEnd < text.length) lineEnd++;
  // Without a comma of its own before a closing bracket, the last item's line takes the comma before it with it.
  if (!next && syntax.commas[last] === undefined && first > 0) {
    const from = end(items[first - 1]!);
    return { offset: from, length: end(items[last]!) - from, text: '' };
  }
  let lineStart = start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  return { offset: lineStart, length: lineEnd - lineStart, text: '' };
}

function removeInline(text: string, items: readonly HostValue[], syntax: ListSyntax, first: number, last: number): Edit | undefined {
  const comma = syntax.commas[last];
  const next = items[last + 1];
  if (next && comma !== undefined) {
    // A run followed by a kept item: the run, its comma and the space after it.
    let stop = comma + 1;
    while (stop < next.span.offset && /\s/.test(text[stop]!)) stop++;
    return { offset: items[first]!.span.offset, length: stop - items[first]!.span.offset, text: '' };
  }
  if (first === 0) return undefined;
  // A run at the end: from the end of the kept item before it (a trailing comma stays after that item).
  const from = end(items[first - 1]!);
  return { offset: from, length: end(items[last]!) - from, text: '' };
}

/** A JavaScript/TypeScript string literal in the given quote. */
export function javaScriptString(value: string, quote: string): string {
  let out = quote;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    const code = c.charCodeAt(0);
    if (c === '\\' || c === quote) out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16)}`;
    else if (quote === '`' && c === '$' && value[i + 1] === '{') out += '\\$';
    else out += c;
  }
  return out + quote;
}

/** A Python string literal with the prefix and quote of the one it replaces; undefined when a raw string cannot hold it. */
export function pythonString(value: string, style: LiteralSyntax): string | undefined {
  const quote = style.quote || '"';
  const prefix = style.prefix;
  if (/b/i.test(prefix)) return undefined;
  if (/r/i.test(prefix)) {
    // A raw string has no escapes: it can hold the value only if nothing in it would need one.
    if (value.includes(quote[0]!) || value.includes('\\') || /[\r\n]/.test(value)) return undefined;
    return prefix + quote + value + quote;
  }
  const formatted = /f/i.test(prefix);
  let out = prefix + quote;
  for (const c of value) {
    const code = c.charCodeAt(0);
    if (c === '\\' || c === quote[0]) out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (formatted && (c === '{' || c === '}')) out += c + c;
    else out += c;
  }
  return out + quote;
}
