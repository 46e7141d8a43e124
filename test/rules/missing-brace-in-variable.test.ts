import rule from '../../server/src/rules/missing-brace-in-variable';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

const res = (resource: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"${resource}"}]}`;

runRuleTests(rule, {
  valid: [res('arn:aws:s3:::b/${aws:username}/*'), res('arn:aws:s3:::b/$5{x'), doc('{"StringLike":{"s3:prefix":"${aws:userid, \'anon\'}/*"}}')],
  invalid: [
    { code: res('arn:aws:s3:::b/[|${aws:username/*|]'), errors: ['unclosed'] },
    { name: 'unclosed before another variable', code: res('arn:aws:s3:::b/[|${aws:username|]${aws:userid}'), errors: ['unclosed'] },
    { name: 'in a condition value, after a JSON escape', code: doc('{"StringLike":{"s3:prefix":"\\u0041/[|${aws:username|]"}}'), errors: ['unclosed'] },
  ],
});
