import rule from '../../server/src/rules/invalid-arn-region';
import { runRuleTests } from '../support/ruleTester';

const policy = (resource: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":${resource}}]}`;

runRuleTests(rule, {
  valid: [
    policy('["arn:aws:sqs:us-east-1:111122223333:q","arn:aws:sqs:*:111122223333:q","arn:aws:sqs:eu-*:111122223333:q"]'),
    { name: 'a policy variable in the Region', code: policy('"arn:aws:sqs:${aws:RequestedRegion}:111122223333:q"') },
    { name: 'China, GovCloud', code: policy('["arn:aws-cn:sqs:cn-north-1:111122223333:q","arn:aws-us-gov:sqs:us-gov-west-1:111122223333:q"]') },
    { name: 'empty: missing-arn-region says so', code: policy('"arn:aws:sqs::111122223333:q"') },
    { name: 'a format without a Region: arn-region-not-allowed says so', code: policy('"arn:aws:iam:us-east-1:111122223333:role/x"') },
    { name: 'not an ARN', code: policy('"*"') },
  ],
  invalid: [
    {
      name: 'an Availability Zone in place of the Region',
      code: policy('[|"arn:aws:sqs:us-east-1f:111122223333:q"|]'),
      errors: [
        {
          messageId: 'didYouMean',
          message: 'Region "us-east-1f" in arn:aws:sqs:us-east-1f:111122223333:q is not a Region code, so the ARN matches no resource. Did you mean "us-east-1"?',
        },
      ],
      suggestions: [{ title: 'Change the Region to "us-east-1"', output: policy('"arn:aws:sqs:us-east-1:111122223333:q"') }],
    },
    {
      name: 'a partial code, nothing close',
      code: policy('[|"arn:aws:sqs:us:111122223333:q"|]'),
      errors: [{ messageId: 'notRegion', message: 'Region "us" in arn:aws:sqs:us:111122223333:q is not a Region code (such as us-east-1), so the ARN matches no resource.' }],
    },
    {
      name: 'a pattern that no Region matches',
      code: policy('[|"arn:aws:sqs:us-*-9:111122223333:q"|]'),
      errors: ['noMatch'],
    },
    {
      name: 'a NotResource in a Deny, and a resource policy',
      code: '{"Statement":[{"Effect":"Deny","Principal":"*","Action":"sqs:*","NotResource":[|"arn:aws:sqs:eu-west-01:111122223333:q"|]}]}',
      policyType: 'resource',
      errors: ['didYouMean'],
      suggestions: [{ output: '{"Statement":[{"Effect":"Deny","Principal":"*","Action":"sqs:*","NotResource":"arn:aws:sqs:eu-west-1:111122223333:q"}]}' }],
    },
  ],
});
