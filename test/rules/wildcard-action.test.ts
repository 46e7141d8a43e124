import rule from '../../server/src/rules/wildcard-action';
import { runRuleTests } from '../support/ruleTester';

const kvs = (actions: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":${actions},"Resource":"*"}]}`;

runRuleTests(rule, {
  valid: [
    kvs('"cloudfront-keyvaluestore:GetKey"'),
    { name: 'a family wildcard names actions on purpose', code: kvs('"cloudfront-keyvaluestore:Get*"') },
    { name: 'Deny', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}' },
    { name: '"*" on "*" is full-admin-access in identity policies', code: kvs('"*"') },
    {
      name: '"*" on "*" with a narrowing condition is the deliberate administrator grant full-admin-access recommends',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}',
    },
    { name: 'unknown service is invalid-service-in-action', code: kvs('"nosuchservice:*"') },
    { name: 'SCP guardrails', code: kvs('"s3:*"'), policyType: 'scp' },
    { name: 'permissions boundary', code: kvs('"s3:*"'), policyType: 'permissions-boundary' },
  ],
  invalid: [
    {
      name: 'service wildcard expanded by access level',
      code: kvs('[|"cloudfront-keyvaluestore:*"|]'),
      errors: [
        {
          messageId: 'serviceWildcard',
          message: '"cloudfront-keyvaluestore:*" allows every Amazon CloudFront KeyValueStore action (6 today, and any added later); list the actions this principal needs.',
        },
      ],
      suggestions: [
        {
          title: 'Replace "cloudfront-keyvaluestore:*" with its 6 actions, listed by access level: List (1), Read (2), Write (3); delete those not needed',
          output: kvs(
            '["cloudfront-keyvaluestore:ListKeys", "cloudfront-keyvaluestore:DescribeKeyValueStore", "cloudfront-keyvaluestore:GetKey", "cloudfront-keyvaluestore:DeleteKey", "cloudfront-keyvaluestore:PutKey", "cloudfront-keyvaluestore:UpdateKeys"]',
          ),
        },
      ],
    },
    {
      name: 'inside a multi-line array, actions already listed stay where they are',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": [\n        "identitystore-auth:ListSessions",\n        [|"identitystore-auth:*"|]\n      ],\n      "Resource": "*"\n    }\n  ]\n}\n',
      errors: ['serviceWildcard'],
      suggestions: [
        {
          output:
            '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": [\n        "identitystore-auth:ListSessions",\n        "identitystore-auth:BatchGetSession",\n        "identitystore-auth:BatchDeleteSession"\n      ],\n      "Resource": "*"\n    }\n  ]\n}\n',
        },
      ],
    },
    {
      name: 'a lone string in a multi-line statement becomes an indented array',
      code: '{\n  "Statement": {\n    "Effect": "Allow",\n    "Action": [|"identitystore-auth:*"|],\n    "Resource": "*"\n  }\n}',
      errors: ['serviceWildcard'],
      suggestions: [
        {
          output:
            '{\n  "Statement": {\n    "Effect": "Allow",\n    "Action": [\n      "identitystore-auth:ListSessions",\n      "identitystore-auth:BatchGetSession",\n      "identitystore-auth:BatchDeleteSession"\n    ],\n    "Resource": "*"\n  }\n}',
        },
      ],
    },
    {
      name: 'every action, where full-admin-access does not report it (scoped resource)',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[|"*"|],"Resource":"arn:aws:s3:::b/*"}]}',
      errors: ['everyAction'],
    },
    {
      name: 'resource-based policy: "*" and a service wildcard',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":[[|"*:*"|],[|"EC2:*"|]],"Resource":"*"}]}',
      policyType: 'resource',
      errors: ['everyAction', 'serviceWildcard'],
    },
    {
      name: 'no suggestion for services over the size limit',
      code: kvs('[|"ec2:*"|]'),
      errors: ['serviceWildcard'],
    },
  ],
});
