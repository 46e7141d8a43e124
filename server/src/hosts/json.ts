/**
 * JSON as a host: a CloudFormation template in JSON, or the JSON inside a Terraform heredoc. vscode-json-languageservice
 * parses (as for loose policies, strict JSON through strictJson.ts, so the same syntax errors are reported); this file
 * turns its AST into the host tree with spans into the whole text, and writes changes back as JSON that keeps the
 * user's layout.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ASTNode, JSONDocument } from 'vscode-json-languageservice';
import { indentUnit, indentationAt, lineBreak } from '../rules/shared/edits';
import type { Edit } from '../rules/types';
import type { Span } from '../policy/model';
import { parseJsonDocument } from '../policy/strictJson';
import type { HostEntry, HostSyntaxError, HostValue, HostWriter, JsonValue } from './types';


/** Fields the parsed document carries at run time but the public type of vscode-json-languageservice hides. */
interface ParsedJsonInternals {
  syntaxErrors?: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; message: string; severity?: number }[];
  comments?: { start: { line: number; character: number }; end: { line: number; character: number } }[];
}

export interface JsonReading {
  readonly root: HostValue | undefined;
  readonly errors: readonly HostSyntaxError[];
}

/**
 * Reads the JSON between `start` and `end` of `text`; every span is an offset into the whole `text`. Never throws:
 * a document nested too deep for the (recursive) parser gives no root and one error.
 */
export function readJson(text: string, start = 0, end = text.length): JsonReading {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  const slice = text.slice(from, to);
  const document = TextDocument.create('host://json', 'json', 0, slice);
  try {
    const json = parseJsonDocument(document);
    const root = json.root ? convert(json.root, text, from) : undefined;
    return { root, errors: errorsOf(json, document, from) };
  } catch (error) {
    // The parser recurses once per level: only absurd nesting (thousands of levels) gets here.
    if (!(error instanceof RangeError)) throw error;
    return { root: undefined, errors: [{ offset: from, length: 0, message: 'The JSON is nested too deeply to be read.' }] };
  }
}

function errorsOf(json: JSONDocument, document: TextDocument, shift: number): HostSyntaxError[] {
  const internals = json as unknown as ParsedJsonInternals;
  const errors: HostSyntaxError[] = [];
  // Severity 1 is Error; duplicate keys come as warnings, and the policy rules judge those.
  for (const error of internals.syntaxErrors ?? []) {
    if (error.severity !== undefined && error.severity !== 1) continue;
    const begin = document.offsetAt(error.range.start);
    errors.push({ offset: begin + shift, length: document.offsetAt(error.range.end) - begin, message: error.message });
  }
  for (const comment of internals.comments ?? []) {
    const begin = document.offsetAt(comment.start);
    errors.push({ offset: begin + shift, length: document.offsetAt(comment.end) - begin, message: 'Comments are not allowed in JSON.' });
  }
  return errors.sort((a, b) => a.offset - b.offset);
}

function convert(node: ASTNode, text: string, shift: number): HostValue {
  const span: Span = { offset: node.offset + shift, length: node.length };
  switch (node.type) {
    case 'object': {
      const entries: HostEntry[] = [];
      for (const property of node.properties) {
        const keyNode = property.keyNode;
        const keySpan: Span = { offset: keyNode.offset + shift, length: keyNode.length };
        const value = property.valueNode ? convert(property.valueNode, text, shift) : undefined;
        // Cut off after the colon (or before it): the entry ends where what was written ends.
        const entryEnd = value
          ? value.span.offset + value.span.length
          : property.colonOffset !== undefined && property.colonOffset >= 0
            ? property.colonOffset + shift + 1
            : keySpan.offset + keySpan.length;
        entries.push({
          key: keyNode.value,
          keySpan,
          keyContentOffset: stringContentOffset(text, keySpan),
          span: { offset: keySpan.offset, length: entryEnd - keySpan.offset },
          value,
        });
      }
      return { kind: 'mapping', span, entries };
    }
    case 'array':
      return { kind: 'sequence', span, items: node.items.map((item) => convert(item, text, shift)) };
    case 'string':
      return { kind: 'scalar', span, value: node.value, contentOffset: stringContentOffset(text, span) };
    case 'number':
    case 'boolean':
      return { kind: 'scalar', span, value: node.value, contentOffset: literalContentOffset(text, span, String(node.value)) };
    case 'null':
      return { kind: 'scalar', span, value: null, contentOffset: literalContentOffset(text, span, 'null') };
    default:
      // A property never stands as a value; kept total for the type checker.
      return { kind: 'opaque', span, text: oneLine(text.slice(span.offset, span.offset + span.length)) };
  }
}

