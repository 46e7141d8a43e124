/**
 * Writes changes to Terraform policies in HCL: `jsonencode({...})` objects and tuples, and the synthetic nodes of
 * `data "aws_iam_policy_document"` blocks (statements are blocks, `actions` is a list attribute, a Principal is one
 * `principals` block per type, a Condition one `condition` block per test and variable). The reader
 * (terraform.ts) records where each node's HCL lives (`describeHclNode`); nodes it did not describe are refused.
 */
import { indentUnit, indentationAt, lineBreak } from '../rules/shared/edits';
import type { Edit } from '../rules/types';
import type { Span } from '../policy/model';
import { shiftSpan, shiftValue, throughOrigins } from './shift';
import type { HostEntry, HostMapping, HostSequence, HostValue, HostWriter, JsonValue } from './types';

/** A block in the host text: `statement { ... }`. */
export interface BlockPlace {
  readonly span: Span;
  /** The block type identifier (`statement`, `principals`). */
  readonly typeSpan: Span;
  /** Offsets of `{` and `}`. */
  readonly open: number;
  readonly close: number;
}

/** An attribute in the host text: `actions = [...]`. */
export interface AttributePlace {
  readonly span: Span;
  readonly nameSpan: Span;
}

/** A `principals`/`not_principals` block with a literal type. */
export interface PrincipalPlace {
  readonly block: BlockPlace;
  readonly type: string;
  /** The type's string literal. */
  readonly typeSpan: Span;
}

/** A `condition` block with a literal test and variable. */
export interface ConditionPlace {
  readonly block: BlockPlace;
  readonly test: string;
  readonly testSpan: Span;
  readonly variable: string;
  readonly variableSpan: Span;
}

/** Where each node of a Terraform policy stands in HCL, for the writer. */
export type HclNodeShape =
  /** A jsonencode object constructor. `quotedKeys`/`separator` follow how its keys are written. */
  | { readonly kind: 'object'; readonly quotedKeys: boolean; readonly separator: '=' | ':' }
  /** A tuple; `list` when the attribute always holds a list (`actions`): a single string is written `["x"]`. */
  | { readonly kind: 'tuple'; readonly list: boolean }
  /** A string attribute of a policy document (`effect`, `sid`, `version`, `policy_id`, `type`, `test`, ...). */
  | { readonly kind: 'stringAttribute' }
  /** A value a policy document implies (Version, Effect): written as a new attribute in `block`. */
  | { readonly kind: 'implied'; readonly attribute: string; readonly block: BlockPlace }
  | { readonly kind: 'document'; readonly block: BlockPlace; readonly attributes: ReadonlyMap<string, AttributePlace>; readonly statements: readonly BlockPlace[]; readonly complete: boolean }
  | { readonly kind: 'statements'; readonly document: BlockPlace; readonly blocks: readonly BlockPlace[] }
  | {
      readonly kind: 'statement';
      readonly block: BlockPlace;
      readonly attributes: ReadonlyMap<string, AttributePlace>;
      readonly blocks: ReadonlyMap<string, readonly BlockPlace[]>;
    }
  | { readonly kind: 'principals'; readonly statement: BlockPlace; readonly blockType: string; readonly places: readonly PrincipalPlace[] }
  /** Principal "*" (a `type = "*"` block with `identifiers = ["*"]`). */
  | { readonly kind: 'principalStar'; readonly statement: BlockPlace; readonly blockType: string; readonly places: readonly PrincipalPlace[] }
  | { readonly kind: 'conditions'; readonly statement: BlockPlace; readonly places: readonly ConditionPlace[] }
  | { readonly kind: 'conditionTest'; readonly statement: BlockPlace; readonly test: string; readonly places: readonly ConditionPlace[] }
  /**
   * One list made of several blocks' lists (two `principals` blocks of one type): `parts` are the real values
   * (tuples or opaque values), `blocks` the block each comes from.
   */
  | { readonly kind: 'merged'; readonly parts: readonly HostValue[]; readonly blocks: readonly BlockPlace[] };

const shapes = new WeakMap<HostValue, HclNodeShape>();

/** Records where a node the reader built stands in HCL. */
export function describeHclNode<T extends HostValue>(node: T, shape: HclNodeShape): T {
  shapes.set(node, shape);
  return node;
}

/** Where a node stands in HCL: recorded by the reader, or, for a copy moved by an edit (shift.ts), its origin's moved. */
function shapeOf(node: HostValue): HclNodeShape | undefined {
  const found = shapes.get(node);
  if (found) return found;
  const moved = throughOrigins(node, (origin) => shapes.get(origin));
  if (!moved) return undefined;
  const shifted = shiftShape(moved.value, moved.delta);
  shapes.set(node, shifted);
  return shifted;
}

