import rule from '../../server/src/rules/type-mismatch-number';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [doc('{"NumericLessThan":{"aws:MultiFactorAuthAge":["3600", 60, "0.5", "-1"]}}')],
  invalid: [
    { code: doc('{"NumericLessThan":{"aws:MultiFactorAuthAge":[|"one hour"|]}}'), errors: ['notNumber'] },
    { code: doc('{"NumericEquals":{"aws:MultiFactorAuthAge":[[|"1e3"|], [|false|]]}}'), errors: ['notNumber', 'notNumber'] },
  ],
});
