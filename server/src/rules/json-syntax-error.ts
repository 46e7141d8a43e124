import { defineRule } from './types';

export default defineRule({
  id: 'json-syntax-error',
  severity: 'error',
  summary: 'The document is not valid JSON (AWS rejects comments and trailing commas too).',
  runsOnSyntaxErrors: true,
  messages: { syntax: '{message}' },
  check({ policy, report }) {
    // One precise diagnostic: the parser's later errors are mostly consequences of the first.
    const first = policy.syntaxErrors[0];
    if (first) report({ span: first, messageId: 'syntax', data: { message: first.message } });
  },
});