function shiftShape(shape: HclNodeShape, delta: number): HclNodeShape {
  const block = (b: BlockPlace): BlockPlace => ({ span: shiftSpan(b.span, delta), typeSpan: shiftSpan(b.typeSpan, delta), open: b.open + delta, close: b.close + delta });
  const attributes = (map: ReadonlyMap<string, AttributePlace>) =>
    new Map([...map].map(([name, a]) => [name, { span: shiftSpan(a.span, delta), nameSpan: shiftSpan(a.nameSpan, delta) }] as const));
  const principal = (p: PrincipalPlace): PrincipalPlace => ({ block: block(p.block), type: p.type, typeSpan: shiftSpan(p.typeSpan, delta) });
  const condition = (c: ConditionPlace): ConditionPlace => ({
    block: block(c.block),
    test: c.test,
    testSpan: shiftSpan(c.testSpan, delta),
    variable: c.variable,
    variableSpan: shiftSpan(c.variableSpan, delta),
  });
  switch (shape.kind) {
    case 'object':
    case 'tuple':
    case 'stringAttribute':
      return shape;
    case 'implied':
      return { ...shape, block: block(shape.block) };
    case 'document':
      return { ...shape, block: block(shape.block), attributes: attributes(shape.attributes), statements: shape.statements.map(block) };
    case 'statements':
      return { ...shape, document: block(shape.document), blocks: shape.blocks.map(block) };
    case 'statement':
      return { ...shape, block: block(shape.block), attributes: attributes(shape.attributes), blocks: new Map([...shape.blocks].map(([name, list]) => [name, list.map(block)] as const)) };
    case 'principals':
    case 'principalStar':
      return { ...shape, statement: block(shape.statement), places: shape.places.map(principal) };
    case 'conditions':
    case 'conditionTest':
      return { ...shape, statement: block(shape.statement), places: shape.places.map(condition) };
    case 'merged':
      return { ...shape, parts: shape.parts.map((part) => shiftValue(part, delta)), blocks: shape.blocks.map(block) };
  }
}

/** Statement keys written as list attributes of a `statement` block. */
export const statementListAttributes: Readonly<Record<string, string>> = {
  Action: 'actions',
  NotAction: 'not_actions',
  Resource: 'resources',
  NotResource: 'not_resources',
};

/** Statement keys written as string attributes. */
export const statementStringAttributes: Readonly<Record<string, string>> = { Sid: 'sid', Effect: 'effect' };

/** Statement keys written as blocks. */
export const statementBlockKeys: Readonly<Record<string, string>> = { Principal: 'principals', NotPrincipal: 'not_principals', Condition: 'condition' };

const documentAttributes: Readonly<Record<string, string>> = { Version: 'version', Id: 'policy_id' };

// ---------------------------------------------------------------------------------------------------------------
// Rendering JSON values as HCL

/** Collections of scalars no longer than this (with their indentation) stay on one line. */
const inlineLimit = 80;

interface Layout {
  readonly indent: string;
  readonly unit: string;
  readonly eol: string;
}

/** An HCL quoted string: HCL escapes, and `${`/`%{` doubled so HCL does not interpolate an IAM policy variable. */
export function hclString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    const code = value.charCodeAt(i);
    if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else if ((c === '$' || c === '%') && value[i + 1] === '{') out += c + c;
    else out += c;
  }
  return `${out}"`;
}

const identifierPattern = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const keywords = new Set(['true', 'false', 'null', 'for', 'in', 'if']);

function hclKey(key: string, quoted: boolean): string {
  return quoted || !identifierPattern.test(key) || keywords.has(key) ? hclString(key) : key;
}

function isScalar(value: JsonValue): value is string | number | boolean | null {
  return value === null || typeof value !== 'object';
}

function renderScalar(value: string | number | boolean | null): string {
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  return String(value);
}

interface KeyStyle {
  readonly quoted: boolean;
  readonly separator: '=' | ':';
}

const defaultKeyStyle: KeyStyle = { quoted: false, separator: '=' };

function renderInline(value: JsonValue, style: KeyStyle): string {
  if (isScalar(value)) return renderScalar(value);
  if (Array.isArray(value)) return `[${value.map((item) => renderInline(item, style)).join(', ')}]`;
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, v]) => `${hclKey(k, style.quoted)} ${style.separator} ${renderInline(v, style)}`).join(', ')} }`;
}

/** A value as HCL starting on a line indented by `layout.indent` (objects one entry a line, short lists inline). */
function renderValue(value: JsonValue, layout: Layout, style: KeyStyle = defaultKeyStyle): string {
  if (isScalar(value)) return renderScalar(value);
  const inner: Layout = { ...layout, indent: layout.indent + layout.unit };
  if (Array.isArray(value)) {
    const inline = renderInline(value, style);
    if (value.length === 0 || (value.every(isScalar) && layout.indent.length + inline.length <= inlineLimit)) return inline;
    return `[${layout.eol}${value.map((item) => `${inner.indent}${renderValue(item, inner, style)},${layout.eol}`).join('')}${layout.indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  // Keys padded so the separators line up, as `terraform fmt` writes them.
  const keys = entries.map(([k]) => hclKey(k, style.quoted));
  const width = Math.max(...keys.map((k) => k.length));
  const lines = entries.map(([, v], i) => `${inner.indent}${keys[i]!.padEnd(width)} ${style.separator} ${renderValue(v, inner, style)}${layout.eol}`);
  return `{${layout.eol}${lines.join('')}${layout.indent}}`;
}

/** A list attribute's value: a string stands for a one-item list. */
function asList(value: JsonValue): JsonValue[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every(isScalar)) return value;
  return undefined;
}