/** A closed string literal without escapes: its characters stand one for one after the opening quote. */
function stringContentOffset(text: string, span: Span): number | undefined {
  if (span.length < 2 || text.charCodeAt(span.offset) !== 0x22 || text.charCodeAt(span.offset + span.length - 1) !== 0x22) return undefined;
  for (let i = span.offset + 1; i < span.offset + span.length - 1; i++) if (text.charCodeAt(i) === 0x5c) return undefined;
  return span.offset + 1;
}

function literalContentOffset(text: string, span: Span, literal: string): number | undefined {
  return text.slice(span.offset, span.offset + span.length) === literal ? span.offset : undefined;
}

/** Host source shortened to one line for hover: whitespace runs become one space, long text is cut. */
export function oneLine(source: string, limit = 80): string {
  const flat = source.replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

/** Collections of scalars no longer than this stay on one line when the writer chooses the layout. */
const inlineLimit = 72;

interface Layout {
  /** The indentation of the line the value starts on. */
  readonly indent: string;
  readonly unit: string;
  readonly eol: string;
}

function isScalar(value: JsonValue): value is string | number | boolean | null {
  return value === null || typeof value !== 'object';
}

function isEmptyCollection(value: JsonValue): boolean {
  return Array.isArray(value) ? value.length === 0 : value !== null && typeof value === 'object' && Object.keys(value).length === 0;
}

function renderInline(value: JsonValue): string {
  if (isScalar(value)) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(renderInline).join(', ')}]`;
  const entries = Object.entries(value);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${renderInline(v)}`).join(', ')} }`;
}

/**
 * A value as JSON text starting at a line indented by `layout.indent`. Lists of scalars that fit stay on one line
 * (`["s3:GetObject", "s3:PutObject"]`, as people write them); objects and other lists get a line per member.
 */
function render(value: JsonValue, layout: Layout, forceInline = false): string {
  if (isScalar(value) || isEmptyCollection(value)) return renderInline(value);
  const members: JsonValue[] = Array.isArray(value) ? value : Object.values(value);
  const inline = renderInline(value);
  const shortList = Array.isArray(value) && members.every(isScalar) && layout.indent.length + inline.length <= inlineLimit;
  if (forceInline || shortList) return inline;
  const inner: Layout = { ...layout, indent: layout.indent + layout.unit };
  const lines = Array.isArray(value)
    ? value.map((item) => render(item, inner))
    : Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${render(v, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}${layout.eol}${lines.map((line) => inner.indent + line).join(`,${layout.eol}`)}${layout.eol}${layout.indent}${close}`;
}

function end(span: Span): number {
  return span.offset + span.length;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return true;
  }
  return false;
}

/**
 * The edits that insert rendered members (`key: value` or items) into a collection before the child at `index`
 * (children.length: at the end). Multi-line collections get each member on its own line at the children's
 * indentation; one-line collections stay on one line.
 */
function insertMembers(
  text: string,
  collection: HostValue,
  children: readonly Span[],
  index: number,
  members: readonly { prefix: string; value: JsonValue }[],
): Edit[] {
  if (members.length === 0) return [];
  const eol = lineBreak(text);
  const unit = indentUnit(text);
  if (children.length === 0) {
    const open = collection.span.offset + 1;
    const innerLength = collection.span.length - 2;
    const outer = indentationAt(text, collection.span.offset);
    const multiLine = hasLineBreak(text, open, open + innerLength) || members.some((m) => !isScalar(m.value) && !isEmptyCollection(m.value));
    if (!multiLine) {
      const inline = members.map((m) => m.prefix + renderInline(m.value)).join(', ');
      return [{ offset: open, length: innerLength, text: collection.kind === 'mapping' ? ` ${inline} ` : inline }];
    }
    const inner = outer + unit;
    const lines = members.map((m) => inner + m.prefix + render(m.value, { indent: inner, unit, eol }));
    return [{ offset: open, length: innerLength, text: `${eol}${lines.join(`,${eol}`)}${eol}${outer}` }];
  }
  const first = children[0]!;
  const multiLine = hasLineBreak(text, collection.span.offset, first.offset);
  const anchor = index < children.length ? children[index]! : children[children.length - 1]!;
  const indent = indentationAt(text, anchor.offset);
  const rendered = members.map((m) =>
    multiLine ? m.prefix + render(m.value, { indent, unit, eol }) : m.prefix + render(m.value, { indent, unit, eol }, true),
  );
  const separator = multiLine ? `,${eol}${indent}` : ', ';
  if (index < children.length) return [{ offset: anchor.offset, length: 0, text: rendered.map((r) => r + separator).join('') }];
  return [{ offset: end(anchor), length: 0, text: rendered.map((r) => separator + r).join('') }];
}

