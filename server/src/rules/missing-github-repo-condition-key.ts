import { addConditionTest } from './shared/conditionInsertion';
import { replaceWithString } from './shared/edits';
import { gitHubPrincipals, namesOwner, restrictsOwner, subjectConditions } from './shared/githubTrust';
import { github, isAllow } from './shared/principals';
import { defineRule } from './types';

export default defineRule({
  id: 'missing-github-repo-condition-key',
  severity: 'warning',
  scope: 'statement',
  summary:
    'A role trusts the GitHub Actions OIDC provider without a token.actions.githubusercontent.com:sub condition that names your repository.',
  policyTypes: ['trust'],
  fixable: 'suggestion',
  messages: {
    missing:
      'This role trusts GitHub Actions tokens, but no token.actions.githubusercontent.com:sub condition names a repository, so workflows in any GitHub repository can assume it. Add the condition with your repository and branch, e.g. "{placeholder}".',
    anyRepository:
      '"{value}" does not name a repository owner, so workflows in any GitHub repository can assume this role. Use your repository and branch, e.g. "{placeholder}".',
  },
  check({ policy, statements, report }) {
    const placeholder = github.subjectPlaceholder;
    for (const statement of statements) {
      if (!isAllow(statement)) continue;
      const principals = gitHubPrincipals(statement);
      if (principals.length === 0) continue;
      const conditions = subjectConditions(statement);
      // Condition blocks are ANDed: one block that names owners is enough.
      if (conditions.some(restrictsOwner)) continue;
      if (conditions.length === 0) {
        const edit = addConditionTest(policy.text, statement, 'StringEquals', github.subjectKey, JSON.stringify(placeholder));
        for (const principal of principals) {
          report({
            node: principal.value.node,
            messageId: 'missing',
            data: { placeholder },
            suggestions: edit ? [{ title: `Add "StringEquals": {"${github.subjectKey}": "${placeholder}"}`, edits: [edit], placeholders: true }] : [],
          });
        }
        continue;
      }
      for (const { key } of conditions) {
        for (const value of key.values) {
          if (namesOwner(value)) continue;
          report({
            node: value.node,
            messageId: 'anyRepository',
            data: { value: String(value.value), placeholder },
            suggestions: [{ title: `Change to "${placeholder}"`, edits: [replaceWithString(value.node, placeholder)], placeholders: true }],
          });
        }
      }
    }
  },
});
