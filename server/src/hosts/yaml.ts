/**
 * YAML for the hosts: the `yaml` package parses (CST and composed documents, multi-document streams) and this file
 * turns each document into a HostValue tree with exact spans (UTF-16 offsets, as the text is a JS string).
 *
 * Scalars resolve by the YAML 1.2 core schema, the `yaml` package's default: `true`/`false`, `null`/`~`, numbers;
 * `yes`/`no`/`on`/`off` stay strings, as CloudFormation reads them. CloudFormation short forms (and any other local
 * tag) become their long form, a one-entry mapping: `!Ref X` is {"Ref": X}, `!Condition X` is {"Condition": X},
 * `!Name v` is {"Fn::Name": v}; `!GetAtt A.B` keeps its scalar "A.B". Aliases are never expanded (an alias is a
 * HostOpaque `*a`), so a "billion laughs" file costs nothing; merge keys `<<` are ordinary entries. Duplicate keys
 * keep both entries in order and stay a syntax error (CloudFormation rejects such templates). Every YAML error is a
 * HostSyntaxError; the document still converts as far as the parser recovered. Nothing here throws.
 *
 * The writer (yamlWriter.ts) needs to know how each node is written (quoting, block or flow, indentation): readYaml
 * records that in a layout per node, which `yamlLayout` answers.
 */
import { CST, Composer, Parser, isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type { Span } from '../policy/model';
import { throughOrigins } from './shift';
import type { HostEntry, HostMapping, HostScalar, HostSequence, HostSyntaxError, HostValue } from './types';

export interface YamlDocument {
  /** The document's content; undefined for an empty document (only comments, or `---` alone). */
  readonly root: HostValue | undefined;
  /** The whole document, directives and `---` included. */
  readonly span: Span;
}

export interface YamlRead {
  readonly documents: readonly YamlDocument[];
  readonly errors: readonly HostSyntaxError[];
}

/** How a file lays out its blocks, for text the writer adds. */
export interface YamlFileStyle {
  /** Spaces a nested block mapping is indented by under its key (the first one the file shows; 2 when none). */
  readonly step: number;
  /** Spaces a block sequence is indented by under its key: 0 for `key:\n- a`, usually `step`. */
  readonly sequenceOffset: number;
  readonly eol: '\n' | '\r\n';
}

export type YamlStyle =
  | 'plain'
  | 'single'
  | 'double'
  | 'block-scalar'
  | 'block-map'
  | 'block-seq'
  | 'flow-map'
  | 'flow-seq'
  | 'alias'
  | 'tagged'
  | 'empty';

/** How one node is written, as the writer needs it. */
export interface YamlLayout {
  readonly style: YamlStyle;
  /** Inside a flow collection (`[...]`, `{...}`): values written here must be flow style. */
  readonly inFlow: boolean;
  /** Where the text that introduces the node ends: after its `:`, `-`, `?`, tag, or the document's start. */
  readonly leadIn: number;
  /** What holds the node: a block mapping entry, a block sequence item, a flow collection, a tag, the document. */
  readonly parent: 'map' | 'seq' | 'flow' | 'tag' | 'root';
  /** Column of the enclosing block collection's keys or `-` (-1 at the root). */
  readonly parentIndent: number;
  /** Column of this node's keys or `-` (block collections), else of its first character. */
  readonly column: number;
  /** The node or one inside it carries an anchor: replacing or removing it could break an alias. */
  readonly anchored: boolean;
  /** Block sequences: the offset of each item's `-`. */
  readonly indicators?: readonly number[];
  /** Block mappings: where each entry starts (its key's properties included). */
  readonly entryStarts?: readonly number[];
  readonly file: YamlFileStyle;
}

const layouts = new WeakMap<HostValue, YamlLayout>();

/**
 * A host that rebuilds a node readYaml built (to put opaque values or templates inside it) keeps the writer's
 * knowledge of how it is written.
 */
export function copyYamlLayout(from: HostValue, to: HostValue): void {
  const layout = layouts.get(from);
  if (layout && from.span.offset === to.span.offset && from.span.length === to.span.length) layouts.set(to, layout);
}

/** How a node that readYaml built is written; undefined for nodes it did not build. */
export function yamlLayout(node: HostValue): YamlLayout | undefined {
  const found = layouts.get(node);
  if (found) return found;
  // A copy of a node readYaml built (a template read by pieces, moved by an edit before it): its layout, moved.
  const moved = throughOrigins(node, (origin) => layouts.get(origin));
  if (!moved) return undefined;
  const { value: layout, delta } = moved;
  const shifted: YamlLayout = {
    ...layout,
    leadIn: layout.leadIn + delta,
    ...(layout.indicators && { indicators: layout.indicators.map((offset) => offset + delta) }),
    ...(layout.entryStarts && { entryStarts: layout.entryStarts.map((offset) => offset + delta) }),
  };
  layouts.set(node, shifted);
  return shifted;
}

/** Composed nodes always have a range; the type allows none. */
function rangeOf(node: YamlNode): readonly [number, number, number] {
  return node.range ?? [0, 0, 0];
}

/** Tags and anchors in front of a node, from the CST (the composed nodes do not keep where they were). */
interface Props {
  readonly start: number;
  readonly tag?: CST.SourceToken;
  readonly anchor?: CST.SourceToken;
}

function collectProps(tokens: readonly CST.SourceToken[] | undefined, from = 0): Props | undefined {
  if (!tokens) return undefined;
  let start = -1;
  let tag: CST.SourceToken | undefined;
  let anchor: CST.SourceToken | undefined;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'tag' || t.type === 'anchor') {
      if (start < 0) start = t.offset;
      if (t.type === 'tag') tag ??= t;
      else anchor ??= t;
    }
  }
  return start < 0 ? undefined : { start, tag, anchor };
}

