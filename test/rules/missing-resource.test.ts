import rule from '../../server/src/rules/missing-resource';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}',
    '{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:*","NotResource":"arn:aws:s3:::b/*"}}',
    { name: 'an empty Resource list is empty-array-resource', code: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":[]}]}' },
    {
      name: 'role trust policies have no Resource',
      code: '{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
      policyType: 'trust',
    },
    { name: 'SCPs may omit Resource', code: '{"Statement":{"Effect":"Allow","Action":"s3:*"}}', policyType: 'scp' },
    {
      name: 'ECR repository policies govern their own repository and name none',
      code: '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":["ecr:BatchGetImage","ECR:GetDownloadUrlForLayer"]},{"Effect":"Deny","Principal":"*","Action":"ecr-public:*"}]}',
      policyType: 'resource',
    },
    { name: 'not judged while the JSON is broken', code: '{"Statement":[{"Effect":"Allow","Action":"*"}' },
  ],
  invalid: [
    { code: '{"Statement":[[|{|]"Effect":"Allow","Action":"s3:GetObject"}]}', errors: ['missing'] },
    {
      name: 'element names are case-sensitive',
      code: '{"Statement":[|{|]"Effect":"Allow","Action":"*","Resources":"*"}}',
      errors: ['missing'],
    },
    {
      name: 'resource-based policy, multi-line',
      code: '{\n  "Statement": [\n    {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"},\n    [|{|]"Effect": "Deny", "Principal": "*", "Action": "s3:*"}\n  ]\n}',
      policyType: 'resource',
      errors: ['missing'],
    },
    {
      name: 'ECR actions without Resource in an identity policy',
      code: '{"Statement":[[|{|]"Effect":"Allow","Action":"ecr:BatchGetImage"}]}',
      errors: ['missing'],
    },
    {
      name: 'a resource policy statement with an action of another service (or *) beside ECR ones',
      code: '{"Statement":[[|{|]"Effect":"Allow","Principal":"*","Action":["ecr:BatchGetImage","s3:GetObject"]},[|{|]"Effect":"Allow","Principal":"*","Action":"*"},[|{|]"Effect":"Allow","Principal":"*","NotAction":"ecr:*"}]}',
      policyType: 'resource',
      errors: ['missing', 'missing', 'missing'],
    },
    { name: 'RCP', code: '{"Statement":[[|{|]"Effect":"Deny","Principal":"*","Action":"s3:*"}]}', policyType: 'rcp', errors: ['missing'] },
    {
      name: 'permissions boundary',
      code: '{"Statement":[[|{|]"Effect":"Allow","Action":"*"}]}',
      policyType: 'permissions-boundary',
      errors: ['missing'],
    },
    { name: 'session policy', code: '{"Statement":[[|{|]"Effect":"Allow","Action":"*"}]}', policyType: 'session', errors: ['missing'] },
  ],
});
