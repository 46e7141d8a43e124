import { claimConditions, fixesRepository, gitHubPrincipals, hasWildcardValue, namesOwner, restrictsOwner, subjectConditions } from './shared/githubTrust';
import { github, isAllow } from './shared/principals';
import { defineRule } from './types';

export default defineRule({
  id: 'specific-github-repo-and-branch-recommended',
  severity: 'warning',
  scope: 'statement',
  summary:
    'A token.actions.githubusercontent.com:sub condition uses a wildcard, so more repositories or branches than intended can assume the role.',
  policyTypes: ['trust'],
  messages: {
    wildcard:
      'The wildcard in "{value}" lets more repositories, branches or environments assume this role than you may intend. Name the repository and branch (repo:<Owner>/<Repo>:ref:refs/heads/<Branch>), or keep the repository and pin the branch with a {refKey} condition.',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      if (!isAllow(statement) || gitHubPrincipals(statement).length === 0) continue;
      const conditions = subjectConditions(statement);
      // Without any condition naming an owner, missing-github-repo-condition-key reports the statement.
      if (!conditions.some(restrictsOwner)) continue;
      // The branch may live in its own condition: then a wildcard after repo:OWNER/REPO only opens the context.
      const branchPinned = claimConditions(statement, github.refKey).some(
        ({ key }) => key.values.length > 0 && key.values.every((v) => !hasWildcardValue(v)),
      );
      for (const { key } of conditions) {
        for (const value of key.values) {
          if (!namesOwner(value) || !hasWildcardValue(value)) continue;
          if (branchPinned && fixesRepository(value)) continue;
          report({ node: value.node, messageId: 'wildcard', data: { value: String(value.value), refKey: github.refKey } });
        }
      }
    }
  },
});
