import rule from '../../server/src/rules/rcp-syntax-error-allow';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    {
      name: 'RCPFullAWSAccess',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}',
      policyType: 'rcp',
    },
    {
      name: 'Deny statements take resources and conditions',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::amzn-s3-demo-bucket/*","Condition":{"BoolIfExists":{"aws:SecureTransport":"false"}}}]}',
      policyType: 'rcp',
    },
    { name: 'SCPs may Allow with conditions (2025 grammar)', code: '{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}}]}', policyType: 'scp' },
  ],
  invalid: [
    {
      name: 'an Allow for one bucket, with a condition, multi-line',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": "*",\n      "Action": "s3:*",\n      "Resource": [[|"arn:aws:s3:::amzn-s3-demo-bucket/*"|], "*"],\n      [|"Condition"|]: { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }\n    }\n  ]\n}',
      policyType: 'rcp',
      errors: ['resource', 'condition'],
    },
    {
      name: 'NotResource',
      code: '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*",[|"NotResource"|]:"arn:aws:s3:::amzn-s3-demo-bucket/*"}]}',
      policyType: 'rcp',
      errors: ['notResource'],
    },
  ],
});
