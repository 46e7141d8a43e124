import rule from '../../server/src/rules/invalid-vpc-format';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [doc('{"StringEquals":{"aws:SourceVpc":["vpc-1a2b3c4d","vpc-0123456789abcdef0"]}}'), doc('{"StringLike":{"aws:SourceVpc":"vpc-*"}}')],
  invalid: [{ code: doc('{"StringEquals":{"aws:SourceVpc":[[|"vpc-123"|], [|"vpce-1a2b3c4d"|]]}}'), errors: ['notVpcId', 'notVpcId'] }],
});
