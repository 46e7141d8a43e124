import rule from '../../server/src/rules/deprecated-global-condition-key';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [doc('{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:user/x"}}')],
  invalid: [{ code: doc('{"ArnEquals":{[|"aws:ARN"|]:"arn:aws:iam::111122223333:user/x"}}'), errors: ['deprecated'] }],
});
