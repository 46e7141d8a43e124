/**
 * What the statements of a policy grant, for the least-privilege rules: which statements allow, which action strings
 * bring an action in, whether the policy itself denies an action outright, and whether a statement is full admin.
 */
import type { Action, Catalog } from '../../catalog/types';
import type { ASTNode, PolicyModel, Statement, StringValue } from '../../policy/model';
import { statementActions, type StatementActions } from '../../policy/statementActions';
import { neverApplies } from './impossibleConditions';
import { narrowsAnything } from './narrowingConditions';
import { coversEveryArn } from './resourceScope';
import { DocumentMemo } from '../../policy/documentMemo';

/** An Allow that can apply: one whose Condition no request satisfies grants nothing (condition-never-true). */
export function isAllow(statement: Statement): boolean {
  return statement.effect?.value === 'Allow' && !neverApplies(statement);
}

export function isDeny(statement: Statement): boolean {
  return statement.effect?.value === 'Deny';
}

/**
 * An action string that takes a whole service or everything (`*`, `*:*`, `s3:*`): written without thinking of any
 * particular action. `iam:Pass*` or `s3:Get*` name a family on purpose and are not blanket.
 */
export function isBlanketAction(value: string): boolean {
  if (value === '*') return true;
  // Read in place: asked of every Action string of every statement.
  const colon = value.indexOf(':');
  if (colon <= 0 || colon !== value.length - 2 || value.charCodeAt(colon + 1) !== 0x2a) return false;
  const question = value.indexOf('?');
  return question < 0 || question > colon;
}

/** `*` or `*:*`: every action of every service. */
export function isEveryAction(value: string): boolean {
  return value === '*' || value === '*:*';
}

/** Whether the statement's Action (or NotAction) covers the action. */
export function coversAction(statement: Statement, catalog: Catalog, action: Action): boolean {
  return statementActions(statement, catalog).covers(action);
}

/** The Action strings that bring in at least one action (by id) the predicate accepts, in document order. */
export function entriesGranting(statement: Statement, catalog: Catalog, accepts: (id: number) => boolean): StringValue[] {
  const { entries, isNotAction } = statementActions(statement, catalog);
  if (isNotAction) return [];
  return entries.filter((entry) => entry.ids.some(accepts)).map((entry) => entry.value);
}

/**
 * Where to point for a finding about some of the statement's actions: the first Action string that brings one in,
 * or the `NotAction` key when the statement grants by exclusion.
 */
export function grantingNode(statement: Statement, catalog: Catalog, accepts: (id: number) => boolean): ASTNode | undefined {
  if (statement.notAction && !statement.action) return statement.notAction.keyNode;
  return entriesGranting(statement, catalog, accepts)[0]?.node;
}

const deniedMemo = new DocumentMemo<PolicyModel, { catalog: Catalog; denials: readonly StatementActions[] }>('outright denials');

/**
 * Whether the policy denies the action for every request: a Deny statement without conditions, on Resource `*`,
 * for every principal (resource policies), whose actions include it. Any narrower Deny might leave the grant.
 */
export function deniedOutright(policy: PolicyModel, actionId: number, catalog: Catalog): boolean {
  let cached = deniedMemo.get(policy);
  if (cached?.catalog !== catalog) {
    cached = { catalog, denials: outrightDenials(policy, catalog) };
    deniedMemo.set(policy, cached);
  }
  // Asked of the denying statements rather than of a set of their action names: a Deny of NotAction holds most
  // of the catalogue, and most policies ask about few actions.
  for (const denial of cached.denials) if (denial.has(actionId)) return true;
  return false;
}

function outrightDenials(policy: PolicyModel, catalog: Catalog): StatementActions[] {
  const denials: StatementActions[] = [];
  for (const statement of policy.statements) {
    if (!isDeny(statement) || statement.notPrincipal || statement.notResource) continue;
    if (statement.condition && statement.condition.operators.length > 0) continue;
    if (statement.principal && !appliesToEveryone(statement)) continue;
    if (!statement.resource?.values.some((v) => v.value === '*')) continue;
    denials.push(statementActions(statement, catalog));
  }
  return denials;
}

function appliesToEveryone(statement: Statement): boolean {
  const principal = statement.principal;
  if (!principal) return true;
  if (principal.wildcard?.value === '*') return true;
  return principal.entries.some((entry) => entry.kind === 'AWS' && entry.values.some((v) => v.value === '*'));
}

/** Every ARN: `*` and patterns like `arn:*:*:*:*:*` or `arn:*`. */
const anyArn = 'arn:${Partition}:${Service}:${Region}:${Account}:${Resource}';

export function isEveryResource(value: string): boolean {
  return value === '*' || coversEveryArn(value, anyArn);
}

/**
 * The `*`-on-`*` shape: an Allow of every action (`*` or `*:*`) on every resource, conditions or not. Returns the
 * action string. The narrower rules (wildcard-action, privilege-escalation, the exposure rules...) leave such a
 * statement to full-admin-access: unconditioned it is that rule's finding, and conditioned it is the deliberate
 * administrator grant that rule's page recommends.
 */
export function everyActionOnEveryResource(statement: Statement): StringValue | undefined {
  if (!isAllow(statement) || !statement.action) return undefined;
  const action = statement.action.values.find((v) => isEveryAction(v.value));
  if (!action || !statement.resource?.values.some((v) => isEveryResource(v.value))) return undefined;
  return action;
}

/**
 * An Allow of every action on every resource with no condition that narrows it: the AdministratorAccess shape.
 * Returns the action string, for reporting.
 */
export function fullAdminAction(statement: Statement, catalog: Catalog): StringValue | undefined {
  const action = everyActionOnEveryResource(statement);
  return action && !narrowsAnything(statement, catalog) ? action : undefined;
}
