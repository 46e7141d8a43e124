import rule from '../../server/src/rules/missing-action';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    '{"Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}',
    { name: 'not judged while the JSON is broken', code: '{"Statement":[{"Effect":"Allow",' },
  ],
  invalid: [
    {
      code: '{"Statement":[[|{|]"Effect":"Allow","Actions":"s3:GetObject"}]}',
      errors: ['missing'],
    },
    {
      code: '{"Statement":[|{|]"Effect":"Deny","Resource":"*"}}',
      errors: ['missing'],
    },
  ],
});
