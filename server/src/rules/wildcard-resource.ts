import type { AccessLevel, Action, Catalog } from '../catalog/types';
import type { Statement, StringValue } from '../policy/model';
import { statementActions } from '../policy/statementActions';
import { delegationFacts } from './roleDelegation';
import { everyActionOnEveryResource, isAllow, isBlanketAction, isEveryResource } from './grants';
import { replaceWithStrings } from './listReplacement';
import { narrowsAnything } from './narrowingConditions';
import { arnTemplate, neededResourceTypes } from './neededResourceTypes';
import { defineRule, type Fix } from './types';

/**
 * Access levels whose actions change things. Reads and lists on "*" are everyday (consoles, inventories, monitoring)
 * and are judged by data-exfiltration where the data matters; reporting them would bury the findings that count.
 */
const reportedLevels = new Set<AccessLevel>(['Write', 'Permissions management', 'Tagging']);

/** iam:PassRole and iam:CreateServiceLinkedRole on "*" have rules of their own (pass-role-*, create-slr-*). */
const ownRules = new Set(Object.values(delegationFacts).map((facts) => facts.action.toLowerCase()));
const ownRuleLengths = new Set([...ownRules].map((name) => name.length));

/** Whether another rule reports the action on "*"; lower-cases only names of the right length (most are not). */
function hasOwnRule(action: Action): boolean {
  return ownRuleLengths.has(action.fullName.length) && ownRules.has(action.fullName.toLowerCase());
}

/** More templates than this make a suggestion nobody would apply as is. */
const templateLimit = 12;

export default defineRule({
  id: 'wildcard-resource',
  severity: 'warning',
  summary: 'Resource "*" on write, tagging or permissions-management actions that support resource-level permissions.',
  policyTypes: ['identity'],
  fixable: 'suggestion',
  messages: {
    wildcardResource:
      'Resource "{resource}" lets {count} that could be limited to specific resources act on every resource ({examples}); name the resources they need.',
  },
  check({ policy, catalog, report }) {
    for (const statement of policy.statements) {
      if (!isAllow(statement) || !statement.resource || everyActionOnEveryResource(statement)) continue;
      const stars = statement.resource.values.filter((v) => isEveryResource(v.value));
      if (stars.length === 0) continue;
      const granted = statementActions(statement, catalog);
      const actions = granted.actions;
      // Actions that only a whole-service wildcard brings in are wildcard-action's finding: narrow the actions first.
      const blanket = granted.isNotAction ? [] : granted.entries.filter((e) => isBlanketAction(e.value.value));
      const named =
        blanket.length === 0
          ? undefined
          : new Set(granted.entries.filter((e) => !blanket.includes(e)).flatMap((e) => e.actions.map((a) => a.fullName)));
      const scoped = actions.filter(
        (a) =>
          supportsResourceScoping(a) &&
          reportedLevels.has(a.accessLevel) &&
          (named === undefined || named.has(a.fullName)) &&
          !hasOwnRule(a),
      );
      if (scoped.length === 0 || narrowsAnything(statement, catalog)) continue;
      const examples = scoped.slice(0, 3).map((a) => a.fullName).join(', ') + (scoped.length > 3 ? ', ...' : '');
      for (const star of stars) {
        report({
          node: star.node,
          messageId: 'wildcardResource',
          data: { resource: star.value, count: scoped.length === 1 ? '1 action' : `${scoped.length} actions`, examples },
          suggestions: () => templates(policy.text, statement, star, actions, catalog),
        });
      }
    }
  },
});

/**
 * Whether the reference lists resource types for the action. Required or not: s3:PutObject lists its object types as
 * optional (either an object or an access-point object will do), yet it is the textbook case for naming resources.
 */
function supportsResourceScoping(action: Action): boolean {
  return action.resourceTypes.length > 0;
}

/**
 * Replace the wildcard with the ARN formats of the resource types the actions need, most likely first
 * (neededResourceTypes.ts), partition `aws`, other fields left as `${Placeholder}` for the user to fill in. Only
 * offered when every action of the statement supports resource-level permissions: the others need "*" and would stop
 * working.
 */
function templates(text: string, statement: Statement, star: StringValue, actions: readonly Action[], catalog: Catalog): Fix[] {
  if (actions.length === 0 || actions.some((a) => a.resourceTypes.length === 0)) return [];
  const formats = [...new Set(neededResourceTypes(actions, catalog).map((type) => arnTemplate(type.resourceType.arn)))];
  if (formats.length > templateLimit) return [];
  const others = new Set((statement.resource?.values ?? []).map((v) => v.value));
  const edit = replaceWithStrings(text, star.node, formats.filter((f) => !others.has(f)));
  if (!edit) return [];
  return [{ title: `Replace "${star.value}" with the ARN templates of these actions' resources (fill in each \${...})`, edits: [edit], placeholders: true }];
}
