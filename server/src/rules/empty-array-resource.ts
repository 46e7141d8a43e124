import { removeStatementEdit } from './shared/statementRemoval';
import { defineRule } from './types';

export default defineRule({
  id: 'empty-array-resource',
  severity: 'hint',
  scope: 'statement',
  summary: 'A statement has an empty Resource list, so it allows or denies nothing.',
  // In a role trust policy any Resource is an error of its own (role-trust-policy-syntax-error-resource).
  policyTypes: ['identity', 'resource', 'scp', 'rcp', 'permissions-boundary', 'session'],
  fixable: 'safe',
  messages: {
    empty: '"Resource" is an empty list, so this statement matches no request and has no effect. Add resources, or remove the statement.',
  },
  check({ policy, statements, report }) {
    for (const statement of statements) {
      const resource = statement.resource;
      if (!resource?.valueNode || !resource.isArray || resource.values.length > 0 || resource.invalid.length > 0 || resource.opaque) continue;
      // As for empty-array-action: the statement goes, not just the element, so the policy stays valid.
      const edit = removeStatementEdit(policy, statement);
      report({
        node: resource.valueNode,
        messageId: 'empty',
        tags: ['unnecessary'],
        fix: edit && { title: 'Remove this statement (its Resource list is empty)', edits: [edit] },
      });
    }
  },
});
