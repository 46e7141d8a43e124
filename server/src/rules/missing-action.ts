import { defineRule } from './types';

export default defineRule({
  id: 'missing-action',
  severity: 'error',
  summary: 'A statement has neither Action nor NotAction.',
  messages: { missing: 'This statement has neither "Action" nor "NotAction"; it must have one of them.' },
  check({ policy, report }) {
    for (const statement of policy.statements) {
      if (statement.action || statement.notAction) continue;
      // Point at the opening brace, not the whole statement: a squiggle over many lines hides the others.
      report({ span: { offset: statement.node.offset, length: 1 }, messageId: 'missing' });
    }
  },
});
