import { removeNode, sameKeyProperties } from './shared/edits';
import { defineRule } from './types';

export default defineRule({
  id: 'empty-object-condition',
  severity: 'hint',
  scope: 'statement',
  summary: 'A statement has an empty Condition block, which restricts nothing.',
  fixable: 'safe',
  messages: {
    empty: '"Condition" is empty and restricts nothing. Add conditions, or remove it.',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      const condition = statement.condition;
      const value = condition?.valueNode;
      if (!condition || value?.type !== 'object' || value.properties.length > 0) continue;
      // No condition and an empty condition mean the same, so removing the element changes nothing. Unless the key is
      // duplicated: removing this one would let the other count, removing both would drop a real condition.
      const alone = sameKeyProperties(condition.property).length === 1;
      report({
        node: value,
        messageId: 'empty',
        tags: ['unnecessary'],
        fix: alone ? { title: 'Remove the empty "Condition"', edits: [removeNode(condition.property)] } : undefined,
      });
    }
  },
});
