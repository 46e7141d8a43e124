import rule from '../../server/src/rules/empty-variable';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [doc('{"StringLike":{"s3:prefix":"${aws:username}/*"}}')],
  invalid: [{ code: doc('{"StringLike":{"s3:prefix":"home/[|${}|]/*"}}'), errors: ['empty'] }],
});
