import rule from '../../server/src/rules/public-principal';
import { runRuleTests } from '../support/ruleTester';

const bucket = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;
const read = (principal: string, condition = '') =>
  `{"Effect":"Allow","Principal":${principal},"Action":"s3:GetObject","Resource":"arn:aws:s3:::amzn-s3-demo-bucket/*"${condition ? `,"Condition":${condition}` : ''}}`;

runRuleTests(rule, {
  valid: [
    { name: 'S3: limited to an organization', code: bucket(read('"*"', '{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}')), policyType: 'resource' },
    { name: 'S3: limited to a VPC endpoint', code: bucket(read('"*"', '{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}')), policyType: 'resource' },
    { name: 'S3: limited to address ranges', code: bucket(read('{"AWS":"*"}', '{"IpAddress":{"aws:SourceIp":["192.0.2.0/24","203.0.113.0/24"]}}')), policyType: 'resource' },
    { name: 'S3: ForAnyValue over organization paths', code: bucket(read('"*"', '{"ForAnyValue:StringLike":{"aws:PrincipalOrgPaths":["o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"]}}')), policyType: 'resource' },
    { name: 'S3: same organization as the bucket (policy variable)', code: bucket(read('"*"', '{"StringEquals":{"aws:PrincipalOrgID":"${aws:ResourceOrgID}"}}')), policyType: 'resource' },
    { name: 'S3: named roles of one account', code: bucket(read('"*"', '{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/app-*"}}')), policyType: 'resource' },
    {
      name: 'S3: access control delegated to the account\'s access points',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "AWS": "*" },\n      "Action": "*",\n      "Resource": ["arn:aws:s3:::amzn-s3-demo-bucket", "arn:aws:s3:::amzn-s3-demo-bucket/*"],\n      "Condition": { "StringEquals": { "s3:DataAccessPointAccount": "111122223333" } }\n    }\n  ]\n}',
      policyType: 'resource',
    },
    {
      name: 'S3: deny insecure transport to everyone (a Deny is not a grant)',
      code: bucket('{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::amzn-s3-demo-bucket","arn:aws:s3:::amzn-s3-demo-bucket/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}'),
      policyType: 'resource',
    },
    {
      name: 'S3: CloudFront origin access control (a service principal, not everyone)',
      code: bucket('{"Effect":"Allow","Principal":{"Service":"cloudfront.amazonaws.com"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::amzn-s3-demo-bucket/*","Condition":{"StringEquals":{"AWS:SourceArn":"arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE"}}}'),
      policyType: 'resource',
    },
    {
      name: 'S3: a broad Allow kept inside the organization by a Deny (data perimeter)',
      code: bucket(
        `${read('"*"')},{"Sid":"EnforceIdentityPerimeter","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::amzn-s3-demo-bucket","arn:aws:s3:::amzn-s3-demo-bucket/*"],"Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"},"BoolIfExists":{"aws:PrincipalIsAWSService":"false"}}}`,
      ),
      policyType: 'resource',
    },
    {
      name: 'SNS: the default topic policy (AWS:SourceOwner)',
      code: '{"Version":"2008-10-17","Id":"__default_policy_ID","Statement":[{"Sid":"__default_statement_ID","Effect":"Allow","Principal":{"AWS":"*"},"Action":["SNS:GetTopicAttributes","SNS:SetTopicAttributes","SNS:AddPermission","SNS:RemovePermission","SNS:DeleteTopic","SNS:Subscribe","SNS:ListSubscriptionsByTopic","SNS:Publish"],"Resource":"arn:aws:sns:us-east-2:111122223333:MyTopic","Condition":{"StringEquals":{"AWS:SourceOwner":"111122223333"}}}]}',
      policyType: 'resource',
    },
    {
      name: 'SQS: S3 event notifications from one bucket',
      code: '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-2:111122223333:MyQueue","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::amzn-s3-demo-bucket"}}}]}',
      policyType: 'resource',
    },
    {
      name: 'SQS: messages only from one SNS topic',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-2:111122223333:MyQueue","Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:us-east-2:111122223333:MyTopic"}}}]}',
      policyType: 'resource',
    },
    {
      name: 'KMS: use through EBS by every principal of the account',
      code: '{"Version":"2012-10-17","Statement":[{"Sid":"Allow access through EBS for all principals in the account","Effect":"Allow","Principal":{"AWS":"*"},"Action":["kms:Encrypt","kms:Decrypt","kms:ReEncrypt*","kms:GenerateDataKey*","kms:CreateGrant","kms:DescribeKey"],"Resource":"*","Condition":{"StringEquals":{"kms:CallerAccount":"111122223333","kms:ViaService":"ec2.us-west-2.amazonaws.com"}}}]}',
      policyType: 'resource',
    },
    { name: 'trust policies are public-trust-policy\'s', code: '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}', policyType: 'trust' },
    { name: 'identity policies have no principal', code: '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}' },
    { name: 'RCPs name "*" by design', code: '{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}', policyType: 'rcp' },
  ],
  invalid: [
    {
      name: 'S3: public-read website bucket',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "PublicReadGetObject",\n      "Effect": "Allow",\n      "Principal": [|"*"|],\n      "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*"\n    }\n  ]\n}',
      policyType: 'resource',
      errors: [{ messageId: 'publicResource', message: '"Principal": "*" allows everyone, anonymous callers included, and no condition limits who calls. Name the principals, or add a condition such as aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce or aws:SourceIp.' }],
    },
    {
      name: 'S3: "*" among named accounts',
      code: bucket(read('{"AWS":["arn:aws:iam::111122223333:root",[|"*"|]]}')),
      policyType: 'resource',
      errors: ['publicResource'],
    },
    {
      name: 'IfExists lets callers without the key in',
      code: bucket(read('[|"*"|]', '{"StringEqualsIfExists":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}')),
      policyType: 'resource',
      errors: ['publicDespiteConditions'],
    },
    {
      name: 'a negated operator in an Allow lets everyone else in',
      code: bucket(read('[|"*"|]', '{"StringNotEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}')),
      policyType: 'resource',
      errors: ['publicDespiteConditions'],
    },
    {
      name: 'a "*" among the values matches everyone',
      code: bucket(read('[|"*"|]', '{"StringLike":{"aws:PrincipalOrgID":["o-a1b2c3d4e5","*"]}}')),
      policyType: 'resource',
      errors: ['publicDespiteConditions'],
    },
    {
      name: '0.0.0.0/0 is every address',
      code: bucket(read('{"AWS":[|"*"|]}', '{"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}}')),
      policyType: 'resource',
      errors: ['publicDespiteConditions'],
    },
    {
      name: 'a bucket name pattern: anyone can create a matching bucket',
      code: '{"Statement":[{"Effect":"Allow","Principal":[|"*"|],"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-2:111122223333:MyQueue","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::amzn-s3-demo-*"}}}]}',
      policyType: 'resource',
      errors: ['publicDespiteConditions'],
    },
    {
      name: 'a role name in any account',
      code: bucket(read('[|"*"|]', '{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/admin"}}')),
      policyType: 'resource',
      errors: ['publicDespiteConditions'],
    },
    {
      name: 'keys that do not say who calls',
      code: bucket(read('[|"*"|]', '{"Bool":{"aws:SecureTransport":"true"},"StringEquals":{"aws:PrincipalTag/team":"red","aws:Referer":"https://example.com/*"}}')),
      policyType: 'resource',
      errors: [
        {
          messageId: 'publicDespiteConditions',
          message:
            '"Principal": "*" allows everyone, anonymous callers included: the statement\'s conditions (aws:SecureTransport, aws:PrincipalTag/team, aws:Referer) do not limit who calls. Name the principals, or add a condition such as aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce or aws:SourceIp.',
        },
      ],
    },
    {
      name: 'AWS services of any customer: more than three keys are counted',
      code: bucket(read('[|"*"|]', '{"Bool":{"aws:PrincipalIsAWSService":"true","aws:SecureTransport":"true"},"StringLike":{"aws:UserAgent":"x*","aws:Referer":"y*"}}')),
      policyType: 'resource',
      errors: [
        {
          messageId: 'publicDespiteConditions',
          message:
            '"Principal": "*" allows everyone, anonymous callers included: the statement\'s conditions (aws:PrincipalIsAWSService, aws:SecureTransport, aws:UserAgent and 1 more) do not limit who calls. Name the principals, or add a condition such as aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce or aws:SourceIp.',
        },
      ],
    },
    {
      name: 'ForAllValues is true when the key is absent',
      code: bucket(read('[|"*"|]', '{"ForAllValues:StringLike":{"aws:PrincipalOrgPaths":["o-a1b2c3d4e5/*"]}}')),
      policyType: 'resource',
      errors: ['publicDespiteConditions'],
    },
    {
      name: 'a Deny that does not cover the Allow\'s actions',
      code: bucket(
        `${read('[|"*"|]')},{"Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}`,
      ),
      policyType: 'resource',
      errors: ['publicResource'],
    },
    {
      name: 'SQS: anyone may send messages',
      code: '{"Version":"2012-10-17","Id":"Queue1_Policy","Statement":[{"Sid":"Queue1_AnonymousAccess_SendMessage","Effect":"Allow","Principal":{"AWS":[|"*"|]},"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-2:111122223333:MyQueue"}]}',
      policyType: 'resource',
      errors: ['publicResource'],
    },
  ],
});
