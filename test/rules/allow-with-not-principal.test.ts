import rule from '../../server/src/rules/allow-with-not-principal';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    { code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}', policyType: 'resource' },
    {
      name: 'Deny with NotPrincipal, as AWS suggests',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:*","Resource":"arn:aws:s3:::b/*"}]}',
      policyType: 'resource',
    },
    { name: 'identity policies: unsupported-principal reports it', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:*","Resource":"*"}]}' },
  ],
  invalid: [
    {
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow",[|"NotPrincipal"|]:{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}',
      policyType: 'resource',
      errors: ['allowNotPrincipal'],
    },
  ],
});
