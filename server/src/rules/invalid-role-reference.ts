import { uniqueIdEntity } from './shared/principalFormats';
import { principalValues } from './shared/principals';
import { defineRule } from './types';

export default defineRule({
  id: 'invalid-role-reference',
  severity: 'warning',
  scope: 'statement',
  summary: 'A principal is an IAM role unique ID (AROA…) rather than the role ARN, usually because the role was deleted.',
  policyTypes: ['resource', 'trust'],
  messages: {
    uniqueId:
      '"{value}" is the unique ID of an IAM role, not its ARN. AWS shows IDs in place of ARNs once the role is deleted, and a role re-created with the same name gets a new ID, so this entry matches nobody. Use the role ARN ("arn:aws:iam::111122223333:role/<RoleName>") or remove the entry.',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      for (const element of [statement.principal, statement.notPrincipal]) {
        for (const { key, value } of principalValues(element)) {
          if (key === 'AWS' && uniqueIdEntity(value.value) === 'role') report({ node: value.node, messageId: 'uniqueId', data: { value: value.value } });
        }
      }
    }
  },
});
