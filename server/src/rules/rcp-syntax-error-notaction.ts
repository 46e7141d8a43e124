import { defineRule } from './types';

export default defineRule({
  id: 'rcp-syntax-error-notaction',
  severity: 'error',
  scope: 'statement',
  summary: 'A resource control policy uses NotAction, which RCPs do not support.',
  policyTypes: ['rcp'],
  messages: {
    notAction: 'RCPs do not support "NotAction": list the actions to deny in "Action" (service prefixes with wildcards such as "s3:*" are allowed).',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      if (statement.notAction) report({ node: statement.notAction.keyNode, messageId: 'notAction' });
    }
  },
});
