import { matchGlob } from '../catalog';
import type { Action, Catalog } from '../catalog/types';
import type { PolicyModel, Statement } from '../policy/model';
import { statementActions } from '../policy/statementActions';
import { allowNarrowing, callerKeys, denyNarrowing } from './callerConditions';
import { everyoneValues, isAllow, isDeny } from './principals';
import { defineRule } from './types';

const deniedSets = new WeakMap<Statement, ReadonlySet<Action>>();

/** Whether the Deny applies to every action the Allow grants (now: by the catalogue's expansion of both). */
function coversActions(allow: Statement, deny: Statement, catalog: Catalog): boolean {
  if (deny.action?.values.some((v) => v.value === '*')) return true;
  const granted = statementActions(allow, catalog).actions;
  if (granted.length === 0) return false;
  let denied = deniedSets.get(deny);
  if (!denied) {
    denied = new Set(statementActions(deny, catalog).actions);
    deniedSets.set(deny, denied);
  }
  return granted.every((action) => denied.has(action));
}

/** Whether every Resource of the Allow is matched by some Resource of the Deny (ARNs are case-sensitive). */
function coversResources(allow: Statement, deny: Statement): boolean {
  const denied = deny.resource?.values ?? [];
  if (denied.some((d) => d.value === '*')) return true;
  const granted = allow.resource?.values ?? [];
  if (allow.notResource || granted.length === 0) return false;
  return granted.every((g) => denied.some((d) => matchGlob(d.value, g.value)));
}

/**
 * A Deny for everyone, outside an organization, account, network... (StringNotEquals aws:PrincipalOrgID), on at
 * least the Allow's actions and resources: the data-perimeter way of keeping a broad Allow private.
 */
function guardedByDeny(policy: PolicyModel, allow: Statement, catalog: Catalog): boolean {
  return policy.statements.some(
    (deny) =>
      isDeny(deny) &&
      !deny.notPrincipal &&
      !deny.notResource &&
      everyoneValues(deny.principal).length > 0 &&
      denyNarrowing(deny, callerKeys).length > 0 &&
      coversActions(allow, deny, catalog) &&
      coversResources(allow, deny),
  );
}

export default defineRule({
  id: 'public-principal',
  severity: 'warning',
  summary:
    'A resource-based or role trust policy allows every principal ("*" or {"AWS": "*"}) with no condition that limits who can call.',
  policyTypes: ['resource', 'trust'],
  messages: {
    publicResource:
      '{principal} allows everyone, anonymous callers included, and no condition limits who calls. Name the principals, or add a condition such as aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce or aws:SourceIp.',
    publicTrust:
      '{"AWS": "*"} lets any AWS principal, in any account, assume this role, and no condition limits who. Name the trusted accounts or roles, or add a condition such as aws:PrincipalOrgID, aws:PrincipalAccount or aws:PrincipalArn.',
  },
  check({ policy, policyType, catalog, report }) {
    for (const statement of policy.statements) {
      if (!isAllow(statement)) continue;
      // A bare "*" is not valid in a trust policy at all: role-trust-policy-unsupported-wildcard-in-principal.
      if (policyType === 'trust' && statement.principal?.wildcard) continue;
      const everyone = everyoneValues(statement.principal);
      if (everyone.length === 0) continue;
      if (allowNarrowing(statement, callerKeys).length > 0) continue;
      if (guardedByDeny(policy, statement, catalog)) continue;
      for (const value of everyone) {
        report({
          node: value.node,
          messageId: policyType === 'trust' ? 'publicTrust' : 'publicResource',
          data: { principal: statement.principal?.wildcard ? '"Principal": "*"' : '{"AWS": "*"}' },
        });
      }
    }
  },
});
