import rule from '../../server/src/rules/type-mismatch-ip-range';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [doc('{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","203.0.113.7","2001:DB8:1234:5678::/64","::ffff:192.0.2.1"]}}')],
  invalid: [
    { code: doc('{"IpAddress":{"aws:SourceIp":[|"203.0.113.0/33"|]}}'), errors: ['notIpRange'] },
    { code: doc('{"NotIpAddress":{"aws:SourceIp":[[|"256.1.1.1"|], [|"2001:db8::1::2"|], [|"example.com"|]]}}'), errors: ['notIpRange', 'notIpRange', 'notIpRange'] },
    // An IPv4 part stands only for an IPv6 address's last 32 bits.
    { code: doc('{"IpAddress":{"aws:SourceIp":[|"192.0.2.1::/64"|]}}'), errors: ['notIpRange'] },
  ],
});
