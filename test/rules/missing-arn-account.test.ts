import rule from '../../server/src/rules/missing-arn-account';
import { runRuleTests } from '../support/ruleTester';

const policy = (resource: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":${resource}}]}`;

runRuleTests(rule, {
  valid: [
    policy('["arn:aws:iam::111122223333:role/x","arn:aws:iam::*:role/x","arn:aws:sqs:us-east-1:111122223333:q"]'),
    { name: 'AWS managed policies name the account "aws"', code: policy('"arn:aws:iam::aws:policy/ReadOnlyAccess"') },
    { name: 'S3 buckets have no account field', code: policy('"arn:aws:s3:::bucket/*"') },
    { name: 'public AMIs and snapshots leave the account empty', code: policy('["arn:aws:ec2:us-east-1::image/ami-0abcdef1234567890","arn:aws:ec2:*::snapshot/*"]') },
    { name: 'AWS-owned SSM documents and API Gateway paths too', code: policy('["arn:aws:ssm:us-east-1::document/AWS-RunShellScript","arn:aws:apigateway:us-east-1::/restapis/*"]') },
    { name: 'a policy variable in the account', code: policy('"arn:aws:iam::${aws:PrincipalAccount}:role/x"') },
  ],
  invalid: [
    {
      name: 'an IAM role without its account matches no role',
      code: policy('[|"arn:aws:iam:::role/x"|]'),
      errors: [
        {
          messageId: 'missing',
          message:
            'arn:aws:iam:::role/x has an empty account, but every iam ARN names one (arn:<Partition>:iam::<Account>:role/<RoleNameWithPath>, arn:<Partition>:iam::<Account>:role/<RoleName>); write the account ID, or * for any.',
        },
      ],
    },
    {
      name: 'a KMS pattern with an empty account (seen in AWS managed policies)',
      code: policy('["arn:aws:kms:us-east-1:111122223333:key/k",[|"arn:aws:kms:*::*"|]]'),
      errors: ['missing'],
    },
    {
      name: 'SQS in a NotResource of a Deny',
      code: '{"Statement":[{"Effect":"Deny","Action":"sqs:*","NotResource":[|"arn:aws:sqs:us-east-1::queue"|]}]}',
      errors: ['missing'],
    },
  ],
});
