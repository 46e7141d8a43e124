import rule from '../../server/src/rules/not-a-policy';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    '{"Version":"2012-10-17","Statement":[]}',
    { name: 'a Statement is enough', code: '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}' },
    { name: 'a Version is enough', code: '{"Version":"2024-01-01"}' },
    { name: 'an Id is enough', code: '{"Id":"x","Owner":"me"}' },
    { name: 'an empty object is a policy being written', code: '{}' },
    { name: 'not an object: the type rules speak', code: '[1, 2, 3]' },
    { name: 'empty file', code: '' },
  ],
  invalid: [
    { name: 'package.json content', code: '[|{|]"name":"my-app","version":"1.0.0","scripts":{"test":"node --test"}}', errors: ['notAPolicy'] },
    { name: 'tsconfig content', code: '  [|{|]\n    "compilerOptions": {"strict": true}\n  }', errors: ['notAPolicy'] },
  ],
});
