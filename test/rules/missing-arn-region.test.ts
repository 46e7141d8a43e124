import rule from '../../server/src/rules/missing-arn-region';
import { runRuleTests } from '../support/ruleTester';

const policy = (resource: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":${resource}}]}`;

runRuleTests(rule, {
  valid: [
    policy('["arn:aws:sqs:us-east-1:111122223333:q","arn:aws:sqs:*:111122223333:q"]'),
    { name: 'global resources', code: policy('["arn:aws:iam::111122223333:role/x","arn:aws:s3:::bucket/*"]') },
    { name: 'S3: the bucket formats have no Region', code: policy('"arn:aws:s3:::*"') },
  ],
  invalid: [
    {
      code: policy('[|"arn:aws:sqs::111122223333:queue"|]'),
      errors: [
        {
          messageId: 'missing',
          message: 'arn:aws:sqs::111122223333:queue has an empty Region, but sqs ARNs of this kind include one (arn:<Partition>:sqs:<Region>:<Account>:<QueueName>); write the Region, or * for any.',
        },
      ],
    },
    {
      name: 'an EC2 instance',
      code: '{"Statement":[{"Effect":"Deny","Action":"ec2:*","NotResource":[|"arn:aws:ec2::111122223333:instance/*"|]}]}',
      errors: ['missing'],
    },
  ],
});
