import rule from '../../server/src/rules/unsupported-space-in-variable';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [doc('{"StringLike":{"s3:prefix":"${aws:userid, \'no one\'}/*"}}')],
  invalid: [{ code: doc('{"StringLike":{"s3:prefix":"home/[|${ aws:username}|]/*"}}'), errors: ['space'] }],
});