/** Maps each content token of the CST to the properties written in front of it. Linear, with an explicit stack. */
function propsByToken(tokens: readonly CST.Token[]): Map<CST.Token, Props> {
  const found = new Map<CST.Token, Props>();
  const note = (token: CST.Token | null | undefined, props: Props | undefined): void => {
    if (token && props) found.set(token, props);
  };
  const stack: CST.Token[] = [...tokens];
  while (stack.length > 0) {
    const token = stack.pop()!;
    switch (token.type) {
      case 'document':
        note(token.value, collectProps(token.start));
        if (token.value) stack.push(token.value);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        for (const item of token.items) {
          const { start, key, sep, value } = item as CST.CollectionItem;
          if (key !== undefined || sep !== undefined) {
            note(key, collectProps(start));
            note(value, collectProps(sep));
          } else note(value, collectProps(start));
          if (key) stack.push(key);
          if (value) stack.push(value);
        }
        break;
      default:
        break;
    }
  }
  return found;
}

/** Line starts, for columns; built once per text. */
class Lines {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  column(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return offset - this.starts[lo];
  }
}

interface Context {
  readonly inFlow: boolean;
  readonly leadIn: number;
  readonly parent: YamlLayout['parent'];
  readonly parentIndent: number;
}

class Converter {
  private readonly lines: Lines;
  private stepSeen: number | undefined;
  private sequenceOffsetSeen: number | undefined;
  readonly file: { step: number; sequenceOffset: number; eol: '\n' | '\r\n' };
  /** Found here rather than by the composer's `uniqueKeys`, which compares every key with every other. */
  readonly duplicateKeys: HostSyntaxError[] = [];

  constructor(
    private readonly text: string,
    private readonly props: Map<CST.Token, Props>,
  ) {
    this.lines = new Lines(text);
    const firstBreak = text.indexOf('\n');
    this.file = { step: 2, sequenceOffset: 2, eol: firstBreak > 0 && text[firstBreak - 1] === '\r' ? '\r\n' : '\n' };
  }

  finish(): void {
    this.file.step = this.stepSeen ?? 2;
    this.file.sequenceOffset = this.sequenceOffsetSeen ?? this.file.step;
  }

  private propsOf(node: YamlNode | null | undefined): Props | undefined {
    const token = node?.srcToken;
    return token ? this.props.get(token) : undefined;
  }

