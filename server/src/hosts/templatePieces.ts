/**
 * A YAML CloudFormation template read resource by resource, so that an edit costs the parse of the resource it is in.
 * The `yaml` package reads about 2 MB a second here, a 1 MB template takes half a second, and the language server
 * reads a template again on every keystroke. So the template is cut into pieces at the lines that start a resource
 * (`  Name:` at the indentation of `Resources:`'s entries), each piece is parsed alone as `Resources:\n<piece>`, and
 * its reading is kept while its text stays the same; a piece the edit moved is shifted (shift.ts), not parsed.
 *
 * The cut is only trusted when every piece reads cleanly on its own: a construct that crossed a cut (an unclosed
 * quote or bracket, an alias of another piece's anchor) leaves an error in a piece, and then the template is read
 * whole, as are multi-document streams, tab-indented or flow-style sections, and templates with two resources of one
 * name. The whole reading stays the reference: tests compare the two on every host case and on fuzzed templates.
 */
import { BoundedMemo } from '../catalog/memo';
import { isAwsResourceType, isCloudFormation, readResource, yamlTemplateWriter, type ResourceReading, type WriterKind } from './cloudformation';
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

/** A piece's reading, in the coordinates of `Resources:<eol><piece>`. */
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
  return { key: entry.key, reading: readResource(text, resources, entry) };
}

function readOuter(text: string): OuterReading | null {
  const read = readYaml(text);
  if (read.errors.length > 0 || read.documents.length > 1) return null;
  const root: HostValue | undefined = read.documents[0]?.root;
  if (root === undefined) return { keys: [], declaresTemplate: false };
  if (root.kind !== 'mapping') return null;
  return { keys: root.entries.map((entry) => entry.key), declaresTemplate: isCloudFormation(root) };
}

/**
 * The template read by pieces: `{ document }` (undefined when the text is no template), or undefined when it cannot
 * be read by pieces and must be read whole.
 */
export function readTemplateByPieces(text: string): { readonly document: HostDocument | undefined } | undefined {
  const cut = cutTemplate(text);
  if (!cut) return undefined;
  const headText = text.slice(0, cut.headEnd);
  const head = outerCache.getOrCompute(headText, readOuter);
  const tailText = text.slice(cut.tailStart);
  const tail = tailText.length > 0 ? outerCache.getOrCompute(tailText, readOuter) : { keys: [], declaresTemplate: false };
  if (!head || !tail || head.keys.some((key) => tail.keys.includes(key))) return undefined;
  const header = `Resources:${cut.eol}`;
  const pieces: { piece: PieceReading; base: number }[] = [];
  const names = new Set<string>();
  for (const { start, end } of cut.pieces) {
    const source = text.slice(start, end);
    // The header's line break is part of the reading (the writer's line breaks): CRLF pieces are kept apart.
    const piece = pieceCache.getOrCompute(cut.eol === '\n' ? source : `\r${source}`, () => readPiece(header, source));
    if (!piece || names.has(piece.key)) return undefined;
    names.add(piece.key);
    pieces.push({ piece, base: start - header.length });
  }
  const isTemplate = head.declaresTemplate || tail.declaresTemplate || pieces.some(({ piece }) => isAwsResourceType(piece.reading.type));
  if (!isTemplate) return { document: undefined };
  const boundaries = new Set(pieces.flatMap(({ piece }) => [...piece.reading.boundaries]));
  const writers = new Map<WriterKind, HostWriter>();
  const writerOf = (kind: WriterKind) => writers.get(kind) ?? writers.set(kind, yamlTemplateWriter(kind, text)).get(kind)!;
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
