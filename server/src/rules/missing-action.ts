import { defineRule } from './types';

export default defineRule({
  id: 'missing-action',
  severity: 'error',
  scope: 'statement',
  summary: 'A statement has neither Action nor NotAction.',
  messages: { missing: 'This statement has neither "Action" nor "NotAction"; it must have one of them.' },
  check({ statements, report }) {
    for (const statement of statements) {
      if (statement.action || statement.notAction) continue;
      // Point at the opening brace, not the whole statement: a squiggle over many lines hides the others.
      report({ span: { offset: statement.node.offset, length: 1 }, messageId: 'missing' });
    }
  },
});