/**
 * The edits that remove some children of a collection with their commas: each run of removed neighbours goes up to
 * the next kept child (so its line goes and the next keeps its indentation), a run at the end from the end of the
 * kept child before it; removing all of them empties the collection.
 */
function removeMembers(collection: HostValue, children: readonly Span[], removed: ReadonlySet<number>): Edit[] | undefined {
  const marked = children.map((child) => removed.has(child.offset));
  // Asked to remove something that is not a child: the caller's tree is not this text's.
  if (marked.filter(Boolean).length !== removed.size) return undefined;
  if (removed.size === 0) return [];
  if (marked.every(Boolean)) return [{ offset: collection.span.offset + 1, length: collection.span.length - 2, text: '' }];
  const edits: Edit[] = [];
  for (let i = 0; i < children.length; i++) {
    if (!marked[i]) continue;
    let j = i;
    while (j + 1 < children.length && marked[j + 1]) j++;
    const next = children[j + 1];
    const start = next ? children[i]!.offset : end(children[i - 1]!);
    const stop = next ? next.offset : end(children[j]!);
    edits.push({ offset: start, length: stop - start, text: '' });
    i = j;
  }
  return edits;
}

/** Writes changes to a JSON host (a template in JSON, a heredoc) as JSON. */
export function jsonWriter(text: string): HostWriter {
  return {
    replaceValue(node, value) {
      if (node.implied) return undefined;
      const layout: Layout = { indent: indentationAt(text, node.span.offset), unit: indentUnit(text), eol: lineBreak(text) };
      const wasOneLine = !hasLineBreak(text, node.span.offset, end(node.span));
      // A collection written on one line is rewritten on one line when the new one is as simple.
      const inline = wasOneLine && node.kind !== 'scalar' && !isScalar(value) && renderInline(value).length + layout.indent.length <= inlineLimit;
      return [{ offset: node.span.offset, length: node.span.length, text: inline ? renderInline(value) : render(value, layout) }];
    },
    insertEntry(mapping, before, key, value) {
      if (mapping.implied || text.charCodeAt(mapping.span.offset) !== 0x7b) return undefined;
      const index = before ? mapping.entries.findIndex((e) => e.span.offset === before.span.offset) : mapping.entries.length;
      if (index < 0) return undefined;
      return insertMembers(text, mapping, mapping.entries.map((e) => e.span), index, [{ prefix: `${JSON.stringify(key)}: `, value }]);
    },
    removeEntries(mapping, entries) {
      if (mapping.implied || text.charCodeAt(mapping.span.offset) !== 0x7b) return undefined;
      return removeMembers(mapping, mapping.entries.map((e) => e.span), new Set(entries.map((e) => e.span.offset)));
    },
    renameKey(_mapping, entry, key) {
      return [{ offset: entry.keySpan.offset, length: entry.keySpan.length, text: JSON.stringify(key) }];
    },
    insertItems(sequence, index, values) {
      if (sequence.implied || text.charCodeAt(sequence.span.offset) !== 0x5b) return undefined;
      if (!Number.isInteger(index) || index < 0 || index > sequence.items.length) return undefined;
      return insertMembers(text, sequence, sequence.items.map((i) => i.span), index, values.map((value) => ({ prefix: '', value })));
    },
    removeItems(sequence, items) {
      if (sequence.implied || text.charCodeAt(sequence.span.offset) !== 0x5b) return undefined;
      return removeMembers(sequence, sequence.items.map((i) => i.span), new Set(items.map((i) => i.span.offset)));
    },
  };
}
