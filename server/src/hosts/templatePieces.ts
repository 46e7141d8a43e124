/**
 * A CloudFormation template read resource by resource, so that an edit costs the parse of the resource it is in.
 * The `yaml` package reads about 2 MB a second here, a 1 MB template takes half a second, and the language server
 * reads a template again on every keystroke. So the template is cut into pieces at the lines that start a resource
 * (`  Name:` at the indentation of `Resources:`'s entries; `"Name": {` in JSON laid out one key per line), each piece
 * is parsed alone (`Resources:\n<piece>`, `{<piece>}`), and its reading is kept while its text stays the same; a piece
 * the edit moved is placed at its new offset (shift.ts), not parsed.
 *
 * The cut is only trusted when every piece reads cleanly on its own: a construct that crossed a cut (an unclosed
 * quote or bracket, a missing comma) leaves an error in a piece, and then the template is read whole, as are
 * multi-document streams, tab-indented, flow-style or minified sections, and templates with two resources of one
 * name. The whole reading stays the reference: tests compare the two through edits and on fuzzed templates.
 */
import { BoundedMemo } from '../catalog/memo';
import { isAwsResourceType, isCloudFormation, readResource, templateWriter, type ResourceReading, type WriterKind } from './cloudformation';
import { readJson } from './json';
import { placedPolicy } from './shift';
import type { EmbeddedPolicy, HostDocument, HostValue, HostWriter } from './types';
import { readYaml } from './yaml';

interface Cut {
  /** Where the first resource starts: everything before is the head (with the `Resources:` line). */
  readonly headEnd: number;
  readonly pieces: readonly { readonly start: number; readonly end: number }[];
  /** Where the next top-level key starts (the text's length when Resources is last). */
  readonly tailStart: number;
  readonly eol: '\n' | '\r\n';
}

