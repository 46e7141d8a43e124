import rule from '../../server/src/rules/create-slr-with-not-resource';
import { runRuleTests } from '../support/ruleTester';

const policy = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;

runRuleTests(rule, {
  valid: [
    policy('{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"arn:aws:iam::*:role/aws-service-role/ecs.amazonaws.com/*"}'),
    {
      name: 'NotResource that excludes every service-linked role',
      code: policy('{"Effect":"Allow","Action":["iam:CreateServiceLinkedRole","s3:GetObject"],"NotResource":"arn:aws:iam::*:role/aws-service-role/*"}'),
    },
  ],
  invalid: [
    {
      code: policy('{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole",[|"NotResource"|]:"arn:aws:iam::*:role/aws-service-role/ecs.amazonaws.com/*"}'),
      errors: ['notResource'],
    },
  ],
});
