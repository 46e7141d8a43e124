import rule from '../../server/src/rules/variable-unsupported-in-version';
import { runRuleTests } from '../support/ruleTester';

const res = (top: string) => `{${top}"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/\${aws:username}/*"}]}`;

runRuleTests(rule, {
  valid: [res('"Version":"2012-10-17",'), '{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/*"}]}'],
  invalid: [
    {
      code: '{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/[|${aws:username}|]/*"}]}',
      errors: ['noVersion'],
      suggestions: [{ output: res('"Version": "2012-10-17", ') }],
    },
    {
      code: '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/[|${aws:username}|]/*"}]}',
      errors: ['oldVersion'],
      suggestions: [{ output: res('"Version":"2012-10-17",') }],
    },
  ],
});
