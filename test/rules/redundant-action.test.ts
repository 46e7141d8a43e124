import rule from '../../server/src/rules/redundant-action';
import { runRuleTests } from '../support/ruleTester';

const policy = (action: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":${action},"Resource":"*"}]}`;

runRuleTests(rule, {
  valid: [
    policy('["s3:GetObject","s3:PutObject"]'),
    { name: 'a single string', code: policy('"s3:Get*"') },
    { name: 'overlapping patterns that do not cover each other', code: policy('["iam:Get*","iam:*CredentialReport"]') },
    { name: 'a ? does not cover a *', code: policy('["s3:?etObject*","s3:*etObject"]') },
    { name: 'unknown actions are left to invalid-action', code: policy('["s3:*","s3:GetObjet"]') },
    { name: 'different statements', code: '{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}' },
  ],
  invalid: [
    {
      name: 'covered by a wildcard of the same statement',
      code: policy('["s3:Get*", [|"s3:GetObject"|]]'),
      errors: [{ messageId: 'covered', message: 's3:GetObject is already covered by s3:Get* in this statement.' }],
      output: policy('["s3:Get*"]'),
    },
    {
      name: 'repeated, case-insensitively; the first spelling stays',
      code: policy('["s3:GetObject", "s3:PutObject", [|"S3:getobject"|]]'),
      errors: ['repeated'],
      output: policy('["s3:GetObject", "s3:PutObject"]'),
    },
    {
      name: 'a pattern repeated, case-insensitively, beside a name it covers',
      code: policy('["s3:Get*", [|"s3:GetObject"|], [|"S3:get*"|]]'),
      errors: ['covered', 'repeated'],
      output: policy('["s3:Get*"]'),
    },
    {
      name: 'first and last entries, removed together without overlap',
      code: policy('[[|"iam:GetRole"|], [|"iam:GetUser"|], "iam:Get*", "iam:List*", [|"iam:ListRoles"|]]'),
      errors: ['covered', 'covered', 'covered'],
      output: policy('["iam:Get*", "iam:List*"]'),
    },
    {
      name: 'of two equal patterns the later goes; "*" covers everything',
      code: policy('["*", [|"s3:*"|], [|"*:Get*"|]]'),
      errors: ['covered', 'covered'],
      output: policy('["*"]'),
    },
    {
      name: 'NotAction, multi-line',
      code: '{\n  "Statement": [{\n    "Effect": "Deny",\n    "NotAction": [\n      "iam:*",\n      [|"iam:PassRole"|],\n      "sts:*"\n    ],\n    "Resource": "*"\n  }]\n}',
      errors: ['covered'],
      output: '{\n  "Statement": [{\n    "Effect": "Deny",\n    "NotAction": [\n      "iam:*",\n      "sts:*"\n    ],\n    "Resource": "*"\n  }]\n}',
    },
  ],
});
