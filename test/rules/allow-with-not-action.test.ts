import rule from '../../server/src/rules/allow-with-not-action';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    { name: 'Deny with NotAction is the recommended way to use it', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"iam:*","Resource":"*"}]}' },
    { name: 'a permissions boundary caps', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}', policyType: 'permissions-boundary' },
    { name: 'SCP', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}', policyType: 'scp' },
    { name: 'Action and NotAction together is another rule', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","NotAction":"iam:*","Resource":"*"}]}' },
  ],
  invalid: [
    {
      name: 'PowerUserAccess shape',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow",[|"NotAction"|]:["iam:*","organizations:*","account:*"],"Resource":"*"}]}',
      errors: [{ messageId: 'allowNotAction' }],
    },
    {
      name: 'resource-based policy',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},[|"NotAction"|]:"s3:DeleteBucket","Resource":"arn:aws:s3:::b/*"}]}',
      policyType: 'resource',
      errors: ['allowNotAction'],
    },
  ],
});
