import rule from '../../server/src/rules/invalid-arn-service-case';
import { runRuleTests } from '../support/ruleTester';

const policy = (resource: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":${resource}}]}`;

runRuleTests(rule, {
  valid: [policy('["arn:aws:s3:::Bucket","arn:aws:iam::111122223333:role/Admin"]'), policy('"*"')],
  invalid: [
    {
      code: policy('[|"arn:aws:S3:::bucket"|]'),
      errors: [{ messageId: 'upperCase', message: 'The service "S3" in arn:aws:S3:::bucket must be written in lower case: "s3".' }],
      suggestions: [{ output: policy('"arn:aws:s3:::bucket"') }],
    },
    {
      name: 'NotResource list',
      code: '{"Statement":[{"Effect":"Deny","Action":"*","NotResource":["arn:aws:s3:::a", [|"arn:aws:DynamoDB:*:*:table/T"|]]}]}',
      errors: ['upperCase'],
      suggestions: [{ output: '{"Statement":[{"Effect":"Deny","Action":"*","NotResource":["arn:aws:s3:::a", "arn:aws:dynamodb:*:*:table/T"]}]}' }],
    },
  ],
});
