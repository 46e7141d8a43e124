import rule from '../../server/src/rules/federated-principal-not-supported';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    { name: 'trust policies are where providers belong', code: '{"Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:saml-provider/Okta"},"Action":"sts:AssumeRoleWithSAML"}]}', policyType: 'trust' },
    { name: 'a bucket policy granting a role', code: '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/okta-users"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::amzn-s3-demo-bucket/*"}]}', policyType: 'resource' },
  ],
  invalid: [
    {
      name: 'a SAML provider in a bucket policy',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{[|"Federated"|]:"arn:aws:iam::111122223333:saml-provider/Okta"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::amzn-s3-demo-bucket/*"}]}',
      policyType: 'resource',
      errors: ['federated'],
    },
    {
      name: 'Cognito in a queue policy NotPrincipal, multi-line',
      code: '{\n  "Statement": [\n    {\n      "Effect": "Deny",\n      "NotPrincipal": { [|"Federated"|]: "cognito-identity.amazonaws.com" },\n      "Action": "sqs:*",\n      "Resource": "*"\n    }\n  ]\n}',
      policyType: 'resource',
      errors: ['federated'],
    },
  ],
});
