/**
 * Edits that replace one string of an Action or Resource element with several (an expanded wildcard, ARN templates),
 * keeping the layout: inside an array the new strings continue the array's own style (one per line or inline); a
 * lone string becomes an array, laid out on lines when its statement is.
 */
import type { ASTNode } from '../../policy/model';
import { indentationAt, indentUnit, lineBreak } from './edits';
import type { Edit } from '../types';

function isMultiLine(text: string, container: ASTNode): boolean {
  const first = container.type === 'object' ? container.properties[0] : container.type === 'array' ? container.items[0] : undefined;
  const end = first ? first.offset : container.offset + container.length;
  return text.slice(container.offset, end).includes('\n');
}

/** Replace the string node (an array item or a property value) with the given strings; undefined when none. */
export function replaceWithStrings(text: string, node: ASTNode, strings: readonly string[]): Edit | undefined {
  if (strings.length === 0) return undefined;
  const quoted = strings.map((s) => JSON.stringify(s));
  const eol = lineBreak(text);
  const parent = node.parent;
  if (parent?.type === 'array') {
    const separator = isMultiLine(text, parent) ? `,${eol}${indentationAt(text, node.offset)}` : ', ';
    return { offset: node.offset, length: node.length, text: quoted.join(separator) };
  }
  if (parent?.type !== 'property') return undefined;
  const statement = parent.parent;
  if (quoted.length === 1) return { offset: node.offset, length: node.length, text: quoted[0]! };
  if (!statement || !isMultiLine(text, statement)) return { offset: node.offset, length: node.length, text: `[${quoted.join(', ')}]` };
  const indent = indentationAt(text, parent.offset);
  const inner = indent + indentUnit(text);
  return {
    offset: node.offset,
    length: node.length,
    text: `[${eol}${inner}${quoted.join(`,${eol}${inner}`)}${eol}${indent}]`,
  };
}
