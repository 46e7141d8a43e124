import rule from '../../server/src/rules/invalid-arn-account';
import { runRuleTests } from '../support/ruleTester';

const policy = (resource: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":${resource}}]}`;

runRuleTests(rule, {
  valid: [
    policy('["arn:aws:sqs:us-east-1:111122223333:queue","arn:aws:sqs:*:*:queue","arn:aws:sqs:*:1111222233??:q","arn:aws:sqs:*:11112222*:q"]'),
    { name: 'policy variables', code: policy('"arn:aws:sqs:*:${aws:PrincipalAccount}:queue"') },
    { name: 'empty account', code: policy('"arn:aws:s3:::bucket"') },
    { name: 'AWS-owned resources use "aws"', code: policy('["arn:aws:iam::aws:policy/ReadOnlyAccess","arn:aws:sagemaker:*:aws:hub/SageMakerPublicHub"]') },
    { name: 'an account where the format has none is arn-account-not-allowed', code: policy('"arn:aws:s3::abc:bucket"') },
  ],
  invalid: [
    {
      code: policy('[|"arn:aws:sqs:us-east-1:1111-2222-3333:queue"|]'),
      errors: [{ messageId: 'invalid', message: 'Account "1111-2222-3333" in arn:aws:sqs:us-east-1:1111-2222-3333:queue is not a 12-digit AWS account ID.' }],
    },
    {
      name: 'too short, too long, with a wildcard that cannot help',
      code: policy('[[|"arn:aws:iam::12345:role/x"|], [|"arn:aws:iam::1234567890123:role/x"|], [|"arn:aws:iam::1234567890123*:role/x"|]]'),
      errors: ['invalid', 'invalid', 'invalid'],
    },
    {
      name: 'an unknown service',
      code: '{"Statement":[{"Effect":"Deny","Action":"*","NotResource":[|"arn:aws:nosuchservice:us-east-1:me:thing"|]}]}',
      errors: ['invalid'],
    },
  ],
});
