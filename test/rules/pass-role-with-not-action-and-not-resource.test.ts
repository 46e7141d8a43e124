import rule from '../../server/src/rules/pass-role-with-not-action-and-not-resource';
import { runRuleTests } from '../support/ruleTester';

const policy = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;

runRuleTests(rule, {
  valid: [
    { name: 'NotAction excludes iam:PassRole', code: policy('{"Effect":"Allow","NotAction":"iam:*","NotResource":"arn:aws:s3:::secret/*"}') },
    { name: 'NotAction with Resource is another variant', code: policy('{"Effect":"Allow","NotAction":"s3:*","Resource":"*"}') },
  ],
  invalid: [
    {
      code: policy('{"Effect":"Allow",[|"NotAction"|]:"s3:*","NotResource":"arn:aws:s3:::secret/*"}'),
      errors: ['notActionAndNotResource'],
    },
  ],
});
