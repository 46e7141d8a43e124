import rule from '../../server/src/rules/policy-size-exceeds-identity-policy-quota';
import { runRuleTests } from '../support/ruleTester';

const statement = '{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::example-bucket/*"}';
/** A policy of n statements; each is 85 characters and a comma, the frame 39: 71 statements make exactly 6,144. */
const policyOf = (n: number, marker = false) =>
  `${marker ? '[|{|]' : '{'}"Version":"2012-10-17","Statement":[${Array.from({ length: n }, () => statement).join(',')}]}`;

runRuleTests(rule, {
  valid: [
    policyOf(71),
    { name: 'white space does not count', code: policyOf(71).replace(/,/g, ',\n        ') },
    { name: 'other policy types have their own rule', code: policyOf(80), policyType: 'resource' },
  ],
  invalid: [
    { code: policyOf(72, true), errors: ['tooLarge'] },
    { name: 'session policies: 2,048', code: policyOf(24, true), policyType: 'session', errors: ['tooLarge'] },
  ],
});
