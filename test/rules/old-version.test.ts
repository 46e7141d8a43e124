import rule from '../../server/src/rules/old-version';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    '{"Version":"2012-10-17","Statement":[]}',
    { name: 'no Version is missing-version', code: '{"Statement":[]}' },
    { name: 'a near miss is invalid-version', code: '{"Version":"2008-10-18","Statement":[]}' },
    { name: 'case and spaces count', code: '{"Version":" 2008-10-17","Statement":[]}' },
    { name: 'not judged while the JSON is broken', code: '{"Version":"2008-10-17",' },
  ],
  invalid: [
    {
      code: '{"Version":[|"2008-10-17"|],"Statement":[]}',
      errors: ['old'],
      output: '{"Version":"2012-10-17","Statement":[]}',
    },
    {
      name: 'multi-line with CRLF',
      code: '{\r\n    "Version": [|"2008-10-17"|],\r\n    "Statement": {"Effect": "Deny", "Action": "*", "Resource": "*"}\r\n}',
      errors: ['old'],
      output: '{\r\n    "Version": "2012-10-17",\r\n    "Statement": {"Effect": "Deny", "Action": "*", "Resource": "*"}\r\n}',
    },
    {
      name: 'with policy variables the upgrade changes what matches: a suggestion only',
      code: '{"Version":[|"2008-10-17"|],"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}"}]}',
      errors: ['oldWithVariables'],
      suggestions: [
        {
          output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}"}]}',
        },
      ],
    },
    {
      name: 'every policy type',
      code: '{"Version":[|"2008-10-17"|],"Statement":[]}',
      policyType: 'resource',
      errors: ['old'],
      output: '{"Version":"2012-10-17","Statement":[]}',
    },
  ],
});
