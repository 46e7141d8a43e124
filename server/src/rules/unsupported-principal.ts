import type { PrincipalElement } from '../policy/model';
import { policyTypeNames } from './shared/policyTypeNames';
import { defineRule, type PolicyType } from './types';

/** Policy types that take no principal at all: the policy applies to whoever it is attached to. */
const noPrincipalTypes: readonly PolicyType[] = ['identity', 'permissions-boundary', 'session', 'scp'];

export default defineRule({
  id: 'unsupported-principal',
  severity: 'error',
  scope: 'statement',
  summary:
    'Principal or NotPrincipal in a policy type that does not support it (identity, boundary, session, SCP; NotPrincipal also in trust policies and RCPs).',
  policyTypes: [...noPrincipalTypes, 'trust', 'rcp'],
  messages: {
    attached:
      '"{element}" is not supported in {types}: the policy applies to the identity it is attached to. Remove "{element}".',
    scp: '"{element}" is not supported in service control policies. Remove it; to target specific principals, use a condition on aws:PrincipalArn.',
    notPrincipal:
      '"NotPrincipal" is not supported in {types}. Use "Principal", with a condition on aws:PrincipalArn to exclude principals.',
  },
  check({ statements, policyType, report }) {
    const types = policyTypeNames[policyType];
    for (const statement of statements) {
      const present = [statement.principal, statement.notPrincipal].filter((e): e is PrincipalElement => !!e);
      for (const element of present) {
        if (noPrincipalTypes.includes(policyType)) {
          report({
            node: element.keyNode,
            messageId: policyType === 'scp' ? 'scp' : 'attached',
            data: { element: element.key, types },
          });
        } else if (element.key === 'NotPrincipal') {
          report({ node: element.keyNode, messageId: 'notPrincipal', data: { types } });
        }
      }
    }
  },
});
