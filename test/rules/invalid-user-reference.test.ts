import rule from '../../server/src/rules/invalid-user-reference';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    { name: 'the user ARN', code: '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/NAME"},"Action":"sts:AssumeRole"}]}', policyType: 'trust' },
    { name: 'an account ID', code: '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:GetObject","Resource":"*"}]}', policyType: 'resource' },
    { name: 'a value under another key', code: '{"Statement":[{"Effect":"Allow","Principal":{"CanonicalUser":"AIDAJQABLZS4A3QDU576Q"},"Action":"s3:GetObject","Resource":"*"}]}', policyType: 'resource' },
  ],
  invalid: [
    {
      name: 'trust policy after the user was deleted',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":[|"AIDAJQABLZS4A3QDU576Q"|]},"Action":"sts:AssumeRole"}]}',
      policyType: 'trust',
      errors: ['uniqueId'],
    },
    {
      name: 'bucket policy, among other principals, multi-line',
      code: '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "AWS": ["arn:aws:iam::111122223333:root", [|"AIDAJQABLZS4A3QDU576Q"|]] },\n      "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*"\n    }\n  ]\n}',
      policyType: 'resource',
      errors: ['uniqueId'],
    },
  ],
});
