/**
 * Where a "something is missing" problem points: the opening brace of the object that lacks it. There is nothing
 * else to point at, and a squiggle over a whole statement would hide every other problem inside it.
 */
import type { ASTNode, Span } from '../../policy/model';

export function openingBrace(node: ASTNode): Span {
  return { offset: node.offset, length: 1 };
}
