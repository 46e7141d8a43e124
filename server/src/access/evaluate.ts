/**
 * One request against a set of policies, decided the way AWS documents it
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html):
 *
 * 1. An explicit Deny in any policy of any type decides: explicitDeny.
 * 2. RCPs, then SCPs: when any are given, every file of that type (a level of the organisation) must allow it.
 * 3. A resource policy (or a role's trust policy) that allows it, in the same account, is enough on its own when it
 *    names the requester itself (user or role-session ARN); when it names the role, or everyone, permissions
 *    boundaries and session policies still cap it; when it names only the account, it delegates to the account and
 *    an identity policy must allow too.
 * 4. Otherwise an identity policy must allow it, and every permissions boundary and session policy given must allow
 *    it too. Across accounts, a resource policy must also allow it.
 *
 * Pure: models in, decision and its reasons out (offsets into each model's text). No catalogue, no account data.
 */
import type { PolicyType } from '../../../shared/settings';
import type { PolicyModel, Statement } from '../policy/model';
import type { ConditionFailureReason } from './conditions';
import { contextValues, type AccessRequest } from './request';
import { evaluateStatement, type PrincipalMatch, type StatementEvaluation } from './statementMatch';

export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny';

export interface PolicyInput {
  readonly model: PolicyModel;
  readonly type: PolicyType;
  /** How the policy is named in the answer (a path, a label inside a template). */
  readonly name: string;
}

export interface StatementRef {
  /** Index into the policies given. */
  readonly policy: number;
  readonly name: string;
  readonly policyType: PolicyType;
  /** Position in the Statement array. */
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: 'Allow' | 'Deny';
  /** The statement's object in the policy's text. */
  readonly offset: number;
  readonly length: number;
}

export interface FailedCondition {
  readonly statement: StatementRef;
  readonly operator: string;
  readonly key: string;
  readonly reason: ConditionFailureReason;
  readonly detail: string;
  /** The key's property (`"aws:SourceIp": [...]`) in the policy's text. */
  readonly offset: number;
  readonly length: number;
}

export interface AccessEvaluation {
  readonly decision: Decision;
  /** The statements that decided: the Denies that matched, or the Allows each needed policy type contributed. */
  readonly statements: readonly StatementRef[];
  /** Every statement that applied to the request (Allow and Deny), in policy order. */
  readonly matched: readonly StatementRef[];
  /** Statements whose action, resource and principal applied but whose conditions did not hold: which and why. */
  readonly failedConditions: readonly FailedCondition[];
  /** The steps of the decision, in words. */
  readonly reasons: readonly string[];
  /** What the evaluator had to assume (accounts it could not tell, a principal not given...). */
  readonly notes: readonly string[];
}

interface Applied {
  readonly ref: StatementRef;
  readonly principalMatch: PrincipalMatch | undefined;
}

const typeNames: Record<PolicyType, string> = {
  identity: 'identity policy',
  resource: 'resource policy',
  trust: 'trust policy',
  scp: 'SCP',
  rcp: 'RCP',
  'permissions-boundary': 'permissions boundary',
  session: 'session policy',
};

function effectOf(statement: Statement): 'Allow' | 'Deny' | undefined {
  const value = statement.effect?.value;
  return value === 'Allow' || value === 'Deny' ? value : undefined;
}

function refOf(policy: PolicyInput, index: number, statement: Statement, effect: 'Allow' | 'Deny'): StatementRef {
  return {
    policy: index,
    name: policy.name,
    policyType: policy.type,
    index: statement.index,
    sid: statement.sid?.value,
    effect,
    offset: statement.node.offset,
    length: statement.node.length,
  };
}

