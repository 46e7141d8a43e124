import rule from '../../server/src/rules/missing-qualifier';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [
    doc('{"ForAnyValue:StringEquals":{"aws:TagKeys":"a"}}'),
    doc('{"StringEquals":{"aws:PrincipalTag/a":"b"}}'),
    { name: 'Null tests presence', code: doc('{"Null":{"aws:TagKeys":"true"}}') },
  ],
  invalid: [
    {
      code: doc('{"StringEqualsIfExists":{[|"aws:TagKeys"|]:"a"}}'),
      errors: ['missing'],
      suggestions: [{ output: doc('{"ForAnyValue:StringEqualsIfExists":{"aws:TagKeys":"a"}}') }],
    },
  ],
});
