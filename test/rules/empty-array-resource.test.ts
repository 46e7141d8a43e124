import rule from '../../server/src/rules/empty-array-resource';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::b/*"]}]}',
    { name: 'an empty NotResource is not judged', code: '{"Statement":[{"Effect":"Deny","Action":"*","NotResource":[]}]}' },
    { name: 'a list of only wrong types is data-type-mismatch', code: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":[null]}]}' },
    {
      name: 'any Resource in a trust policy is another rule',
      code: '{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Resource":[]}]}',
      policyType: 'trust',
    },
    { name: 'not judged while the JSON is broken', code: '{"Statement":[{"Resource":[]' },
  ],
  invalid: [
    {
      code: '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":[|[]|]},{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}',
      errors: ['empty'],
      output: '{"Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}',
    },
    {
      name: 'no fix for the only statement',
      code: '{"Statement":{"Effect":"Allow","Action":"*","Resource":[|[]|]}}',
      errors: ['empty'],
    },
    {
      name: 'multi-line, resource-based policy',
      code: '{\n  "Statement": [\n    {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},\n    {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": [|[]|]}\n  ]\n}\n',
      policyType: 'resource',
      errors: ['empty'],
      output: '{\n  "Statement": [\n    {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}\n  ]\n}\n',
    },
    {
      name: 'both lists empty: two findings, one removal',
      code: '{"Statement":[{"Effect":"Allow","Action":[],"Resource":[|[]|]},{"Effect":"Allow","Action":"*","Resource":[|[]|]},{"Effect":"Deny","Action":"iam:*","Resource":"*"}]}',
      errors: ['empty', 'empty'],
      output: '{"Statement":[{"Effect":"Deny","Action":"iam:*","Resource":"*"}]}',
    },
  ],
});
