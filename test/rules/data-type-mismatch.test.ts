import rule from '../../server/src/rules/data-type-mismatch';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    {
      name: 'every element with its right type',
      code: '{"Version":"2012-10-17","Id":"x","Statement":[{"Sid":"A","Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root"],"Service":"ec2.amazonaws.com"},"Action":["s3:GetObject"],"Resource":"*","Condition":{"NumericLessThan":{"s3:max-keys":10},"Bool":{"aws:SecureTransport":false},"StringEquals":{"aws:username":["a","b"]}}}]}',
      policyType: 'resource',
    },
    { name: 'Principal "*"', code: '{"Statement":{"Effect":"Allow","Principal":"*","NotAction":"s3:Delete*","NotResource":["arn:aws:s3:::b"]}}' },
    { name: 'a non-string Effect is invalid-effect', code: '{"Statement":[{"Effect":1,"Action":"*","Resource":"*"}]}' },
    { name: 'empty lists and blocks are other rules', code: '{"Statement":[{"Effect":"Allow","Action":[],"Resource":[],"Condition":{},"Principal":{}}]}' },
    { name: 'a missing Statement is missing-statement', code: '{"Version":"2012-10-17"}' },
    { name: 'not judged while the JSON is broken', code: '{"Version":2012,' },
  ],
  invalid: [
    { name: 'root array', code: '[|[|]]', errors: ['rootType'] },
    { name: 'root string', code: '[|"Allow everything"|]', errors: ['rootType'] },
    { name: 'Version number', code: '{"Version":[|2012|],"Statement":[]}', errors: ['notString'] },
    { name: 'Id object, Sid boolean', code: '{"Id":[|{}|],"Statement":[{"Sid":[|true|],"Effect":"Allow","Action":"*","Resource":"*"}]}', errors: ['notString', 'notString'] },
    { name: 'Statement string', code: '{"Statement":[|"Allow all"|]}', errors: ['statementType'] },
    { name: 'Statement null', code: '{"Statement":[|null|]}', errors: ['statementType'] },
    {
      name: 'statement items that are not objects',
      code: '{"Statement":[[|1|],{"Effect":"Allow","Action":"*","Resource":"*"},[|[]|]]}',
      errors: ['statementItem', 'statementItem'],
    },
    {
      name: 'Action, Resource and their Not* forms',
      code: '{"Statement":[{"Effect":"Allow","Action":[|5|],"Resource":[|{"arn":"x"}|]},{"Effect":"Deny","NotAction":["s3:*",[|7|],[|["a"]|]],"NotResource":[|null|]}]}',
      errors: ['listType', 'listType', 'listItem', 'listItem', 'listType'],
    },
    {
      name: 'Principal as a string other than "*"',
      code: '{"Statement":[{"Effect":"Allow","Principal":[|"arn:aws:iam::111122223333:root"|],"Action":"s3:*","Resource":"*"}]}',
      policyType: 'resource',
      errors: ['principalString'],
    },
    {
      name: 'Principal of the wrong type, and wrong values inside the object',
      code: '{"Statement":[{"Effect":"Allow","Principal":[|["*"]|],"Action":"*","Resource":"*"},{"Effect":"Deny","NotPrincipal":{"AWS":[|123|],"Service":["ec2.amazonaws.com",[|true|]]},"Action":"*","Resource":"*"}]}',
      policyType: 'resource',
      errors: ['principalType', 'principalValue', 'principalItem'],
    },
    {
      name: 'Condition, operator blocks and values',
      code: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":[|"aws:SecureTransport"|]},{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":[|true|],"StringEquals":{"aws:username":[|{"a":1}|],"aws:PrincipalTag/team":["a",[|null|]]}}}]}',
      errors: ['conditionType', 'operatorType', 'conditionValue', 'conditionValue'],
    },
    {
      name: 'multi-line with CRLF',
      code: '{\r\n  "Version": "2012-10-17",\r\n  "Statement": [\r\n    {\r\n      "Effect": "Allow",\r\n      "Action": [|42|],\r\n      "Resource": [\r\n        "*",\r\n        [|false|]\r\n      ]\r\n    }\r\n  ]\r\n}\r\n',
      errors: ['listType', 'listItem'],
    },
    { name: 'every policy type', code: '{"Statement":[{"Effect":"Deny","Action":[|1|],"Resource":"*"}]}', policyType: 'scp', errors: ['listType'] },
  ],
});
