import rule from '../../server/src/rules/unique-sids-recommended';
import { runRuleTests } from '../support/ruleTester';

const duplicate =
  '{"Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},{"Sid":[|"PublicRead"|],"Effect":"Allow","Principal":"*","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b"}]}';
const plain = duplicate.replace(/\[\||\|\]/g, '');

runRuleTests(rule, {
  valid: [
    {
      code: '{"Statement":[{"Sid":"Read","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"},{"Sid":"List","Effect":"Allow","Principal":"*","Action":"s3:ListBucket","Resource":"*"}]}',
      policyType: 'resource',
    },
    { name: 'no Sids', code: '{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"*","Resource":"*"}]}', policyType: 'scp' },
    { name: 'identity policies: unique-sids-required', code: plain },
    { name: 'trust policies: unique-sids-required', code: plain, policyType: 'trust' },
    { name: 'boundaries: unique-sids-required', code: plain, policyType: 'permissions-boundary' },
    { name: 'session policies: unique-sids-required', code: plain, policyType: 'session' },
    { name: 'not judged while the JSON is broken', code: '{"Statement":[{"Sid":"A"},{"Sid":"A"}', policyType: 'resource' },
  ],
  invalid: [
    { code: duplicate, policyType: 'resource', errors: ['duplicate'] },
    {
      name: 'SCP, multi-line',
      code: '{\n  "Statement": [\n    {"Sid": "DenyRegions", "Effect": "Deny", "Action": "*", "Resource": "*"},\n    {"Sid": [|"DenyRegions"|], "Effect": "Deny", "Action": "ec2:*", "Resource": "*"}\n  ]\n}',
      policyType: 'scp',
      errors: ['duplicate'],
    },
    { name: 'RCP', code: duplicate, policyType: 'rcp', errors: ['duplicate'] },
  ],
});