  /** The node with its tag: a local tag (`!Sub`) gives the long-form one-entry mapping around the content. */
  convert(node: YamlNode | null | undefined, ctx: Context, props = this.propsOf(node)): HostValue | undefined {
    if (!node) return undefined;
    const tag = node.tag;
    if (tag && tag.startsWith('!') && tag.length > 1 && !tag.startsWith('!!')) {
      const name = tag.slice(1);
      const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
      const tagToken = props?.tag;
      const start = props?.start ?? rangeOf(node)[0];
      const keySpan: Span = tagToken ? { offset: tagToken.offset, length: tagToken.source.length } : { offset: start, length: 0 };
      const leadIn = keySpan.offset + keySpan.length;
      const content = this.convertContent(node, { inFlow: ctx.inFlow, leadIn, parent: 'tag', parentIndent: ctx.parentIndent }, undefined);
      const end = Math.max(leadIn, content.span.offset + content.span.length);
      const span: Span = { offset: start, length: end - start };
      const entry: HostEntry = {
        key,
        keySpan,
        keyContentOffset: tagToken && tagToken.source === `!${name}` && name === key ? keySpan.offset + 1 : undefined,
        span: { offset: keySpan.offset, length: end - keySpan.offset },
        value: content,
      };
      const mapping: HostMapping = { kind: 'mapping', span, entries: [entry] };
      this.record(mapping, 'tagged', ctx, this.lines.column(start), props?.anchor !== undefined || this.layoutAnchored(content));
      return mapping;
    }
    return this.convertContent(node, ctx, props);
  }

  private layoutAnchored(node: HostValue): boolean {
    return layouts.get(node)?.anchored ?? false;
  }

  private record(
    node: HostValue,
    style: YamlStyle,
    ctx: Context,
    column: number,
    anchored: boolean,
    extra?: { indicators?: number[]; entryStarts?: number[] },
  ): void {
    layouts.set(node, {
      style,
      inFlow: ctx.inFlow,
      leadIn: ctx.leadIn,
      parent: ctx.parent,
      parentIndent: ctx.parentIndent,
      column,
      anchored,
      file: this.file,
      ...extra,
    });
  }

  private convertContent(node: YamlNode, ctx: Context, props: Props | undefined): HostValue {
    const start = props?.start ?? rangeOf(node)[0];
    const anchored = props?.anchor !== undefined;
    if (isScalar(node)) return this.scalar(node, start, ctx, anchored);
    if (isAlias(node)) {
      const end = rangeOf(node)[1];
      const opaque: HostValue = { kind: 'opaque', span: { offset: start, length: end - start }, text: this.text.slice(rangeOf(node)[0], end) };
      this.record(opaque, 'alias', ctx, this.lines.column(start), anchored);
      return opaque;
    }
    if (isMap(node)) return this.mapping(node, start, ctx, anchored);
    if (isSeq(node)) return this.sequence(node, start, ctx, anchored);
    // Anything else (a pair at the root, never produced by the composer) reads as null.
    const empty: HostScalar = { kind: 'scalar', value: null, span: { offset: start, length: 0 } };
    this.record(empty, 'empty', ctx, this.lines.column(start), anchored);
    return empty;
  }

