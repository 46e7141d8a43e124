import rule from '../../server/src/rules/invalid-arn-resource';
import { runRuleTests } from '../support/ruleTester';

const policy = (resource: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":${resource}}]}`;

runRuleTests(rule, {
  valid: [
    policy('["arn:aws:s3:::bucket","arn:aws:s3:::bucket/key/*","arn:aws:iam::111122223333:role/path/name"]'),
    { name: 'wildcards and variables', code: policy('["arn:aws:dynamodb:*:*:table/${aws:username}","arn:aws:logs:*:*:log-group:/aws/lambda/*:*"]') },
    { name: 'a * that ends the account runs on over the colon', code: policy('"arn:aws:secretsmanager:*:*:app!*"') },
    // The same * may also stay in the account: the resource part as written must still fit a format of its own.
    { name: 'a * that ends the account may also match the account alone', code: policy('["arn:aws:geo-maps:*:*:provider/default","arn:aws:finspace-api:us-east-1:*:/credentials/programmatic"]') },
    { name: 'path-style collections', code: policy('["arn:aws:apigateway:*::/apis","arn:aws:apigateway:us-east-1::/restapis/*"]') },
    { name: 'a resource type no action lists', code: policy('"arn:aws:codebuild:*:*:build/*"') },
    { name: 'AWS Backup recovery points', code: policy('"arn:aws:backup:*:*:recovery-point:*"') },
    { name: 'CloudFormation transforms (documented outside the reference)', code: policy('"arn:aws:cloudformation:*:aws:transform/Serverless-2016-10-31"') },
    { name: 'a wildcard service is not judged', code: policy('"arn:aws:s3*:::x"') },
  ],
  invalid: [
    {
      code: policy('[|"arn:aws:sqs:us-east-1:111122223333:"|]'),
      errors: [{ messageId: 'noFormat', message: 'The resource part "" of arn:aws:sqs:us-east-1:111122223333: matches no sqs ARN format (arn:<Partition>:sqs:<Region>:<Account>:<QueueName>).' }],
    },
    {
      name: 'a missing resource-type prefix',
      code: policy('[|"arn:aws:ec2:us-east-1:111122223333:vpc-endpoint:vpce-1"|]'),
      errors: ['noFormat'],
    },
    {
      name: 'an unknown service',
      code: policy('[|"arn:aws:s4:::bucket"|]'),
      errors: [{ messageId: 'unknownService', message: 'arn:aws:s4:::bucket: "s4" is not the service of any AWS ARN format.' }],
    },
  ],
});
