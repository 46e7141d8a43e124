import rule from '../../server/src/rules/resource-mismatch';
import { runRuleTests } from '../support/ruleTester';

const statement = (action: string, resource: string, effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":${resource}}]}`;

runRuleTests(rule, {
  valid: [
    statement('"s3:GetObject"', '"arn:aws:s3:::bucket/*"'),
    { name: '"*" matches every action', code: statement('["s3:GetObject","iam:PassRole"]', '"*"') },
    { name: 'one resource per action is enough', code: statement('["s3:ListBucket","s3:GetObject"]', '["arn:aws:s3:::b","arn:aws:s3:::b/*"]') },
    { name: 'wildcards could match', code: statement('"s3:GetObject"', '["arn:aws:s3:::*","arn:*:s3:::b*"]') },
    { name: 'policy variables could match', code: statement('"dynamodb:GetItem"', '"arn:aws:dynamodb:*:*:table/${aws:username}"') },
    { name: 'a wildcard action with at least one action that applies', code: statement('"s3:*"', '"arn:aws:s3:::bucket"') },
    { name: 'actions the reference lists no resource type for are not judged', code: statement('"s3:ListAllMyBuckets"', '"arn:aws:s3:::bucket"') },
    { name: 'NotResource is not judged', code: '{"Statement":[{"Effect":"Deny","Action":"s3:GetObject","NotResource":"arn:aws:s3:::bucket"}]}' },
    { name: 'NotAction is not judged', code: '{"Statement":[{"Effect":"Allow","NotAction":"s3:GetObject","Resource":"arn:aws:s3:::bucket"}]}' },
    { name: 'a resource other rules reject makes the statement unjudgeable', code: statement('"s3:GetObject"', '["arn:aws:s3:::bucket","bucket"]') },
    { name: 'unknown actions are invalid-action', code: statement('"s3:GetObjet"', '"arn:aws:s3:::bucket"') },
    {
      name: 'CloudFormation transforms (documented outside the reference)',
      code: statement('"cloudformation:CreateChangeSet"', '"arn:aws:cloudformation:*:aws:transform/Serverless-2016-10-31"'),
    },
    {
      name: 'trust policies have no Resource',
      code: '{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"arn:aws:s3:::b"}]}',
      policyType: 'trust',
    },
  ],
  invalid: [
    {
      name: 'the issue\'s example, with suggestions',
      code: statement('[|"s3:GetObject"|]', '"arn:aws:s3:::bucket"'),
      errors: [
        {
          messageId: 'mismatch',
          message:
            's3:GetObject acts on accesspointobject resources (arn:<Partition>:s3:<Region>:<Account>:accesspoint/<AccessPointName>/object/<ObjectName>) or object resources (arn:<Partition>:s3:::<BucketName>/<ObjectName>); none of the resources here is an ARN of those types.',
        },
      ],
      suggestions: [
        { title: 'Add the resource arn:aws:s3:::bucket/*', output: statement('"s3:GetObject"', '["arn:aws:s3:::bucket", "arn:aws:s3:::bucket/*"]') },
        {
          title: 'Add the resource arn:aws:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}',
          output: statement('"s3:GetObject"', '["arn:aws:s3:::bucket", "arn:aws:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}"]'),
        },
      ],
    },
    {
      name: 'ListBucket on objects: the ARN template, with the fields of a same-service resource',
      code: statement('["s3:GetObject", [|"s3:ListBucket"|]]', '["arn:aws:s3:::bucket/*"]'),
      errors: ['mismatch'],
      suggestions: [
        { output: statement('["s3:GetObject", "s3:ListBucket"]', '["arn:aws:s3:::bucket/*", "arn:aws:s3:${Region}:${Account}:accesspoint/${AccessPointName}"]') },
        { output: statement('["s3:GetObject", "s3:ListBucket"]', '["arn:aws:s3:::bucket/*", "arn:aws:s3:::${BucketName}"]') },
      ],
    },
    {
      name: 'a Deny that names the wrong resource type denies nothing for that action',
      code: statement('[|"iam:PassRole"|]', '"arn:aws:iam::111122223333:user/alice"', 'Deny'),
      errors: ['mismatch'],
      suggestions: [{ output: statement('"iam:PassRole"', '["arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:role/${RoleNameWithPath}"]', 'Deny') }],
    },
    {
      name: 'a wildcard that stands for one action: the message speaks of it in the singular',
      code: statement('[|"s3:GetObjectAc*"|]', '"arn:aws:s3:::bucket"'),
      errors: [
        {
          messageId: 'patternMismatch',
          message:
            's3:GetObjectAc* stands for 1 action and it does not act on the resources here: s3:GetObjectAcl acts on accesspointobject (arn:<Partition>:s3:<Region>:<Account>:accesspoint/<AccessPointName>/object/<ObjectName>), object (arn:<Partition>:s3:::<BucketName>/<ObjectName>).',
        },
      ],
      suggestions: [
        { output: statement('"s3:GetObjectAc*"', '["arn:aws:s3:::bucket", "arn:aws:s3:::bucket/*"]') },
        { output: statement('"s3:GetObjectAc*"', '["arn:aws:s3:::bucket", "arn:aws:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}"]') },
      ],
    },
    {
      name: 'a wildcard action none of whose actions applies',
      code: statement('[|"s3:*Object"|]', '"arn:aws:s3:::bucket"'),
      errors: [
        {
          messageId: 'patternMismatch',
          message:
            's3:*Object stands for 5 actions and none of them acts on the resources here: s3:DeleteObject, s3:GetObject and 2 more act on accesspointobject (arn:<Partition>:s3:<Region>:<Account>:accesspoint/<AccessPointName>/object/<ObjectName>), object (arn:<Partition>:s3:::<BucketName>/<ObjectName>); s3:ReplicateObject acts on object (arn:<Partition>:s3:::<BucketName>/<ObjectName>).',
        },
      ],
      suggestions: [
        { output: statement('"s3:*Object"', '["arn:aws:s3:::bucket", "arn:aws:s3:::bucket/*"]') },
        { output: statement('"s3:*Object"', '["arn:aws:s3:::bucket", "arn:aws:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}"]') },
      ],
    },
  ],
});
