import { hasWildcardCharacter, principalValues } from './shared/principals';
import { defineRule } from './types';

export default defineRule({
  id: 'unsupported-wildcard-in-principal',
  severity: 'error',
  scope: 'statement',
  summary: 'A principal value uses * or ? to match part of a name or ARN (or "*" for a service or identity provider), which IAM does not support.',
  // RCPs only take "Principal": "*" (rcp-syntax-error-principal); identity-like types take no principal at all.
  policyTypes: ['resource', 'trust'],
  messages: {
    partial:
      'Wildcards cannot match part of a principal ("{value}" under "{key}"): principals are matched exactly. Name each principal, or use "*" with a condition such as ArnLike on aws:PrincipalArn.',
    everyOfKind:
      '"*" is not supported under "{key}"; name the {kind} you trust. Only {"AWS": "*"} (or "Principal": "*") stands for every principal.',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      for (const element of [statement.principal, statement.notPrincipal]) {
        for (const { key, value } of principalValues(element)) {
          if (!hasWildcardCharacter(value.value) || (key === 'AWS' && value.value === '*')) continue;
          if (value.value === '*') {
            const kind = key === 'Service' ? 'services' : key === 'Federated' ? 'identity providers' : 'principals';
            report({ node: value.node, messageId: 'everyOfKind', data: { key, kind } });
          } else {
            report({ node: value.node, messageId: 'partial', data: { key, value: value.value } });
          }
        }
      }
    }
  },
});
