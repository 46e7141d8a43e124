import rule from '../../server/src/rules/missing-action-for-roles-anywhere-trust-policy';
import { runRuleTests } from '../support/ruleTester';

const trust = (action: string) =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":${action},"Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:rolesanywhere:us-east-1:111122223333:trust-anchor/a1b2c3d4"}}}]}`;

runRuleTests(rule, {
  valid: [
    { name: 'the three actions Roles Anywhere documents', code: trust('["sts:AssumeRole","sts:SetSourceIdentity","sts:TagSession"]'), policyType: 'trust' },
    { name: 'through wildcards', code: trust('["sts:AssumeRole","sts:Set*","sts:Tag*"]'), policyType: 'trust' },
    { name: 'other services need only AssumeRole', code: '{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}', policyType: 'trust' },
  ],
  invalid: [
    {
      // invalid-service-principal-format's safe fix trims it: the finding must not wait for that fix to appear (#19).
      name: 'a principal padded with spaces is read as its safe fix writes it',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":[|" RolesAnywhere.amazonaws.com "|]},"Action":"sts:AssumeRole"}]}',
      policyType: 'trust',
      errors: ['missing'],
      suggestions: [{ output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":" RolesAnywhere.amazonaws.com "},"Action":["sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"]}]}' }],
    },
    {
      name: 'only AssumeRole',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":[|"rolesanywhere.amazonaws.com"|]},"Action":"sts:AssumeRole"}]}',
      policyType: 'trust',
      errors: [
        {
          messageId: 'missing',
          message:
            'IAM Roles Anywhere needs sts:AssumeRole, sts:SetSourceIdentity, sts:TagSession to assume a role; this statement does not allow sts:SetSourceIdentity, sts:TagSession. Add them to "Action".',
        },
      ],
      suggestions: [
        {
          title: 'Add sts:SetSourceIdentity, sts:TagSession to "Action"',
          output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":["sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"]}]}',
        },
      ],
    },
    {
      name: 'missing TagSession, multi-line list',
      code: '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "Service": [|"rolesanywhere.amazonaws.com"|] },\n      "Action": [\n        "sts:AssumeRole",\n        "sts:SetSourceIdentity"\n      ]\n    }\n  ]\n}',
      policyType: 'trust',
      errors: ['missing'],
      suggestions: [
        { output: '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "Service": "rolesanywhere.amazonaws.com" },\n      "Action": [\n        "sts:AssumeRole",\n        "sts:SetSourceIdentity",\n        "sts:TagSession"\n      ]\n    }\n  ]\n}' },
      ],
    },
  ],
});
