/**
 * An embedded policy rendered as a JSON policy document (the "virtual" document the engine analyses), with the map
 * between the two texts. Every rendered value remembers its host node; strings whose characters stand one for one in
 * the host map character by character, anything else maps to its whole host node.
 */
import type { Span } from '../policy/model';
import type { HostEntry, HostMapping, HostSequence, HostTemplate, HostValue, JsonValue } from './types';

/** Where a run of virtual characters stands in the host, one for one. */
interface Piece {
  readonly virtualOffset: number;
  readonly length: number;
  readonly hostOffset: number;
}

export interface VirtualNode {
  readonly host: HostValue;
  /** The rendered value, quotes included. */
  readonly offset: number;
  readonly length: number;
  readonly items?: readonly VirtualNode[];
  readonly entries?: readonly VirtualEntry[];
  /** Runs of a string's characters that stand one for one in the host. */
  readonly pieces?: readonly Piece[];
}

export interface VirtualEntry {
  readonly entry: HostEntry;
  /** The rendered key, quotes included. */
  readonly keyOffset: number;
  readonly keyLength: number;
  /** Set when the key's characters stand one for one in the host. */
  readonly keyPiece?: Piece;
  /** The whole property, key to value. */
  readonly offset: number;
  readonly length: number;
  readonly value: VirtualNode | undefined;
}

/** A part of the virtual text where findings are judged differently: see hostAnalysis. */
export interface OpaqueRegion extends Span {
  readonly kind: 'opaque' | 'template' | 'implied';
  /** For templates: the end of the literal text before the first hole (findings inside it are kept). */
  readonly literalEnd?: number;
}

export interface VirtualPolicy {
  readonly text: string;
  readonly root: VirtualNode;
  /** Virtual offsets of values the host computes: the parser keeps them out of the lists it reads. */
  readonly opaqueValues: ReadonlySet<number>;
  readonly regions: readonly OpaqueRegion[];
  /**
   * Set on the rendering of a policy an edit moved (shift.ts): the nodes it maps to are where the policy was, and
   * host offsets are this far from them. The text and everything virtual are the same, so nothing is rendered again.
   */
  readonly hostDelta?: number;
}

/** The rendering of `policy` for the same policy moved by `delta` in the host text. */
export function movedRendering(policy: VirtualPolicy, delta: number): VirtualPolicy {
  return delta === 0 ? policy : { ...policy, hostDelta: (policy.hostDelta ?? 0) + delta };
}

/** The placeholder for a hole of a template: matches anything, as the unknown value may. */
export const holeText = '*';

/**
 * The other placeholder: a plain name, as narrow as a value gets. A finding that stands with both placeholders does
 * not depend on what the host puts in the hole (hostService keeps only those).
 */
export const narrowHoleText = 'h0le';

/** The JSON value the engine sees for a host value. */
export function jsonOf(value: HostValue | undefined): JsonValue {
  if (!value) return null;
  switch (value.kind) {
    case 'scalar':
      return typeof value.value === 'number' && !Number.isFinite(value.value) ? null : value.value;
    case 'template':
      return templateText(value);
    case 'opaque':
      return value.text;
    case 'mapping': {
      const object: { [key: string]: JsonValue } = {};
      // Like JSON.parse, the last of duplicate keys wins; the model reads the first, so only equality checks use this.
      for (const entry of value.entries) object[entry.key] = jsonOf(entry.value);
      return object;
    }
    case 'sequence':
      return value.items.map(jsonOf);
  }
}

export function templateText(template: HostTemplate): string {
  return template.parts.map((part) => ('hole' in part ? holeText : part.text)).join('');
}

/** JSON.stringify of a string, and whether each character stands for itself (no escapes). */
function quoted(text: string): { json: string; oneForOne: boolean } {
  const json = JSON.stringify(text);
  return { json, oneForOne: json.length === text.length + 2 };
}

/**
 * `prefixOnly` renders each template as its literal text up to the first hole and then one `*`: whatever the host
 * puts in the hole may hold the rest too (colons, slashes), so a finding on that rendering is decided by the prefix.
 */
