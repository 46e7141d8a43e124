import rule from '../../server/src/rules/manage-other-users-credentials';
import { runRuleTests } from '../support/ruleTester';

const policy = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;

runRuleTests(rule, {
  valid: [
    policy('{"Effect":"Allow","Action":["iam:CreateAccessKey","iam:DeleteAccessKey"],"Resource":"arn:aws:iam::*:user/${aws:username}"}'),
    { name: 'own user under a path', code: policy('{"Effect":"Allow","Action":"iam:UpdateLoginProfile","Resource":"arn:aws:iam::111122223333:user/*/${aws:username}"}') },
    { name: 'one named user is a deliberate choice', code: policy('{"Effect":"Allow","Action":"iam:CreateAccessKey","Resource":"arn:aws:iam::111122223333:user/ci-bot"}') },
    { name: 'a name prefix is a deliberate choice', code: policy('{"Effect":"Allow","Action":"iam:CreateAccessKey","Resource":"arn:aws:iam::111122223333:user/ci-*"}') },
    { name: 'full admin is full-admin-access\'s finding', code: policy('{"Effect":"Allow","Action":"*","Resource":"*"}') },
    { name: 'reading is not managing', code: policy('{"Effect":"Allow","Action":["iam:ListAccessKeys","iam:GetLoginProfile"],"Resource":"*"}') },
    { name: 'MFA device resources are not users', code: policy('{"Effect":"Allow","Action":"iam:CreateVirtualMFADevice","Resource":"arn:aws:iam::*:mfa/*"}') },
    {
      name: 'a tag condition on the user narrows',
      code: policy('{"Effect":"Allow","Action":"iam:CreateAccessKey","Resource":"*","Condition":{"StringEquals":{"iam:ResourceTag/team":"ci"}}}'),
    },
    { name: 'Deny', code: policy('{"Effect":"Deny","Action":"iam:CreateAccessKey","Resource":"*"}') },
    { name: 'resource-based policies', code: policy('{"Effect":"Allow","Principal":"*","Action":"iam:CreateAccessKey","Resource":"*"}'), policyType: 'resource' },
  ],
  invalid: [
    {
      code: policy('{"Effect":"Allow","Action":[|"iam:CreateAccessKey"|],"Resource":"*"}'),
      errors: [
        {
          messageId: 'otherUsers',
          message:
            '"iam:CreateAccessKey" lets this principal manage the credentials of other users on "*" (iam:CreateAccessKey), and so act as them; to let users manage only their own, use "arn:aws:iam::*:user/${aws:username}".',
        },
      ],
      suggestions: [
        {
          title: "Limit to the caller's own user: arn:aws:iam::*:user/${aws:username}",
          output: policy('{"Effect":"Allow","Action":"iam:CreateAccessKey","Resource":"arn:aws:iam::*:user/${aws:username}"}'),
        },
      ],
    },
    {
      name: 'user/* and a missing Version: the suggestion sets it, policy variables need it',
      code: '{"Statement":[{"Effect":"Allow","Action":["iam:GetUser",[|"iam:*LoginProfile"|]],"Resource":"arn:aws:iam::111122223333:user/*"}]}',
      errors: ['otherUsers'],
      suggestions: [
        {
          output: '{"Version": "2012-10-17", "Statement":[{"Effect":"Allow","Action":["iam:GetUser","iam:*LoginProfile"],"Resource":"arn:aws:iam::*:user/${aws:username}"}]}',
        },
      ],
    },
    {
      name: 'no suggestion when other actions need other resources',
      code: policy('{"Effect":"Allow","Action":["s3:GetObject",[|"iam:*AccessKey"|]],"Resource":"*"}'),
      errors: ['otherUsers'],
    },
  ],
});
