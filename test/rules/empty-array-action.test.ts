import rule from '../../server/src/rules/empty-array-action';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    '{"Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"*"}]}',
    { name: 'an empty NotAction is not judged', code: '{"Statement":[{"Effect":"Deny","NotAction":[],"Resource":"*"}]}' },
    { name: 'a list of only wrong types is data-type-mismatch', code: '{"Statement":[{"Effect":"Allow","Action":[1],"Resource":"*"}]}' },
    { name: 'an empty string is not an empty list', code: '{"Statement":[{"Effect":"Allow","Action":"","Resource":"*"}]}' },
    { name: 'not judged while the JSON is broken', code: '{"Statement":[{"Action":[]' },
  ],
  invalid: [
    {
      name: 'the statement goes when another remains',
      code: '{"Statement":[{"Effect":"Allow","Action":[|[]|],"Resource":"*"},{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
      errors: ['empty'],
      output: '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    },
    {
      name: 'last statement of the array',
      code: '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},{"Effect":"Deny","Action":[|[]|],"Resource":"*"}]}',
      errors: ['empty'],
      output: '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    },
    {
      name: 'no fix for the only statement',
      code: '{"Statement":[{"Effect":"Allow","Action":[|[]|],"Resource":"*"}]}',
      errors: ['empty'],
    },
    {
      name: 'no fix for a single statement object',
      code: '{"Statement":{"Effect":"Allow","Action":[|[ ]|],"Resource":"*"}}',
      errors: ['empty'],
    },
    {
      name: 'no fix when every statement would go',
      code: '{"Statement":[{"Effect":"Allow","Action":[|[]|],"Resource":"*"},{"Effect":"Allow","Action":"*","Resource":[]}]}',
      errors: ['empty'],
    },
    {
      name: 'multi-line with CRLF',
      code: '{\r\n  "Version": "2012-10-17",\r\n  "Statement": [\r\n    {\r\n      "Effect": "Allow",\r\n      "Action": [|[\r\n      ]|],\r\n      "Resource": "*"\r\n    },\r\n    {\r\n      "Effect": "Deny",\r\n      "Action": "iam:*",\r\n      "Resource": "*"\r\n    }\r\n  ]\r\n}\r\n',
      errors: ['empty'],
      output: '{\r\n  "Version": "2012-10-17",\r\n  "Statement": [\r\n    {\r\n      "Effect": "Deny",\r\n      "Action": "iam:*",\r\n      "Resource": "*"\r\n    }\r\n  ]\r\n}\r\n',
    },
    {
      name: 'every policy type',
      code: '{"Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"},{"Effect":"Deny","Action":[|[]|],"Resource":"*"}]}',
      policyType: 'scp',
      errors: ['empty'],
      output: '{"Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}',
    },
  ],
});
