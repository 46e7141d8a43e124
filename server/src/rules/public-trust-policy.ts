import { publicStatements } from './shared/publicGrants';
import { addConditionTest } from './shared/conditionInsertion';
import { replaceWithString } from './shared/edits';
import { defineRule, type Fix } from './types';
import type { PolicyModel, Statement, StringValue } from '../policy/model';
import { placeholderField } from '../policy/placeholders';

export default defineRule({
  id: 'public-trust-policy',
  severity: 'error',
  scope: 'statement-and-denials',
  summary: 'A role trust policy lets any AWS principal, in any account, assume the role ({"AWS": "*"} with no condition that limits who).',
  policyTypes: ['trust'],
  fixable: 'suggestion',
  messages: {
    publicTrust:
      '{"AWS": "*"} lets any AWS principal, in any account, assume this role, and no condition limits who. Name the trusted account or role, or add a condition such as aws:PrincipalOrgID, aws:PrincipalAccount or aws:PrincipalArn.',
  },
  check({ policy, statements, catalog, report }) {
    for (const { statement, everyone } of publicStatements(policy, statements, catalog)) {
      // A bare "*" is not valid in a trust policy at all: role-trust-policy-unsupported-wildcard-in-principal.
      if (statement.principal?.wildcard) continue;
      for (const value of everyone) {
        report({ node: value.node, messageId: 'publicTrust', suggestions: () => narrowings(policy, statement, value) });
      }
    }
  },
});

/**
 * The three ways out, most common first: the account's root (every principal of this account that an IAM policy
 * allows to assume the role), one role, or every principal of the organization. Fields to fill in are placeholders.
 */
function narrowings(policy: PolicyModel, statement: Statement, value: StringValue): Fix[] {
  const account = placeholderField('Account');
  const root = `arn:aws:iam::${account}:root`;
  const role = `arn:aws:iam::${account}:role/${placeholderField('RoleName')}`;
  const organization = placeholderField('OrganizationId');
  const fixes: Fix[] = [
    { title: `Trust one account: "${root}"`, edits: [replaceWithString(value.node, root)], placeholders: true },
    { title: `Trust one role: "${role}"`, edits: [replaceWithString(value.node, role)], placeholders: true },
  ];
  const orgCondition = addConditionTest(policy.text, statement, 'StringEquals', 'aws:PrincipalOrgID', JSON.stringify(organization));
  if (orgCondition) {
    fixes.push({
      title: `Trust your organization: add "StringEquals": {"aws:PrincipalOrgID": "${organization}"}`,
      edits: [orgCondition],
      placeholders: true,
    });
  }
  return fixes;
}
