import rule from '../../server/src/rules/role-trust-policy-unsupported-wildcard-in-principal';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    { name: 'cross-account trust', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]}', policyType: 'trust' },
    {
      name: '{"AWS": "*"} is accepted (public-trust-policy reports it)',
      code: '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}]}',
      policyType: 'trust',
    },
    { name: 'resource policies accept "*"', code: '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}', policyType: 'resource' },
    { name: 'another string is data-type-mismatch\'s', code: '{"Statement":[{"Effect":"Allow","Principal":"ec2.amazonaws.com","Action":"sts:AssumeRole"}]}', policyType: 'trust' },
  ],
  invalid: [
    {
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": [|"*"|],\n      "Action": "sts:AssumeRole",\n      "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }\n    }\n  ]\n}',
      policyType: 'trust',
      errors: ['wildcard'],
    },
    {
      name: 'in a Deny too: IAM rejects the element, whatever the effect',
      code: '{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"},{"Effect":"Deny","Principal":[|"*"|],"Action":"sts:AssumeRole"}]}',
      policyType: 'trust',
      errors: ['wildcard'],
    },
  ],
});
