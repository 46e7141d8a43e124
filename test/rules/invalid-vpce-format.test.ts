import rule from '../../server/src/rules/invalid-vpce-format';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [doc('{"StringEquals":{"aws:SourceVpce":"vpce-0123456789abcdef0"}}'), doc('{"StringNotEquals":{"aws:SourceVpce":"${aws:SourceVpce}"}}')],
  invalid: [{ code: doc('{"StringNotEquals":{"aws:SourceVpce":[|"vpc-1a2b3c4d"|]}}'), errors: ['notVpceId'] }],
});
