import rule from '../../server/src/rules/pass-role-with-star-in-action-and-resource';
import { runRuleTests } from '../support/ruleTester';

const policy = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;

runRuleTests(rule, {
  valid: [
    { name: 'named iam:PassRole is pass-role-with-star-in-resource', code: policy('{"Effect":"Allow","Action":["iam:*","iam:PassRole"],"Resource":"*"}') },
    { name: 'roles named', code: policy('{"Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::111122223333:role/app/*"}') },
    {
      name: 'iam:PassedToService narrows',
      code: policy('{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"ecs-tasks.amazonaws.com"}}}'),
    },
    { name: 'a whole-service wildcard of another service', code: policy('{"Effect":"Allow","Action":"s3:*","Resource":"*"}') },
    { name: 'denied outright', code: policy('{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"iam:Pass*","Resource":"*"}') },
    { name: 'SCP', code: policy('{"Effect":"Allow","Action":"*","Resource":"*"}'), policyType: 'scp' },
  ],
  invalid: [
    {
      name: 'AdministratorAccess',
      code: policy('{"Effect":"Allow","Action":[|"*"|],"Resource":"*"}'),
      errors: [
        {
          messageId: 'starInActionAndResource',
          message:
            '"*" includes iam:PassRole, and on "*" it lets this principal hand any role in the account to any service; list the actions it needs, and allow iam:PassRole on named roles or with an iam:PassedToService condition.',
        },
      ],
    },
    {
      name: 'IAMFullAccess',
      code: policy('{"Effect":"Allow","Action":[|"iam:*"|],"Resource":"arn:aws:iam::*:role/*"}'),
      errors: ['starInActionAndResource'],
    },
  ],
});
