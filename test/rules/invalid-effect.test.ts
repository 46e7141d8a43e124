import rule from '../../server/src/rules/invalid-effect';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    '{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*"}}',
    { name: 'missing Effect is another rule', code: '{"Statement":[{"Action":"s3:GetObject","Resource":"*"}]}' },
  ],
  invalid: [
    {
      code: '{"Version":"2012-10-17","Statement":[{"Effect":[|"allow"|],"Action":"s3:GetObject"}]}',
      errors: ['wrongCase'],
      output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}',
    },
    {
      code: '{"Statement":[{"Effect":[|"DENY "|],"Action":"*"},{"Effect":[|"Permit"|],"Action":"*"}]}',
      errors: ['wrongCase', 'unknown'],
      output: '{"Statement":[{"Effect":"Deny","Action":"*"},{"Effect":"Permit","Action":"*"}]}',
    },
    {
      code: '{"Statement":[{"Effect":[|true|],"Action":"*"}]}',
      errors: ['notString'],
    },
  ],
});
