/**
 * Broad grants of iam:PassRole and iam:CreateServiceLinkedRole, which IAM Access Analyzer reports as the PASS_ROLE_*
 * and CREATE_SLR_* security warnings. Each Allow statement that grants the action is classified by how the action
 * comes in (named, through a blanket wildcard, or through NotAction) and by how the roles are chosen (a Resource that
 * names every role, or NotResource); each rule of the family reports one combination. The data (which ARNs mean
 * "every role", which condition keys narrow the grant) is in data/role-delegation-actions.json.
 */
import delegationData from '../../../../data/role-delegation-actions.json';
import type { Action, Catalog } from '../../catalog/types';
import type { ASTNode, PolicyModel, Statement, StringValue } from '../../policy/model';
import { statementActions } from '../../policy/statementActions';
import { coversAction, deniedOutright, isAllow, isBlanketAction } from './grants';
import { restrictsKeys } from './narrowingConditions';
import { coversEveryArn } from './resourceScope';
import type { Fix, RuleContext } from '../types';
import { DocumentMemo } from '../../policy/documentMemo';

export type DelegatedAction = 'passRole' | 'createServiceLinkedRole';

export interface DelegationFacts {
  readonly action: string;
  /** ARN template of every role the action can act on; a Resource covering it names them all. */
  readonly everyRole: string;
  readonly narrowingKeys: readonly { key: string; reason: string; source: string }[];
  readonly source: string;
}

export const delegationFacts: Record<DelegatedAction, DelegationFacts> = {
  passRole: delegationData.passRole,
  createServiceLinkedRole: delegationData.createServiceLinkedRole,
};

/** How the statement brings the action in. */
export type ActionSide = 'named' | 'star' | 'not-action';
/** How the statement chooses roles: a Resource covering every role, or NotResource. */
export type ResourceSide = 'star' | 'not-resource';

export interface BroadDelegation {
  readonly statement: Statement;
  readonly actionSide: ActionSide;
  readonly resourceSide: ResourceSide;
  /** The Action string that grants it (the first named one, else the first wildcard), or the NotAction key. */
  readonly actionNode: ASTNode;
  /** The action string as written; undefined for NotAction. */
  readonly actionText: string | undefined;
  /** The Resource value that covers every role, or the NotResource key. */
  readonly resourceNode: ASTNode;
  /** The Resource value as written; undefined for NotResource. */
  readonly resourceText: string | undefined;
}

// By list: the rules of a run are given the same list (a rule's `context.statements`).
const memo = new DocumentMemo<readonly Statement[], Map<DelegatedAction, readonly BroadDelegation[]>>('broad delegations');

/**
 * Allow statements among `statements` that grant the action broadly, with no narrowing condition and no outright Deny
 * in the policy.
 */
export function broadDelegations(policy: PolicyModel, statements: readonly Statement[], catalog: Catalog, which: DelegatedAction): readonly BroadDelegation[] {
  let perPolicy = memo.get(statements);
  if (!perPolicy) memo.set(statements, (perPolicy = new Map()));
  const cached = perPolicy.get(which);
  if (cached) return cached;
  const result = findBroadDelegations(policy, statements, catalog, delegationFacts[which]);
  perPolicy.set(which, result);
  return result;
}

function findBroadDelegations(policy: PolicyModel, statements: readonly Statement[], catalog: Catalog, facts: DelegationFacts): BroadDelegation[] {
  const action = catalog.findAction(facts.action);
  if (!action || deniedOutright(policy, action.id, catalog)) return [];
  const keys = facts.narrowingKeys.map((entry) => entry.key);
  const found: BroadDelegation[] = [];
  for (const statement of statements) {
    if (!isAllow(statement)) continue;
    const actionPart = actionSide(statement, catalog, action);
    const resourcePart = actionPart && resourceSide(statement, facts.everyRole);
    if (!actionPart || !resourcePart || restrictsKeys(statement, catalog, keys)) continue;
    found.push({ statement, ...actionPart, ...resourcePart });
  }
  return found;
}

function actionSide(
  statement: Statement,
  catalog: Catalog,
  action: Action,
): Pick<BroadDelegation, 'actionSide' | 'actionNode' | 'actionText'> | undefined {
  if (!coversAction(statement, catalog, action)) return undefined;
  const granted = statementActions(statement, catalog);
  if (granted.isNotAction) return { actionSide: 'not-action', actionNode: statement.notAction!.keyNode, actionText: undefined };
  const entries: StringValue[] = granted.entries.filter((e) => e.ids.includes(action.id)).map((e) => e.value);
  const named = entries.find((value) => !isBlanketAction(value.value));
  const chosen = named ?? entries[0];
  if (!chosen) return undefined;
  return { actionSide: named ? 'named' : 'star', actionNode: chosen.node, actionText: chosen.value };
}

function resourceSide(statement: Statement, everyRole: string): Pick<BroadDelegation, 'resourceSide' | 'resourceNode' | 'resourceText'> | undefined {
  if (statement.resource) {
    const every = statement.resource.values.find((value) => coversEveryArn(value.value, everyRole));
    return every && { resourceSide: 'star', resourceNode: every.node, resourceText: every.value };
  }
  const notResource = statement.notResource;
  // A NotResource that excludes every role leaves the action nothing to act on.
  if (!notResource || notResource.values.some((value) => coversEveryArn(value.value, everyRole))) return undefined;
  return { resourceSide: 'not-resource', resourceNode: notResource.keyNode, resourceText: undefined };
}

/**
 * Report the statements whose grant has the given shape. The range is the part the user did not see coming: the
 * Resource (or NotResource) when the action is named, otherwise the wildcard or NotAction that brings it in.
 * Message data: `action` (the action string, or NotAction) and `resource` (the Resource value, or NotResource).
 */
export function reportDelegations<MessageId extends string>(
  context: RuleContext<MessageId>,
  which: DelegatedAction,
  shape: { actionSide: ActionSide; resourceSide: ResourceSide },
  messageId: MessageId,
  suggestions?: (grant: BroadDelegation) => Fix[],
): void {
  for (const grant of broadDelegations(context.policy, context.statements, context.catalog, which)) {
    if (grant.actionSide !== shape.actionSide || grant.resourceSide !== shape.resourceSide) continue;
    context.report({
      node: grant.actionSide === 'named' ? grant.resourceNode : grant.actionNode,
      messageId,
      data: { action: grant.actionText ?? 'NotAction', resource: grant.resourceText ?? 'NotResource' },
      suggestions: suggestions?.(grant),
    });
  }
}
