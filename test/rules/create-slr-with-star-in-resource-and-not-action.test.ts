import rule from '../../server/src/rules/create-slr-with-star-in-resource-and-not-action';
import { runRuleTests } from '../support/ruleTester';

const policy = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;

runRuleTests(rule, {
  valid: [
    { name: 'NotAction excludes it', code: policy('{"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}') },
    { name: 'SCP', code: policy('{"Effect":"Allow","NotAction":"s3:*","Resource":"*"}'), policyType: 'scp' },
  ],
  invalid: [
    {
      code: policy('{"Effect":"Allow",[|"NotAction"|]:"iam:PassRole","Resource":"*"}'),
      errors: [
        {
          messageId: 'starInResourceAndNotAction',
          message:
            'NotAction does not exclude iam:CreateServiceLinkedRole, so on "*" this statement lets the principal create the service-linked role of any service; list the allowed actions in Action instead.',
        },
      ],
    },
  ],
});
