import rule from '../../server/src/rules/private-ip-address';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [
    doc('{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}'),
    { name: 'a mix of public and private', code: doc('{"IpAddress":{"aws:SourceIp":["10.0.0.0/8","203.0.113.0/24"]}}') },
    { name: 'aws:VpcSourceIp holds private addresses', code: doc('{"IpAddress":{"aws:VpcSourceIp":"10.0.0.0/8"}}') },
  ],
  invalid: [
    { code: doc('{"IpAddress":{"aws:SourceIp":[|["10.0.0.0/8","192.168.1.0/24"]|]}}'), errors: ['ipAddress'] },
    { code: doc('{"NotIpAddress":{"aws:SourceIp":[|"fd00::/8"|]}}', '"*"', 'Deny'), errors: ['notIpAddress'] },
  ],
});
