import { supportedVariables } from './shared/variableStrings';
import { defineRule } from './types';

export default defineRule({
  id: 'empty-variable',
  severity: 'error',
  scope: 'statement',
  summary: 'An empty policy variable "${}".',
  messages: {
    empty: '"${}" names no variable. Put a key inside, such as ${aws:username}, or remove it.',
  },
  check({ policy, statements, report }) {
    for (const { token, span } of supportedVariables(policy.text, statements)) {
      if (token.kind === 'empty') report({ span, messageId: 'empty' });
    }
  },
});
