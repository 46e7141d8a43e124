import rule from '../../server/src/rules/type-mismatch-date';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [
    doc('{"DateGreaterThan":{"aws:CurrentTime":"2026-01-31"}}'),
    doc('{"DateLessThan":{"aws:CurrentTime":["2026-01-31T12:00:00Z","2026-01-31T12:00:00.5+01:00","1700000000"]}}'),
    doc('{"DateLessThan":{"aws:EpochTime":1700000000}}'),
  ],
  invalid: [
    { code: doc('{"DateGreaterThan":{"aws:CurrentTime":[|"31/01/2026"|]}}'), errors: ['notDate'] },
    { code: doc('{"DateLessThan":{"aws:CurrentTime":[[|"2026-13-01"|], [|true|]]}}'), errors: ['notDate', 'notDate'] },
  ],
});
