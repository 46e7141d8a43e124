import rule from '../../server/src/rules/wildcard-in-service-name';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    '{"Statement":[{"Effect":"Allow","Action":["s3:Get*","*","*:List*"],"Resource":["arn:aws:s3:::b/*","arn:aws:*:*:111122223333:*"]}]}',
  ],
  invalid: [
    {
      code: '{"Statement":[{"Effect":"Allow","Action":[|"code*:Get*"|],"Resource":"*"}]}',
      errors: ['inAction'],
    },
    {
      name: 'in an ARN, as in AWS\'s example',
      code: '{"Statement":[{"Effect":"Allow","Action":"codecommit:GitPull","Resource":[|"arn:aws:*code*::111122223333:*"|]}]}',
      errors: [
        {
          messageId: 'inArn',
          message: 'The service field "*code*" of arn:aws:*code*::111122223333:* has a wildcard: it matches the ARNs of every service whose name fits, and of any added later. Name the service.',
        },
      ],
    },
    {
      name: 'NotAction, and the ? wildcard',
      code: '{"Statement":[{"Effect":"Deny","NotAction":[|"ec?:*"|],"Resource":"*"}]}',
      errors: ['inAction'],
    },
  ],
});
