import { publicStatements } from './shared/publicGrants';
import { defineRule } from './types';
import { namesAndMore } from './shared/namesAndMore';

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
    publicDespiteConditions:
      '{principal} allows everyone, anonymous callers included: the statement\'s conditions ({keys}) do not limit who calls. Name the principals, or add a condition such as aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce or aws:SourceIp.',
  },
  check({ policy, statements, catalog, report }) {
    for (const { statement, everyone } of publicStatements(policy, statements, catalog)) {
      // Conditions that are there but narrow nothing (aws:PrincipalIsAWSService, a key under IfExists...): named, so
      // the message does not say there are none.
      const keys = [...new Set((statement.condition?.operators ?? []).flatMap((operator) => operator.keys.map((key) => key.key)))];
      const shown = namesAndMore(keys, 3);
      for (const value of everyone) {
        report({
          node: value.node,
          messageId: keys.length > 0 ? 'publicDespiteConditions' : 'publicResource',
          data: { principal: statement.principal?.wildcard ? '"Principal": "*"' : '{"AWS": "*"}', keys: shown },
        });
      }
    }
  },
});
