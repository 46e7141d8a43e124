/**
 * Whether one statement applies to a request: its Action/NotAction, Resource/NotResource, Principal/NotPrincipal and
 * Condition, with IAM's wildcard and case rules (action names without case, resource ARNs with case:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html).
 */
import type { PolicyType } from '../../../shared/settings';
import { compileGlob } from '../catalog/glob';
import { BoundedMemo } from '../catalog/memo';
import type { PrincipalElement, Statement } from '../policy/model';
import { checkConditions, type ConditionCheck } from './conditions';
import { matchPattern, resolvePattern } from './patterns';
import { isAccountId, splitArn } from '../policy/arnParts';
import { impliesItsResource } from '../policy/impliedResource';
import type { AccessRequest } from './request';

/** How a resource policy's Principal named the requester; it decides whether a same-account grant stands alone. */
export type PrincipalMatch =
  /** The requester's own ARN (an IAM user, or the role session itself). */
  | 'exact'
  /** The role whose session asks. */
  | 'role'
  /** The requester's account (`123456789012` or `arn:aws:iam::123456789012:root`): a delegation to the account. */
  | 'account'
  /** `*`, or a NotPrincipal that leaves the requester out. */
  | 'anyone'
  /** A service, federated or canonical-user principal named as it was given. */
  | 'other';

export type StatementStage = 'action' | 'resource' | 'principal' | 'condition';

export interface StatementEvaluation {
  /** True when every element applies. */
  readonly applies: boolean;
  /** The first element that does not apply. */
  readonly failedAt?: StatementStage;
  /** Why it failed at that element, in words (empty for a plain mismatch). */
  readonly note?: string;
  /** Conditions checked (only when action, resource and principal applied). */
  readonly conditions: readonly ConditionCheck[];
  readonly principalMatch?: PrincipalMatch;
}

/** Policy types whose statements name principals. */
export const principalPolicyTypes: ReadonlySet<PolicyType> = new Set(['resource', 'trust', 'rcp']);

// Bounded by the patterns' total length as well as their count, as every memo keyed by policy text (memo.ts).
const globs = new BoundedMemo<(text: string) => boolean>({ maxEntries: 10_000, maxKeyChars: 1_000_000, maxKeyLength: 1_000 });
const compileActionGlob = (pattern: string) => compileGlob(pattern, { ignoreCase: true });

export function actionMatches(pattern: string, action: string): boolean {
  return globs.getOrCompute(pattern, compileActionGlob)(action);
}

function variablesOn(version: string | undefined): boolean {
  return version === '2012-10-17';
}

export function evaluateStatement(statement: Statement, policyType: PolicyType, request: AccessRequest, version: string | undefined): StatementEvaluation {
  const variables = variablesOn(version);
  // Action / NotAction
  if (statement.action) {
    if (!statement.action.values.some((v) => actionMatches(v.value, request.action))) return { applies: false, failedAt: 'action', conditions: [] };
  } else if (statement.notAction) {
    if (statement.notAction.values.some((v) => actionMatches(v.value, request.action))) return { applies: false, failedAt: 'action', note: 'excluded by NotAction', conditions: [] };
  } else return { applies: false, failedAt: 'action', note: 'no Action or NotAction', conditions: [] };

  // Resource / NotResource. A trust policy has none: it is about the role it is attached to; an ECR repository policy
  // neither: it is about its repository, which the request names (data/implied-resource-services.json).
  if (statement.resource) {
    if (!statement.resource.values.some((v) => resourceMatches(v.value, request, variables))) return { applies: false, failedAt: 'resource', conditions: [] };
  } else if (statement.notResource) {
    if (statement.notResource.values.some((v) => resourceMatches(v.value, request, variables))) return { applies: false, failedAt: 'resource', note: 'excluded by NotResource', conditions: [] };
  } else if (policyType !== 'trust' && !(policyType === 'resource' && impliesItsResource(statement))) {
    return { applies: false, failedAt: 'resource', note: 'no Resource or NotResource', conditions: [] };
  }

  let principalMatch: PrincipalMatch | undefined;
  if (principalPolicyTypes.has(policyType)) {
    if (statement.principal) {
      principalMatch = principalIn(statement.principal, request.principal);
      if (!principalMatch) {
        return { applies: false, failedAt: 'principal', note: request.principal ? undefined : 'no principal given (only "*" matches)', conditions: [] };
      }
    } else if (statement.notPrincipal) {
      if (!request.principal) return { applies: false, failedAt: 'principal', note: 'no principal given (NotPrincipal needs one)', conditions: [] };
      if (principalIn(statement.notPrincipal, request.principal)) return { applies: false, failedAt: 'principal', note: 'excluded by NotPrincipal', conditions: [] };
      principalMatch = 'anyone';
    } else if (policyType !== 'rcp') return { applies: false, failedAt: 'principal', note: 'no Principal or NotPrincipal', conditions: [] };
    else principalMatch = 'anyone';
  }

  const conditions = statement.condition ? checkConditions(statement.condition, request, variables) : [];
  if (conditions.some((c) => !c.holds)) return { applies: false, failedAt: 'condition', conditions, principalMatch };
  return { applies: true, conditions, principalMatch };
}

