import type { PropertyASTNode } from '../policy/model';
import { findClosest } from './shared/closest';
import { renameKeyOffer } from './shared/edits';
import { statementElements, topLevelElements } from './shared/elements';
import { defineRule, type Report } from './types';

type MessageId = 'unknown' | 'unknownWithSuggestion';

function checkProperties(
  properties: readonly PropertyASTNode[],
  allowed: readonly string[],
  where: string,
  report: (r: Report<MessageId>) => void,
): void {
  const present = new Set(properties.map((p) => p.keyNode.value));
  for (const property of properties) {
    const key = property.keyNode.value;
    if (allowed.includes(key)) continue;
    const suggestion = findClosest(key, allowed);
    report({
      node: property.keyNode,
      messageId: suggestion ? 'unknownWithSuggestion' : 'unknown',
      data: { key, where, suggestion: suggestion ?? '', allowed: allowed.join(', ') },
      ...renameKeyOffer(property.keyNode, suggestion, present),
    });
  }
}

export default defineRule<MessageId>({
  id: 'invalid-policy-element',
  severity: 'error',
  summary: 'An unknown element at the top level or in a statement (element names are case-sensitive).',
  fixable: 'safe+suggestion',
  messages: {
    unknown: '"{key}" is not a policy element {where}. Allowed: {allowed}.',
    unknownWithSuggestion: '"{key}" is not a policy element {where}. Did you mean "{suggestion}"?',
  },
  // Whole policy (no scope): the policy's own keys are checked too, outside every statement.
  check({ policy, report }) {
    checkProperties(policy.properties, topLevelElements, 'at the top level', report);
    for (const statement of policy.statements) {
      checkProperties(statement.properties, statementElements, 'in a statement', report);
    }
  },
});
