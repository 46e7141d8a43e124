import { defineRule } from './types';

export default defineRule({
  id: 'json-syntax-error',
  severity: 'error',
  summary: 'The document is not valid JSON (AWS rejects comments and trailing commas too).',
  runsOnSyntaxErrors: true,
  runsOnNonPolicies: true,
  messages: { syntax: '{message}' },
  // Whole policy (no scope): a syntax error can be anywhere in the text.
  check({ policy, report }) {
    // An empty file is one the user is about to write: snippets and completion help there, an error does not.
    if (policy.text.trim() === '') return;
    // One precise diagnostic: the parser's later errors are mostly consequences of the first.
    const first = policy.syntaxErrors[0];
    if (first) report({ span: first, messageId: 'syntax', data: { message: first.message } });
  },
});
