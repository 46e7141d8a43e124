import rule from '../../server/src/rules/invalid-principal-value';
import { runRuleTests } from '../support/ruleTester';

const bucket = (principal: string) =>
  `{"Statement":[{"Effect":"Allow","Principal":${principal},"Action":"s3:GetObject","Resource":"arn:aws:s3:::amzn-s3-demo-bucket/*"}]}`;
const trust = (principal: string) => `{"Statement":[{"Effect":"Allow","Principal":${principal},"Action":"sts:AssumeRole"}]}`;

runRuleTests(rule, {
  valid: [
    {
      name: 'every form AWS documents',
      code: bucket(
        '{"AWS":["111122223333","arn:aws:iam::111122223333:root","arn:aws:iam::111122223333:user/alice","arn:aws:iam::111122223333:role/division_abc/subdivision_xyz/app","arn:aws:sts::111122223333:assumed-role/app/session-1","arn:aws:sts::111122223333:federated-user/bob","arn:aws-cn:iam::111122223333:root","arn:aws-us-gov:iam::111122223333:role/app"]}',
      ),
      policyType: 'resource',
    },
    { name: 'legacy CloudFront origin access identity', code: bucket('{"AWS":"arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHAPOMQZL"}'), policyType: 'resource' },
    { name: 'canonical user', code: bucket('{"CanonicalUser":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}'), policyType: 'resource' },
    { name: 'trust: cross-account root', code: trust('{"AWS":"arn:aws:iam::111122223333:root"}'), policyType: 'trust' },
    { name: 'wildcards and unique IDs are other rules\'', code: bucket('{"AWS":["*","arn:aws:iam::111122223333:user/*","AROA1234567890EXAMPLE"]}'), policyType: 'resource' },
    { name: 'service and federated values are other rules\'', code: trust('{"Service":"EC2","Federated":"okta"}'), policyType: 'trust' },
  ],
  invalid: [
    {
      name: 'hyphenated account ID',
      code: bucket('{"AWS":[|"1111-2222-3333"|]}'),
      policyType: 'resource',
      errors: [{ messageId: 'hyphenatedAccount', message: 'Write the account ID without hyphens: "111122223333".' }],
      output: bucket('{"AWS":"111122223333"}'),
    },
    {
      name: 'a Region in a role ARN',
      code: trust('{"AWS":[|"arn:aws:iam:us-east-1:111122223333:role/app"|]}'),
      policyType: 'trust',
      errors: ['region'],
      output: trust('{"AWS":"arn:aws:iam::111122223333:role/app"}'),
    },
    {
      name: 'a bucket ARN, an 11-digit account, a group',
      code: bucket('{"AWS":[[|"arn:aws:s3:::amzn-s3-demo-bucket"|],[|"arn:aws:iam::11112222333:root"|],[|"arn:aws:iam::111122223333:group/admins"|]]}'),
      policyType: 'resource',
      errors: [
        {
          messageId: 'notIamArn',
          message:
            '"arn:aws:s3:::amzn-s3-demo-bucket" is a resource of the service "s3", not a principal. Under "AWS" name an account ID, or an IAM or STS ARN of the account root, a user, a role, a role session or a federated user.',
        },
        { messageId: 'account', message: '"11112222333" in "arn:aws:iam::11112222333:root" is not a 12-digit account ID.' },
        'group',
      ],
    },
    {
      name: 'trust: role ARN under sts, a session without its name, a user name alone',
      code: trust('{"AWS":[[|"arn:aws:sts::111122223333:role/app"|],[|"arn:aws:sts::111122223333:assumed-role/app"|],[|"alice"|]]}'),
      policyType: 'trust',
      errors: ['resource', 'resource', 'notAccountOrArn'],
    },
    {
      name: 'an unknown partition and a short canonical ID',
      code: bucket('{"AWS":[|"arn:amazon:iam::111122223333:root"|],"CanonicalUser":[|"79a59df900b949e5"|]}'),
      policyType: 'resource',
      errors: ['partition', 'canonicalUser'],
    },
  ],
});
