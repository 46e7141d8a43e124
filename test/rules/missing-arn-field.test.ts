import rule from '../../server/src/rules/missing-arn-field';
import { runRuleTests } from '../support/ruleTester';

const policy = (resource: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":${resource}}]}`;

runRuleTests(rule, {
  valid: [
    policy('["*","arn:aws:s3:::bucket/*","arn:aws:iam::111122223333:role/a:b"]'),
    { name: 'a trailing * may stand for the missing fields', code: policy('["arn:aws:s3:*","arn:*"]') },
    { name: 'colons inside a policy variable do not count', code: policy('"arn:aws:sqs:us-east-1:${aws:PrincipalAccount}:queue"') },
    { name: 'not an ARN at all is invalid-arn-prefix', code: policy('"bucket"') },
  ],
  invalid: [
    {
      code: policy('[|"arn:aws:s3:bucket"|]'),
      errors: [{ messageId: 'missing', message: '"arn:aws:s3:bucket" has 4 of the 6 fields of an ARN (arn:partition:service:region:account:resource); keep the colons of empty fields, as in arn:aws:s3:::bucket.' }],
    },
    {
      name: 'NotResource, and a variable holding the colons',
      code: '{"Statement":[{"Effect":"Deny","Action":"s3:*","NotResource":[[|"arn:aws:iam:${aws:PrincipalAccount}:role/x"|]]}]}',
      errors: ['missing'],
    },
  ],
});
