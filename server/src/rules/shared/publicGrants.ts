/**
 * Which Allow statements let everyone in: a Principal of `"*"` or `{"AWS": "*"}` that neither the statement's own
 * Condition nor a data-perimeter Deny of the same policy narrows to known callers. public-principal (resource
 * policies) and public-trust-policy (role trust policies) report them.
 */
import { matchGlob } from '../../catalog';
import type { Catalog } from '../../catalog/types';
import type { PolicyModel, Statement, StringValue } from '../../policy/model';
import { statementActions } from '../../policy/statementActions';
import { allowNarrowing, callerKeys, denyNarrowing } from './callerConditions';
import { everyoneValues, isAllow, isDeny } from './principals';

/** Whether the Deny applies to every action the Allow grants (now: by the catalogue's expansion of both). */
function coversActions(allow: Statement, deny: Statement, catalog: Catalog): boolean {
  if (deny.action?.values.some((v) => v.value === '*')) return true;
  const granted = statementActions(allow, catalog);
  if (granted.count === 0) return false;
  const denied = statementActions(deny, catalog);
  return granted.ids.every((id) => denied.has(id));
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

/** The Allow statements among `statements` open to everyone, each with its every-principal values. */
export function publicStatements(policy: PolicyModel, statements: readonly Statement[], catalog: Catalog): { statement: Statement; everyone: StringValue[] }[] {
  const found: { statement: Statement; everyone: StringValue[] }[] = [];
  for (const statement of statements) {
    if (!isAllow(statement)) continue;
    const everyone = everyoneValues(statement.principal);
    if (everyone.length === 0) continue;
    if (allowNarrowing(statement, callerKeys).length > 0) continue;
    if (guardedByDeny(policy, statement, catalog)) continue;
    found.push({ statement, everyone });
  }
  return found;
}
