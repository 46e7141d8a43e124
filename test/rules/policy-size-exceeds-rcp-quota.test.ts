import rule from '../../server/src/rules/policy-size-exceeds-rcp-quota';
import { runRuleTests } from '../support/ruleTester';

const statement = '{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::example-bucket/*"}';
/** A policy of n statements; each is 85 characters and a comma, the frame 39: 71 statements make exactly 6,144. */
const policyOf = (n: number, marker = false) =>
  `${marker ? '[|{|]' : '{'}"Version":"2012-10-17","Statement":[${Array.from({ length: n }, () => statement).join(',')}]}`;

runRuleTests(rule, {
  valid: [{ code: policyOf(59), policyType: 'rcp' }],
  invalid: [{ code: policyOf(60, true), policyType: 'rcp', errors: ['tooLarge'] }],
});
