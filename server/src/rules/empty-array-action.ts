import { removeStatementEdit } from './shared/statementRemoval';
import { defineRule } from './types';

export default defineRule({
  id: 'empty-array-action',
  severity: 'hint',
  scope: 'statement',
  summary: 'A statement has an empty Action list, so it allows or denies nothing.',
  fixable: 'safe',
  messages: {
    empty: '"Action" is an empty list, so this statement matches no request and has no effect. Add actions, or remove the statement.',
  },
  check({ policy, statements, report }) {
    for (const statement of statements) {
      const action = statement.action;
      if (!action?.valueNode || !action.isArray || action.values.length > 0 || action.invalid.length > 0 || action.opaque) continue;
      // Removing only `"Action": []` would leave a statement AWS rejects (missing-action); removing the statement
      // keeps the policy's meaning and validity, so that is the safe fix when other statements remain.
      const edit = removeStatementEdit(policy, statement);
      report({
        node: action.valueNode,
        messageId: 'empty',
        tags: ['unnecessary'],
        fix: edit && { title: 'Remove this statement (its Action list is empty)', edits: [edit] },
      });
    }
  },
});
