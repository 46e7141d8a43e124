import rule from '../../server/src/rules/unsupported-element-combination';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    '{"Statement":[{"Effect":"Deny","NotAction":"iam:*","NotResource":"arn:aws:s3:::b/*"}]}',
    {
      name: 'the pair split over two statements',
      code: '{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},{"Effect":"Deny","NotAction":"s3:Get*","Resource":"*"}]}',
    },
    { name: 'Principal with a lower-case notPrincipal key', code: '{"Statement":[{"Effect":"Deny","Principal":"*","notPrincipal":"*","Action":"*"}]}', policyType: 'resource' },
    { name: 'not judged while the JSON is broken', code: '{"Statement":[{"Action":"*","NotAction":"*"' },
  ],
  invalid: [
    {
      code: '{"Statement":[{"Effect":"Allow","Action":"s3:*",[|"NotAction"|]:"s3:Delete*","Resource":"*"}]}',
      errors: ['both'],
    },
    {
      name: 'reported on whichever comes second',
      code: '{"Statement":[{"Effect":"Deny","NotResource":"arn:aws:s3:::b",[|"Resource"|]:"*","Action":"s3:*"}]}',
      errors: ['both'],
    },
    {
      name: 'all three pairs, multi-line',
      code: '{\n  "Statement": {\n    "Effect": "Deny",\n    "Principal": "*",\n    "Action": "s3:*",\n    "Resource": "*",\n    [|"NotPrincipal"|]: "*",\n    [|"NotAction"|]: "s3:Get*",\n    [|"NotResource"|]: "arn:aws:s3:::b"\n  }\n}',
      policyType: 'resource',
      errors: ['both', 'both', 'both'],
    },
    {
      name: 'every policy type',
      code: '{"Statement":[{"Effect":"Deny","NotAction":"s3:*",[|"Action"|]:"*","Resource":"*"}]}',
      policyType: 'scp',
      errors: ['both'],
    },
  ],
});
