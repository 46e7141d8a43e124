/**
 * Shared by credentials-exposure, data-exfiltration and resource-exposure: Allow statements that grant actions of a
 * data list on every resource, with no condition that limits the resources and no outright Deny in the policy.
 */
import type { Catalog } from '../../catalog/types';
import { statementActions } from '../../policy/statementActions';
import { deniedOutright, everyActionOnEveryResource, grantingNode, isAllow } from './grants';
import { conditionTests, narrowsResources } from './narrowingConditions';
import { grantsOnEveryResource } from './resourceScope';
import { listedIdsGranted, type ActionList } from './sensitiveActions';
import type { RuleContext } from '../types';
import { namesAndMore } from './namesAndMore';

/** Names shown in a message before "and N more". */
const shownActions = 3;

/**
 * Report each statement once, at the first Action string that brings in a listed action. Message data: `action`
 * (that string, or NotAction), `actions` (a few names and how many more). Full-admin statements are left to
 * full-admin-access.
 */
export function reportUnscopedActions<MessageId extends string>(context: RuleContext<MessageId>, list: ActionList, messageId: MessageId): void {
  const { policy, statements, catalog } = context;
  for (const statement of statements) {
    if (!isAllow(statement) || everyActionOnEveryResource(statement)) continue;
    // Judged by id (resource type ARNs, the Deny statements); actions are built only where a condition of the
    // statement has to be compared with their resource types, and for the names in the message.
    const conditioned = conditionTests(statement, catalog).length > 0;
    const reported = listedIdsGranted(statementActions(statement, catalog), list.name, catalog).filter(
      (id) =>
        grantsOnEveryResource(statement, catalog.resourceTypeArnsOf(id)) &&
        !deniedOutright(policy, id, catalog) &&
        !(conditioned && narrowsResources(statement, [catalog.actionById(id)], catalog)),
    );
    if (reported.length === 0) continue;
    const ids = new Set(reported);
    const node = grantingNode(statement, catalog, (id) => ids.has(id));
    if (!node) continue;
    context.report({
      node,
      messageId,
      data: { action: node.type === 'string' ? node.value : 'NotAction', actions: describe(reported, catalog) },
    });
  }
}

function describe(ids: readonly number[], catalog: Catalog): string {
  return namesAndMore(ids, shownActions, (id) => catalog.actionById(id).fullName);
}
