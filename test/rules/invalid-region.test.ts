import rule from '../../server/src/rules/invalid-region';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [
    doc('{"StringEquals":{"aws:RequestedRegion":["eu-west-1","us-gov-west-1","cn-north-1"]}}'),
    doc('{"StringLike":{"aws:RequestedRegion":"eu-*"}}'),
    doc('{"StringEqualsIgnoreCase":{"aws:RequestedRegion":"EU-WEST-1"}}'),
  ],
  invalid: [
    {
      code: doc('{"StringEquals":{"aws:RequestedRegion":[|"eu-wset-1"|]}}'),
      errors: ['didYouMean'],
      suggestions: [{ output: doc('{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}') }],
    },
    { code: doc('{"StringEquals":{"aws:RequestedRegion":[[|"Ireland"|], [|"xx-nowhere-9"|]]}}'), errors: ['notRegion', 'unknownRegion'] },
    { code: doc('{"StringLike":{"aws:RequestedRegion":[|"europe-*"|]}}'), errors: ['noMatch'] },
  ],
});
