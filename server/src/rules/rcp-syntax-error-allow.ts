import { isAllow } from './shared/principals';
import { defineRule } from './types';

export default defineRule({
  id: 'rcp-syntax-error-allow',
  severity: 'error',
  scope: 'statement',
  summary: 'An Allow statement of a resource control policy names resources other than "*" or has a Condition; RCPs restrict with Deny statements.',
  policyTypes: ['rcp'],
  messages: {
    resource:
      'An Allow in an RCP can only apply to "Resource": "*" (as RCPFullAWSAccess does). To restrict access to some resources, use a Deny statement.',
    notResource: 'An Allow in an RCP can only apply to "Resource": "*"; "NotResource" is not supported with Allow. Use a Deny statement.',
    condition: 'An Allow in an RCP cannot have a Condition. To restrict access under conditions, use a Deny statement with the opposite condition.',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      // Which principals an RCP names is rcp-syntax-error-principal's question, for Allow and Deny alike.
      if (!isAllow(statement)) continue;
      for (const value of statement.resource?.values ?? []) {
        if (value.value !== '*') report({ node: value.node, messageId: 'resource' });
      }
      if (statement.notResource) report({ node: statement.notResource.keyNode, messageId: 'notResource' });
      if (statement.condition) report({ node: statement.condition.keyNode, messageId: 'condition' });
    }
  },
});
