import rule from '../../server/src/rules/pass-role-with-not-resource';
import { runRuleTests } from '../support/ruleTester';

const policy = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;

runRuleTests(rule, {
  valid: [
    policy('{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/app"}'),
    { name: 'NotResource that excludes every role', code: policy('{"Effect":"Allow","Action":["iam:PassRole","s3:GetObject"],"NotResource":"arn:aws:iam::*:role/*"}') },
    {
      name: 'iam:PassedToService narrows',
      code: policy('{"Effect":"Allow","Action":"iam:PassRole","NotResource":"arn:aws:iam::*:role/admin","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}}'),
    },
    { name: 'Deny', code: policy('{"Effect":"Deny","Action":"iam:PassRole","NotResource":"arn:aws:iam::*:role/app"}') },
  ],
  invalid: [
    {
      code: policy('{"Effect":"Allow","Action":"iam:PassRole",[|"NotResource"|]:"arn:aws:iam::111122223333:role/admin"}'),
      errors: ['notResource'],
    },
  ],
});