/** Attribute lines `name = value`, the `=` aligned as `terraform fmt` aligns consecutive attributes. */
function attributeLines(pairs: readonly (readonly [string, string])[], indent: string, eol: string): string {
  const width = Math.max(0, ...pairs.map(([name]) => name.length));
  return pairs.map(([name, value]) => `${indent}${name.padEnd(width)} = ${value}${eol}`).join('');
}

/** `principals { type = ..., identifiers = [...] }` blocks for a Principal value; undefined when it has no HCL form. */
function renderPrincipalBlocks(blockType: string, value: JsonValue, layout: Layout): string[] | undefined {
  const inner = layout.indent + layout.unit;
  const block = (type: string, ids: JsonValue[]): string =>
    `${blockType} {${layout.eol}${attributeLines(
      [
        ['type', hclString(type)],
        ['identifiers', renderValue(ids, { ...layout, indent: inner })],
      ],
      inner,
      layout.eol,
    )}${layout.indent}}`;
  if (value === '*') return [block('*', ['*'])];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const blocks: string[] = [];
  for (const [type, ids] of Object.entries(value)) {
    const list = asList(ids);
    if (!list) return undefined;
    blocks.push(block(type, list));
  }
  return blocks;
}

/** One `condition` block per test and variable. */
function renderConditionBlocks(value: JsonValue, layout: Layout, onlyTest?: string): string[] | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const inner = layout.indent + layout.unit;
  const blocks: string[] = [];
  const tests: [string, JsonValue][] = onlyTest === undefined ? Object.entries(value) : [[onlyTest, value]];
  for (const [test, variables] of tests) {
    if (variables === null || typeof variables !== 'object' || Array.isArray(variables)) return undefined;
    for (const [variable, values] of Object.entries(variables)) {
      const list = isScalar(values) ? [values] : Array.isArray(values) && values.every(isScalar) ? values : undefined;
      if (!list) return undefined;
      blocks.push(
        `condition {${layout.eol}${attributeLines(
          [
            ['test', hclString(test)],
            ['variable', hclString(variable)],
            ['values', renderValue(list, { ...layout, indent: inner })],
          ],
          inner,
          layout.eol,
        )}${layout.indent}}`,
      );
    }
  }
  return blocks;
}

/** What a statement key becomes inside a `statement` block: attribute lines and blocks, or undefined. */
function renderStatementMember(key: string, value: JsonValue, layout: Layout): { attribute?: readonly [string, string]; blocks?: string[] } | undefined {
  const list = statementListAttributes[key];
  if (list) {
    const items = asList(value);
    return items ? { attribute: [list, renderValue(items, layout)] } : undefined;
  }
  const single = statementStringAttributes[key];
  if (single) return typeof value === 'string' ? { attribute: [single, hclString(value)] } : undefined;
  if (key === 'Principal' || key === 'NotPrincipal') {
    const blocks = renderPrincipalBlocks(statementBlockKeys[key]!, value, layout);
    return blocks ? { blocks } : undefined;
  }
  if (key === 'Condition') {
    const blocks = renderConditionBlocks(value, layout);
    return blocks ? { blocks } : undefined;
  }
  return undefined;
}

