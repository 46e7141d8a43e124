import { supportedVariables } from './shared/variableStrings';
import { defineRule } from './types';

export default defineRule({
  id: 'missing-brace-in-variable',
  severity: 'error',
  scope: 'statement',
  summary: 'A policy variable is opened with "${" but never closed with "}".',
  messages: {
    unclosed: 'The policy variable "{text}" has no closing "}".',
  },
  check({ policy, statements, report }) {
    for (const { token, span } of supportedVariables(policy.text, statements)) {
      if (token.kind === 'unclosed') report({ span, messageId: 'unclosed', data: { text: policy.text.slice(span.offset, span.offset + span.length) } });
    }
  },
});
