import type { AccessLevel, Action } from '../catalog/types';
import type { Statement, StringValue } from '../policy/model';
import { statementActions } from '../policy/statementActions';
import { everyActionOnEveryResource, isAllow, isBlanketAction, isEveryAction } from './shared/grants';
import { replaceWithStrings } from './shared/listReplacement';
import { defineRule, type Fix } from './types';
import { formatCount } from '../../../shared/formatCount';

/** Least to most sensitive, so the user reads (and keeps) from the top and deletes from the bottom. */
const levelOrder: readonly AccessLevel[] = ['List', 'Read', 'Tagging', 'Write', 'Permissions management'];

/**
 * Above this many actions the expansion alone would pass IAM's 6,144-character quota for managed policies, so it is
 * not offered (a handful of services: ec2, sagemaker, connect...).
 */
const expansionLimit = 300;

export default defineRule({
  id: 'wildcard-action',
  severity: 'warning',
  scope: 'statement',
  summary: 'An Allow of "*" or of a whole service ("s3:*"), which grants every action of it, including ones AWS adds later.',
  policyTypes: ['identity', 'resource'],
  fixable: 'suggestion',
  messages: {
    everyAction: '"{action}" allows every action of every AWS service ({count} today, and any added later); list the actions this principal needs.',
    serviceWildcard: '"{action}" allows every {service} action ({count} today, and any added later); list the actions this principal needs.',
  },
  check({ policy, statements, catalog, policyType, report }) {
    for (const statement of statements) {
      if (!isAllow(statement) || !statement.action) continue;
      // "*" on "*" in identity policies is full-admin-access's business (see everyActionOnEveryResource).
      const admin = policyType === 'identity' ? everyActionOnEveryResource(statement) : undefined;
      for (const entry of statementActions(statement, catalog).entries) {
        const value = entry.value.value;
        if (!isBlanketAction(value) || entry.ids.length === 0 || entry.value === admin) continue;
        if (isEveryAction(value)) {
          report({ node: entry.value.node, messageId: 'everyAction', data: { action: value, count: formatCount(entry.ids.length) } });
          continue;
        }
        report({
          node: entry.value.node,
          messageId: 'serviceWildcard',
          data: { action: value, service: catalog.actionById(entry.ids[0]!).service.name, count: formatCount(entry.ids.length) },
          // Up to 300 actions written out: built only when an editor asks for code actions.
          suggestions: () => expansion(policy.text, statement, entry.value, entry.actions),
        });
      }
    }
  },
});

function expansion(text: string, statement: Statement, value: StringValue, actions: readonly Action[]): Fix[] {
  if (actions.length > expansionLimit) return [];
  // Actions the list already names are left where they are (repeating them would be redundant-action's business).
  const listed = new Set((statement.action?.values ?? []).map((v) => v.value.toLowerCase()));
  const groups = levelOrder.map((level) =>
    actions.filter((a) => a.accessLevel === level && !listed.has(a.fullName.toLowerCase())).map((a) => a.fullName),
  );
  const edit = replaceWithStrings(text, value.node, groups.flat());
  if (!edit) return [];
  const counts = levelOrder.flatMap((level, i) => (groups[i]!.length > 0 ? [`${level} (${groups[i]!.length})`] : []));
  return [
    {
      title: `Replace "${value.value}" with its ${groups.flat().length} actions, listed by access level: ${counts.join(', ')}; delete those not needed`,
      edits: [edit],
    },
  ];
}
