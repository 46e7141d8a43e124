import rule from '../../server/src/rules/arn-region-not-allowed';
import { runRuleTests } from '../support/ruleTester';

const policy = (resource: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":${resource}}]}`;

runRuleTests(rule, {
  valid: [
    policy('["arn:aws:iam::111122223333:role/x","arn:aws:s3:::bucket","arn:aws:iam:*:111122223333:user/*"]'),
    { name: 'Regional resources', code: policy('["arn:aws:sqs:us-east-1:111122223333:q","arn:aws:s3:us-east-1:111122223333:accesspoint/ap"]') },
  ],
  invalid: [
    {
      code: policy('[|"arn:aws:iam:us-east-1:111122223333:role/admin"|]'),
      errors: [
        {
          messageId: 'notAllowed',
          message:
            'arn:aws:iam:us-east-1:111122223333:role/admin names Region "us-east-1", but iam ARNs of this kind have no Region (arn:<Partition>:iam::<Account>:role/<RoleNameWithPath>, arn:<Partition>:iam::<Account>:role/<RoleName>), so it matches no resource.',
        },
      ],
      suggestions: [{ output: policy('"arn:aws:iam::111122223333:role/admin"') }],
    },
    {
      // A * that ends the account may stay in the account: budget/<BudgetName> itself is among the formats named.
      name: 'an account *',
      code: policy('[|"arn:aws:budgets:us-east-1:*:budget/x"|]'),
      errors: [
        {
          messageId: 'notAllowed',
          message:
            'arn:aws:budgets:us-east-1:*:budget/x names Region "us-east-1", but budgets ARNs of this kind have no Region (arn:<Partition>:budgets::<Account>:budget/<BudgetName>/action/<ActionId>, arn:<Partition>:budgets::<Account>:budget/<BudgetName>), so it matches no resource.',
        },
      ],
      suggestions: [{ output: policy('"arn:aws:budgets::*:budget/x"') }],
    },
    {
      name: 'S3 bucket, multi-line list',
      code: '{\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "s3:ListBucket",\n    "Resource": [\n      [|"arn:aws:s3:eu-west-1::bucket"|]\n    ]\n  }]\n}',
      errors: ['notAllowed'],
      suggestions: [{ output: '{\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "s3:ListBucket",\n    "Resource": [\n      "arn:aws:s3:::bucket"\n    ]\n  }]\n}' }],
    },
  ],
});
