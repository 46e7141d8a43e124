import { defineRule } from './types';

export default defineRule({
  id: 'duplicate-keys-with-different-case',
  severity: 'error',
  scope: 'statement',
  summary: 'The same condition key appears twice in one operator, spelled with different case.',
  messages: {
    duplicate: '"{key}" repeats "{first}": condition key names ignore case, so this block tests the same key twice. Keep one.',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      for (const operator of statement.condition?.operators ?? []) {
        const first = new Map<string, string>();
        for (const key of operator.keys) {
          const lower = key.key.toLowerCase();
          const earlier = first.get(lower);
          if (earlier === undefined) first.set(lower, key.key);
          else if (earlier !== key.key) report({ node: key.keyNode, messageId: 'duplicate', data: { key: key.key, first: earlier } });
        }
      }
    }
  },
});
