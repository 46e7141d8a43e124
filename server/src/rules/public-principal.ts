import { publicStatements } from './shared/publicGrants';
import { defineRule } from './types';

export default defineRule({
  id: 'public-principal',
  severity: 'warning',
  scope: 'statement-and-denials',
  summary:
    'A resource-based policy allows every principal ("*" or {"AWS": "*"}) with no condition that limits who can call.',
  policyTypes: ['resource'],
  messages: {
    publicResource:
      '{principal} allows everyone, anonymous callers included, and no condition limits who calls. Name the principals, or add a condition such as aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce or aws:SourceIp.',
  },
  check({ policy, statements, catalog, report }) {
    for (const { statement, everyone } of publicStatements(policy, statements, catalog)) {
      for (const value of everyone) {
        report({
          node: value.node,
          messageId: 'publicResource',
          data: { principal: statement.principal?.wildcard ? '"Principal": "*"' : '{"AWS": "*"}' },
        });
      }
    }
  },
});
