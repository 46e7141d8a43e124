import { defineRule } from './types';

export default defineRule({
  id: 'role-trust-policy-unsupported-wildcard-in-principal',
  severity: 'error',
  scope: 'statement',
  summary: 'A role trust policy uses "Principal": "*", which IAM does not accept there.',
  policyTypes: ['trust'],
  messages: {
    wildcard:
      '"Principal": "*" is not supported in a role trust policy. Name who may assume the role, e.g. {"AWS": "arn:aws:iam::111122223333:root"} or {"Service": "ec2.amazonaws.com"}.',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      const wildcard = statement.principal?.wildcard;
      if (wildcard?.value === '*') report({ node: wildcard.node, messageId: 'wildcard' });
    }
  },
});
