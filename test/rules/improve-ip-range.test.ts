import rule from '../../server/src/rules/improve-ip-range';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [doc('{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","203.0.113.7","2001:db8::/32"]}}')],
  invalid: [
    {
      code: doc('{"IpAddress":{"aws:SourceIp":[[|"203.0.113.7/24"|], [|"2001:DB8:0:0:1::/48"|]]}}'),
      errors: ['hostBits', 'hostBits'],
      output: doc('{"IpAddress":{"aws:SourceIp":["203.0.113.0/24", "2001:db8::/48"]}}'),
    },
  ],
});
