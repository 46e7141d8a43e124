import rule from '../../server/src/rules/invalid-policy-element';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    '{"Version":"2012-10-17","Id":"x","Statement":[{"Sid":"A","Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{}}]}',
    '{"Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"*"},"NotAction":"s3:*","NotResource":"*"}]}',
  ],
  invalid: [
    {
      name: 'misspelled elements: renames to review (a guess among readings)',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow",[|"Actions"|]:"s3:GetObject",[|"Condtion"|]:{}}]}',
      errors: ['unknownWithSuggestion', 'unknownWithSuggestion'],
      suggestions: [
        { title: 'Rename to "Action"', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Condtion":{}}]}' },
        { title: 'Rename to "Condition"', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Actions":"s3:GetObject","Condition":{}}]}' },
      ],
    },
    {
      name: 'a wrong-case element is renamed by the fix (one reading)',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow",[|"action"|]:"s3:GetObject","Resource":"*"}]}',
      errors: ['unknownWithSuggestion'],
      output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    },
    {
      name: 'top level, case matters',
      code: '{"Version":"2012-10-17",[|"statement"|]:[]}',
      errors: ['unknownWithSuggestion'],
      output: '{"Version":"2012-10-17","Statement":[]}',
    },
    {
      name: 'no rename onto an element that is already there',
      code: '{"Statement":[{"Effect":"Allow","Action":"*",[|"Actions"|]:"s3:*"}]}',
      errors: ['unknownWithSuggestion'],
    },
    {
      name: 'nothing close enough',
      code: '{"Statement":[{"Effect":"Allow","Action":"*",[|"Owner"|]:"me"}]}',
      errors: ['unknown'],
    },
  ],
});
