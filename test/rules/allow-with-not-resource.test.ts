import rule from '../../server/src/rules/allow-with-not-resource';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}',
    { name: 'Deny with NotResource', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","NotResource":["arn:aws:s3:::b","arn:aws:s3:::b/*"]}]}' },
    { name: 'a permissions boundary caps', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::secret/*"}]}', policyType: 'permissions-boundary' },
  ],
  invalid: [
    {
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*",[|"NotResource"|]:"arn:aws:s3:::secret/*"}]}',
      errors: [{ messageId: 'allowNotResource', message: 'Allow with NotResource grants these actions on every resource except the 1 listed, resources created later included; name the resources to allow in Resource instead.' }],
    },
  ],
});
