import rule from '../../server/src/rules/missing-principal';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    {
      code: '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"*"}]}',
      policyType: 'resource',
    },
    {
      name: 'NotPrincipal names principals too',
      code: '{"Statement":[{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:*","Resource":"*"}]}',
      policyType: 'resource',
    },
    {
      code: '{"Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
      policyType: 'trust',
    },
    { code: '{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}', policyType: 'rcp' },
    { name: 'identity policies have no Principal', code: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}' },
    { name: 'nor do SCPs', code: '{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}', policyType: 'scp' },
    { name: 'not judged while the JSON is broken', code: '{"Statement":[{"Effect":"Allow"', policyType: 'resource' },
  ],
  invalid: [
    {
      code: '{"Statement":[[|{|]"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}',
      policyType: 'resource',
      errors: ['missing'],
    },
    {
      name: 'element names are case-sensitive',
      code: '{"Statement":[|{|]"Effect":"Allow","principal":"*","Action":"s3:GetObject","Resource":"*"}}',
      policyType: 'resource',
      errors: ['missing'],
    },
    {
      name: 'trust policy, multi-line',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    [|{|]\n      "Effect": "Allow",\n      "Action": "sts:AssumeRole"\n    }\n  ]\n}',
      policyType: 'trust',
      errors: ['missingInTrust'],
    },
    { name: 'RCP', code: '{"Statement":[[|{|]"Effect":"Deny","Action":"s3:*","Resource":"*"}]}', policyType: 'rcp', errors: ['missingInRcp'] },
  ],
});