const resourcesLine = /^Resources[ \t]*:[ \t]*(?:#.*)?$/;
/** Characters that cannot start a plain resource name at the cut (sequences, flow collections, tags, anchors, ...). */
const unusualStart = new Set('-?:,[]{}#&*!|>%@`\t');

/** Where a template's resources start and end, or undefined when the text is not laid out to be cut safely. */
export function cutTemplate(text: string): Cut | undefined {
  let state: 'head' | 'resources' | 'tail' = 'head';
  let headEnd = -1;
  let tailStart = text.length;
  let entryIndent = -1;
  const starts: number[] = [];
  let eol: '\n' | '\r\n' = '\n';
  let contentSeen = false;
  for (let offset = 0; offset < text.length; ) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline < 0 ? text.length : newline;
    const next = newline < 0 ? text.length : newline + 1;
    const first = text[offset];
    // Document markers and directives: a stream of documents is read whole (a `---` before any content is allowed).
    if ((first === '-' || first === '.') && /^(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(text.slice(offset, offset + 4))) {
      if (contentSeen || first === '.') return undefined;
    } else if (first === '%') return undefined;
    else if (!contentSeen && first !== '#' && first !== ' ' && first !== '\r' && first !== '\n') contentSeen = true;
    if (state === 'resources') {
      let indent = 0;
      while (text.charCodeAt(offset + indent) === 0x20) indent++;
      const c = text[offset + indent];
      if (c === '\t') return undefined;
      const blank = offset + indent >= lineEnd || c === '\r' || c === '#';
      if (!blank) {
        if (indent === 0) {
          // The tail must start at a plain top-level key (`Outputs:`): a tag, anchor or other node there (`!!str`)
          // can take the indented lines after it, which the cut would count as resources.
          if (!/^[A-Za-z0-9_][^:#]*:(?:[ \t\r]|$)/.test(text.slice(offset, lineEnd))) return undefined;
          state = 'tail';
          tailStart = offset;
        } else if (entryIndent < 0 || indent === entryIndent) {
          if (unusualStart.has(c!)) return undefined;
          entryIndent = indent;
          starts.push(offset);
        } else if (indent < entryIndent) return undefined;
      }
    }
    if (state !== 'resources') {
      const line = text.slice(offset, text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd);
      if (resourcesLine.test(line)) {
        if (state === 'tail' || headEnd >= 0) return undefined;
        state = 'resources';
        headEnd = next;
        if (text[lineEnd - 1] === '\r') eol = '\r\n';
      }
    }
    offset = next;
  }
  if (starts.length === 0) return undefined;
  const pieces = starts.map((start, index) => ({ start, end: starts[index + 1] ?? tailStart }));
  return { headEnd: starts[0]!, pieces, tailStart, eol };
}

/**
 * The same cut in a JSON template laid out one key per line (as templates are written and generated): the lines at
 * the indentation of `"Resources": {`'s first entry that start a key. A piece is read as `{<entry>}` (its trailing
 * comma dropped); the head and the tail together, `Resources` empty, must read as JSON too.
 */
export function cutJsonTemplate(text: string): Cut | undefined {
  let state: 'start' | 'top' | 'resources' | 'tail' = 'start';
  let topIndent = -1;
  let entryIndent = -1;
  let tailStart = -1;
  const starts: number[] = [];
  for (let offset = 0; offset < text.length && state !== 'tail'; ) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline < 0 ? text.length : newline;
    let indent = 0;
    while (text[offset + indent] === ' ' || text[offset + indent] === '\t') indent++;
    const c = text[offset + indent];
    const blank = offset + indent >= lineEnd || c === '\r';
    if (!blank) {
      if (state === 'start') {
        if (c !== '{' || text.slice(offset + indent + 1, lineEnd).trim() !== '') return undefined;
        state = 'top';
      } else if (state === 'top') {
        if (topIndent < 0) topIndent = indent;
        if (indent === topIndent && /^"Resources"\s*:\s*\{\s*$/.test(text.slice(offset + indent, lineEnd))) state = 'resources';
      } else if (indent <= topIndent) {
        if (c !== '}') return undefined;
        tailStart = offset;
        state = 'tail';
      } else if (entryIndent < 0 || indent === entryIndent) {
        // At the entries' indentation: a key starts a resource, a closing bracket ends one.
        if (c === '"') {
          entryIndent = indent;
          starts.push(offset);
        } else if (entryIndent < 0 || (c !== '}' && c !== ']')) return undefined;
      } else if (indent < entryIndent) return undefined;
    }
    offset = newline < 0 ? text.length : newline + 1;
  }
  if (state !== 'tail' || starts.length === 0) return undefined;
  const pieces = starts.map((start, index) => ({ start, end: starts[index + 1] ?? tailStart }));
  return { headEnd: starts[0]!, pieces, tailStart, eol: '\n' };
}

/** A piece's reading, in the coordinates of `Resources:<eol><piece>` (YAML) or `{<piece>}` (JSON). */
interface PieceReading {
  readonly key: string;
  readonly reading: ResourceReading;
}

/** Part of a template outside Resources: its top-level keys, and whether it says "template" by itself. */
interface OuterReading {
  readonly keys: readonly string[];
  readonly declaresTemplate: boolean;
}

/**
 * Readings by text. A few large templates fit (a 1 MB template is 1 MB of keys, and each edit adds one piece); past
 * the bound the memo starts over and the next read is whole again.
 */
const pieceCache = new BoundedMemo<PieceReading | null>({ maxEntries: 50_000, maxKeyChars: 8_000_000, maxKeyLength: 2_000_000 });
const outerCache = new BoundedMemo<OuterReading | null>({ maxEntries: 1_000, maxKeyChars: 2_000_000, maxKeyLength: 2_000_000 });

function readPiece(header: string, piece: string): PieceReading | null {
  const text = header + piece;
  const read = readYaml(text);
  const root = read.documents.length === 1 ? read.documents[0]!.root : undefined;
  if (read.errors.length > 0 || root?.kind !== 'mapping' || root.entries.length !== 1) return null;
  const resources = root.entries[0]!.value;
  if (resources?.kind !== 'mapping' || resources.entries.length !== 1) return null;
  const entry = resources.entries[0]!;
  // The piece must be exactly one resource, starting where the piece starts.
  if (entry.keySpan.offset !== header.length + (piece.length - piece.trimStart().length)) return null;
  return { key: entry.key, reading: readResource(text, 'yaml', resources, entry) };
}

/** A JSON piece as `{<entry>}`: exactly one resource, starting where the piece starts. */
function readJsonPiece(text: string): PieceReading | null {
  const read = readJson(text);
  const root = read.root;
  if (read.errors.length > 0 || root?.kind !== 'mapping' || root.entries.length !== 1) return null;
  const entry = root.entries[0]!;
  if (entry.keySpan.offset !== text.length - text.slice(1).trimStart().length) return null;
  return { key: entry.key, reading: readResource(text, 'json', root, entry) };
}

function outerReading(root: HostValue | undefined): OuterReading | null {
  if (root === undefined) return { keys: [], declaresTemplate: false };
  if (root.kind !== 'mapping') return null;
  return { keys: root.entries.map((entry) => entry.key), declaresTemplate: isCloudFormation(root) };
}

function readOuter(text: string): OuterReading | null {
  const read = readYaml(text);
  if (read.errors.length > 0 || read.documents.length > 1) return null;
  return outerReading(read.documents[0]?.root);
}

/** The JSON template without its resources (`"Resources": {}`): it must read cleanly, keys once each. */
function readJsonOuter(text: string): OuterReading | null {
  const read = readJson(text);
  const outer = read.errors.length > 0 ? null : outerReading(read.root);
  return outer && new Set(outer.keys).size === outer.keys.length ? outer : null;
}

/**
 * The template read by pieces: `{ document }` (undefined when the text is no template), or undefined when it cannot
 * be read by pieces and must be read whole.
 */
export function readTemplateByPieces(text: string, syntax: 'yaml' | 'json' = 'yaml'): { readonly document: HostDocument | undefined } | undefined {
  const cut = syntax === 'yaml' ? cutTemplate(text) : cutJsonTemplate(text);
  if (!cut) return undefined;
  let outer: OuterReading | null;
  if (syntax === 'yaml') {
    const headText = text.slice(0, cut.headEnd);
    const head = outerCache.getOrCompute(headText, readOuter);
    const tailText = text.slice(cut.tailStart);
    const tail = tailText.length > 0 ? outerCache.getOrCompute(tailText, readOuter) : { keys: [], declaresTemplate: false };
    const clash = head && tail && head.keys.some((key) => tail.keys.includes(key));
    outer = head && tail && !clash ? { keys: [...head.keys, ...tail.keys], declaresTemplate: head.declaresTemplate || tail.declaresTemplate } : null;
  } else {
    outer = outerCache.getOrCompute(text.slice(0, cut.headEnd) + text.slice(cut.tailStart), readJsonOuter);
  }
  if (!outer) return undefined;
  const header = `Resources:${cut.eol}`;
  const pieces: { piece: PieceReading; base: number }[] = [];
  const names = new Set<string>();
  for (const [index, { start, end }] of cut.pieces.entries()) {
    const source = text.slice(start, end);
    let piece: PieceReading | null;
    let base: number;
    if (syntax === 'yaml') {
      // The header's line break is part of the reading (the writer's line breaks): CRLF pieces are kept apart.
      piece = pieceCache.getOrCompute(cut.eol === '\n' ? source : `\r${source}`, () => readPiece(header, source));
      base = start - header.length;
    } else {
      // Entries are separated by commas: every piece but the last ends with one (else the whole reading reports it).
      const entry = source.trimEnd();
      const last = index === cut.pieces.length - 1;
      if (entry.endsWith(',') === last) return undefined;
      piece = pieceCache.getOrCompute(`{${last ? entry : entry.slice(0, -1)}}`, readJsonPiece);
      base = start - 1;
    }
    if (!piece || names.has(piece.key)) return undefined;
    names.add(piece.key);
    pieces.push({ piece, base });
  }
  const isTemplate = outer.declaresTemplate || pieces.some(({ piece }) => isAwsResourceType(piece.reading.type));
  if (!isTemplate) return { document: undefined };
  const boundaries = new Set(pieces.flatMap(({ piece }) => [...piece.reading.boundaries]));
  const writers = new Map<WriterKind, HostWriter>();
  const writerOf = (kind: WriterKind) => writers.get(kind) ?? writers.set(kind, templateWriter(kind, text, syntax)).get(kind)!;
  const policies: EmbeddedPolicy[] = [];
  for (const { piece, base } of pieces) {
    const { reading } = piece;
    const boundary = reading.type === 'AWS::IAM::ManagedPolicy' && boundaries.has(piece.key);
    reading.policies.forEach((policy, index) => {
      policies.push(placedPolicy(policy, base, boundary ? 'permissions-boundary' : policy.policyType, writerOf(reading.writerKinds[index]!)));
    });
  }
  return { document: { kind: 'cloudformation', policies, syntaxErrors: [] } };
}
