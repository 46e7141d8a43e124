/**
 * Writes changes into YAML that readYaml read, in the file's own idiom: block collections at the indentation the file
 * uses (never tabs), flow style inside flow collections, the quoting style a scalar already has when it can hold the
 * new value, else plain when the string reads back as itself, else quoted. Removing a block entry or item removes its
 * lines (a comment on the same line goes with it; comments on other lines stay). Anything it cannot write safely
 * (an anchored node an alias may refer to, a tag's own key, a layout it does not know) answers undefined.
 */
import { parse as parseYaml } from 'yaml';
import type { Edit } from '../rules/types';
import type { HostEntry, HostMapping, HostSequence, HostValue, HostWriter, JsonValue } from './types';
import { readYaml, yamlLayout, type YamlLayout } from './yaml';

type JsonObject = { [key: string]: JsonValue };

const indicatorStart = new Set('-?:,[]{}#&*!|>\'"%@`');

/** Control characters, and the characters some YAML readers take for line breaks or a byte-order mark. */
function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || c === 0x85 || c === 0x2028 || c === 0x2029 || c === 0xfeff) return true;
  }
  return false;
}

/** Does `s` read back, unquoted, as this very string (in both YAML 1.2 core and YAML 1.1 readers)? */
export function plainSafe(s: string, inFlow: boolean): boolean {
  if (s.length === 0 || s !== s.trim() || indicatorStart.has(s[0])) return false;
  if (hasControl(s)) return false;
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  if (inFlow && /[,[\]{}]/.test(s)) return false;
  // The schemas decide the rest (`yes`, `null`, `0x1f`, `.inf`, `2012-10-17` as a 1.1 timestamp...): ask the parser.
  for (const schema of ['core', 'yaml-1.1'] as const) {
    try {
      if (parseYaml(s, { schema, prettyErrors: false }) !== s) return false;
    } catch {
      return false;
    }
  }
  return true;
}

function singleQuoted(s: string): string | undefined {
  if (hasControl(s)) return undefined;
  return `'${s.replace(/'/g, "''")}'`;
}

/** JSON's string escapes are a subset of YAML's double-quoted ones. */
function doubleQuoted(s: string): string {
  return JSON.stringify(s);
}

/** A string in `style` when that style can hold it, else plain when safe, else single, else double quotes. */
function renderString(s: string, inFlow: boolean, style?: YamlLayout['style']): string {
  if (style === 'double') return doubleQuoted(s);
  if (style === 'single') return singleQuoted(s) ?? doubleQuoted(s);
  if (plainSafe(s, inFlow)) return s;
  return singleQuoted(s) ?? doubleQuoted(s);
}

function renderScalar(value: string | number | boolean | null, inFlow: boolean, style?: YamlLayout['style']): string {
  if (typeof value === 'string') return renderString(value, inFlow, style);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '.nan';
  return String(value);
}

function isNonEmptyCollection(value: JsonValue): value is JsonValue[] | JsonObject {
  return value !== null && typeof value === 'object' && (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0);
}

/** The quoting of strings written where the file quotes them: `- "s3:GetObject"` expanded stays quoted. */
type Quoting = 'single' | 'double' | undefined;

/** How the scalar at `offset` is quoted (a tag or anything else before it: not quoted). */
function quotingAt(text: string, offset: number): Quoting {
  return text[offset] === '"' ? 'double' : text[offset] === "'" ? 'single' : undefined;
}

