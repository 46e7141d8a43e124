import { conditionEntries } from './shared/conditionEntries';
import { defineRule } from './types';

export default defineRule({
  id: 'invalid-condition-multiple-boolean',
  severity: 'error',
  scope: 'statement',
  summary: 'A Bool condition lists several values for one key, which takes a single true or false.',
  messages: {
    multiple: '"{key}" takes a single Boolean value under "{operator}"; with several, the condition may not do what you expect.',
  },
  check({ statements, catalog, report }) {
    for (const { key, parsed } of conditionEntries(statements, catalog)) {
      if (parsed.operator?.family !== 'Bool' || parsed.qualifier || key.values.length < 2 || !key.valueNode) continue;
      report({ node: key.valueNode, messageId: 'multiple', data: { key: key.key, operator: parsed.text } });
    }
  },
});
