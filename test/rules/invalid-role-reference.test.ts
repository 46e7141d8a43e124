import rule from '../../server/src/rules/invalid-role-reference';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    { name: 'the role ARN', code: '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/NAME"},"Action":"sts:AssumeRole"}]}', policyType: 'trust' },
    { name: 'an account ID', code: '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:GetObject","Resource":"*"}]}', policyType: 'resource' },
    { name: 'a value under another key', code: '{"Statement":[{"Effect":"Allow","Principal":{"CanonicalUser":"AROA1234567890EXAMPLE"},"Action":"s3:GetObject","Resource":"*"}]}', policyType: 'resource' },
  ],
  invalid: [
    {
      name: 'trust policy after the role was deleted',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":[|"AROA1234567890EXAMPLE"|]},"Action":"sts:AssumeRole"}]}',
      policyType: 'trust',
      errors: ['uniqueId'],
    },
    {
      name: 'bucket policy, among other principals, multi-line',
      code: '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "AWS": ["arn:aws:iam::111122223333:root", [|"AROA1234567890EXAMPLE"|]] },\n      "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*"\n    }\n  ]\n}',
      policyType: 'resource',
      errors: ['uniqueId'],
    },
  ],
});
