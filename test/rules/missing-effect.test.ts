import rule from '../../server/src/rules/missing-effect';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    '{"Version":"2012-10-17","Statement":{"Effect":"Deny","NotAction":"iam:*","Resource":"*"}}',
    { name: 'a wrong Effect is invalid-effect', code: '{"Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]}' },
    { name: 'a non-string Effect is invalid-effect', code: '{"Statement":[{"Effect":true,"Action":"*","Resource":"*"}]}' },
    { name: 'items that are not objects are data-type-mismatch', code: '{"Statement":["Allow"]}' },
    { name: 'no statements at all', code: '{"Statement":[]}' },
    { name: 'not judged while the JSON is broken', code: '{"Statement":[{"Action":"*"' },
  ],
  invalid: [
    {
      code: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},[|{|]"Action":"s3:*","Resource":"*"}]}',
      errors: ['missing'],
    },
    { name: 'single statement object', code: '{"Statement":[|{|]"Action":"*","Resource":"*"}}', errors: ['missing'] },
    { name: 'element names are case-sensitive', code: '{"Statement":[[|{|]"effect":"Allow","Action":"*","Resource":"*"}]}', errors: ['missing'] },
    {
      name: 'multi-line, two statements',
      code: '{\n  "Statement": [\n    [|{|]\n      "Action": "s3:*"\n    },\n    [|{|]}\n  ]\n}',
      errors: ['missing', 'missing'],
    },
    { name: 'every policy type', code: '{"Statement":[[|{|]"Principal":"*","Action":"*"}]}', policyType: 'resource', errors: ['missing'] },
  ],
});
