import rule from '../../server/src/rules/rcp-syntax-error-notaction';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    { code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":["s3:*","sqs:*"],"Resource":"*","Condition":{"BoolIfExists":{"aws:SecureTransport":"false"}}}]}', policyType: 'rcp' },
    { name: 'SCPs take NotAction (2025 grammar)', code: '{"Statement":[{"Effect":"Deny","NotAction":["iam:*","sts:*"],"Resource":"*"}]}', policyType: 'scp' },
  ],
  invalid: [
    {
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*",[|"NotAction"|]:"s3:GetObject","Resource":"*"}]}',
      policyType: 'rcp',
      errors: ['notAction'],
    },
  ],
});
