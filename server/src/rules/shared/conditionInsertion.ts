/**
 * One edit that makes a statement require `operator: { key: value }`: into the operator's block when the Condition has
 * it (replacing the key's value when the block already names the key), as a new block otherwise, or as a new
 * Condition. Keeps the user's layout through edits.insertProperty. Undefined when the statement's Condition (or the
 * operator's block) is not an object: data-type-mismatch reports that, and editing it would be a guess.
 */
import type { Statement } from '../../policy/model';
import { findClosest } from './closest';
import { insertProperty, replaceNode } from './edits';
import { statementElements } from './elements';
import type { Edit } from '../types';

/** `valueText` is JSON text (`"true"`, `["a", "b"]`). */
export function addConditionTest(text: string, statement: Statement, operator: string, key: string, valueText: string): Edit | undefined {
  if (statement.node.type !== 'object') return undefined;
  const entry = `{ ${JSON.stringify(key)}: ${valueText} }`;
  const condition = statement.condition;
  if (!condition) {
    // A misspelt Condition ("condition", "Conditon") is renamed by invalid-policy-element's fix: adding a second one
    // now would leave two Condition keys after fix-all.
    const misspelt = statement.properties.some((p) => p.keyNode.value !== 'Condition' && findClosest(p.keyNode.value, statementElements) === 'Condition');
    return misspelt ? undefined : insertProperty(text, statement.node, 'Condition', `{ ${JSON.stringify(operator)}: ${entry} }`);
  }
  const conditionNode = condition.valueNode;
  if (conditionNode?.type !== 'object') return undefined;
  const block = condition.operators.find((o) => o.operator === operator);
  if (!block) return insertProperty(text, conditionNode, operator, entry);
  if (block.valueNode?.type !== 'object') return undefined;
  // Condition key names are case-insensitive: a second spelling of the same key would be a duplicate.
  const existing = block.keys.find((k) => k.key.toLowerCase() === key.toLowerCase());
  if (existing) return existing.valueNode ? replaceNode(existing.valueNode, valueText) : undefined;
  return insertProperty(text, block.valueNode, key, valueText);
}
