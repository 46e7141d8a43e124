import { conditionEntries } from './shared/conditionEntries';
import { defineRule } from './types';

export default defineRule({
  id: 'null-with-qualifier',
  severity: 'info',
  scope: 'statement',
  summary: 'ForAllValues or ForAnyValue with the Null operator, which makes the condition always true or always false.',
  messages: {
    forAllValues: '"{operator}" is always true: ForAllValues ignores Null. Use "Null" without the qualifier.',
    forAnyValue: '"{operator}" is always false: ForAnyValue ignores Null. Use "Null" without the qualifier.',
  },
  check({ statements, catalog, report }) {
    const seen = new Set<unknown>();
    for (const { operator, parsed } of conditionEntries(statements, catalog)) {
      if (seen.has(operator) || parsed.baseName !== 'Null' || !parsed.qualifier) continue;
      seen.add(operator);
      report({
        node: operator.keyNode,
        messageId: parsed.qualifier === 'ForAllValues' ? 'forAllValues' : 'forAnyValue',
        data: { operator: operator.operator },
      });
    }
  },
});
