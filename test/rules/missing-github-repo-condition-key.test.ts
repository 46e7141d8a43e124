import rule from '../../server/src/rules/missing-github-repo-condition-key';
import { runRuleTests } from '../support/ruleTester';

const provider = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';
const trust = (condition: string, principal = `"${provider}"`) =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":${principal}},"Action":"sts:AssumeRoleWithWebIdentity"${condition ? `,"Condition":${condition}` : ''}}]}`;

runRuleTests(rule, {
  valid: [
    {
      name: 'GitHub trust as AWS documents it (aud and sub)',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" },\n      "Action": "sts:AssumeRoleWithWebIdentity",\n      "Condition": {\n        "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },\n        "StringLike": { "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:*" }\n      }\n    }\n  ]\n}',
      policyType: 'trust',
    },
    { name: 'a whole organization is named', code: trust('{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:octo-org/*"}}'), policyType: 'trust' },
    { name: 'an environment', code: trust('{"StringEquals":{"token.actions.githubusercontent.com:sub":["repo:octo-org/octo-repo:environment:prod"]}}'), policyType: 'trust' },
    { name: 'key names are case-insensitive', code: trust('{"StringEquals":{"Token.Actions.GitHubUserContent.com:SUB":"repo:octo-org/octo-repo:ref:refs/heads/main"}}'), policyType: 'trust' },
    { name: 'IfExists (GitHub tokens always carry sub)', code: trust('{"StringLikeIfExists":{"token.actions.githubusercontent.com:sub":"repo:octo-org/octo-repo:*"}}'), policyType: 'trust' },
    {
      name: 'one block naming the repository is enough (blocks are ANDed)',
      code: trust('{"StringLike":{"token.actions.githubusercontent.com:sub":"*"},"StringEquals":{"token.actions.githubusercontent.com:sub":"repo:octo-org/octo-repo:ref:refs/heads/main"}}'),
      policyType: 'trust',
    },
    {
      name: 'EKS OIDC provider is not GitHub',
      code: '{"Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub":"system:serviceaccount:default:my-sa"}}}]}',
      policyType: 'trust',
    },
    { name: 'a Deny is not a grant', code: `{"Statement":[{"Effect":"Deny","Principal":{"Federated":"${provider}"},"Action":"sts:AssumeRoleWithWebIdentity"}]}`, policyType: 'trust' },
    { name: 'only trust policies', code: trust(''), policyType: 'resource' },
  ],
  invalid: [
    {
      name: 'only the audience is checked (a common mistake)',
      code: trust('{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}', `[|"${provider}"|]`),
      policyType: 'trust',
      errors: [
        {
          messageId: 'missing',
          message:
            'This role trusts GitHub Actions tokens, but no token.actions.githubusercontent.com:sub condition names a repository, so workflows in any GitHub repository can assume it. Add the condition with your repository and branch, e.g. "repo:OWNER/REPO:ref:refs/heads/main".',
        },
      ],
      suggestions: [
        {
          title: 'Add "StringEquals": {"token.actions.githubusercontent.com:sub": "repo:OWNER/REPO:ref:refs/heads/main"}',
          output: trust('{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com", "token.actions.githubusercontent.com:sub": "repo:OWNER/REPO:ref:refs/heads/main"}}'),
        },
      ],
    },
    {
      name: 'no condition at all, multi-line',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": {\n        "Federated": [|"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"|]\n      },\n      "Action": "sts:AssumeRoleWithWebIdentity"\n    }\n  ]\n}',
      policyType: 'trust',
      errors: ['missing'],
      suggestions: [
        {
          output:
            '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": {\n        "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"\n      },\n      "Action": "sts:AssumeRoleWithWebIdentity",\n      "Condition": { "StringEquals": { "token.actions.githubusercontent.com:sub": "repo:OWNER/REPO:ref:refs/heads/main" } }\n    }\n  ]\n}',
        },
      ],
    },
    {
      name: 'sub of "*" and "repo:*"',
      code: trust('{"StringLike":{"token.actions.githubusercontent.com:sub":[[|"*"|],[|"repo:*"|]]}}'),
      policyType: 'trust',
      errors: ['anyRepository', 'anyRepository'],
      suggestions: [
        { title: 'Change to "repo:OWNER/REPO:ref:refs/heads/main"', output: trust('{"StringLike":{"token.actions.githubusercontent.com:sub":["repo:OWNER/REPO:ref:refs/heads/main","repo:*"]}}') },
        { output: trust('{"StringLike":{"token.actions.githubusercontent.com:sub":["*","repo:OWNER/REPO:ref:refs/heads/main"]}}') },
      ],
    },
    {
      name: 'one open value among specific ones opens the door',
      code: trust('{"StringLike":{"token.actions.githubusercontent.com:sub":["repo:octo-org/octo-repo:*",[|"repo:*/octo-repo:*"|]]}}'),
      policyType: 'trust',
      errors: ['anyRepository'],
      suggestions: [{ output: trust('{"StringLike":{"token.actions.githubusercontent.com:sub":["repo:octo-org/octo-repo:*","repo:OWNER/REPO:ref:refs/heads/main"]}}') }],
    },
    {
      name: 'a negated test does not name a repository',
      code: trust('{"StringNotLike":{"token.actions.githubusercontent.com:sub":"repo:evil-org/*"}}', `[|"${provider}"|]`),
      policyType: 'trust',
      errors: ['missing'],
      suggestions: [
        { output: trust('{"StringNotLike":{"token.actions.githubusercontent.com:sub":"repo:evil-org/*"}, "StringEquals": { "token.actions.githubusercontent.com:sub": "repo:OWNER/REPO:ref:refs/heads/main" }}') },
      ],
    },
    {
      name: 'an owner with a wildcard (anyone can create octo-anything)',
      code: trust('{"StringLike":{"token.actions.githubusercontent.com:sub":[|"repo:octo-*/app:*"|]}}'),
      policyType: 'trust',
      errors: ['anyRepository'],
      suggestions: [{ output: trust('{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:OWNER/REPO:ref:refs/heads/main"}}') }],
    },
  ],
});