export function evaluateAccess(policies: readonly PolicyInput[], request: AccessRequest): AccessEvaluation {
  const matched: Applied[] = [];
  const failedConditions: FailedCondition[] = [];
  const notes: string[] = [];
  const reasons: string[] = [];
  let principalNeeded = false;

  policies.forEach((policy, policyIndex) => {
    for (const statement of policy.model.statements) {
      const effect = effectOf(statement);
      if (!effect) continue;
      const result: StatementEvaluation = evaluateStatement(statement, policy.type, request, policy.model.version?.value);
      const ref = refOf(policy, policyIndex, statement, effect);
      if (result.applies) matched.push({ ref, principalMatch: result.principalMatch });
      else if (result.failedAt === 'condition') {
        for (const check of result.conditions) {
          if (check.holds) continue;
          failedConditions.push({ statement: ref, operator: check.operator, key: check.key, reason: check.reason!, detail: check.detail, offset: check.node.offset, length: check.node.length });
        }
      } else if (result.failedAt === 'principal' && !request.principal) principalNeeded = true;
    }
  });
  if (principalNeeded) notes.push('No principal was given: statements that name principals other than "*" did not apply.');

  const refs = matched.map((m) => m.ref);
  const finish = (decision: Decision, statements: readonly StatementRef[]): AccessEvaluation => ({ decision, statements, matched: refs, failedConditions, reasons, notes });

  const denies = matched.filter((m) => m.ref.effect === 'Deny').map((m) => m.ref);
  if (denies.length > 0) {
    reasons.push(`Explicitly denied by ${describe(denies)}.`);
    return finish('explicitDeny', denies);
  }
  const allows = matched.filter((m) => m.ref.effect === 'Allow');
  const allowsOf = (type: PolicyType) => allows.filter((m) => m.ref.policyType === type);
  const given = (type: PolicyType) => policies.some((p) => p.type === type);

  // Organisation policies: each file is one level of the hierarchy, and every level must allow.
  const organisationAllows: StatementRef[] = [];
  for (const type of ['rcp', 'scp'] as const) {
    for (let i = 0; i < policies.length; i++) {
      if (policies[i]!.type !== type) continue;
      const own = allowsOf(type).filter((m) => m.ref.policy === i);
      if (own.length === 0) {
        reasons.push(`No statement in the ${typeNames[type]} ${policies[i]!.name} allows it.`);
        return finish('implicitDeny', []);
      }
      organisationAllows.push(...own.map((m) => m.ref));
    }
    if (given(type)) reasons.push(`Every ${typeNames[type]} allows it.`);
  }

  const boundaryAllows = allowsOf('permissions-boundary').map((m) => m.ref);
  const sessionAllows = allowsOf('session').map((m) => m.ref);
  const boundaryHolds = !given('permissions-boundary') || boundaryAllows.length > 0;
  const sessionHolds = !given('session') || sessionAllows.length > 0;
  const caps = [...boundaryAllows, ...sessionAllows];

  const principalAccount = contextValues(request, 'aws:PrincipalAccount')?.[0];
  const resourceAccount = contextValues(request, 'aws:ResourceAccount')?.[0];
  let sameAccount = true;
  if (principalAccount && resourceAccount) sameAccount = principalAccount === resourceAccount;
  else if (given('resource') || given('trust')) notes.push('The principal\'s or the resource\'s account is unknown: the request is taken as within one account.');

  const resourceAllows = allows.filter((m) => m.ref.policyType === 'resource' || m.ref.policyType === 'trust');
  const identityAllows = allowsOf('identity').map((m) => m.ref);

  if (sameAccount) {
    const direct = resourceAllows.filter((m) => m.principalMatch === 'exact' || m.principalMatch === 'other').map((m) => m.ref);
    if (direct.length > 0) {
      reasons.push(`Allowed by ${describe(direct)}, which names the principal itself (within one account no identity policy, boundary or session policy is needed).`);
      return finish('allowed', [...organisationAllows, ...direct]);
    }
    const capped = resourceAllows.filter((m) => m.principalMatch === 'role' || m.principalMatch === 'anyone').map((m) => m.ref);
    if (capped.length > 0 && boundaryHolds && sessionHolds) {
      reasons.push(`Allowed by ${describe(capped)}${caps.length > 0 ? `, within ${describe(caps)}` : ''}.`);
      return finish('allowed', [...organisationAllows, ...capped, ...caps]);
    }
  }

  if (identityAllows.length === 0) {
    reasons.push(resourceAllows.length > 0 && sameAccount ? 'The resource policy names only the account, so an identity policy must allow it too, and none does.' : 'No identity policy allows it.');
    return finish('implicitDeny', []);
  }
  if (!boundaryHolds) {
    reasons.push(`Allowed by ${describe(identityAllows)}, but no statement of the permissions boundary allows it.`);
    return finish('implicitDeny', []);
  }
  if (!sessionHolds) {
    reasons.push(`Allowed by ${describe(identityAllows)}, but no statement of the session policy allows it.`);
    return finish('implicitDeny', []);
  }
  if (!sameAccount) {
    if (resourceAllows.length === 0) {
      reasons.push(`The principal (account ${principalAccount}) and the resource (account ${resourceAccount}) are in different accounts: a resource policy must allow it too, and none does.`);
      return finish('implicitDeny', []);
    }
    const resourceRefs = resourceAllows.map((m) => m.ref);
    reasons.push(`Across accounts: allowed by ${describe(identityAllows)} and by ${describe(resourceRefs)}.`);
    return finish('allowed', [...organisationAllows, ...identityAllows, ...caps, ...resourceRefs]);
  }
  reasons.push(`Allowed by ${describe(identityAllows)}${caps.length > 0 ? `, within ${describe(caps)}` : ''}.`);
  return finish('allowed', [...organisationAllows, ...identityAllows, ...caps, ...resourceAllows.map((m) => m.ref)]);
}

/** "statement 2 (Sid "ReadOnly") of policy.json, ..." */
function describe(refs: readonly StatementRef[]): string {
  return refs.map((r) => `${typeNames[r.policyType]} ${r.name} statement ${r.index}${r.sid ? ` ("${r.sid}")` : ''}`).join(', ');
}
