/**
 * The edit that adds one key test (`"Bool": {"aws:MultiFactorAuthPresent": "true"}`) to a statement's Condition, for
 * the security rules' fixes: it creates the Condition element, or the operator block inside it, or adds the key to
 * the existing block, following the statement's layout (one line stays one line; a multi-line statement gets
 * indented lines). It never replaces a test that is already there, and adds no Condition to a statement that has
 * a key IAM does not know (a fix elsewhere may rename it to Condition).
 */
import type { ASTNode, Statement } from '../../policy/model';
import { indentationAt, indentUnit, insertProperty, lineBreak } from './edits';
import { statementElements } from './elements';
import type { Edit } from '../types';

function isMultiLine(text: string, object: ASTNode & { type: 'object' }): boolean {
  const first = object.properties[0];
  return text.slice(object.offset, first ? first.offset : object.offset + object.length).includes('\n');
}

/** `{"k": v}` as JSON text, on one line or on indented lines whose closing brace sits at `indent`. */
function objectText(key: string, valueText: string, multiLine: boolean, text: string, indent: string): string {
  const entry = `${JSON.stringify(key)}: ${valueText}`;
  if (!multiLine) return `{${entry}}`;
  const eol = lineBreak(text);
  return `{${eol}${indent}${indentUnit(text)}${entry}${eol}${indent}}`;
}

/** The indentation a new property of the object gets: that of its last property, or one level in. */
function propertyIndent(text: string, object: ASTNode & { type: 'object' }): string {
  const last = object.properties[object.properties.length - 1];
  return last ? indentationAt(text, last.offset) : indentationAt(text, object.offset) + indentUnit(text);
}

/**
 * Add `operator: { key: valueText }` (valueText is JSON text) to the statement's Condition. Undefined when the
 * statement or its Condition is not an object, or when the operator's block already tests the key.
 */
export function conditionTestEdit(text: string, statement: Statement, operator: string, key: string, valueText: string): Edit | undefined {
  const node = statement.node;
  if (node.type !== 'object') return undefined;
  const multiLine = isMultiLine(text, node);
  if (!statement.condition) {
    // A misspelt key may be renamed to Condition by invalid-policy-element's fix; two Conditions would be invalid.
    if (statement.properties.some((p) => !(statementElements as readonly string[]).includes(p.keyNode.value))) return undefined;
    const indent = propertyIndent(text, node);
    const block = objectText(key, valueText, multiLine, text, indent + indentUnit(text));
    return insertProperty(text, node, 'Condition', objectText(operator, block, multiLine, text, indent));
  }
  const condition = statement.condition.valueNode;
  if (condition?.type !== 'object') return undefined;
  const existing = statement.condition.operators.find((entry) => entry.operator === operator);
  if (existing) {
    const block = existing.valueNode;
    if (block?.type !== 'object' || existing.keys.some((entry) => entry.key.toLowerCase() === key.toLowerCase())) return undefined;
    return insertProperty(text, block, key, valueText);
  }
  const blockMultiLine = multiLine && (condition.properties.length === 0 || isMultiLine(text, condition));
  return insertProperty(text, condition, operator, objectText(key, valueText, blockMultiLine, text, propertyIndent(text, condition)));
}
