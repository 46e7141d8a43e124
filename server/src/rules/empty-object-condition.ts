import { removeNode } from './edits';
import { defineRule } from './types';

export default defineRule({
  id: 'empty-object-condition',
  severity: 'hint',
  summary: 'A statement has an empty Condition block, which restricts nothing.',
  fixable: 'safe',
  messages: {
    empty: '"Condition" is empty and restricts nothing. Add conditions, or remove it.',
  },
  check({ policy, report }) {
    for (const statement of policy.statements) {
      const condition = statement.condition;
      const value = condition?.valueNode;
      if (!condition || value?.type !== 'object' || value.properties.length > 0) continue;
      report({
        node: value,
        messageId: 'empty',
        tags: ['unnecessary'],
        // No condition and an empty condition mean the same, so removing the element changes nothing.
        fix: { title: 'Remove the empty "Condition"', edits: [removeNode(condition.property)] },
      });
    }
  },
});
