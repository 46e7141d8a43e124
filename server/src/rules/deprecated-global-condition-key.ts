import { conditionEntries } from './shared/conditionEntries';
import { defineRule } from './types';

export default defineRule({
  id: 'deprecated-global-condition-key',
  severity: 'warning',
  scope: 'statement',
  summary: 'A global condition key that AWS has deprecated in favour of newer keys.',
  messages: {
    deprecated: '"{key}" is deprecated; use {replacements} instead.',
  },
  check({ statements, catalog, report }) {
    for (const { key, resolution } of conditionEntries(statements, catalog)) {
      if (resolution.kind !== 'deprecated') continue;
      report({
        node: key.keyNode,
        messageId: 'deprecated',
        data: { key: key.key, replacements: resolution.replacements.map((r) => `"${r}"`).join(' or ') },
        tags: ['deprecated'],
      });
    }
  },
});
