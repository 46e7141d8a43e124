import rule from '../../server/src/rules/invalid-version';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    '{"Version":"2012-10-17","Statement":[]}',
    { name: 'the old version is old-version', code: '{"Version":"2008-10-17","Statement":[]}' },
    { name: 'no Version is missing-version', code: '{"Statement":[]}' },
    { name: 'a non-string Version is data-type-mismatch', code: '{"Version":2012,"Statement":[]}' },
    { name: 'not judged while the JSON is broken', code: '{"Version":"2012-10-18",' },
  ],
  invalid: [
    {
      code: '{"Version":[|"2012-10-18"|],"Statement":[]}',
      errors: ['invalid'],
      output: '{"Version":"2012-10-17","Statement":[]}',
    },
    {
      name: 'surrounding spaces are not accepted',
      code: '{"Version":[|" 2012-10-17"|],"Statement":[]}',
      errors: ['invalid'],
      output: '{"Version":"2012-10-17","Statement":[]}',
    },
    {
      name: 'not a date at all',
      code: '{"Version":[|"latest"|],"Statement":[]}',
      errors: ['invalid'],
      output: '{"Version":"2012-10-17","Statement":[]}',
    },
    {
      name: 'empty string',
      code: '{"Version":[|""|],"Statement":[]}',
      errors: ['invalid'],
      output: '{"Version":"2012-10-17","Statement":[]}',
    },
    {
      name: 'multi-line with CRLF',
      code: '{\r\n  "Version": [|"2012/10/17"|],\r\n  "Statement": []\r\n}\r\n',
      errors: ['invalid'],
      output: '{\r\n  "Version": "2012-10-17",\r\n  "Statement": []\r\n}\r\n',
    },
    {
      name: 'every policy type',
      code: '{"Version":[|"2024-01-01"|],"Statement":[]}',
      policyType: 'rcp',
      errors: ['invalid'],
      output: '{"Version":"2012-10-17","Statement":[]}',
    },
  ],
});
