import rule from '../../server/src/rules/missing-version';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    '{"Version":"2012-10-17","Statement":[]}',
    { name: 'the old version is old-version', code: '{"Version":"2008-10-17","Statement":[]}' },
    { name: 'a wrong version is invalid-version', code: '{"Version":"2012-10-18","Statement":[]}' },
    { name: 'a non-string version is data-type-mismatch', code: '{"Version":20121017,"Statement":[]}' },
    { name: 'a root that is not an object', code: '"2012-10-17"' },
    { name: 'not judged while the JSON is broken', code: '{"Statement":[' },
  ],
  invalid: [
    {
      code: '[|{|]"Statement":[]}',
      errors: ['missing'],
      output: '{"Version": "2012-10-17", "Statement":[]}',
    },
    {
      name: 'inserted first in an empty object',
      code: '[|{|]}',
      errors: ['missing'],
      output: '{ "Version": "2012-10-17" }',
    },
    {
      name: 'multi-line, two-space indentation',
      code: '[|{|]\n  "Statement": [\n    {"Effect": "Allow", "Action": "*", "Resource": "*"}\n  ]\n}\n',
      errors: ['missing'],
      output: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "*", "Resource": "*"}\n  ]\n}\n',
    },
    {
      name: 'CRLF, four-space indentation',
      code: '[|{|]\r\n    "Id": "example",\r\n    "Statement": []\r\n}\r\n',
      errors: ['missing'],
      output: '{\r\n    "Version": "2012-10-17",\r\n    "Id": "example",\r\n    "Statement": []\r\n}\r\n',
    },
    {
      name: 'with policy variables the insertion changes what matches: a suggestion only',
      code: '[|{|]"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}/*"}]}',
      errors: ['missingWithVariables'],
      suggestions: [
        {
          output:
            '{"Version": "2012-10-17", "Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}/*"}]}',
        },
      ],
    },
    { name: 'every policy type', code: '[|{|]"Statement":[]}', policyType: 'scp', errors: ['missing'], output: '{"Version": "2012-10-17", "Statement":[]}' },
  ],
});
