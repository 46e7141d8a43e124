import rule from '../../server/src/rules/missing-statement';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    '{"Version":"2012-10-17","Statement":[]}',
    '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}',
    { name: 'a Statement of the wrong type is data-type-mismatch', code: '{"Statement":42}' },
    { name: 'a root that is not an object is data-type-mismatch', code: '[]' },
    { name: 'silent for every policy type when present', code: '{"Statement":[]}', policyType: 'scp' },
    { name: 'not judged while the JSON is broken', code: '{"Version":"2012-10-17",' },
  ],
  invalid: [
    { code: '[|{|]"Version":"2012-10-17"}', errors: ['missing'] },
    { name: 'empty object', code: '[|{|]}', errors: ['missing'] },
    { name: 'element names are case-sensitive', code: '[|{|]"Version":"2012-10-17","statement":[]}', errors: ['missing'] },
    { name: 'multi-line', code: '[|{|]\n  "Version": "2012-10-17",\n  "Id": "x"\n}\n', errors: ['missing'] },
    { name: 'every policy type', code: '[|{|]"Version":"2012-10-17"}', policyType: 'trust', errors: ['missing'] },
  ],
});
