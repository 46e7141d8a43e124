import rule from '../../server/src/rules/wildcard-without-like-operator';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [
    doc('{"StringLike":{"aws:PrincipalTag/job":"admin-*"}}'),
    doc('{"StringEquals":{"aws:PrincipalTag/job":"admin"}}'),
    { name: 'ArnEquals takes wildcards', code: doc('{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::*:role/x"}}') },
    { name: 'the escapes ${*} and ${?} are literal characters', code: doc('{"StringEquals":{"aws:PrincipalTag/job":"a${*}b${?}"}}') },
  ],
  invalid: [
    {
      code: doc('{"StringEquals":{"aws:PrincipalTag/job":[|"admin-*"|]}}'),
      errors: ['wildcard'],
      suggestions: [{ output: doc('{"StringLike":{"aws:PrincipalTag/job":"admin-*"}}') }],
    },
    {
      name: 'qualifier and IfExists are kept',
      code: doc('{"ForAnyValue:StringNotEqualsIfExists":{"aws:TagKeys":[|"a?"|]}}'),
      errors: ['wildcard'],
      suggestions: [{ output: doc('{"ForAnyValue:StringNotLikeIfExists":{"aws:TagKeys":"a?"}}') }],
    },
    { name: 'IgnoreCase has no Like form', code: doc('{"StringEqualsIgnoreCase":{"aws:PrincipalTag/job":[|"admin-*"|]}}'), errors: ['wildcardIgnoreCase'] },
    {
      name: 'no fix when the Like operator is already in the Condition',
      code: doc('{"StringEquals":{"aws:PrincipalTag/job":[|"a*"|]},"StringLike":{"aws:PrincipalTag/x":"b*"}}'),
      errors: ['wildcard'],
    },
  ],
});
