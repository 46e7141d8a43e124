/**
 * A Terraform file read block by block, as a YAML template is read resource by resource (templatePieces.ts): the
 * grammar parses about 2 MB a second and our walk over a block's policies costs as much again, so an edit re-reads
 * only the top-level block it is in. The file is cut at lines that start a top-level construct (an identifier in the
 * first column, as `terraform fmt` lays files out; heredoc bodies are skipped), each piece is parsed alone and its
 * reading kept by text. A piece with a syntax error, or a cut inside a construct (which leaves one), sends the file to
 * the whole reading, which recovers from errors; the two are compared in test/hosts/terraformPieces.test.ts.
 */
import { BoundedMemo } from '../catalog/memo';
import { placedPolicy } from './shift';
import { loadedParser } from './treeSitter';
import { startsTopLevel, TerraformReader, terraformWriter, topBlocks, typedPolicies, type TerraformReading, type TerraformWriterKind } from './terraform';
import type { EmbeddedPolicy, HostDocument, HostWriter } from './types';

/** A heredoc opening at the end of a line: `<<EOF`, `<<-EOT`. */
const heredocOpening = /<<-?([A-Za-z_][\w-]*)[ \t]*\r?$/;

/** Where the pieces start: 0, then each line that starts a top-level construct outside a heredoc. */
export function cutTerraform(text: string): number[] {
  const starts = [0];
  let heredoc: string | undefined;
  let nextOpening = text.indexOf('<<');
  for (let offset = 0; offset < text.length; ) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline < 0 ? text.length : newline;
    if (heredoc !== undefined) {
      if (text.slice(offset, lineEnd).trim() === heredoc) heredoc = undefined;
    } else {
      if (offset > 0 && startsTopLevel(text, offset)) starts.push(offset);
      // Most lines have no `<<`: the next one in the text is looked up once, not per line.
      if (nextOpening >= 0 && nextOpening < offset) nextOpening = text.indexOf('<<', offset);
      if (nextOpening >= 0 && nextOpening < lineEnd) heredoc = heredocOpening.exec(text.slice(offset, lineEnd))?.[1];
    }
    offset = newline < 0 ? text.length : newline + 1;
  }
  return starts;
}

/** One piece's reading, in the piece's own offsets; null when the piece does not parse cleanly alone. */
function readPiece(piece: string): TerraformReading | null {
  const parser = loadedParser('terraform');
  const tree = parser?.parse(piece);
  if (!tree) return null;
  try {
    // A file may also be one object (`{ ... }`, as JSON-style HCL): alone, a piece like that parses, and in the file
    // it is an error before the blocks.
    if (tree.rootNode.hasError || tree.rootNode.namedChildren.some((child) => child?.type === 'object')) return null;
    const reader = new TerraformReader(piece);
    for (const block of topBlocks(tree.rootNode)) reader.readBlock(block);
    return reader.reading();
  } finally {
    tree.delete();
  }
}

/** Readings by piece text (a few large files fit; past the bound the memo starts over). */
const pieceCache = new BoundedMemo<TerraformReading | null>({ maxEntries: 50_000, maxKeyChars: 8_000_000, maxKeyLength: 2_000_000 });

/** The file read by pieces, or undefined when it must be read whole. `loadTerraform()` must have finished. */
export function readTerraformByPieces(text: string): HostDocument | undefined {
  const starts = cutTerraform(text);
  const writers = new Map<TerraformWriterKind, HostWriter>();
  const writerOf = (kind: TerraformWriterKind) => writers.get(kind) ?? writers.set(kind, terraformWriter(kind, text)).get(kind)!;
  const readings: TerraformReading[] = [];
  for (const [index, start] of starts.entries()) {
    const piece = text.slice(start, starts[index + 1] ?? text.length);
    const reading = pieceCache.getOrCompute(piece, readPiece);
    if (!reading) return undefined;
    // The piece's policies placed where the piece now is, with writers for the whole text (a piece with no policy
    // and no error needs no placing: most blocks of a file).
    if (reading.policies.length === 0 && reading.documents.length === 0 && reading.jsonErrors.length === 0) {
      readings.push(reading);
      continue;
    }
    const place = (policy: EmbeddedPolicy, kind: TerraformWriterKind) => placedPolicy(policy, start, policy.policyType, writerOf(kind));
    readings.push({
      ...reading,
      policies: reading.policies.map((policy, i) => place(policy, reading.writerKinds[i]!)),
      documents: reading.documents.map((document) => ({ ...document, policy: place(document.policy, 'hcl') })),
      jsonErrors: reading.jsonErrors.map((error) => ({ ...error, offset: error.offset + start })),
    });
  }
  const policies = typedPolicies(readings, (policy, policyType) => (policyType === policy.policyType ? policy : placedPolicy(policy, 0, policyType, policy.writer)));
  return { kind: 'terraform', policies, syntaxErrors: readings.flatMap((reading) => reading.jsonErrors) };
}
