import rule from '../../server/src/rules/missing-version';
import { runRuleTests } from '../support/ruleTester';

/** An RCP of `size` characters (none of them white space) without a Version; the RCP quota is 5,120. */
function rcpOfSize(size: number): string {
  const shape = (pad: string) => `{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"${pad}"}}}]}`;
  return shape('x'.repeat(size - shape('').length));
}
const withVersion = (text: string) => text.replace('{', '{"Version": "2012-10-17", ');
const marked = (text: string) => text.replace('{', '[|{|]');

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
    {
      // K16: the fix adds 23 counted characters; 5,097 + 23 is the quota exactly.
      name: 'a safe fix while the policy stays within its size quota',
      code: marked(rcpOfSize(5_097)),
      policyType: 'rcp',
      errors: ['missing'],
      output: withVersion(rcpOfSize(5_097)),
    },
    {
      // K16: one character more and the fixed policy would exceed the quota: fix-all must not take it.
      name: 'a suggestion when the Version would take the policy over its size quota',
      code: marked(rcpOfSize(5_098)),
      policyType: 'rcp',
      errors: [
        {
          messageId: 'missingOverQuota',
          message:
            'This policy has no "Version". Add "Version": "2012-10-17" so AWS applies the current policy language; the policy then has more than the 5,120 characters allowed for a resource control policy, so make room first.',
        },
      ],
      suggestions: [{ output: withVersion(rcpOfSize(5_098)) }],
    },
    {
      name: 'a suggestion for a policy already over its quota',
      code: marked(rcpOfSize(5_200)),
      policyType: 'rcp',
      errors: ['missingOverQuota'],
      suggestions: [{ output: withVersion(rcpOfSize(5_200)) }],
    },
    { name: 'a policy type without a quota: a safe fix at any size', code: marked(rcpOfSize(30_000)), policyType: 'resource', errors: ['missing'], output: withVersion(rcpOfSize(30_000)) },
    { name: 'every policy type', code: '[|{|]"Statement":[]}', policyType: 'scp', errors: ['missing'], output: '{"Version": "2012-10-17", "Statement":[]}' },
  ],
});