  private scalar(node: import('yaml').Scalar, start: number, ctx: Context, anchored: boolean): HostScalar {
    const [contentStart, valueEnd] = rangeOf(node);
    let end = valueEnd;
    let style: YamlStyle;
    let contentOffset: number | undefined;
    const source = this.text.slice(contentStart, valueEnd);
    const value = node.value;
    const jsValue: HostScalar['value'] =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null
        ? value
        : typeof value === 'bigint'
          ? Number(value)
          : String(value);
    const multiLine = source.includes('\n') || source.includes('\r');
    switch (node.type) {
      case 'QUOTE_SINGLE':
        style = 'single';
        if (!multiLine && typeof jsValue === 'string' && source.length === jsValue.length + 2) contentOffset = contentStart + 1;
        break;
      case 'QUOTE_DOUBLE':
        style = 'double';
        if (!multiLine && typeof jsValue === 'string' && source.length === jsValue.length + 2 && !source.includes('\\')) contentOffset = contentStart + 1;
        break;
      case 'BLOCK_FOLDED':
      case 'BLOCK_LITERAL':
        style = 'block-scalar';
        // The composed range runs over the line breaks after the content; the value ends at its last character.
        while (end > contentStart + 1 && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
        break;
      default:
        style = source.length === 0 ? 'empty' : 'plain';
        if (!multiLine && source.length > 0 && source === String(jsValue)) contentOffset = contentStart;
    }
    const scalar: HostScalar = { kind: 'scalar', value: jsValue, span: { offset: start, length: end - start }, contentOffset };
    this.record(scalar, style, ctx, this.lines.column(contentStart), anchored);
    return scalar;
  }

  private keyOf(key: unknown, ctx: Context): { key: string; keySpan: Span; keyContentOffset?: number; start: number; anchored: boolean } {
    if (isScalar(key)) {
      const props = this.propsOf(key);
      const [s, e] = rangeOf(key);
      const source = this.text.slice(s, e);
      let text: string;
      let contentOffset: number | undefined;
      if (key.type === 'PLAIN') {
        // A plain key is its text: `true:` or `1.0:` name the key "true", "1.0", as in JSON.
        text = source.includes('\n') || source.includes('\r') ? String(key.value) : source;
        if (text === source && source.length > 0) contentOffset = s;
      } else {
        text = String(key.value);
        const scalar = this.scalar(key, s, ctx, false);
        layouts.delete(scalar);
        contentOffset = scalar.contentOffset;
      }
      return { key: text, keySpan: { offset: s, length: e - s }, keyContentOffset: contentOffset, start: props?.start ?? s, anchored: props?.anchor !== undefined };
    }
    if (isAlias(key) || isMap(key) || isSeq(key)) {
      const [s, e] = rangeOf(key as YamlNode);
      return { key: this.text.slice(s, e), keySpan: { offset: s, length: e - s }, start: s, anchored: false };
    }
    return { key: '', keySpan: { offset: ctx.leadIn, length: 0 }, start: ctx.leadIn, anchored: false };
  }

  private mapping(node: import('yaml').YAMLMap, start: number, ctx: Context, anchored: boolean): HostMapping {
    const flow = node.flow === true || ctx.inFlow;
    const column = this.lines.column(rangeOf(node)[0]);
    const entries: HostEntry[] = [];
    const entryStarts: number[] = [];
    const childIndent = flow ? ctx.parentIndent : column;
    const seen = new Set<string>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = this.keyOf(pair.key, ctx);
      anchored ||= key.anchored;
      if (seen.has(key.key)) this.duplicateKeys.push({ ...key.keySpan, message: 'Map keys must be unique' });
      else seen.add(key.key);
      const item = pair.srcToken;
      const indicator = item?.sep?.find((t) => t.type === 'map-value-ind');
      const leadIn = indicator ? indicator.offset + 1 : key.keySpan.offset + key.keySpan.length;
      const childCtx: Context = { inFlow: flow || ctx.inFlow, leadIn, parent: flow ? 'flow' : 'map', parentIndent: childIndent };
      let value: HostValue | undefined;
      if (pair.value !== null && pair.value !== undefined) {
        let props = this.propsOf(pair.value as YamlNode);
        // An empty value has no CST token of its own; its tag and anchor are in the entry's separator.
        if (!props && !(pair.value as YamlNode).srcToken && item) props = collectProps(item.sep);
        value = this.convert(pair.value as YamlNode, childCtx, props);
        if (value && this.layoutAnchored(value)) anchored = true;
        if (value && !flow) this.noteIndent(column, value);
      } else if (indicator) {
        value = undefined;
      }
      const valueEnd = value ? value.span.offset + value.span.length : 0;
      const end = Math.max(valueEnd, leadIn, key.keySpan.offset + key.keySpan.length);
      entries.push({
        key: key.key,
        keySpan: key.keySpan,
        keyContentOffset: key.keyContentOffset,
        span: { offset: key.start, length: end - key.start },
        value,
      });
      entryStarts.push(key.start);
    }
    let end: number;
    if (flow || entries.length === 0) end = Math.max(rangeOf(node)[1], start);
    else {
      const last = entries[entries.length - 1].span;
      end = last.offset + last.length;
    }
    const mapping: HostMapping = { kind: 'mapping', span: { offset: start, length: end - start }, entries };
    this.record(mapping, flow ? 'flow-map' : 'block-map', ctx, column, anchored, flow ? undefined : { entryStarts });
    return mapping;
  }

