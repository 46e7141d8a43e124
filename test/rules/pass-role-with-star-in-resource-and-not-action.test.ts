import rule from '../../server/src/rules/pass-role-with-star-in-resource-and-not-action';
import { runRuleTests } from '../support/ruleTester';

const policy = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;

runRuleTests(rule, {
  valid: [
    { name: 'NotAction excludes iam:PassRole', code: policy('{"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}') },
    { name: 'NotAction excludes it through iam:Pass*', code: policy('{"Effect":"Allow","NotAction":"iam:Pass*","Resource":"*"}') },
    { name: 'Deny with NotAction', code: policy('{"Effect":"Deny","NotAction":"s3:*","Resource":"*"}') },
    { name: 'permissions boundary', code: policy('{"Effect":"Allow","NotAction":"s3:*","Resource":"*"}'), policyType: 'permissions-boundary' },
  ],
  invalid: [
    {
      code: policy('{"Effect":"Allow",[|"NotAction"|]:["organizations:*","account:*"],"Resource":"*"}'),
      errors: [
        {
          messageId: 'starInResourceAndNotAction',
          message:
            'NotAction does not exclude iam:PassRole, so on "*" this statement lets the principal hand any role in the account to any service; list the allowed actions in Action, and allow iam:PassRole on named roles only.',
        },
      ],
    },
  ],
});
