import rule from '../../server/src/rules/unsupported-principal';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    {
      name: 'resource-based policies take both',
      code: '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"},{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:*","Resource":"*"}]}',
      policyType: 'resource',
    },
    {
      name: 'trust policies take Principal',
      code: '{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
      policyType: 'trust',
    },
    { name: 'RCPs take Principal', code: '{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}', policyType: 'rcp' },
    { name: 'a lower-case key is not the element (invalid-policy-element)', code: '{"Statement":[{"Effect":"Allow","principal":"*","Action":"*","Resource":"*"}]}' },
    { name: 'not judged while the JSON is broken', code: '{"Statement":[{"Principal":"*"' },
  ],
  invalid: [
    {
      code: '{"Statement":[{"Effect":"Allow",[|"Principal"|]:{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"*"}]}',
      errors: ['attached'],
    },
    {
      name: 'both elements in an identity policy',
      code: '{"Statement":[{"Effect":"Deny",[|"Principal"|]:"*",[|"NotPrincipal"|]:"*","Action":"*","Resource":"*"}]}',
      errors: ['attached', 'attached'],
    },
    {
      name: 'permissions boundary, multi-line',
      code: '{\n  "Statement": {\n    "Effect": "Deny",\n    [|"NotPrincipal"|]: {"AWS": "arn:aws:iam::111122223333:root"},\n    "Action": "*",\n    "Resource": "*"\n  }\n}',
      policyType: 'permissions-boundary',
      errors: ['attached'],
    },
    {
      name: 'session policy',
      code: '{"Statement":[{"Effect":"Allow",[|"Principal"|]:"*","Action":"s3:*","Resource":"*"}]}',
      policyType: 'session',
      errors: ['attached'],
    },
    {
      name: 'SCP',
      code: '{"Statement":[{"Effect":"Deny",[|"Principal"|]:"*","Action":"s3:*","Resource":"*"}]}',
      policyType: 'scp',
      errors: ['scp'],
    },
    {
      name: 'NotPrincipal in a trust policy',
      code: '{"Statement":[{"Effect":"Deny",[|"NotPrincipal"|]:{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]}',
      policyType: 'trust',
      errors: ['notPrincipal'],
    },
    {
      name: 'NotPrincipal in an RCP',
      code: '{"Statement":[{"Effect":"Deny",[|"NotPrincipal"|]:{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:*","Resource":"*"}]}',
      policyType: 'rcp',
      errors: ['notPrincipal'],
    },
  ],
});