/** One line of flow YAML: `{Effect: Allow, Action: [s3:GetObject]}`. */
function renderFlow(value: JsonValue, quoting?: Quoting): string {
  if (value === null || typeof value !== 'object') return renderScalar(value, true, quoting);
  if (Array.isArray(value)) return `[${value.map((item) => renderFlow(item, quoting)).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${renderString(k, true)}: ${renderFlow(v, quoting)}`)
    .join(', ')}}`;
}

interface BlockStyle {
  readonly step: number;
  readonly sequenceOffset: number;
}

/**
 * A non-empty collection as block lines, each indented to `column` (nested ones deeper); a scalar or an empty
 * collection as one line. Sequence items holding collections use the compact form `- Effect: Allow`.
 */
function renderBlockLines(value: JsonValue, column: number, style: BlockStyle, quoting?: Quoting): string[] {
  const pad = ' '.repeat(column);
  if (!isNonEmptyCollection(value)) return [pad + renderFlow(value, quoting)];
  const lines: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const inner = renderBlockLines(item, column + 2, style, quoting);
      lines.push(`${pad}- ${inner[0].slice(column + 2)}`, ...inner.slice(1));
    }
    return lines;
  }
  for (const [key, item] of Object.entries(value)) {
    const head = `${pad}${renderString(key, false)}:`;
    if (!isNonEmptyCollection(item)) lines.push(`${head} ${renderFlow(item, quoting)}`);
    else lines.push(head, ...renderBlockLines(item, column + (Array.isArray(item) ? style.sequenceOffset : style.step), style, quoting));
  }
  return lines;
}

interface Resolved<T extends HostValue> {
  readonly node: T;
  readonly layout: YamlLayout;
}

export function yamlWriter(text: string): HostWriter {
  let index: Map<string, HostValue[]> | undefined;

  /** The node as readYaml built it: by identity, or by its span in a fresh read (for nodes other hosts rebuilt). */
  function resolve<T extends HostValue>(node: T, kind?: T['kind']): Resolved<T> | undefined {
    if (node.implied) return undefined;
    const own = yamlLayout(node);
    if (own && node.span.offset + node.span.length <= text.length) return { node, layout: own };
    if (!index) {
      index = new Map();
      const stack: HostValue[] = [];
      for (const doc of readYaml(text).documents) if (doc.root) stack.push(doc.root);
      while (stack.length > 0) {
        const value = stack.pop()!;
        const key = `${value.span.offset}:${value.span.length}`;
        const list = index.get(key);
        if (list) list.push(value);
        else index.set(key, [value]);
        if (value.kind === 'mapping') for (const e of value.entries) if (e.value) stack.push(e.value);
        if (value.kind === 'sequence') for (const v of value.items) stack.push(v);
      }
    }
    const found = index.get(`${node.span.offset}:${node.span.length}`) ?? [];
    // A tagged node and a collection can share a span with nothing else; prefer the kind asked for, else the outermost.
    const match = (kind ? found.find((v) => v.kind === kind) : undefined) ?? (kind ? undefined : found[found.length - 1]);
    const layout = match ? yamlLayout(match) : undefined;
    return match && layout ? { node: match as T, layout } : undefined;
  }

  const eol = (layout: YamlLayout): string => layout.file.eol;
  const end = (span: { offset: number; length: number }): number => span.offset + span.length;
  const lineStart = (offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;
  /** After the line break of the line holding `offset` (text.length on the last line without one). */
  const lineEnd = (offset: number): number => {
    const br = text.indexOf('\n', offset);
    return br < 0 ? text.length : br + 1;
  };
  const startsLine = (offset: number): boolean => /^[ \t]*$/.test(text.slice(lineStart(offset), offset));
  const blank = (from: number, to: number): boolean => /^\s*$/.test(text.slice(from, to));
  const anchoredValue = (value: HostValue | undefined): boolean => (value ? (yamlLayout(value)?.anchored ?? false) : false);

  /** Edits that delete merged ranges. */
  function deletions(ranges: [number, number][]): Edit[] {
    ranges.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const r of ranges) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    }
    return merged.map(([from, to]) => ({ offset: from, length: to - from, text: '' }));
  }

  /** Lines inserted after the line where `offset` is (a new last entry or item). */
  function appendLines(offset: number, lines: string[], newline: string): Edit {
    const at = lineEnd(offset);
    const afterBreak = at > 0 && text[at - 1] === '\n';
    return afterBreak ? { offset: at, length: 0, text: lines.join(newline) + newline } : { offset: at, length: 0, text: newline + lines.join(newline) };
  }

  /**
   * Lines inserted before a block entry or item starting at `start`: on their own lines when it starts its line,
   * else (the first entry after `- `) in its place, moving it to the next line.
   */
  function insertBefore(start: number, column: number, lines: string[], newline: string): Edit {
    if (startsLine(start)) return { offset: lineStart(start), length: 0, text: lines.join(newline) + newline };
    return { offset: start, length: 0, text: [lines[0].slice(column), ...lines.slice(1)].join(newline) + newline + ' '.repeat(column) };
  }

  /**
   * Block entries or items removed: whole lines for those that start their line; the first one after `- ` is
   * removed up to the next one kept, which takes its place.
   */
  function removeBlock(starts: readonly number[], ends: readonly number[], removed: ReadonlySet<number>): Edit[] {
    const ranges: [number, number][] = [];
    for (const i of removed) {
      if (startsLine(starts[i])) ranges.push([lineStart(starts[i]), lineEnd(ends[i])]);
      else {
        let next = i + 1;
        while (next < starts.length && removed.has(next)) next++;
        if (next >= starts.length) return [];
        ranges.push([starts[i], starts[next]]);
      }
    }
    return deletions(ranges);
  }

  /** Flow entries or items removed with their commas. */
  function removeFlow(starts: readonly number[], ends: readonly number[], removed: ReadonlySet<number>): Edit[] {
    const ranges: [number, number][] = [];
    for (let i = 0; i < starts.length; i++) {
      if (!removed.has(i) || (i > 0 && removed.has(i - 1))) continue;
      let j = i;
      while (j + 1 < starts.length && removed.has(j + 1)) j++;
      if (j + 1 < starts.length) ranges.push([starts[i], starts[j + 1]]);
      else ranges.push([ends[i - 1], ends[j]]);
    }
    return deletions(ranges);
  }

  function replaceValue(target: HostValue, value: JsonValue): readonly Edit[] | undefined {
    const resolved = resolve(target);
    if (!resolved) return undefined;
    const { node, layout } = resolved;
    if (layout.anchored) return undefined;
    const span = node.span;
    const newline = eol(layout);
    const gapBlank = layout.parent !== 'root' && layout.parent !== 'flow' && blank(layout.leadIn, span.offset);
    const onOwnLine = gapBlank && text.slice(layout.leadIn, span.offset).includes('\n');

    if (!isNonEmptyCollection(value)) {
      const rendered =
        value !== null && typeof value === 'object'
          ? Array.isArray(value)
            ? '[]'
            : '{}'
          : renderScalar(value, layout.inFlow, node.kind === 'scalar' ? layout.style : undefined);
      // A value on the lines below its key (a block collection) comes up onto the key's line.
      if (onOwnLine) return [{ offset: layout.leadIn, length: end(span) - layout.leadIn, text: ` ${rendered}` }];
      // An empty value right after its `:` or `-` needs the space that separates it.
      if (span.length === 0 && span.offset === layout.leadIn && layout.parent !== 'root') return [{ offset: span.offset, length: 0, text: ` ${rendered}` }];
      return [{ offset: span.offset, length: span.length, text: rendered }];
    }
    // A quoted string turned into a list (an action expanded) keeps its quotes on the new strings.
    const quoting = node.kind === 'scalar' ? quotingAt(text, span.offset) : undefined;
    if (layout.inFlow || layout.style === 'flow-map' || layout.style === 'flow-seq' || layout.parent === 'tag') {
      return [{ offset: span.offset, length: span.length, text: renderFlow(value, quoting) }];
    }
    const style = layout.file;
    const isSeq = Array.isArray(value);
    const block = (column: number): string[] => renderBlockLines(value, column, style, quoting);
    const inline = (lines: string[], column: number): string => [lines[0].slice(column), ...lines.slice(1)].join(newline);
    if (layout.parent === 'root' || layout.parent === 'seq') {
      // At the root or as a sequence item (compact `- Effect: Allow`): where the old value starts.
      const column = layout.parent === 'root' ? layout.column : span.offset - lineStart(span.offset);
      return [{ offset: span.offset, length: span.length, text: inline(block(column), column) }];
    }
    // An entry's value: below the key, indented.
    const wanted = layout.parentIndent + (isSeq ? style.sequenceOffset : style.step);
    const oldColumn = span.offset - lineStart(span.offset);
    if (onOwnLine && startsLine(span.offset) && (oldColumn > layout.parentIndent || (isSeq && oldColumn === layout.parentIndent))) {
      return [{ offset: span.offset, length: span.length, text: inline(block(oldColumn), oldColumn) }];
    }
    if (gapBlank) return [{ offset: layout.leadIn, length: end(span) - layout.leadIn, text: newline + block(wanted).join(newline) }];
    // A comment between the key and the value stays; the value is rewritten on its own lines.
    if (startsLine(span.offset)) return [{ offset: lineStart(span.offset), length: end(span) - lineStart(span.offset), text: block(wanted).join(newline) }];
    return undefined;
  }

  /** The entries as readYaml read them (matched by key offset); undefined when one is not in `mapping`. */
  function entriesOf(mapping: HostMapping, asked: readonly HostEntry[]): number[] | undefined {
    const indexes: number[] = [];
    for (const entry of asked) {
      const i = mapping.entries.findIndex((e) => e === entry || (e.keySpan.offset === entry.keySpan.offset && e.keySpan.length === entry.keySpan.length));
      if (i < 0) return undefined;
      indexes.push(i);
    }
    return indexes;
  }

  function itemsOf(sequence: HostSequence, asked: readonly HostValue[]): number[] | undefined {
    const indexes: number[] = [];
    for (const item of asked) {
      const i = sequence.items.findIndex((v) => v === item || (v.span.offset === item.span.offset && v.span.length === item.span.length));
      if (i < 0) return undefined;
      indexes.push(i);
    }
    return indexes;
  }

  const writer: HostWriter = {
    replaceValue,

    insertEntry(target, before, key, value) {
      const resolved = resolve(target, 'mapping');
      if (!resolved) return undefined;
      const { node, layout } = resolved;
      const newline = eol(layout);
      const beforeIndex = before ? entriesOf(node, [before])?.[0] : node.entries.length;
      if (beforeIndex === undefined) return undefined;
      if (layout.style === 'flow-map') {
        const entry = `${renderString(key, true)}: ${renderFlow(value)}`;
        if (node.entries.length === 0) {
          const inner = { from: node.span.offset + 1, to: end(node.span) - 1 };
          if (text[node.span.offset] !== '{' || text[inner.to] !== '}' || !blank(inner.from, inner.to)) return undefined;
          return [{ offset: inner.from, length: inner.to - inner.from, text: entry }];
        }
        if (beforeIndex < node.entries.length) return [{ offset: node.entries[beforeIndex].span.offset, length: 0, text: `${entry}, ` }];
        return [{ offset: end(node.entries[node.entries.length - 1].span), length: 0, text: `, ${entry}` }];
      }
      if (layout.style !== 'block-map' || node.entries.length === 0) return undefined;
      // A tag or anchor before the first key on its line (`!Ref \Version: x`) puts the entries' column after it: a
      // line written at that column would not line up with the key's line. Refused rather than guessed.
      const firstKey = node.entries[0].keySpan.offset;
      if (!/^[ \t]*(-[ \t]+)*$/.test(text.slice(lineStart(firstKey), firstKey))) return undefined;
      const lines = renderBlockLines({ [key]: value }, layout.column, layout.file);
      // Before an entry whose key is a plain or quoted scalar; a complex key (`[a, b]: x`, `? x`) gets the new entry
      // after the last one instead, where no key follows it on the line.
      const beforeEntry = beforeIndex < node.entries.length ? node.entries[beforeIndex] : undefined;
      if (beforeEntry && !/[[{?!&*|>]/.test(text[beforeEntry.span.offset] ?? '')) return [insertBefore(beforeEntry.span.offset, layout.column, lines, newline)];
      return [appendLines(end(node.entries[node.entries.length - 1].span), lines, newline)];
    },

    removeEntries(target, asked) {
      const resolved = resolve(target, 'mapping');
      if (!resolved) return undefined;
      const { node, layout } = resolved;
      const indexes = entriesOf(node, asked);
      if (!indexes || layout.style === 'tagged') return undefined;
      const removed = new Set(indexes);
      if ([...removed].some((i) => anchoredValue(node.entries[i].value))) return undefined;
      if (removed.size === 0) return [];
      if (removed.size === node.entries.length) return replaceValue(node, {});
      const starts = node.entries.map((e) => e.span.offset);
      const ends = node.entries.map((e) => end(e.span));
      if (layout.style === 'flow-map') return removeFlow(starts, ends, removed);
      if (layout.style !== 'block-map') return undefined;
      const edits = removeBlock(starts, ends, removed);
      return edits.length > 0 ? edits : undefined;
    },

    renameKey(target, entry, key) {
      const resolved = resolve(target, 'mapping');
      if (!resolved) return undefined;
      const { node, layout } = resolved;
      const i = entriesOf(node, [entry])?.[0];
      if (i === undefined || layout.style === 'tagged') return undefined;
      const keySpan = node.entries[i].keySpan;
      const first = text[keySpan.offset];
      const quoting = first === '"' ? 'double' : first === "'" ? 'single' : undefined;
      return [{ offset: keySpan.offset, length: keySpan.length, text: renderString(key, layout.style === 'flow-map' || layout.inFlow, quoting) }];
    },

    insertItems(target, index, values) {
      const resolved = resolve(target, 'sequence');
      if (!resolved) return undefined;
      const { node, layout } = resolved;
      if (index < 0 || index > node.items.length) return undefined;
      if (values.length === 0) return [];
      const newline = eol(layout);
      // New items are quoted like the item they follow (or precede): a list of "quoted" actions stays so.
      const neighbour = node.items[index - 1] ?? node.items[index];
      const quoting = neighbour?.kind === 'scalar' ? quotingAt(text, neighbour.span.offset) : undefined;
      if (layout.style === 'flow-seq') {
        const rendered = values.map((value) => renderFlow(value, quoting)).join(', ');
        if (node.items.length === 0) {
          const inner = { from: node.span.offset + 1, to: end(node.span) - 1 };
          if (text[node.span.offset] !== '[' || text[inner.to] !== ']' || !blank(inner.from, inner.to)) return undefined;
          return [{ offset: inner.from, length: inner.to - inner.from, text: rendered }];
        }
        if (index < node.items.length) return [{ offset: node.items[index].span.offset, length: 0, text: `${rendered}, ` }];
        return [{ offset: end(node.items[node.items.length - 1].span), length: 0, text: `, ${rendered}` }];
      }
      const indicators = layout.indicators;
      if (layout.style !== 'block-seq' || !indicators || indicators.length !== node.items.length || node.items.length === 0) return undefined;
      const lines = renderBlockLines(values as JsonValue[], layout.column, layout.file, quoting);
      if (index < node.items.length) return [insertBefore(indicators[index], layout.column, lines, newline)];
      return [appendLines(end(node.items[node.items.length - 1].span), lines, newline)];
    },

    removeItems(target, asked) {
      const resolved = resolve(target, 'sequence');
      if (!resolved) return undefined;
      const { node, layout } = resolved;
      const indexes = itemsOf(node, asked);
      if (!indexes) return undefined;
      const removed = new Set(indexes);
      if ([...removed].some((i) => anchoredValue(node.items[i]))) return undefined;
      if (removed.size === 0) return [];
      if (removed.size === node.items.length) return replaceValue(node, []);
      const ends = node.items.map((v) => end(v.span));
      if (layout.style === 'flow-seq') return removeFlow(node.items.map((v) => v.span.offset), ends, removed);
      const indicators = layout.indicators;
      if (layout.style !== 'block-seq' || !indicators || indicators.length !== node.items.length) return undefined;
      const edits = removeBlock(indicators, ends, removed);
      return edits.length > 0 ? edits : undefined;
    },
  };

  // A lone CR is a line break to YAML but not to the line arithmetic here (lineStart, startsLine): such a file gets
  // no edits rather than edits that join or split its lines wrongly.
  let loneCr: boolean | undefined;
  const refused = () => (loneCr ??= /\r(?!\n)/.test(text));
  return {
    replaceValue: (node, value) => (refused() ? undefined : writer.replaceValue(node, value)),
    insertEntry: (mapping, before, key, value) => (refused() ? undefined : writer.insertEntry(mapping, before, key, value)),
    removeEntries: (mapping, entries) => (refused() ? undefined : writer.removeEntries(mapping, entries)),
    renameKey: (mapping, entry, key) => (refused() ? undefined : writer.renameKey(mapping, entry, key)),
    insertItems: (sequence, index, values) => (refused() ? undefined : writer.insertItems(sequence, index, values)),
    removeItems: (sequence, items) => (refused() ? undefined : writer.removeItems(sequence, items)),
  };
}
