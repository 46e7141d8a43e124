import rule from '../../server/src/rules/invalid-action';
import { runRuleTests } from '../support/ruleTester';

const policy = (action: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":${action},"Resource":"*"}]}`;

runRuleTests(rule, {
  valid: [
    policy('"s3:GetObject"'),
    { name: 'case does not matter', code: policy('["s3:getobject","IAM:PASSROLE"]') },
    { name: 'wildcards that match actions', code: policy('["s3:Get*","ec2:Describe?pc*","*:Get*","*"]') },
    { name: 'unknown services are invalid-service-in-action', code: policy('"s4:GetObject"') },
    { name: 'NotAction', code: '{"Statement":[{"Effect":"Deny","NotAction":"iam:Get*","Resource":"*"}]}' },
    { name: 'non-string entries are data-type-mismatch', code: policy('[42]') },
  ],
  invalid: [
    {
      name: 'an operation authorized by another action',
      code: policy('[|"sqs:SendMessageBatch"|]'),
      errors: [{ messageId: 'operation', message: 'sqs:SendMessageBatch is not an action of Amazon SQS: AWS authorizes the SendMessageBatch operation with sqs:SendMessage.' }],
      suggestions: [{ output: policy('"sqs:SendMessage"') }],
    },
    {
      name: 'an operation authorized by two actions: a string becomes a list, an item becomes items',
      code: policy('[|"s3:CopyObject"|]'),
      errors: [{ messageId: 'operation', message: 's3:CopyObject is not an action of Amazon S3: AWS authorizes the CopyObject operation with s3:GetObject and s3:PutObject.' }],
      suggestions: [{ output: policy('["s3:GetObject", "s3:PutObject"]') }],
    },
    {
      name: '... only the actions the list does not have yet, in any case',
      code: policy('["s3:getobject", [|"S3:copyobject"|], "kms:ListKeys"]'),
      errors: ['operation'],
      suggestions: [{ output: policy('["s3:getobject", "s3:PutObject", "kms:ListKeys"]') }],
    },
    {
      name: '... and the item goes when the list has them all',
      code: policy('["s3:ListBucket", [|"s3:HeadBucket"|]]'),
      errors: ['operation'],
      suggestions: [{ output: policy('["s3:ListBucket"]') }],
    },
    {
      name: 'in NotAction too',
      code: '{"Statement":[{"Effect":"Deny","NotAction":[|"kms:ReEncrypt"|],"Resource":"*"}]}',
      errors: [{ messageId: 'operation', message: 'kms:ReEncrypt is not an action of AWS Key Management Service: AWS authorizes the ReEncrypt operation with kms:ReEncryptFrom and kms:ReEncryptTo.' }],
      suggestions: [{ output: '{"Statement":[{"Effect":"Deny","NotAction":["kms:ReEncryptFrom", "kms:ReEncryptTo"],"Resource":"*"}]}' }],
    },
    {
      name: 'a typo gets the closest action of the service',
      code: policy('[|"s3:GetObjet"|]'),
      errors: [{ messageId: 'unknownWithSuggestion', message: 's3:GetObjet is not an action of Amazon S3. Did you mean s3:GetObject?' }],
      suggestions: [{ output: policy('"s3:GetObject"') }],
    },
    {
      name: 'the service prefix keeps the user\'s case',
      code: '{"Statement":[{"Effect":"Allow","Action":["S3:PutObject", [|"S3:GetObjet"|]],"Resource":"*"}]}',
      errors: ['unknownWithSuggestion'],
      suggestions: [{ output: '{"Statement":[{"Effect":"Allow","Action":["S3:PutObject", "S3:GetObject"],"Resource":"*"}]}' }],
    },
    {
      name: 'a wildcard that matches nothing',
      code: policy('[|"s3:Gte*"|]'),
      errors: [{ messageId: 'noMatch', message: 's3:Gte* matches no action of Amazon S3.' }],
    },
    {
      name: 'a wildcard that matches nothing, with the closest stem',
      code: policy('[|"s3:GetObjetc*"|]'),
      errors: [{ messageId: 'noMatchWithSuggestion', message: 's3:GetObjetc* matches no action of Amazon S3. Did you mean s3:GetObject*?' }],
      suggestions: [{ output: policy('"s3:GetObject*"') }],
    },
    {
      name: 'nothing close',
      code: policy('[|"iam:FlyToTheMoon"|]'),
      errors: [{ messageId: 'unknown', message: 'iam:FlyToTheMoon is not an action of AWS Identity and Access Management (IAM).' }],
    },
    {
      name: 'a wildcard shape without a guess',
      code: policy('[|"s3:*Zebra*"|]'),
      errors: ['noMatch'],
    },
    {
      name: 'a service pattern whose services have no such action',
      code: policy('[|"s3*:FlyToTheMoon"|]'),
      errors: ['noMatchAnyService'],
    },
    {
      name: 'not written as service:action',
      code: policy('["s3:GetObject", [|"GetObject"|], [|""|]]'),
      errors: ['format', 'format'],
    },
    {
      name: 'NotAction and a multi-line list',
      code: '{\n  "Statement": [\n    {\n      "Effect": "Deny",\n      "NotAction": [\n        "iam:Get*",\n        [|"iam:ListRolez"|]\n      ],\n      "Resource": "*"\n    }\n  ]\n}',
      errors: ['unknownWithSuggestion'],
      suggestions: [{ output: '{\n  "Statement": [\n    {\n      "Effect": "Deny",\n      "NotAction": [\n        "iam:Get*",\n        "iam:ListRoles"\n      ],\n      "Resource": "*"\n    }\n  ]\n}' }],
    },
  ],
});
