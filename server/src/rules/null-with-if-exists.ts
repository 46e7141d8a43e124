import { defineRule } from './types';

export default defineRule({
  id: 'null-with-if-exists',
  severity: 'error',
  scope: 'statement',
  summary: 'The Null operator cannot take the IfExists suffix: "NullIfExists" is rejected.',
  messages: {
    nullIfExists:
      '"{operator}" is not valid: Null already tests whether the key is present, so it takes no IfExists suffix. Use "Null".',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      for (const entry of statement.condition?.operators ?? []) {
        if (/^(ForAllValues:|ForAnyValue:)?NullIfExists$/.test(entry.operator)) {
          report({ node: entry.keyNode, messageId: 'nullIfExists', data: { operator: entry.operator } });
        }
      }
    }
  },
});
