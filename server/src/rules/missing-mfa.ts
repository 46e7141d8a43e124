import type { Catalog } from '../catalog/types';
import type { PolicyModel } from '../policy/model';
import { statementActions, type StatementActions } from '../policy/statementActions';
import { conditionTestEdit } from './shared/conditionTestEdit';
import { deniedOutright, grantingNode, isAllow, isDeny } from './shared/grants';
import { asksForNoMfa, deniesWithoutMfa, mfaRequirement, narrowsAnything } from './shared/narrowingConditions';
import { grantsOnEveryResource } from './shared/resourceScope';
import { listedIdsGranted } from './shared/sensitiveActions';
import { defineRule } from './types';
import { namesAndMore } from './shared/namesAndMore';

export default defineRule({
  id: 'missing-mfa',
  severity: 'warning',
  scope: 'statement-and-denials',
  summary: 'An identity policy allows sensitive actions (permissions management; IAM, STS and Organizations writes) on every resource, unconditionally, without requiring MFA.',
  // MFA is a property of the caller's session: only identity policies grant to callers whose sessions this can test.
  policyTypes: ['identity'],
  // Requiring MFA denies every caller without an MFA session (roles that services and pipelines assume, access keys):
  // it changes who may act, so it is offered for review, never applied by fix-all or --fix.
  fixable: 'suggestion',
  messages: {
    missingMfa:
      '"{action}" allows sensitive actions without MFA ({examples}); require MFA with "Bool": {"aws:MultiFactorAuthPresent": "true"} in the statement\'s Condition.',
  },
  check({ policy, statements, catalog, report }) {
    const guarded = guardedByMfaDeny(policy, catalog);
    for (const statement of statements) {
      // A condition that asks for MFA only if present, or for its absence, is mfa-check-fails-open's finding.
      if (!isAllow(statement) || mfaRequirement(statement, catalog) !== undefined || asksForNoMfa(statement, catalog)) continue;
      // A statement whose request is already narrowed (network, organization, tags, service keys...) was written
      // with care for a purpose, typically a service's; MFA matters most for the unconditional ones.
      if (narrowsAnything(statement, catalog)) continue;
      // Judged by id (facts and resource type ARNs): actions are built for the three named in the message only.
      const sensitive = listedIdsGranted(statementActions(statement, catalog), 'mfaSensitive', catalog).filter(
        (id) =>
          !guarded.some((deny) => deny.has(id)) &&
          grantsOnEveryResource(statement, catalog.resourceTypeArnsOf(id)) &&
          !deniedOutright(policy, id, catalog),
      );
      if (sensitive.length === 0) continue;
      const ids = new Set(sensitive);
      const node = grantingNode(statement, catalog, (id) => ids.has(id));
      if (!node) continue;
      report({
        node,
        messageId: 'missingMfa',
        data: { action: node.type === 'string' ? node.value : 'NotAction', examples: examples(sensitive, catalog) },
        // Built when read: the CLI prints no suggestions.
        suggestions: () => {
          const edit = conditionTestEdit(policy.text, statement, 'Bool', 'aws:MultiFactorAuthPresent', '"true"');
          return edit ? [{ title: 'Require MFA: add "Bool": {"aws:MultiFactorAuthPresent": "true"} to the Condition', edits: [edit] }] : [];
        },
      });
    }
  },
});

/**
 * Actions a Deny of this policy refuses to sessions without MFA (AWS's "deny everything unless MFA" pattern, with
 * BoolIfExists ... false): for those, the Allow statements need no MFA condition of their own.
 */
function guardedByMfaDeny(policy: PolicyModel, catalog: Catalog): StatementActions[] {
  const guarded: StatementActions[] = [];
  for (const statement of policy.statements) {
    if (!isDeny(statement) || !statement.resource?.values.some((v) => v.value === '*')) continue;
    if (!deniesWithoutMfa(statement, catalog)) continue;
    guarded.push(statementActions(statement, catalog));
  }
  return guarded;
}

/** A few names, permissions-management ones first (each group in full-name order, as ids are), and how many more. */
function examples(ids: readonly number[], catalog: Catalog): string {
  const rank = (id: number): number => (catalog.actionFacts.accessLevel(id) === 'Permissions management' ? 0 : 1);
  const ordered = [...ids].sort((a, b) => rank(a) - rank(b) || a - b);
  return namesAndMore(ordered, 3, (id) => catalog.actionById(id).fullName);
}