  private sequence(node: import('yaml').YAMLSeq, start: number, ctx: Context, anchored: boolean): HostSequence {
    const token = node.srcToken;
    const flow = node.flow === true || ctx.inFlow;
    const column = this.lines.column(rangeOf(node)[0]);
    const items: HostValue[] = [];
    const indicators: number[] = [];
    const cstItems = token && token.type === 'block-seq' ? token.items : undefined;
    let cstIndex = 0;
    for (const item of node.items as unknown[]) {
      let leadIn = ctx.leadIn;
      let props: Props | undefined;
      if (cstItems) {
        // The composer skips CST items that hold only comments; the others match the composed items in order.
        while (cstIndex < cstItems.length && !cstItems[cstIndex].value && !cstItems[cstIndex].start.some((t) => t.type === 'seq-item-ind')) cstIndex++;
        const cstItem = cstItems[cstIndex++];
        const indicator = cstItem?.start.find((t) => t.type === 'seq-item-ind');
        if (indicator) {
          leadIn = indicator.offset + 1;
          indicators.push(indicator.offset);
        } else indicators.push(rangeOf(item as YamlNode)[0]);
        if (cstItem && !cstItem.value) props = collectProps(cstItem.start);
      }
      const childCtx: Context = { inFlow: flow || ctx.inFlow, leadIn, parent: flow ? 'flow' : 'seq', parentIndent: flow ? ctx.parentIndent : column };
      const value = this.convert(item as YamlNode, childCtx, props ?? this.propsOf(item as YamlNode));
      if (!value) continue;
      if (this.layoutAnchored(value)) anchored = true;
      items.push(value);
    }
    let end: number;
    if (flow || items.length === 0) end = Math.max(rangeOf(node)[1], start);
    else {
      const last = items[items.length - 1].span;
      end = last.offset + last.length;
    }
    const sequence: HostSequence = { kind: 'sequence', span: { offset: start, length: end - start }, items };
    this.record(sequence, flow ? 'flow-seq' : 'block-seq', ctx, column, anchored, flow ? undefined : { indicators });
    return sequence;
  }

  /** Learns the file's indentation from the first nested blocks under keys. */
  private noteIndent(parentColumn: number, value: HostValue): void {
    if (this.stepSeen !== undefined && this.sequenceOffsetSeen !== undefined) return;
    const layout = layouts.get(value);
    if (!layout) return;
    const offset = layout.column - parentColumn;
    if (layout.style === 'block-map' && this.stepSeen === undefined && offset > 0) this.stepSeen = offset;
    if (layout.style === 'block-seq' && this.sequenceOffsetSeen === undefined && offset >= 0) this.sequenceOffsetSeen = offset;
  }
}

function syntaxError(text: string, error: { pos: [number, number]; message: string }): HostSyntaxError {
  const offset = Math.min(Math.max(0, error.pos[0]), text.length);
  const end = Math.min(Math.max(offset, error.pos[1]), text.length);
  return { offset, length: end - offset, message: error.message };
}

/**
 * Every document of a YAML stream as HostValue trees, and the stream's syntax errors. Never throws.
 *
 * A quoted string that runs over several lines must have them indented more than its key (YAML 1.2), but PyYAML,
 * which cfn-lint and the SAM CLI read templates with, also takes lines at the key's indentation, and AWS's own
 * samples write policies that way (`PolicyDocument: !Sub '{` ... `}'` with the `}'` under the key). When the string
 * is left unclosed for that reason only, its line breaks are read as spaces, which keeps every offset and changes
 * nothing a policy in it means (a line break between JSON tokens is a space); the file is then read as those tools
 * read it.
 */
export function readYaml(text: string): YamlRead {
  let read = readYamlText(text);
  let source = text;
  // The lexer stops at the first such string, so the next shows only once it is mended: a few rounds at most.
  for (let round = 0; round < quoteRepairRounds && read.unclosedQuotes.length > 0; round++) {
    const repaired = closeQuotesAsPyYaml(source, read.unclosedQuotes);
    if (repaired === undefined) break;
    const again = readYamlText(repaired);
    if (again.errors.length >= read.errors.length) break;
    read = again;
    source = repaired;
  }
  return read;
}

