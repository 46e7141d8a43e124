import { supportedVariables } from './shared/variableStrings';
import { defineRule } from './types';

export default defineRule({
  id: 'unsupported-space-in-variable',
  severity: 'error',
  scope: 'statement',
  summary: 'A policy variable name contains a space, which IAM does not allow (only a default value may have spaces).',
  messages: {
    space: 'The variable name "{name}" contains a space; write it without spaces, such as ${aws:username}.',
  },
  check({ policy, statements, report }) {
    for (const { token, span } of supportedVariables(policy.text, statements)) {
      if (token.kind === 'space') report({ span, messageId: 'space', data: { name: token.name } });
    }
  },
});
