import rule from '../../server/src/rules/wildcard-resource';
import { runRuleTests } from '../support/ruleTester';

const statement = (body: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",${body}}]}`;

runRuleTests(rule, {
  valid: [
    statement('"Action":"sns:Publish","Resource":"arn:aws:sns:us-east-1:111122223333:alerts"'),
    { name: 'reads and lists on "*" are everyday', code: statement('"Action":["s3:GetObject","s3:ListBucket"],"Resource":"*"') },
    { name: 'actions without resource-level permissions need "*"', code: statement('"Action":"ec2:DescribeInstances","Resource":"*"') },
    { name: 'a tag condition narrows the resources', code: statement('"Action":"ec2:TerminateInstances","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"blue"}}') },
    { name: 'a service condition narrows the request', code: statement('"Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"kms:ViaService":"s3.us-east-1.amazonaws.com"}}') },
    { name: 'iam:PassRole has rules of its own', code: statement('"Action":"iam:PassRole","Resource":"*"') },
    { name: 'a whole-service wildcard is wildcard-action\'s finding', code: statement('"Action":"sns:*","Resource":"*"') },
    { name: 'full admin is full-admin-access\'s finding', code: statement('"Action":"*","Resource":"*"') },
    { name: 'Deny', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}' },
    { name: 'permissions boundary', code: statement('"Action":"sns:Publish","Resource":"*"'), policyType: 'permissions-boundary' },
  ],
  invalid: [
    {
      name: 'one action: the ARN template replaces "*"',
      code: statement('"Action":"sns:Publish","Resource":[|"*"|]'),
      errors: [
        {
          messageId: 'wildcardResource',
          message: 'Resource "*" lets 1 action that could be limited to specific resources act on every resource (sns:Publish); name the resources they need.',
        },
      ],
      suggestions: [
        {
          title: 'Replace "*" with the ARN templates of these actions\' resources (fill in each ${...})',
          output: statement('"Action":"sns:Publish","Resource":"arn:aws:sns:${Region}:${Account}:${TopicName}"'),
        },
      ],
    },
    {
      // DeleteBucket requires a bucket; PutObject takes an object or an access point's object, and the object is
      // the more common of the two: the access point is not offered.
      name: 'several actions and types, multi-line layout: the types they need, most likely first',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["s3:PutObject", "s3:DeleteBucket"],\n      "Resource": [|"*"|]\n    }\n  ]\n}',
      errors: ['wildcardResource'],
      suggestions: [
        {
          output:
            '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["s3:PutObject", "s3:DeleteBucket"],\n      "Resource": [\n        "arn:aws:s3:::${BucketName}",\n        "arn:aws:s3:::${BucketName}/${ObjectName}"\n      ]\n    }\n  ]\n}',
        },
      ],
    },
    {
      name: 'no suggestion when some action needs "*"',
      code: statement('"Action":["sns:Publish","ec2:DescribeInstances"],"Resource":["arn:aws:sns:us-east-1:111122223333:a",[|"*"|]]'),
      errors: ['wildcardResource'],
    },
    {
      name: 'a condition that does not narrow (TLS)',
      code: statement('"Action":"dynamodb:PutItem","Resource":[|"*"|],"Condition":{"Bool":{"aws:SecureTransport":"true"}}'),
      errors: ['wildcardResource'],
      suggestions: [
        {
          output: statement(
            '"Action":"dynamodb:PutItem","Resource":"arn:aws:dynamodb:${Region}:${Account}:table/${TableName}","Condition":{"Bool":{"aws:SecureTransport":"true"}}',
          ),
        },
      ],
    },
    {
      name: 'only the named actions count beside a service wildcard (which also needs "*" for sqs:ListQueues)',
      code: statement('"Action":["sqs:*","sns:Publish"],"Resource":[|"*"|]'),
      errors: [
        {
          messageId: 'wildcardResource',
          message: 'Resource "*" lets 1 action that could be limited to specific resources act on every resource (sns:Publish); name the resources they need.',
        },
      ],
    },
  ],
});