/** How many unclosed strings are mended one after another (each costs a parse of the whole file). */
const quoteRepairRounds = 8;

/**
 * The text with the line breaks of each unclosed quoted string (by where it opens) written as spaces, up to its real
 * closing quote; undefined when one has none, or has it on the line it was left open on.
 */
function closeQuotesAsPyYaml(text: string, quoteOffsets: readonly number[]): string | undefined {
  const chars = text.split('');
  for (const offset of quoteOffsets) {
    const quote = text[offset];
    let close = -1;
    for (let i = offset + 1; i < text.length; i++) {
      const c = text[i];
      if (quote === "'" && c === "'") {
        if (text[i + 1] === "'") i++;
        else {
          close = i;
          break;
        }
      } else if (quote === '"' && c === '\\') i++;
      else if (quote === '"' && c === '"') {
        close = i;
        break;
      }
    }
    // No closing quote, or one on the same line: a quote left open, not an indentation the lexer refused.
    if (close < 0 || !/[\r\n]/.test(text.slice(offset, close))) return undefined;
    for (let i = offset + 1; i < close; i++) if (chars[i] === '\n' || chars[i] === '\r') chars[i] = ' ';
  }
  return chars.join('');
}

/** Where the quoted scalars open that the lexer ended where a missing-quote error is reported. */
function unclosedQuotes(tokens: readonly CST.Token[], errors: readonly { code: string; pos: [number, number] }[]): number[] {
  const missing = new Set(errors.filter((e) => e.code === 'MISSING_CHAR').map((e) => e.pos[0]));
  if (missing.size === 0) return [];
  const offsets: number[] = [];
  for (const token of tokens) {
    if (token.type !== 'document') continue;
    CST.visit(token, (item) => {
      for (const node of [item.key, item.value]) {
        if ((node?.type === 'single-quoted-scalar' || node?.type === 'double-quoted-scalar') && missing.has(node.offset + node.source.length)) offsets.push(node.offset);
      }
    });
  }
  return offsets;
}

function readYamlText(text: string): YamlRead & { readonly unclosedQuotes: readonly number[] } {
  const errors: HostSyntaxError[] = [];
  let quotes: number[] = [];
  const documents: YamlDocument[] = [];
  // Every tag the schema does not know (each `!Sub`) gives a warning, an Error object; their stacks are never read and
  // capturing them was a tenth of the time on a large template.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const tokens = Array.from(new Parser().parse(text));
    const converter = new Converter(text, propsByToken(tokens));
    // Core schema (YAML 1.2), the package's default; errors without the code frame: the editor shows the place.
    const composer = new Composer({ keepSourceTokens: true, prettyErrors: false, schema: 'core', uniqueKeys: false });
    const composed: Document.Parsed[] = [...composer.compose(tokens), ...composer.end()];
    quotes = unclosedQuotes(
      tokens,
      composed.flatMap((doc) => doc.errors),
    );
    for (const doc of composed) {
      for (const error of doc.errors) errors.push(syntaxError(text, error));
      const [docStart, , docEnd] = doc.range;
      let root: HostValue | undefined;
      const contents = doc.contents as YamlNode | null;
      const emptyContent = contents !== null && isScalar(contents) && contents.source === '' && contents.tag === undefined && !contents.srcToken;
      if (contents && !emptyContent) {
        root = converter.convert(contents, { inFlow: false, leadIn: rangeOf(contents)[0], parent: 'root', parentIndent: -1 });
      }
      documents.push({ root, span: { offset: docStart, length: Math.max(0, docEnd - docStart) } });
    }
    if (composed.length === 0) for (const error of composer.streamInfo().errors) errors.push(syntaxError(text, error));
    converter.finish();
    errors.push(...converter.duplicateKeys);
  } catch (error) {
    // The parser recurses; a pathologically deep file can exhaust the stack. Report it instead of throwing.
    errors.push({ offset: 0, length: 0, message: `The YAML could not be read: ${error instanceof Error ? error.message : String(error)}` });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  errors.sort((a, b) => a.offset - b.offset);
  return { documents, errors, unclosedQuotes: quotes };
}
