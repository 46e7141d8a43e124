import rule from '../../server/src/rules/specific-github-repo-and-branch-recommended';
import { runRuleTests } from '../support/ruleTester';

const trust = (condition: string) =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [
    {
      name: 'repository and branch',
      code: trust('{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com","token.actions.githubusercontent.com:sub":"repo:octo-org/octo-repo:ref:refs/heads/main"}}'),
      policyType: 'trust',
    },
    { name: 'an environment', code: trust('{"StringEquals":{"token.actions.githubusercontent.com:sub":"repo:octo-org/octo-repo:environment:prod"}}'), policyType: 'trust' },
    {
      name: 'the repository in sub, the branch pinned by ref',
      code: trust('{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:octo-org/octo-repo:*"},"StringEquals":{"token.actions.githubusercontent.com:ref":"refs/heads/main"}}'),
      policyType: 'trust',
    },
    { name: '"*" alone is missing-github-repo-condition-key\'s finding', code: trust('{"StringLike":{"token.actions.githubusercontent.com:sub":"*"}}'), policyType: 'trust' },
    { name: 'other providers', code: '{"Statement":[{"Effect":"Allow","Principal":{"Federated":"accounts.google.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringLike":{"accounts.google.com:sub":"*"}}}]}', policyType: 'trust' },
  ],
  invalid: [
    {
      name: 'every branch and event of one repository, as GitHub\'s guide shows it',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" },\n      "Action": "sts:AssumeRoleWithWebIdentity",\n      "Condition": {\n        "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },\n        "StringLike": { "token.actions.githubusercontent.com:sub": [|"repo:octo-org/octo-repo:*"|] }\n      }\n    }\n  ]\n}',
      policyType: 'trust',
      errors: [
        {
          messageId: 'wildcard',
          message:
            'The wildcard in "repo:octo-org/octo-repo:*" lets more repositories, branches or environments assume this role than you may intend. Name the repository and branch (repo:<Owner>/<Repo>:ref:refs/heads/<Branch>), or keep the repository and pin the branch with a token.actions.githubusercontent.com:ref condition.',
        },
      ],
    },
    {
      name: 'every repository of an organization, even with a ref condition',
      code: trust('{"StringLike":{"token.actions.githubusercontent.com:sub":[|"repo:octo-org/*"|]},"StringEquals":{"token.actions.githubusercontent.com:ref":"refs/heads/main"}}'),
      policyType: 'trust',
      errors: ['wildcard'],
    },
    {
      name: 'one of several values',
      code: trust('{"StringLike":{"token.actions.githubusercontent.com:sub":["repo:octo-org/octo-repo:ref:refs/heads/main",[|"repo:octo-org/octo-repo:ref:refs/heads/release-?"|]]}}'),
      policyType: 'trust',
      errors: ['wildcard'],
    },
  ],
});
