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
    { name: 'a name prefix narrows a type-wide ARN', code: statement('"Action":"cloudtrail:DeleteTrail","Resource":"arn:aws:cloudtrail:*:*:trail/audit-*"') },
    { name: 'a Create action on the type it creates: the caller names the new resource (AWS\'s MFA self-service policy)', code: statement('"Action":"iam:CreateVirtualMFADevice","Resource":"arn:aws:iam::*:mfa/*"') },
    { name: 'a type with one resource per account has nothing more to name', code: statement('"Action":"sts:SetContext","Resource":"arn:aws:sts::*:self"') },
    { name: 'a type-wide ARN of another type than the actions use', code: statement('"Action":"sns:Publish","Resource":"arn:aws:sqs:*:*:*"') },
    { name: 'a key of the resource type narrows', code: statement('"Action":"kms:CreateGrant","Resource":"*","Condition":{"StringEquals":{"kms:KeyOrigin":"AWS_KMS"}}') },
    {
      name: 'an Allow whose Condition no request meets grants nothing (condition-never-true)',
      code: statement('"Action":"sns:Publish","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}}'),
    },
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
          message: 'Resource "*" lets 1 action that could be limited to specific resources act on every resource (sns:Publish); name the resources it needs.',
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
          message: 'Resource "*" lets 1 action that could be limited to specific resources act on every resource (sns:Publish); name the resources it needs.',
        },
      ],
    },
    {
      name: 'an ARN that names every resource of a type is every resource of it',
      code: statement('"Action":["cloudtrail:DeleteTrail","cloudtrail:StopLogging"],"Resource":[|"arn:*:cloudtrail:*:*:trail/*"|]'),
      errors: [
        {
          messageId: 'everyResourceOfType',
          message:
            'Resource "arn:*:cloudtrail:*:*:trail/*" names every trail, so 2 actions act on all of them (cloudtrail:DeleteTrail, cloudtrail:StopLogging); name the resources they need.',
        },
      ],
      suggestions: [{ output: statement('"Action":["cloudtrail:DeleteTrail","cloudtrail:StopLogging"],"Resource":"arn:aws:cloudtrail:${Region}:${Account}:trail/${TrailName}"') }],
    },
    {
      name: 'other actions on every MFA device, and a Create action on its parent type, are reported',
      code: statement('"Action":["iam:DeleteVirtualMFADevice","ec2:CreateSecurityGroup"],"Resource":[[|"arn:aws:iam::*:mfa/*"|],[|"arn:aws:ec2:*:*:vpc/*"|]]'),
      errors: [
        { messageId: 'everyResourceOfType', message: 'Resource "arn:aws:iam::*:mfa/*" names every mfa, so 1 action acts on all of them (iam:DeleteVirtualMFADevice); name the resources it needs.' },
        { messageId: 'everyResourceOfType', message: 'Resource "arn:aws:ec2:*:*:vpc/*" names every vpc, so 1 action acts on all of them (ec2:CreateSecurityGroup); name the resources it needs.' },
      ],
      suggestions: [
        { output: statement('"Action":["iam:DeleteVirtualMFADevice","ec2:CreateSecurityGroup"],"Resource":["arn:aws:iam::${Account}:mfa/${MfaTokenIdWithPath}","arn:aws:ec2:*:*:vpc/*"]') },
        { output: statement('"Action":["iam:DeleteVirtualMFADevice","ec2:CreateSecurityGroup"],"Resource":["arn:aws:iam::*:mfa/*","arn:aws:ec2:${Region}:${Account}:vpc/${VpcId}"]') },
      ],
    },
    {
      name: 'a bucket-wide ARN: every object, for the actions on objects only',
      code: statement('"Action":["s3:PutObject","sns:Publish"],"Resource":["arn:aws:sns:us-east-1:111122223333:alerts",[|"arn:aws:s3:::*"|]]'),
      errors: [{ messageId: 'everyResourceOfType', message: 'Resource "arn:aws:s3:::*" names every object, so 1 action acts on all of them (s3:PutObject); name the resources it needs.' }],
      suggestions: [
        {
          output: statement(
            '"Action":["s3:PutObject","sns:Publish"],"Resource":["arn:aws:sns:us-east-1:111122223333:alerts","arn:aws:s3:::${BucketName}/${ObjectName}"]',
          ),
        },
      ],
    },
    {
      name: 'a Boolean key of the request does not narrow which resources (kms:GrantIsForAWSResource)',
      code: statement('"Action":"kms:CreateGrant","Resource":[|"*"|],"Condition":{"Bool":{"kms:GrantIsForAWSResource":"true"}}'),
      errors: ['wildcardResource'],
      suggestions: [{ output: statement('"Action":"kms:CreateGrant","Resource":"arn:aws:kms:${Region}:${Account}:key/${KeyId}","Condition":{"Bool":{"kms:GrantIsForAWSResource":"true"}}') }],
    },
  ],
});
