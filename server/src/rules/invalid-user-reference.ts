import { uniqueIdEntity } from './shared/principalFormats';
import { principalValues } from './shared/principals';
import { defineRule } from './types';

export default defineRule({
  id: 'invalid-user-reference',
  severity: 'warning',
  scope: 'statement',
  summary: 'A principal is an IAM user unique ID (AIDA…) rather than the user ARN, usually because the user was deleted.',
  policyTypes: ['resource', 'trust'],
  messages: {
    uniqueId:
      '"{value}" is the unique ID of an IAM user, not its ARN. AWS shows IDs in place of ARNs once the user is deleted, and a user re-created with the same name gets a new ID, so this entry matches nobody. Use the user ARN ("arn:aws:iam::111122223333:user/<UserName>") or remove the entry.',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      for (const element of [statement.principal, statement.notPrincipal]) {
        for (const { key, value } of principalValues(element)) {
          if (key === 'AWS' && uniqueIdEntity(value.value) === 'user') report({ node: value.node, messageId: 'uniqueId', data: { value: value.value } });
        }
      }
    }
  },
});
