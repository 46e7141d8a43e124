import rule from '../../server/src/rules/unsupported-action-for-condition-key';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

const split = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;

runRuleTests(rule, {
  valid: [
    doc('{"StringEquals":{"s3:prefix":"home/"}}', '"s3:ListBucket"'),
    { name: 'global keys apply to every action', code: doc('{"Bool":{"aws:SecureTransport":"true"}}', '["s3:GetObject","ec2:RunInstances"]') },
    { name: 'a resource type key applies', code: doc('{"StringEquals":{"s3:ExistingObjectTag/env":"prod"}}', '"s3:GetObject"') },
    { name: 'IfExists leaves actions without the key on purpose', code: doc('{"StringEqualsIfExists":{"s3:prefix":"home/"}}', '["s3:ListBucket","s3:GetObject"]') },
    { name: 'NotAction is not judged', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"s3:prefix":"a"}}}]}' },
  ],
  invalid: [
    {
      name: 'split the statement',
      code: split('{"Effect":"Allow","Action":["s3:ListBucket","s3:GetObject"],"Resource":"*","Condition":{"StringEquals":{[|"s3:prefix"|]:"home/"}}}'),
      errors: ['some'],
      suggestions: [
        {
          title: 'Move s3:GetObject to a new statement without "s3:prefix"',
          output: split('{"Effect":"Allow","Action":["s3:ListBucket"],"Resource":"*","Condition":{"StringEquals":{"s3:prefix":"home/"}}}, {"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}'),
        },
      ],
    },
    {
      name: 'multi-line, other conditions stay',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": [\n        "s3:GetObject",\n        "s3:ListBucket",\n        "s3:PutObject"\n      ],\n      "Resource": "*",\n      "Condition": {\n        "StringEquals": { [|"s3:prefix"|]: "home/", "aws:PrincipalTag/team": "a" }\n      }\n    }\n  ]\n}\n',
      errors: ['some'],
      suggestions: [
        {
          output: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": [\n        "s3:ListBucket"\n      ],\n      "Resource": "*",\n      "Condition": {\n        "StringEquals": { "s3:prefix": "home/", "aws:PrincipalTag/team": "a" }\n      }\n    },\n    {\n      "Effect": "Allow",\n      "Action": [\n        "s3:GetObject",\n        "s3:PutObject"\n      ],\n      "Resource": "*",\n      "Condition": {\n        "StringEquals": {\n          "aws:PrincipalTag/team": "a"\n        }\n      }\n    }\n  ]\n}\n',
        },
      ],
    },
    { name: 'no action supports the key', code: doc('{"StringEquals":{[|"s3:prefix"|]:"home/"}}', '"s3:GetObject"'), errors: ['all'] },
    { name: 'a wildcard mixing both cannot be split', code: doc('{"StringEquals":{[|"s3:prefix"|]:"home/"}}', '["s3:List*"]'), errors: ['some'] },
  ],
});
