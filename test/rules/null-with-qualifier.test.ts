import rule from '../../server/src/rules/null-with-qualifier';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [doc('{"Null":{"aws:TagKeys":"false"}}'), doc('{"ForAnyValue:StringEquals":{"aws:TagKeys":"a"}}')],
  invalid: [
    { code: doc('{[|"ForAllValues:Null"|]:{"aws:TagKeys":"false"}}'), errors: ['forAllValues'] },
    { code: doc('{[|"ForAnyValue:Null"|]:{"aws:TagKeys":"false","aws:RequestTag/a":"false"}}'), errors: ['forAnyValue'] },
  ],
});
