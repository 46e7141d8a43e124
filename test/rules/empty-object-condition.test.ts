import rule from '../../server/src/rules/empty-object-condition';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}',
    { name: 'no Condition', code: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}' },
    { name: 'an empty operator block is not judged here', code: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{}}}]}' },
    { name: 'a Condition of the wrong type is data-type-mismatch', code: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":[]}]}' },
    { name: 'not judged while the JSON is broken', code: '{"Statement":[{"Condition":{}' },
  ],
  invalid: [
    {
      code: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":[|{}|]}]}',
      errors: ['empty'],
      output: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
    },
    {
      name: 'in the middle of the statement',
      code: '{"Statement":[{"Effect":"Allow","Condition":[|{ }|],"Action":"*","Resource":"*"}]}',
      errors: ['empty'],
      output: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
    },
    {
      name: 'the only element of the statement',
      code: '{"Statement":[{"Condition":[|{}|]}]}',
      errors: ['empty'],
      output: '{"Statement":[{}]}',
    },
    {
      name: 'multi-line with CRLF',
      code: '{\r\n  "Statement": [\r\n    {\r\n      "Effect": "Deny",\r\n      "Action": "*",\r\n      "Resource": "*",\r\n      "Condition": [|{\r\n      }|]\r\n    }\r\n  ]\r\n}\r\n',
      errors: ['empty'],
      output: '{\r\n  "Statement": [\r\n    {\r\n      "Effect": "Deny",\r\n      "Action": "*",\r\n      "Resource": "*"\r\n    }\r\n  ]\r\n}\r\n',
    },
    {
      name: 'every policy type, several statements',
      code: '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":[|{}|]},{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":[|{}|]}]}',
      policyType: 'resource',
      errors: ['empty', 'empty'],
      output: '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"},{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}',
    },
    {
      // Removing the empty one would let the other count; removing both would drop a real condition (K13).
      name: 'no fix when "Condition" is duplicated',
      code: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":[|{}|],"Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}',
      errors: ['empty'],
    },
  ],
});