function resourceMatches(pattern: string, request: AccessRequest, variables: boolean): boolean {
  if (pattern === '*') return true;
  const resolution = resolvePattern(pattern, request, variables);
  return 'pattern' in resolution && matchPattern(resolution.pattern, request.resource);
}

/** The account an ARN or account ID belongs to ('' when it has none). */
function accountOf(principal: string): string {
  if (isAccountId(principal)) return principal;
  return splitArn(principal)?.account ?? '';
}

/** The role ARN's name and account, for a role session `arn:aws:sts::A:assumed-role/R/S`. */
function sessionRole(principal: string): { account: string; name: string } | undefined {
  const arn = splitArn(principal);
  const match = arn && arn.service === 'sts' ? /^assumed-role\/([^/]+)\/[^/]+$/.exec(arn.resource) : null;
  return match ? { account: arn!.account, name: match[1]! } : undefined;
}

/** Whether the element names the requester, and how. Partial wildcards are not allowed in Principal: compared as text. */
export function principalIn(element: PrincipalElement, principal: string | undefined): PrincipalMatch | undefined {
  if (element.wildcard?.value === '*') return 'anyone';
  let best: PrincipalMatch | undefined;
  const rank: Record<PrincipalMatch, number> = { exact: 4, role: 3, other: 3, anyone: 2, account: 1 };
  const consider = (match: PrincipalMatch | undefined) => {
    if (match && (!best || rank[match] > rank[best])) best = match;
  };
  for (const entry of element.entries) {
    const kind = entry.kind;
    for (const { value } of entry.values) {
      if (kind === 'AWS' && value === '*') {
        consider('anyone');
        continue;
      }
      if (!principal) continue;
      if (kind === 'AWS') consider(awsPrincipalMatch(value, principal));
      else if (kind === 'Service' ? value.toLowerCase() === principal.toLowerCase() : value === principal) consider('other');
    }
  }
  return best;
}

function awsPrincipalMatch(value: string, principal: string): PrincipalMatch | undefined {
  if (value === principal) return accountOf(value) === value || /:root$/.test(value) ? 'account' : 'exact';
  const account = isAccountId(value) ? value : /^arn:[^:]+:iam::(\d{12}):root$/.exec(value)?.[1];
  if (account !== undefined) return accountOf(principal) === account ? 'account' : undefined;
  const session = sessionRole(principal);
  const role = splitArn(value);
  if (session && role && role.service === 'iam' && role.account === session.account && role.resource.startsWith('role/')) {
    // A role ARN may carry a path (role/path/Name); the session ARN has only the name.
    const name = role.resource.slice(role.resource.lastIndexOf('/') + 1);
    if (name === session.name) return 'role';
  }
  return undefined;
}
