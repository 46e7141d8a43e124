import type { Action, Catalog } from '../catalog/types';
import type { PolicyModel, Statement, StringValue } from '../policy/model';
import { statementActions } from '../policy/statementActions';
import { insertProperty, replaceWithString } from './shared/edits';
import { deniedOutright, everyActionOnEveryResource, grantingNode, isAllow } from './shared/grants';
import { narrowsResources } from './shared/narrowingConditions';
import { coversEveryArn } from './shared/resourceScope';
import { credentialSelfServiceActions, listedIdsGranted } from './shared/sensitiveActions';
import { defineRule, type Edit, type Fix } from './types';

/** The caller's own user, in any account: what AWS's self-service examples allow these actions on. */
const ownUser = 'arn:aws:iam::*:user/${aws:username}';
const userFormat = 'arn:${Partition}:iam::${Account}:user/${UserNameWithPath}';

export default defineRule({
  id: 'manage-other-users-credentials',
  severity: 'warning',
  scope: 'statement-and-denials',
  summary: 'Credential self-service actions (access keys, passwords, MFA devices...) allowed on every user ("*" or user/*) rather than the caller\'s own.',
  policyTypes: ['identity'],
  fixable: 'suggestion',
  messages: {
    otherUsers:
      '"{action}" lets this principal manage the credentials of other users on "{resource}" ({examples}), and so act as them; to let users manage only their own, use "arn:aws:iam::*:user/${aws:username}".',
  },
  check({ policy, statements, catalog, report }) {
    for (const statement of statements) {
      // A full administrator manages everything; full-admin-access reports that statement.
      if (!isAllow(statement) || everyActionOnEveryResource(statement)) continue;
      const candidates = listedIdsGranted(statementActions(statement, catalog), credentialSelfServiceActions.name, catalog).map((id) => catalog.actionById(id));
      const actions = candidates.filter((a) => !deniedOutright(policy, a.id, catalog));
      if (actions.length === 0) continue;
      const others = (statement.resource?.values ?? []).filter((v) => namesOtherUsers(v.value));
      if (others.length === 0 || narrowsResources(statement, actions, catalog)) continue;
      const ids = new Set(actions.map((a) => a.id));
      const node = grantingNode(statement, catalog, (id) => ids.has(id));
      if (!node || node.type !== 'string') continue;
      const shown = actions.slice(0, 3).map((a) => a.fullName).join(', ') + (actions.length > 3 ? ', ...' : '');
      report({
        node,
        messageId: 'otherUsers',
        data: { action: node.value, resource: others[0]!.value, examples: shown },
        suggestions: scopeToCaller(policy, statement, others, catalog),
      });
    }
  },
});

/**
 * True when the Resource names every user (`*`, `arn:aws:iam::*:user/*`). A named user, a name prefix or a path
 * (`user/ci/*`) is a deliberate choice of whose credentials to manage and is not reported; neither is the caller's own
 * user (`user/${aws:username}`).
 */
function namesOtherUsers(value: string): boolean {
  return coversEveryArn(value, userFormat);
}

/**
 * Scope the statement to the caller's own user (and set Version 2012-10-17, which policy variables need). Only offered
 * when one Resource value is at fault and every action of the statement acts on users; otherwise the statement needs
 * splitting, which is for the user to decide.
 */
function scopeToCaller(policy: PolicyModel, statement: Statement, others: readonly StringValue[], catalog: Catalog): Fix[] {
  if (others.length !== 1 || statement.resource?.values.some((v) => v.value === ownUser)) return [];
  if (!statementActions(statement, catalog).actions.every(actsOnUsers)) return [];
  const edits: Edit[] = [replaceWithString(others[0]!.node, ownUser)];
  const version = versionEdit(policy);
  if (version) edits.push(version);
  return [{ title: `Limit to the caller's own user: ${ownUser}`, edits }];
}

function actsOnUsers(action: Action): boolean {
  return action.resourceTypes.some((row) => row.resourceType.name === 'user');
}

function versionEdit(policy: PolicyModel): Edit | undefined {
  const version = policy.version;
  if (version?.value === '2012-10-17') return undefined;
  if (version?.valueNode) return replaceWithString(version.valueNode, '2012-10-17');
  return policy.root?.type === 'object' ? insertProperty(policy.text, policy.root, 'Version', '"2012-10-17"', 'first') : undefined;
}