export function renderPolicy(root: HostValue, hole = holeText, prefixOnly = false): VirtualPolicy {
  const chunks: string[] = [];
  let length = 0;
  const opaqueValues = new Set<number>();
  const regions: OpaqueRegion[] = [];
  const write = (text: string) => {
    chunks.push(text);
    length += text.length;
  };

  function renderString(host: HostValue, text: string, contentOffset: number | undefined): VirtualNode {
    const offset = length;
    const { json, oneForOne } = quoted(text);
    write(json);
    const pieces = oneForOne && contentOffset !== undefined ? [{ virtualOffset: offset + 1, length: text.length, hostOffset: contentOffset }] : undefined;
    return { host, offset, length: json.length, pieces };
  }

  function renderTemplate(host: HostTemplate): VirtualNode {
    const offset = length;
    write('"');
    const pieces: Piece[] = [];
    let literalEnd: number | undefined;
    for (const part of host.parts) {
      if ('hole' in part) {
        literalEnd ??= length;
        write(hole);
        if (prefixOnly) break;
        continue;
      }
      const { json, oneForOne } = quoted(part.text);
      if (oneForOne && part.contentOffset !== undefined) pieces.push({ virtualOffset: length, length: part.text.length, hostOffset: part.contentOffset });
      write(json.slice(1, -1));
    }
    write('"');
    regions.push({ kind: 'template', offset, length: length - offset, literalEnd: literalEnd ?? length - 1 });
    return { host, offset, length: length - offset, pieces };
  }

  function render(host: HostValue, indent: string): VirtualNode {
    switch (host.kind) {
      case 'scalar': {
        if (typeof host.value === 'string') return renderString(host, host.value, host.contentOffset);
        const offset = length;
        write(JSON.stringify(jsonOf(host)));
        // Numbers and booleans written as they read (`true`, `3`) map one for one too.
        const pieces =
          host.contentOffset !== undefined && host.value !== null ? [{ virtualOffset: offset, length: length - offset, hostOffset: host.contentOffset }] : undefined;
        return { host, offset, length: length - offset, pieces };
      }
      case 'template':
        return renderTemplate(host);
      case 'opaque': {
        const node = renderString(host, host.text, undefined);
        opaqueValues.add(node.offset);
        regions.push({ kind: 'opaque', offset: node.offset, length: node.length });
        return node;
      }
      case 'mapping':
        return renderMapping(host, indent);
      case 'sequence':
        return renderSequence(host, indent);
    }
  }

  function renderMapping(host: HostMapping, indent: string): VirtualNode {
    const offset = length;
    if (host.entries.length === 0) {
      write('{}');
      return { host, offset, length: 2, entries: [] };
    }
    const inner = `${indent}  `;
    const entries: VirtualEntry[] = [];
    write('{\n');
    host.entries.forEach((entry, index) => {
      write(inner);
      const keyOffset = length;
      const { json, oneForOne } = quoted(entry.key);
      write(json);
      const keyPiece =
        oneForOne && entry.keyContentOffset !== undefined ? { virtualOffset: keyOffset + 1, length: entry.key.length, hostOffset: entry.keyContentOffset } : undefined;
      write(': ');
      let value: VirtualNode | undefined;
      if (entry.value) value = render(entry.value, inner);
      else write('null');
      const rendered = { entry, keyOffset, keyLength: json.length, keyPiece, offset: keyOffset, length: length - keyOffset, value };
      if (entry.value?.implied) regions.push({ kind: 'implied', offset: rendered.offset, length: rendered.length });
      entries.push(rendered);
      write(index < host.entries.length - 1 ? ',\n' : '\n');
    });
    write(`${indent}}`);
    return { host, offset, length: length - offset, entries };
  }

  function renderSequence(host: HostSequence, indent: string): VirtualNode {
    const offset = length;
    if (host.items.length === 0) {
      write('[]');
      return { host, offset, length: 2, items: [] };
    }
    const inner = `${indent}  `;
    const items: VirtualNode[] = [];
    write('[\n');
    host.items.forEach((item, index) => {
      write(inner);
      const node = render(item, inner);
      if (item.implied) regions.push({ kind: 'implied', offset: node.offset, length: node.length });
      items.push(node);
      write(index < host.items.length - 1 ? ',\n' : '\n');
    });
    write(`${indent}]`);
    return { host, offset, length: length - offset, items };
  }

  const rootNode = render(root, '');
  write('\n');
  return { text: chunks.join(''), root: rootNode, opaqueValues, regions };
}

