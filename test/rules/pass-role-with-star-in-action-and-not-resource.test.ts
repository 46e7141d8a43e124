import rule from '../../server/src/rules/pass-role-with-star-in-action-and-not-resource';
import { runRuleTests } from '../support/ruleTester';

const policy = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;

runRuleTests(rule, {
  valid: [
    { name: 'named iam:PassRole is pass-role-with-not-resource', code: policy('{"Effect":"Allow","Action":"iam:PassRole","NotResource":"arn:aws:iam::*:role/admin"}') },
    { name: 'a wildcard of another service', code: policy('{"Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::secret/*"}') },
  ],
  invalid: [
    {
      code: policy('{"Effect":"Allow","Action":[|"*"|],"NotResource":"arn:aws:s3:::secret/*"}'),
      errors: [
        {
          messageId: 'starInActionAndNotResource',
          message:
            '"*" includes iam:PassRole, and with NotResource it can pass every role not listed; list the actions it needs in Action and the resources in Resource, with iam:PassRole on named roles only.',
        },
      ],
    },
  ],
});
