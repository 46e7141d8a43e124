import rule from '../../server/src/rules/create-slr-with-not-action-and-not-resource';
import { runRuleTests } from '../support/ruleTester';

const policy = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;

runRuleTests(rule, {
  valid: [
    { name: 'NotAction excludes it', code: policy('{"Effect":"Allow","NotAction":"iam:CreateServiceLinkedRole","NotResource":"arn:aws:s3:::secret/*"}') },
    { name: 'identity policies only', code: policy('{"Effect":"Allow","NotAction":"s3:*","NotResource":"arn:aws:s3:::secret/*"}'), policyType: 'session' },
  ],
  invalid: [
    { code: policy('{"Effect":"Allow",[|"NotAction"|]:"s3:*","NotResource":"arn:aws:s3:::secret/*"}'), errors: ['notActionAndNotResource'] },
  ],
});