const contains = (outer: Span, offset: number, end: number) => outer.offset <= offset && end <= outer.offset + outer.length;

/** The host span of a virtual span: exact inside strings that map one for one, else the innermost node's. */
export function toHostSpan(policy: VirtualPolicy, span: Span): Span {
  const found = hostSpanAt(policy, span);
  return policy.hostDelta ? { offset: found.offset + policy.hostDelta, length: found.length } : found;
}

function hostSpanAt(policy: VirtualPolicy, span: Span): Span {
  const end = span.offset + span.length;
  let node = policy.root;
  for (;;) {
    const entry = node.entries?.find((candidate) => contains(candidate, span.offset, end));
    if (entry) {
      if (contains({ offset: entry.keyOffset, length: entry.keyLength }, span.offset, end)) {
        const piece = entry.keyPiece;
        if (piece && contains({ offset: piece.virtualOffset, length: piece.length }, span.offset, end)) {
          return { offset: piece.hostOffset + span.offset - piece.virtualOffset, length: span.length };
        }
        return entry.entry.keySpan;
      }
      if (entry.value && contains(entry.value, span.offset, end)) {
        node = entry.value;
        continue;
      }
      // Between the key and the value, or the whole property: the host's entry.
      return entry.entry.span;
    }
    const item = node.items?.find((candidate) => contains(candidate, span.offset, end));
    if (item) {
      node = item;
      continue;
    }
    for (const piece of node.pieces ?? []) {
      if (contains({ offset: piece.virtualOffset, length: piece.length }, span.offset, end)) {
        return { offset: piece.hostOffset + span.offset - piece.virtualOffset, length: span.length };
      }
    }
    return node.host.span;
  }
}

/**
 * The virtual offset for a host offset inside a string or key that maps one for one (where completion and hover
 * work); for other values, the start of the value's rendering when the offset is inside its host span. Undefined
 * outside every value.
 */
export function toVirtualOffset(policy: VirtualPolicy, offset: number): number | undefined {
  const hostOffset = offset - (policy.hostDelta ?? 0);
  const inside = (span: Span) => span.offset <= hostOffset && hostOffset <= span.offset + span.length;
  const fromPiece = (piece: Piece | undefined) =>
    piece && piece.hostOffset <= hostOffset && hostOffset <= piece.hostOffset + piece.length ? piece.virtualOffset + hostOffset - piece.hostOffset : undefined;
  let node = policy.root;
  for (;;) {
    let next: VirtualNode | undefined;
    for (const entry of node.entries ?? []) {
      const inKey = fromPiece(entry.keyPiece);
      if (inKey !== undefined) return inKey;
      if (inside(entry.entry.keySpan)) return entry.keyOffset + 1;
      if (entry.value && !entry.value.host.implied && inside(entry.value.host.span)) {
        next = entry.value;
        break;
      }
    }
    next ??= node.items?.find((item) => !item.host.implied && inside(item.host.span));
    if (next) {
      node = next;
      continue;
    }
    for (const piece of node.pieces ?? []) {
      const offset = fromPiece(piece);
      if (offset !== undefined) return offset;
    }
    if (node.host.kind === 'mapping' || node.host.kind === 'sequence') return undefined;
    return inside(node.host.span) ? node.offset + (node.host.kind === 'scalar' && typeof node.host.value !== 'string' ? 0 : 1) : undefined;
  }
}
