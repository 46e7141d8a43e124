import rule from '../../server/src/rules/invalid-condition-operator';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [
    doc('{"StringEquals":{"aws:PrincipalTag/team":"a"}}'),
    doc('{"ForAnyValue:StringLikeIfExists":{"aws:TagKeys":"a*"}}'),
    doc('{"Null":{"aws:TokenIssueTime":"true"}}'),
    { name: 'NullIfExists is null-with-if-exists', code: doc('{"NullIfExists":{"aws:TokenIssueTime":"true"}}') },
    { name: 'no Condition', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}' },
  ],
  invalid: [
    {
      name: 'operator names are case-sensitive',
      code: doc('{[|"stringequals"|]:{"aws:PrincipalTag/team":"a"}}'),
      errors: ['didYouMean'],
      output: doc('{"StringEquals":{"aws:PrincipalTag/team":"a"}}'),
    },
    {
      name: 'a typo, with the qualifier and IfExists kept',
      code: doc('{[|"ForAnyValue:StringLikeIfExist"|]:{"aws:TagKeys":"a*"}}'),
      errors: ['didYouMean'],
      suggestions: [{ output: doc('{"ForAnyValue:StringLikeIfExists":{"aws:TagKeys":"a*"}}') }],
    },
    {
      name: 'a lower-case qualifier',
      code: doc('{[|"forallvalues:StringEquals"|]:{"aws:TagKeys":"a"}}'),
      errors: ['didYouMean'],
      output: doc('{"ForAllValues:StringEquals":{"aws:TagKeys":"a"}}'),
    },
    { name: 'nothing close', code: doc('{[|"Matches"|]:{"aws:TagKeys":"a"}}'), errors: ['unknown'] },
    {
      name: 'no fix when the corrected operator is already there',
      code: doc('{"StringEquals":{"aws:PrincipalTag/a":"x"},[|"Stringequals"|]:{"aws:PrincipalTag/b":"y"}}'),
      errors: ['didYouMean'],
    },
  ],
});
