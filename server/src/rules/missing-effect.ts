import { openingBrace } from './shared/openingBrace';
import { defineRule } from './types';

export default defineRule({
  id: 'missing-effect',
  severity: 'error',
  scope: 'statement',
  summary: 'A statement has no Effect.',
  messages: { missing: 'This statement has no "Effect"; add "Effect": "Allow" or "Effect": "Deny".' },
  check({ statements, report }) {
    for (const statement of statements) {
      if (statement.effect) continue;
      report({ span: openingBrace(statement.node), messageId: 'missing' });
    }
  },
});
