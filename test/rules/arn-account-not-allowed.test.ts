import rule from '../../server/src/rules/arn-account-not-allowed';
import { runRuleTests } from '../support/ruleTester';

const policy = (resource: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":${resource}}]}`;

runRuleTests(rule, {
  valid: [
    policy('["arn:aws:s3:::bucket","arn:aws:s3:::bucket/*","arn:aws:s3:*:*:bucket/*"]'),
    { name: 'S3 access points have an account', code: policy('"arn:aws:s3:us-east-1:111122223333:accesspoint/ap"') },
    { name: 'IAM has an account', code: policy('"arn:aws:iam::111122223333:role/x"') },
    { name: 'an unknown service is not judged', code: policy('"arn:aws:nosuchservice::111122223333:x"') },
  ],
  invalid: [
    {
      code: policy('[|"arn:aws:s3::111122223333:bucket/*"|]'),
      errors: [
        {
          messageId: 'notAllowed',
          message:
            'arn:aws:s3::111122223333:bucket/* names account "111122223333", but s3 ARNs of this kind have no account field (arn:<Partition>:s3:::<BucketName>/<ObjectName>), so it matches no resource.',
        },
      ],
      suggestions: [{ output: policy('"arn:aws:s3:::bucket/*"') }],
    },
    {
      name: 'a bucket with a variable account, in a list',
      code: policy('["arn:aws:s3:::a", [|"arn:aws:s3::${aws:PrincipalAccount}:b"|]]'),
      errors: ['notAllowed'],
      suggestions: [{ output: policy('["arn:aws:s3:::a", "arn:aws:s3:::b"]') }],
    },
  ],
});
