/** What JSON type a node has, in words a message can use ("a number (5)", "an object", "null"). */
import type { ASTNode } from '../../policy/model';

export function describeJsonType(node: ASTNode): string {
  switch (node.type) {
    case 'string':
      return 'a string';
    case 'number':
      return `a number (${String(node.value)})`;
    case 'boolean':
      return `a boolean (${String(node.value)})`;
    case 'null':
      return 'null';
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
    default:
      return 'a property';
  }
}
