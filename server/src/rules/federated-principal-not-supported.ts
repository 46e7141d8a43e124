import { principalKeyOf } from './shared/principals';
import { defineRule } from './types';

export default defineRule({
  id: 'federated-principal-not-supported',
  severity: 'error',
  scope: 'statement',
  summary: 'A resource-based policy names a Federated principal; identity providers can only be trusted by a role trust policy.',
  policyTypes: ['resource'],
  messages: {
    federated:
      '"Federated" principals work only in role trust policies: an identity provider cannot be granted access to a resource directly. Let the provider assume a role, and grant that role (under "AWS") here.',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      for (const element of [statement.principal, statement.notPrincipal]) {
        const entries = element?.entries ?? [];
        for (const entry of entries) {
          if (principalKeyOf(entry, entries) === 'Federated') report({ node: entry.keyNode, messageId: 'federated' });
        }
      }
    }
  },
});
