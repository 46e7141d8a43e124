import rule from '../../server/src/rules/unique-sids-required';
import { runRuleTests } from '../support/ruleTester';

const duplicate =
  '{"Statement":[{"Sid":"ReadObjects","Effect":"Allow","Action":"s3:GetObject","Resource":"*"},{"Sid":[|"ReadObjects"|],"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}';

runRuleTests(rule, {
  valid: [
    '{"Statement":[{"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"*"},{"Sid":"List","Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}',
    { name: 'no Sids', code: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"iam:*","Resource":"*"}]}' },
    { name: 'Sids differ in case', code: '{"Statement":[{"Sid":"Read","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"read","Effect":"Allow","Action":"*","Resource":"*"}]}' },
    { name: 'empty Sids are not compared', code: '{"Statement":[{"Sid":"","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"","Effect":"Allow","Action":"*","Resource":"*"}]}' },
    { name: 'resource-based policies: unique-sids-recommended', code: duplicate.replace(/\[\||\|\]/g, ''), policyType: 'resource' },
    { name: 'SCPs: unique-sids-recommended', code: duplicate.replace(/\[\||\|\]/g, ''), policyType: 'scp' },
    { name: 'RCPs: unique-sids-recommended', code: duplicate.replace(/\[\||\|\]/g, ''), policyType: 'rcp' },
    { name: 'not judged while the JSON is broken', code: '{"Statement":[{"Sid":"A"},{"Sid":"A"}' },
  ],
  invalid: [
    { code: duplicate, errors: ['duplicate'] },
    {
      name: 'every repeat after the first',
      code: '{"Statement":[{"Sid":"A","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"B","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":[|"A"|],"Effect":"Deny","Action":"*","Resource":"*"},{"Sid":[|"A"|],"Effect":"Deny","Action":"*","Resource":"*"}]}',
      errors: ['duplicate', 'duplicate'],
    },
    {
      name: 'trust policy, multi-line',
      code: '{\n  "Statement": [\n    {"Sid": "Trust", "Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"},\n    {"Sid": [|"Trust"|], "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}\n  ]\n}',
      policyType: 'trust',
      errors: ['duplicate'],
    },
    { name: 'permissions boundary', code: duplicate, policyType: 'permissions-boundary', errors: ['duplicate'] },
    { name: 'session policy', code: duplicate, policyType: 'session', errors: ['duplicate'] },
  ],
});
