import rule from '../../server/src/rules/arn-too-long';
import { runRuleTests } from '../support/ruleTester';

const policy = (element: string, resource: string) =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","${element}":${resource}}]}`;
/** An S3 object ARN of exactly `length` characters. */
const objectArn = (length: number) => {
  const head = 'arn:aws:s3:::bucket/';
  return head + 'k'.repeat(length - head.length);
};

runRuleTests(rule, {
  valid: [
    { name: 'an ARN of 2,048 characters, the most there can be', code: policy('Resource', JSON.stringify(objectArn(2048))) },
    { name: 'a long value that is no ARN at all is invalid-arn-prefix\'s', code: policy('Resource', JSON.stringify('x'.repeat(5000))) },
    { name: 'a long run of wildcards is every resource', code: policy('Resource', JSON.stringify('*'.repeat(3000))) },
    { name: 'trust policies have no Resource to check', code: policy('Resource', JSON.stringify(objectArn(3000))), policyType: 'trust' },
  ],
  invalid: [
    {
      code: policy('Resource', `[|${JSON.stringify(objectArn(2049))}|]`),
      errors: [{ messageId: 'tooLong', message: 'This ARN is 2,049 characters long; an ARN has at most 2,048, so it names no resource. The other ARN checks skip it.' }],
    },
    {
      name: 'in NotResource and in a list, each value once',
      code: policy('NotResource', `["arn:aws:s3:::b/*",[|${JSON.stringify(objectArn(100_000))}|],[|${JSON.stringify(`arn:aws:ec2:*:*:instance/${'i*'.repeat(2000)}`)}|]]`),
      errors: ['tooLong', 'tooLong'],
    },
  ],
});
