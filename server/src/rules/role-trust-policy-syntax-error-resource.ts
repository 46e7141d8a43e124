import { removeProperty } from './shared/edits';
import { defineRule } from './types';

export default defineRule({
  id: 'role-trust-policy-syntax-error-resource',
  severity: 'error',
  scope: 'statement',
  summary: 'A role trust policy statement has a Resource or NotResource element; the role itself is the resource.',
  policyTypes: ['trust'],
  fixable: 'safe',
  messages: {
    resource:
      'Role trust policies apply to the role they are attached to, so "{element}" is not allowed here (IAM rejects the policy). Remove "{element}".',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      for (const element of [statement.resource, statement.notResource]) {
        if (!element) continue;
        report({
          node: element.keyNode,
          messageId: 'resource',
          data: { element: element.key },
          // Every "Resource" of the statement: removing only the first would let a duplicate count in its place.
          fix: { title: `Remove "${element.key}"`, edits: removeProperty(element.property) },
        });
      }
    }
  },
});
