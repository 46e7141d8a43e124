import rule from '../../server/src/rules/json-syntax-error';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: ['{"Version":"2012-10-17","Statement":[]}', '{}', '  {\n  "Statement": []\n}\n', { name: 'an empty new file', code: '\n  \n' }],
  invalid: [
    { name: 'trailing comma', code: '{"Statement":[[|,|]]}', errors: ['syntax'] },
    { name: 'comment', code: '{[|// note|]\n"Statement":[]}', errors: ['syntax'] },
    { name: 'only the first error', code: '{"Statement": [|]|] ]]]}', errors: ['syntax'] },
    { name: 'missing colon', code: '{"Version" [|"2012-10-17"|]}', errors: ['syntax'] },
  ],
});
