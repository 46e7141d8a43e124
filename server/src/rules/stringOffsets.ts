/**
 * Offsets inside a JSON string node. The node's value is decoded (`\u0041` is one character), so a position in the
 * value is mapped back through the escapes of the raw text to an offset in the document.
 */
import type { ASTNode, Span } from '../policy/model';

/** The document offset of each decoded code unit of the string node's value, plus one for its end. */
function rawOffsets(text: string, node: ASTNode): number[] {
  const offsets: number[] = [];
  const end = node.offset + node.length - 1; // the closing quote
  let i = node.offset + 1;
  while (i < end) {
    offsets.push(i);
    if (text[i] === '\\') i += text[i + 1] === 'u' ? 6 : 2;
    else i += 1;
  }
  offsets.push(Math.min(i, end));
  return offsets;
}

/** The span in the document of the decoded value's characters [start, end). */
export function spanInString(text: string, node: ASTNode, start: number, end: number): Span {
  const offsets = rawOffsets(text, node);
  const from = offsets[Math.min(start, offsets.length - 1)]!;
  const to = offsets[Math.min(end, offsets.length - 1)]!;
  return { offset: from, length: Math.max(0, to - from) };
}
