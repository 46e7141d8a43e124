import rule from '../../server/src/rules/unsupported-sid';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    '{"Statement":[{"Sid":"AllowRead2024","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    { name: 'no Sid', code: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}' },
    { name: 'an empty Sid is allowed', code: '{"Statement":[{"Sid":"","Effect":"Allow","Action":"*","Resource":"*"}]}' },
    { name: 'a non-string Sid is data-type-mismatch', code: '{"Statement":[{"Sid":12,"Effect":"Allow","Action":"*","Resource":"*"}]}' },
    {
      name: 'resource-based policies of other services accept more characters',
      code: '{"Statement":[{"Sid":"__default_statement_ID","Effect":"Allow","Principal":"*","Action":"sns:Publish","Resource":"*"}]}',
      policyType: 'resource',
    },
    { name: 'SCPs are not checked', code: '{"Statement":[{"Sid":"Deny regions","Effect":"Deny","Action":"*","Resource":"*"}]}', policyType: 'scp' },
    { name: 'not judged while the JSON is broken', code: '{"Statement":[{"Sid":"a b"' },
  ],
  invalid: [
    {
      code: '{"Statement":[{"Sid":[|"Allow Read-Only"|],"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}',
      errors: ['unsupported'],
      output: '{"Statement":[{"Sid":"AllowReadOnly","Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}',
    },
    {
      name: 'non-ASCII letters and underscores',
      code: '{"Statement":[{"Sid":[|"Añadir_Lectura"|],"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}',
      errors: ['unsupported'],
      output: '{"Statement":[{"Sid":"AadirLectura","Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}',
    },
    {
      name: 'no fix when nothing would remain',
      code: '{"Statement":[{"Sid":[|"--"|],"Effect":"Allow","Action":"*","Resource":"*"}]}',
      errors: ['unsupported'],
    },
    {
      name: 'no fix onto a Sid that exists',
      code: '{"Statement":[{"Sid":"ReadAll","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":[|"Read-All"|],"Effect":"Deny","Action":"*","Resource":"*"}]}',
      errors: ['unsupported'],
    },
    {
      name: 'no fix when two fixes would collide, other fixes still apply',
      code: '{"Statement":[{"Sid":[|"a-b"|],"Effect":"Allow","Action":"*","Resource":"*"},{"Sid":[|"a_b"|],"Effect":"Deny","Action":"*","Resource":"*"},{"Sid":[|"c d"|],"Effect":"Deny","Action":"*","Resource":"*"}]}',
      errors: ['unsupported', 'unsupported', 'unsupported'],
      output: '{"Statement":[{"Sid":"a-b","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"a_b","Effect":"Deny","Action":"*","Resource":"*"},{"Sid":"cd","Effect":"Deny","Action":"*","Resource":"*"}]}',
    },
    {
      name: 'trust policy, multi-line with CRLF',
      code: '{\r\n  "Statement": [\r\n    {\r\n      "Sid": [|"Trust EC2"|],\r\n      "Effect": "Allow",\r\n      "Principal": {"Service": "ec2.amazonaws.com"},\r\n      "Action": "sts:AssumeRole"\r\n    }\r\n  ]\r\n}\r\n',
      policyType: 'trust',
      errors: ['unsupported'],
      output: '{\r\n  "Statement": [\r\n    {\r\n      "Sid": "TrustEC2",\r\n      "Effect": "Allow",\r\n      "Principal": {"Service": "ec2.amazonaws.com"},\r\n      "Action": "sts:AssumeRole"\r\n    }\r\n  ]\r\n}\r\n',
    },
    {
      name: 'permissions boundary and session policies',
      code: '{"Statement":{"Sid":[|"max.permissions"|],"Effect":"Allow","Action":"*","Resource":"*"}}',
      policyType: 'permissions-boundary',
      errors: ['unsupported'],
      output: '{"Statement":{"Sid":"maxpermissions","Effect":"Allow","Action":"*","Resource":"*"}}',
    },
    {
      name: 'session policy',
      code: '{"Statement":{"Sid":[|"s3 only"|],"Effect":"Allow","Action":"s3:*","Resource":"*"}}',
      policyType: 'session',
      errors: ['unsupported'],
      output: '{"Statement":{"Sid":"s3only","Effect":"Allow","Action":"s3:*","Resource":"*"}}',
    },
  ],
});
