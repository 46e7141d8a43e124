import rule from '../../server/src/rules/create-slr-with-star-in-action-and-resource';
import { runRuleTests } from '../support/ruleTester';

const policy = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;

runRuleTests(rule, {
  valid: [
    { name: 'named action is create-slr-with-star-in-resource', code: policy('{"Effect":"Allow","Action":["*","iam:CreateServiceLinkedRole"],"Resource":"*"}') },
    {
      name: 'iam:AWSServiceName narrows',
      code: policy('{"Effect":"Allow","Action":"iam:*","Resource":"*","Condition":{"StringLike":{"iam:AWSServiceName":"*.elasticmapreduce.amazonaws.com"}}}'),
    },
    { name: 'denied outright', code: policy('{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"iam:CreateServiceLinkedRole","Resource":"*"}') },
  ],
  invalid: [
    {
      code: policy('{"Effect":"Allow","Action":[|"*"|],"Resource":"*"}'),
      errors: [
        {
          messageId: 'starInActionAndResource',
          message:
            '"*" includes iam:CreateServiceLinkedRole, and on "*" it lets this principal create the service-linked role of any service; list the actions it needs, and allow iam:CreateServiceLinkedRole for named services only.',
        },
      ],
    },
    { code: policy('{"Effect":"Allow","Action":[|"iam:*"|],"Resource":"arn:aws:iam::111122223333:role/*"}'), errors: ['starInActionAndResource'] },
  ],
});
