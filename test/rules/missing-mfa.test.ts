import rule from '../../server/src/rules/missing-mfa';
import { runRuleTests } from '../support/ruleTester';

const policy = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;

runRuleTests(rule, {
  valid: [
    {
      name: 'an Allow that tests for "false" (inverted) is mfa-check-fails-open\'s finding',
      code: policy('{"Effect":"Allow","Action":"iam:DeleteRole","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}'),
    },
    policy('{"Effect":"Allow","Action":"iam:CreateUser","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}'),
    { name: 'recent MFA', code: policy('{"Effect":"Allow","Action":"iam:*","Resource":"*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}}') },
    { name: 'reads are not sensitive', code: policy('{"Effect":"Allow","Action":["iam:Get*","iam:List*"],"Resource":"*"}') },
    { name: 'iam:PassRole and role assumption are listed exceptions', code: policy('{"Effect":"Allow","Action":["iam:PassRole","sts:AssumeRole"],"Resource":"*"}') },
    { name: 'setting up MFA must work without MFA', code: policy('{"Effect":"Allow","Action":["iam:CreateVirtualMFADevice","iam:EnableMFADevice"],"Resource":"*"}') },
    { name: 'named resources', code: policy('{"Effect":"Allow","Action":"iam:AttachRolePolicy","Resource":"arn:aws:iam::111122223333:role/app"}') },
    { name: 'a network condition', code: policy('{"Effect":"Allow","Action":"iam:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}') },
    { name: 'BoolIfExists is mfa-check-fails-open\'s finding', code: policy('{"Effect":"Allow","Action":"iam:*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"true"}}}') },
    {
      name: 'AWS\'s deny-unless-MFA pattern guards the Allow',
      code: policy(
        '{"Effect":"Allow","Action":["iam:CreateUser","iam:DeleteUser"],"Resource":"*"},{"Effect":"Deny","NotAction":["iam:CreateVirtualMFADevice","iam:EnableMFADevice","iam:ListMFADevices","sts:GetSessionToken"],"Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}',
      ),
    },
    { name: 'denied outright', code: policy('{"Effect":"Allow","Action":"iam:CreateUser","Resource":"*"},{"Effect":"Deny","Action":"iam:*","Resource":"*"}') },
    { name: 'permissions boundary', code: policy('{"Effect":"Allow","Action":"iam:*","Resource":"*"}'), policyType: 'permissions-boundary' },
    { name: 'Deny', code: policy('{"Effect":"Deny","Action":"iam:*","Resource":"*"}') },
  ],
  invalid: [
    {
      code: policy('{"Effect":"Allow","Action":[|"iam:CreateUser"|],"Resource":"*"}'),
      errors: [
        {
          messageId: 'missingMfa',
          message:
            '"iam:CreateUser" allows sensitive actions without MFA (iam:CreateUser); require MFA with "Bool": {"aws:MultiFactorAuthPresent": "true"} in the statement\'s Condition.',
        },
      ],
      suggestions: [{ title: 'Require MFA: add "Bool": {"aws:MultiFactorAuthPresent": "true"} to the Condition', output: policy('{"Effect":"Allow","Action":"iam:CreateUser","Resource":"*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}') }],
    },
    {
      name: 'the first action string that brings one in; permissions management listed first',
      code: policy('{"Effect":"Allow","Action":["s3:GetObject",[|"organizations:*"|],"s3:PutBucketPolicy"],"Resource":"*"}'),
      errors: ['missingMfa'],
      suggestions: [{ title: 'Require MFA: add "Bool": {"aws:MultiFactorAuthPresent": "true"} to the Condition', output: policy('{"Effect":"Allow","Action":["s3:GetObject","organizations:*","s3:PutBucketPolicy"],"Resource":"*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}') }],
    },
    {
      name: 'multi-line, existing Bool block',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": [|"iam:*"|],\n      "Resource": "*",\n      "Condition": {\n        "Bool": {\n          "aws:SecureTransport": "true"\n        }\n      }\n    }\n  ]\n}\n',
      errors: ['missingMfa'],
      suggestions: [{ title: 'Require MFA: add "Bool": {"aws:MultiFactorAuthPresent": "true"} to the Condition', output: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "iam:*",\n      "Resource": "*",\n      "Condition": {\n        "Bool": {\n          "aws:SecureTransport": "true",\n          "aws:MultiFactorAuthPresent": "true"\n        }\n      }\n    }\n  ]\n}\n' }],
    },
    {
      name: 'multi-line, no Condition yet, NotAction',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": {\n    "Effect": "Allow",\n    [|"NotAction"|]: "s3:*",\n    "Resource": "*"\n  }\n}',
      errors: ['missingMfa'],
      suggestions: [{ title: 'Require MFA: add "Bool": {"aws:MultiFactorAuthPresent": "true"} to the Condition', output: '{\n  "Version": "2012-10-17",\n  "Statement": {\n    "Effect": "Allow",\n    "NotAction": "s3:*",\n    "Resource": "*",\n    "Condition": {\n      "Bool": {\n        "aws:MultiFactorAuthPresent": "true"\n      }\n    }\n  }\n}' }],
    },
    {
      name: 'no fix beside a misspelt key that a fix may rename to Condition',
      code: policy('{"Effect":"Allow","Action":[|"iam:DeleteRole"|],"Resource":"*","Condtion":{"StringEquals":{"aws:SourceVpc":"vpc-1"}}}'),
      errors: ['missingMfa'],
    },
  ],
});
