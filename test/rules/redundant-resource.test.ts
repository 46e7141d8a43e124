import rule from '../../server/src/rules/redundant-resource';
import { runRuleTests } from '../support/ruleTester';

const policy = (resource: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":${resource}}]}`;

runRuleTests(rule, {
  valid: [
    policy('["arn:aws:iam::111122223333:role/a","arn:aws:iam::111122223333:role/b"]'),
    { name: 'resource names are case-sensitive', code: policy('["arn:aws:s3:::Bucket/*","arn:aws:s3:::bucket/*"]') },
    { name: 'a variable is not covered by a literal', code: policy('["arn:aws:s3:::b/${aws:username}","arn:aws:s3:::b/alice"]') },
    { name: 'a ? does not cover a *', code: policy('["arn:aws:s3:::b/?","arn:aws:s3:::b/*x"]') },
  ],
  invalid: [
    {
      name: 'AWS\'s example',
      code: policy('[[|"arn:aws:iam::111122223333:role/jane-admin"|], [|"arn:aws:iam::111122223333:role/jane-s3only"|], "arn:aws:iam::111122223333:role/jane*"]'),
      errors: [
        { messageId: 'covered', message: 'arn:aws:iam::111122223333:role/jane-admin is already covered by arn:aws:iam::111122223333:role/jane* in this list.' },
        'covered',
      ],
      output: policy('["arn:aws:iam::111122223333:role/jane*"]'),
    },
    {
      name: 'a variable under a *, a repetition, "*" covers all',
      code: policy('["*", [|"arn:aws:s3:::b/${aws:username}/*"|], [|"*"|]]'),
      errors: ['covered', 'repeated'],
      output: policy('["*"]'),
    },
  ],
});
