import rule from '../../server/src/rules/null-with-if-exists';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [doc('{"Null":{"aws:TokenIssueTime":"true"}}'), doc('{"StringEqualsIfExists":{"aws:PrincipalTag/a":"b"}}')],
  invalid: [
    { code: doc('{[|"NullIfExists"|]:{"aws:TokenIssueTime":"true"}}'), errors: ['nullIfExists'] },
    { code: doc('{[|"ForAnyValue:NullIfExists"|]:{"aws:TagKeys":"true"}}'), errors: ['nullIfExists'] },
  ],
});