/** A whole `statement { ... }` block for a JSON statement; its first line is not indented. */
function renderStatementBlock(statement: JsonValue, layout: Layout): string | undefined {
  if (statement === null || typeof statement !== 'object' || Array.isArray(statement)) return undefined;
  const inner: Layout = { ...layout, indent: layout.indent + layout.unit };
  const attributes: (readonly [string, string])[] = [];
  const blocks: string[] = [];
  for (const [key, value] of Object.entries(statement)) {
    const member = renderStatementMember(key, value, inner);
    if (!member) return undefined;
    if (member.attribute) attributes.push(member.attribute);
    blocks.push(...(member.blocks ?? []));
  }
  const body = attributeLines(attributes, inner.indent, layout.eol) + blocks.map((b) => `${inner.indent}${b}${layout.eol}`).join('');
  return `statement {${layout.eol}${body}${layout.indent}}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Placing text

function end(span: Span): number {
  return span.offset + span.length;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 0x0a && text.charCodeAt(i - 1) !== 0x0d) i--;
  return i;
}

/** Only spaces and tabs between the line's start and `offset`. */
function startsLine(text: string, offset: number): boolean {
  for (let i = lineStart(text, offset); i < offset; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return true;
  }
  return false;
}

/** After a line break at `offset` (CRLF counts as one); `offset` when there is none. */
function afterLineBreak(text: string, offset: number): number {
  if (text.charCodeAt(offset) === 0x0d) return text.charCodeAt(offset + 1) === 0x0a ? offset + 2 : offset + 1;
  if (text.charCodeAt(offset) === 0x0a) return offset + 1;
  return offset;
}

/** Skips blanks, and a comment that runs to the end of the line (`#`, `//`): what follows a value on its line. */
function skipTrailing(text: string, offset: number, comma: boolean): number {
  let i = offset;
  while (isBlank(text.charCodeAt(i))) i++;
  if (comma && text[i] === ',') {
    i++;
    while (isBlank(text.charCodeAt(i))) i++;
  }
  if (text[i] === '#' || (text[i] === '/' && text[i + 1] === '/')) {
    while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
  }
  return i;
}

function atLineEnd(text: string, offset: number): boolean {
  const c = text.charCodeAt(offset);
  return offset >= text.length || c === 0x0a || c === 0x0d;
}

/**
 * The text that removes a member written on lines of its own (an attribute, a block, an entry or item of a
 * multi-line collection): its whole lines with a trailing comma and comment; only the member (and what follows it
 * up to the next member) when it shares its line.
 */
function removalOf(text: string, span: Span, comma: boolean): Edit {
  const after = skipTrailing(text, end(span), comma);
  if (startsLine(text, span.offset) && atLineEnd(text, after)) {
    const from = lineStart(text, span.offset);
    return { offset: from, length: afterLineBreak(text, after) - from, text: '' };
  }
  let stop = end(span);
  while (isBlank(text.charCodeAt(stop))) stop++;
  if (comma && text[stop] === ',') {
    stop++;
    while (isBlank(text.charCodeAt(stop))) stop++;
  }
  return { offset: span.offset, length: stop - span.offset, text: '' };
}

/** Sorts edits and merges those that touch or overlap (removals of neighbouring lines). */
function merged(edits: readonly Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  const out: Edit[] = [];
  for (const edit of sorted) {
    const last = out[out.length - 1];
    if (last && edit.offset <= last.offset + last.length) {
      const stop = Math.max(last.offset + last.length, edit.offset + edit.length);
      out[out.length - 1] = { offset: last.offset, length: stop - last.offset, text: last.text + edit.text };
    } else out.push(edit);
  }
  return out;
}

/** The indentation of a block's members: its first member's, or the block's plus one unit. */
function innerIndentOf(text: string, block: BlockPlace, firstMember: number | undefined): string {
  if (firstMember !== undefined && startsLine(text, firstMember)) return indentationAt(text, firstMember);
  return indentationAt(text, block.span.offset) + indentUnit(text);
}

/**
 * Inserts `members` (each rendered without its first line's indentation) as lines of a block's body: before the
 * line of `before`, or at the end of the body.
 */
function insertInBlock(text: string, block: BlockPlace, members: readonly string[], indent: string, before?: number): Edit[] {
  if (members.length === 0) return [];
  const eol = lineBreak(text);
  if (before !== undefined && startsLine(text, before)) {
    return [{ offset: lineStart(text, before), length: 0, text: members.map((m) => `${indent}${m}${eol}`).join('') }];
  }
  if (before !== undefined) return [{ offset: before, length: 0, text: members.map((m) => `${m}${eol}${indent}`).join('') }];
  if (startsLine(text, block.close)) {
    return [{ offset: lineStart(text, block.close), length: 0, text: members.map((m) => `${indent}${m}${eol}`).join('') }];
  }
  // `statement { actions = ["x"] }` on one line: the new members go on lines of their own before the `}`.
  let from = block.close;
  while (from > block.open + 1 && isBlank(text.charCodeAt(from - 1))) from--;
  const outer = indentationAt(text, block.span.offset);
  return [{ offset: from, length: block.close - from, text: `${members.map((m) => `${eol}${indent}${m}`).join('')}${eol}${outer}` }];
}

/** Replaces places (blocks of one kind) by new members: the first takes them all, the others go. */
function replacePlaces(text: string, places: readonly Span[], rendered: readonly string[], indent: string): Edit[] {
  const eol = lineBreak(text);
  const [first, ...rest] = places;
  if (!first) return [];
  const edits: Edit[] = rest.map((span) => removalOf(text, span, false));
  if (rendered.length === 0) edits.push(removalOf(text, first, false));
  else edits.push({ offset: first.offset, length: first.length, text: rendered.join(`${eol}${indent}`) });
  return merged(edits);
}

// ---------------------------------------------------------------------------------------------------------------
// Collections of a jsonencode value

function members(node: HostMapping | HostSequence): readonly Span[] {
  return node.kind === 'mapping' ? node.entries.map((e) => e.span) : node.items.map((i) => i.span);
}

/** Inserts rendered members into an object or tuple before member `index` (members.length: at the end). */
function insertInCollection(text: string, node: HostMapping | HostSequence, index: number, rendered: (layout: Layout, inline: boolean) => string[]): Edit[] {
  const children = members(node);
  const eol = lineBreak(text);
  const unit = indentUnit(text);
  const open = node.span.offset + 1;
  const close = end(node.span) - 1;
  const tuple = node.kind === 'sequence';
  if (children.length === 0) {
    const outer = indentationAt(text, node.span.offset);
    const multiLine = hasLineBreak(text, open, close) || !tuple;
    const texts = rendered({ indent: outer + unit, unit, eol }, !multiLine);
    if (!multiLine) return [{ offset: open, length: close - open, text: texts.join(', ') }];
    const inner = outer + unit;
    return [{ offset: open, length: close - open, text: `${eol}${texts.map((t) => `${inner}${t}${tuple ? ',' : ''}${eol}`).join('')}${outer}` }];
  }
  const first = children[0]!;
  const multiLine = hasLineBreak(text, node.span.offset, first.offset);
  const anchor = index < children.length ? children[index]! : children[children.length - 1]!;
  const indent = multiLine ? indentationAt(text, anchor.offset) : '';
  const texts = rendered({ indent, unit, eol }, !multiLine);
  // Objects separate members written on lines of their own by the line break; tuples always need commas.
  const trailingComma = tuple || text[skipTrailing(text, end(first), false)] === ',';
  if (!multiLine) {
    if (index < children.length) return [{ offset: anchor.offset, length: 0, text: texts.map((t) => `${t}, `).join('') }];
    return [{ offset: end(anchor), length: 0, text: texts.map((t) => `, ${t}`).join('') }];
  }
  if (index < children.length && startsLine(text, anchor.offset)) {
    return [{ offset: lineStart(text, anchor.offset), length: 0, text: texts.map((t) => `${indent}${t}${trailingComma ? ',' : ''}${eol}`).join('') }];
  }
  if (index < children.length) return [{ offset: anchor.offset, length: 0, text: texts.map((t) => `${t}${tuple ? ',' : ''} `).join('') }];
  // At the end: after the last member's line (its comma and comment), a tuple's last item getting its comma.
  let at = end(anchor);
  let prefix = '';
  let stop = at;
  while (isBlank(text.charCodeAt(stop))) stop++;
  if (text[stop] === ',') at = stop + 1;
  else if (tuple) prefix = ',';
  const lastTrailing = text[stop] === ',';
  const lineEnd = skipTrailing(text, at, false);
  if (atLineEnd(text, lineEnd)) at = lineEnd;
  const suffix = tuple && lastTrailing ? ',' : '';
  const edits: Edit[] = [];
  if (prefix) edits.push({ offset: end(anchor), length: 0, text: prefix });
  const body = texts.map((t, i) => `${eol}${indent}${t}${i < texts.length - 1 && tuple ? ',' : suffix}`).join('');
  if (prefix && at === end(anchor)) return [{ offset: at, length: 0, text: prefix + body }];
  edits.push({ offset: at, length: 0, text: body });
  return edits;
}

/** Removes members of an object or tuple: whole lines in a multi-line one, with their commas in a one-line one. */
function removeFromCollection(text: string, node: HostMapping | HostSequence, removed: ReadonlySet<number>): Edit[] | undefined {
  const children = members(node);
  const marked = children.map((child) => removed.has(child.offset));
  if (marked.filter(Boolean).length !== removed.size) return undefined;
  if (removed.size === 0) return [];
  const open = node.span.offset + 1;
  const close = end(node.span) - 1;
  if (marked.every(Boolean)) return [{ offset: open, length: close - open, text: '' }];
  const multiLine = hasLineBreak(text, node.span.offset, children[0]!.offset);
  if (multiLine) return merged(children.filter((_, i) => marked[i]).map((span) => removalOf(text, span, true)));
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

// ---------------------------------------------------------------------------------------------------------------
// The writer

/** Writes changes to Terraform policies (jsonencode values and policy-document blocks) as HCL. */
export function hclWriter(text: string): HostWriter {
  const layoutAt = (offset: number): Layout => ({ indent: indentationAt(text, offset), unit: indentUnit(text), eol: lineBreak(text) });
  const keyStyleOf = (mapping: HostMapping): KeyStyle => {
    const shape = shapeOf(mapping);
    return shape?.kind === 'object' ? { quoted: shape.quotedKeys, separator: shape.separator } : defaultKeyStyle;
  };
  const oneLine = (span: Span): boolean => !hasLineBreak(text, span.offset, end(span));

  /** A string attribute's new value, or a tuple's, as a list attribute requires. */
  const renderFor = (node: HostValue, value: JsonValue): string | undefined => {
    const shape = shapeOf(node);
    const layout = layoutAt(node.span.offset);
    if (shape?.kind === 'tuple' && shape.list) {
      const list = asList(value);
      return list ? renderValue(list, layout) : undefined;
    }
    if (shape?.kind === 'stringAttribute') return typeof value === 'string' ? hclString(value) : undefined;
    if (!shape && node.kind !== 'scalar' && node.kind !== 'template' && node.kind !== 'opaque') return undefined;
    if (oneLine(node.span) && node.kind !== 'scalar' && !isScalar(value)) {
      const inline = renderInline(value, defaultKeyStyle);
      if (inline.length + layout.indent.length <= inlineLimit) return inline;
    }
    return renderValue(value, layout);
  };

  const statementInner = (shape: Extract<HclNodeShape, { kind: 'statement' }>): string => {
    const firsts = [...shape.attributes.values()].map((a) => a.span.offset).concat([...shape.blocks.values()].flat().map((b) => b.span.offset));
    return innerIndentOf(text, shape.block, firsts.length ? Math.min(...firsts) : undefined);
  };

  /** New members of a statement block for a key (attribute line or blocks), at the statement's inner indentation. */
  const statementMembers = (shape: Extract<HclNodeShape, { kind: 'statement' }>, key: string, value: JsonValue): string[] | undefined => {
    const indent = statementInner(shape);
    const member = renderStatementMember(key, value, { indent, unit: indentUnit(text), eol: lineBreak(text) });
    if (!member) return undefined;
    return member.attribute ? [`${member.attribute[0]} = ${member.attribute[1]}`] : member.blocks;
  };

  /** The places (attribute or blocks) a statement entry is written in. */
  const statementPlaces = (shape: Extract<HclNodeShape, { kind: 'statement' }>, key: string): Span[] => {
    const attribute = statementListAttributes[key] ?? statementStringAttributes[key];
    if (attribute) {
      const place = shape.attributes.get(attribute);
      return place ? [place.span] : [];
    }
    const blockType = statementBlockKeys[key];
    return blockType ? (shape.blocks.get(blockType) ?? []).map((b) => b.span) : [];
  };

  const writer: HostWriter = {
    replaceValue(node, value) {
      const shape = shapeOf(node);
      switch (shape?.kind) {
        case 'implied': {
          if (typeof value !== 'string') return undefined;
          const indent = innerIndentOf(text, shape.block, node.span.offset < shape.block.close ? node.span.offset : undefined);
          return insertInBlock(text, shape.block, [`${shape.attribute} = ${hclString(value)}`], indent, node.span.offset < shape.block.close ? node.span.offset : undefined);
        }
        case 'statement': {
          const rendered = renderStatementBlock(value, layoutAt(shape.block.span.offset));
          return rendered === undefined ? undefined : [{ offset: shape.block.span.offset, length: shape.block.span.length, text: rendered }];
        }
        case 'statements': {
          if (!Array.isArray(value)) return undefined;
          const layout = layoutAt(shape.blocks[0]?.span.offset ?? node.span.offset);
          const rendered = value.map((s) => renderStatementBlock(s, layout));
          if (rendered.some((r) => r === undefined) || shape.blocks.length === 0) return undefined;
          return replacePlaces(text, shape.blocks.map((b) => b.span), rendered as string[], layout.indent);
        }
        case 'principals':
        case 'principalStar': {
          const layout = layoutAt(shape.places[0]!.block.span.offset);
          const rendered = renderPrincipalBlocks(shape.blockType, value, layout);
          return rendered ? replacePlaces(text, shape.places.map((p) => p.block.span), rendered, layout.indent) : undefined;
        }
        case 'conditions':
        case 'conditionTest': {
          const layout = layoutAt(shape.places[0]!.block.span.offset);
          const rendered = renderConditionBlocks(value, layout, shape.kind === 'conditionTest' ? shape.test : undefined);
          return rendered ? replacePlaces(text, shape.places.map((p) => p.block.span), rendered, layout.indent) : undefined;
        }
        case 'merged': {
          // The first block's list takes the new value; the other blocks go.
          const first = shape.parts[0];
          if (!first) return undefined;
          const firstText = renderFor(first, value);
          if (firstText === undefined || (!shapeOf(first) && first.kind !== 'opaque')) return undefined;
          const list = asList(value);
          if (!list) return undefined;
          const edits = shape.blocks.slice(1).map((b) => removalOf(text, b.span, false));
          edits.push({ offset: first.span.offset, length: first.span.length, text: renderValue(list, layoutAt(first.span.offset)) });
          return merged(edits);
        }
        case 'document': {
          if (!shape.complete) return undefined;
          if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
          const indent = innerIndentOf(text, shape.block, undefined);
          const layout: Layout = { indent, unit: indentUnit(text), eol: lineBreak(text) };
          const attributes: (readonly [string, string])[] = [];
          const blocks: string[] = [];
          for (const [key, v] of Object.entries(value)) {
            if (documentAttributes[key] && typeof v === 'string') attributes.push([documentAttributes[key]!, hclString(v)]);
            else if (key === 'Statement' && Array.isArray(v)) {
              for (const statement of v) {
                const rendered = renderStatementBlock(statement, layout);
                if (rendered === undefined) return undefined;
                blocks.push(rendered);
              }
            } else return undefined;
          }
          const body = attributeLines(attributes, indent, layout.eol) + blocks.map((b) => `${indent}${b}${layout.eol}`).join('');
          const outer = indentationAt(text, shape.block.span.offset);
          return [{ offset: shape.block.open + 1, length: shape.block.close - shape.block.open - 1, text: `${layout.eol}${body}${outer}` }];
        }
        case 'object':
        case 'tuple':
        case 'stringAttribute':
        case undefined: {
          if (node.implied) return undefined;
          const rendered = renderFor(node, value);
          return rendered === undefined ? undefined : [{ offset: node.span.offset, length: node.span.length, text: rendered }];
        }
      }
    },

    insertEntry(mapping, before, key, value) {
      const shape = shapeOf(mapping);
      const beforeOffset = before && !before.value?.implied && before.span.length > 0 ? before.span.offset : undefined;
      switch (shape?.kind) {
        case 'object': {
          const index = before ? mapping.entries.findIndex((e) => e.span.offset === before.span.offset) : mapping.entries.length;
          if (index < 0) return undefined;
          const style = keyStyleOf(mapping);
          return insertInCollection(text, mapping, index, (layout, inline) => [
            `${hclKey(key, style.quoted)} ${style.separator} ${inline ? renderInline(value, style) : renderValue(value, layout, style)}`,
          ]);
        }
        case 'statement': {
          if (statementPlaces(shape, key).length > 0) return undefined;
          const rendered = statementMembers(shape, key, value);
          return rendered ? insertInBlock(text, shape.block, rendered, statementInner(shape), beforeOffset) : undefined;
        }
        case 'document': {
          const indent = innerIndentOf(text, shape.block, firstMemberOf(shape));
          const layout: Layout = { indent, unit: indentUnit(text), eol: lineBreak(text) };
          let rendered: string[];
          if (documentAttributes[key]) {
            if (typeof value !== 'string' || shape.attributes.has(documentAttributes[key]!)) return undefined;
            rendered = [`${documentAttributes[key]} = ${hclString(value)}`];
          } else if (key === 'Statement' && Array.isArray(value) && shape.statements.length === 0) {
            const blocks = value.map((s) => renderStatementBlock(s, layout));
            if (blocks.some((b) => b === undefined)) return undefined;
            rendered = blocks as string[];
          } else return undefined;
          return insertInBlock(text, shape.block, rendered, indent, beforeOffset);
        }
        case 'principals': {
          if (shape.places.some((p) => p.type === key)) return undefined;
          const last = shape.places[shape.places.length - 1]!.block;
          const layout = layoutAt(last.span.offset);
          const rendered = renderPrincipalBlocks(shape.blockType, { [key]: value }, layout);
          return rendered ? insertAfterBlock(text, last, rendered, layout.indent) : undefined;
        }
        case 'conditions': {
          if (shape.places.some((p) => p.test === key)) return undefined;
          const last = shape.places[shape.places.length - 1]!.block;
          const layout = layoutAt(last.span.offset);
          const rendered = renderConditionBlocks({ [key]: value }, layout);
          return rendered ? insertAfterBlock(text, last, rendered, layout.indent) : undefined;
        }
        case 'conditionTest': {
          if (shape.places.some((p) => p.variable === key)) return undefined;
          const last = shape.places[shape.places.length - 1]!.block;
          const layout = layoutAt(last.span.offset);
          const rendered = renderConditionBlocks({ [key]: value }, layout, shape.test);
          return rendered ? insertAfterBlock(text, last, rendered, layout.indent) : undefined;
        }
        default:
          return undefined;
      }
    },

    removeEntries(mapping, entries) {
      const shape = shapeOf(mapping);
      const real = entries.filter((e) => !e.value?.implied);
      switch (shape?.kind) {
        case 'object':
          return removeFromCollection(text, mapping, new Set(real.map((e) => e.span.offset)));
        case 'statement': {
          const spans = real.flatMap((e) => statementPlaces(shape, e.key));
          if (real.some((e) => statementPlaces(shape, e.key).length === 0)) return undefined;
          return merged(spans.map((span) => removalOf(text, span, false)));
        }
        case 'document': {
          const spans: Span[] = [];
          for (const entry of real) {
            if (entry.key === 'Statement') spans.push(...shape.statements.map((b) => b.span));
            else {
              const place = documentAttributes[entry.key] ? shape.attributes.get(documentAttributes[entry.key]!) : undefined;
              if (!place) return undefined;
              spans.push(place.span);
            }
          }
          return merged(spans.map((span) => removalOf(text, span, false)));
        }
        case 'principals':
        case 'conditions':
        case 'conditionTest': {
          const keys = new Set(real.map((e) => e.key));
          const places = shape.places.filter((p) => keys.has(shape.kind === 'principals' ? (p as PrincipalPlace).type : shape.kind === 'conditions' ? (p as ConditionPlace).test : (p as ConditionPlace).variable));
          return merged(places.map((p) => removalOf(text, p.block.span, false)));
        }
        default:
          return undefined;
      }
    },

    renameKey(mapping, entry, key) {
      const shape = shapeOf(mapping);
      switch (shape?.kind) {
        case 'object': {
          const quoted = text[entry.keySpan.offset] === '"';
          return [{ offset: entry.keySpan.offset, length: entry.keySpan.length, text: hclKey(key, quoted) }];
        }
        case 'statement': {
          if (entry.value?.implied) return undefined;
          const from = statementListAttributes[entry.key] ?? statementStringAttributes[entry.key];
          const to = statementListAttributes[key] ?? statementStringAttributes[key];
          const fromList = entry.key in statementListAttributes;
          if (from && to && fromList === key in statementListAttributes) {
            if (statementPlaces(shape, key).length > 0) return undefined;
            const place = shape.attributes.get(from);
            return place ? [{ offset: place.nameSpan.offset, length: place.nameSpan.length, text: to }] : undefined;
          }
          const fromBlock = statementBlockKeys[entry.key];
          const toBlock = statementBlockKeys[key];
          if (fromBlock && toBlock && fromBlock !== 'condition' && toBlock !== 'condition' && !shape.blocks.get(toBlock)?.length) {
            return (shape.blocks.get(fromBlock) ?? []).map((b) => ({ offset: b.typeSpan.offset, length: b.typeSpan.length, text: toBlock }));
          }
          return undefined;
        }
        case 'principals':
          if (shape.places.some((p) => p.type === key)) return undefined;
          return shape.places.filter((p) => p.type === entry.key).map((p) => ({ offset: p.typeSpan.offset, length: p.typeSpan.length, text: hclString(key) }));
        case 'conditions':
          if (shape.places.some((p) => p.test === key)) return undefined;
          return shape.places.filter((p) => p.test === entry.key).map((p) => ({ offset: p.testSpan.offset, length: p.testSpan.length, text: hclString(key) }));
        case 'conditionTest':
          if (shape.places.some((p) => p.variable === key)) return undefined;
          return shape.places.filter((p) => p.variable === entry.key).map((p) => ({ offset: p.variableSpan.offset, length: p.variableSpan.length, text: hclString(key) }));
        default:
          return undefined;
      }
    },

    insertItems(sequence, index, values) {
      if (!Number.isInteger(index) || index < 0 || index > sequence.items.length) return undefined;
      const shape = shapeOf(sequence);
      switch (shape?.kind) {
        case 'tuple': {
          if (shape.list && !values.every(isScalar)) return undefined;
          return insertInCollection(text, sequence, index, (layout, inline) => values.map((v) => (inline ? renderInline(v, defaultKeyStyle) : renderValue(v, layout))));
        }
        case 'statements': {
          const anchor = shape.blocks[index] ?? shape.blocks[shape.blocks.length - 1];
          const layout = layoutAt(anchor?.span.offset ?? sequence.span.offset);
          const rendered = values.map((v) => renderStatementBlock(v, layout));
          if (rendered.some((r) => r === undefined) || !anchor) return undefined;
          if (index < shape.blocks.length) return insertInBlock(text, shape.document, rendered as string[], layout.indent, anchor.span.offset);
          return insertAfterBlock(text, anchor, rendered as string[], layout.indent);
        }
        case 'merged': {
          // Into the block's list that holds the item at `index` (or the last one).
          let offset = 0;
          for (let p = 0; p < shape.parts.length; p++) {
            const part = shape.parts[p]!;
            const count = part.kind === 'sequence' ? part.items.length : 1;
            if (index <= offset + count || p === shape.parts.length - 1) {
              return part.kind === 'sequence' ? writer.insertItems(part, Math.min(index - offset, part.items.length), values) : undefined;
            }
            offset += count;
          }
          return undefined;
        }
        default:
          return undefined;
      }
    },

    removeItems(sequence, items) {
      const shape = shapeOf(sequence);
      switch (shape?.kind) {
        case 'tuple':
          return removeFromCollection(text, sequence, new Set(items.map((i) => i.span.offset)));
        case 'statements': {
          const removed = new Set(items.map((i) => i.span.offset));
          return merged(shape.blocks.filter((b) => removed.has(b.span.offset)).map((b) => removalOf(text, b.span, false)));
        }
        case 'merged': {
          const edits: Edit[] = [];
          const removed = new Set(items.map((i) => i.span.offset));
          for (const part of shape.parts) {
            if (part.kind !== 'sequence') {
              if (removed.has(part.span.offset)) return undefined;
              continue;
            }
            const mine = part.items.filter((i) => removed.has(i.span.offset));
            if (mine.length === 0) continue;
            const partEdits = writer.removeItems(part, mine);
            if (!partEdits) return undefined;
            edits.push(...partEdits);
          }
          return merged(edits);
        }
        default:
          return undefined;
      }
    },
  };
  return writer;
}

function firstMemberOf(shape: Extract<HclNodeShape, { kind: 'document' }>): number | undefined {
  const offsets = [...shape.attributes.values()].map((a) => a.span.offset).concat(shape.statements.map((b) => b.span.offset));
  return offsets.length ? Math.min(...offsets) : undefined;
}

/** New blocks on lines of their own after `block` (after its line's trailing comment). */
function insertAfterBlock(text: string, block: BlockPlace, rendered: readonly string[], indent: string): Edit[] {
  const eol = lineBreak(text);
  const at = skipTrailing(text, end(block.span), false);
  if (!atLineEnd(text, at)) return [{ offset: end(block.span), length: 0, text: rendered.map((r) => `${eol}${indent}${r}`).join('') + eol + indent }];
  return [{ offset: at, length: 0, text: rendered.map((r) => `${eol}${indent}${r}`).join('') }];
}

/** The entry of a mapping with this key (for tests and callers holding a key). */
export function entryOf(mapping: HostMapping, key: string): HostEntry | undefined {
  return mapping.entries.find((e) => e.key === key);
}
