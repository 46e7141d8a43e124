/**
 * Shared by credentials-exposure, data-exfiltration and resource-exposure: Allow statements that grant actions of a
 * data list on every resource, with no condition that limits the resources and no outright Deny in the policy.
 */
import type { Action } from '../../catalog/types';
import { statementActions } from '../../policy/statementActions';
import { deniedOutright, everyActionOnEveryResource, grantingNode, isAllow } from './grants';
import { narrowsResources } from './narrowingConditions';
import { grantsOnEveryResource } from './resourceScope';
import { listedIdsGranted, type ActionList } from './sensitiveActions';
import type { RuleContext } from '../types';

/** Names shown in a message before "and N more". */
const shownActions = 3;

/**
 * Report each statement once, at the first Action string that brings in a listed action. Message data: `action`
 * (that string, or NotAction), `actions` (a few names and how many more). Full-admin statements are left to
 * full-admin-access.
 */
export function reportUnscopedActions<MessageId extends string>(context: RuleContext<MessageId>, list: ActionList, messageId: MessageId): void {
  const { policy, catalog } = context;
  for (const statement of policy.statements) {
    if (!isAllow(statement) || everyActionOnEveryResource(statement)) continue;
    const candidates = listedIdsGranted(statementActions(statement, catalog), list.name, catalog).map((id) => catalog.actionById(id));
    const actions = candidates.filter(
      (a) =>
        grantsOnEveryResource(statement, a) &&
        !deniedOutright(policy, a, catalog) &&
        !narrowsResources(statement, [a], catalog),
    );
    if (actions.length === 0) continue;
    const ids = new Set(actions.map((a) => a.id));
    const node = grantingNode(statement, catalog, (id) => ids.has(id));
    if (!node) continue;
    context.report({
      node,
      messageId,
      data: { action: node.type === 'string' ? node.value : 'NotAction', actions: describe(actions) },
    });
  }
}

function describe(actions: readonly Action[]): string {
  const shown = actions.slice(0, shownActions).map((a) => a.fullName).join(', ');
  return actions.length > shownActions ? `${shown} and ${actions.length - shownActions} more` : shown;
}
