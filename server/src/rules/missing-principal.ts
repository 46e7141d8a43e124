import { openingBrace } from './shared/openingBrace';
import { defineRule } from './types';

export default defineRule({
  id: 'missing-principal',
  severity: 'error',
  scope: 'statement',
  summary: 'A statement of a resource-based policy, role trust policy or RCP has no Principal.',
  policyTypes: ['resource', 'trust', 'rcp'],
  messages: {
    missing: 'This statement has no "Principal"; add "Principal" with the principals it applies to, e.g. {"AWS": "arn:aws:iam::111122223333:root"}.',
    missingInRcp: 'This statement has no "Principal"; resource control policies require "Principal": "*" (narrow it with conditions).',
    missingInTrust: 'This statement has no "Principal"; add "Principal" naming who may assume the role, e.g. {"Service": "ec2.amazonaws.com"}.',
  },
  check({ statements, policyType, report }) {
    const messageId = policyType === 'rcp' ? 'missingInRcp' : policyType === 'trust' ? 'missingInTrust' : 'missing';
    for (const statement of statements) {
      // A NotPrincipal counts as naming principals here; where it is not allowed, unsupported-principal says so.
      if (statement.principal || statement.notPrincipal) continue;
      report({ span: openingBrace(statement.node), messageId });
    }
  },
});
