import rule from '../../server/src/rules/duplicate-keys-with-different-case';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [
    doc('{"StringEquals":{"aws:PrincipalTag/a":"b","aws:PrincipalTag/c":"d"}}'),
    { name: 'the same key under two operators', code: doc('{"StringEquals":{"aws:PrincipalTag/a":"b"},"StringLike":{"AWS:PrincipalTag/a":"c*"}}') },
  ],
  invalid: [{ code: doc('{"StringEquals":{"aws:PrincipalTag/a":"b",[|"AWS:principaltag/A"|]:"c"}}'), errors: ['duplicate'] }],
});
