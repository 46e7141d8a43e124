/**
 * Offsets inside a JSON string node. The node's value is decoded (`\u0041` is one character), so a position in the
 * value is mapped back through the escapes of the raw text to an offset in the document.
 */
import type { ASTNode, Span } from '../../policy/model';
import { DocumentMemo } from '../../policy/documentMemo';

/**
 * The document offset of each decoded code unit of the string node's value, plus one for its end; `undefined` when
 * the raw text has no escape, so that the offsets are the content's own (the common case needs no table).
 */
type OffsetTable = readonly number[] | undefined;

/**
 * One table per string node: the variable rules map every variable of a string back to the document, and building
 * the table per variable made them quadratic in the number of variables in one string (K4). A node belongs to one
 * parse of one text, so the node alone is the key; the text is kept to be sure.
 */
const tables = new DocumentMemo<ASTNode, { readonly text: string; readonly table: OffsetTable }>('string offsets');

function offsetTable(text: string, node: ASTNode): OffsetTable {
  const cached = tables.get(node);
  if (cached?.text === text) return cached.table;
  const table = buildTable(text, node);
  tables.set(node, { text, table });
  return table;
}

function buildTable(text: string, node: ASTNode): OffsetTable {
  const end = node.offset + node.length - 1; // the closing quote
  if (!hasEscape(text, node.offset + 1, end)) return undefined;
  const offsets: number[] = [];
  let i = node.offset + 1;
  while (i < end) {
    offsets.push(i);
    if (text[i] === '\\') i += text[i + 1] === 'u' ? 6 : 2;
    else i += 1;
  }
  offsets.push(Math.min(i, end));
  return offsets;
}

/** Whether text[from, end) has a backslash (not indexOf: that would scan on to the end of the document). */
function hasEscape(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) if (text.charCodeAt(i) === BACKSLASH) return true;
  return false;
}

const BACKSLASH = 0x5c;

/** The document offset of the decoded value's character `index` (past the end: the closing quote). */
function offsetOf(node: ASTNode, table: OffsetTable, index: number): number {
  const end = node.offset + node.length - 1;
  if (!table) return Math.min(node.offset + 1 + index, end);
  return table[Math.min(index, table.length - 1)]!;
}

/** The span in the document of the decoded value's characters [start, end). */
export function spanInString(text: string, node: ASTNode, start: number, end: number): Span {
  const table = offsetTable(text, node);
  const from = offsetOf(node, table, start);
  const to = offsetOf(node, table, end);
  return { offset: from, length: Math.max(0, to - from) };
}
