import rule from '../../server/src/rules/invalid-federated-principal-syntax-in-role-trust-policy';
import { runRuleTests } from '../support/ruleTester';

const trust = (federated: string, action = 'sts:AssumeRoleWithWebIdentity') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":${federated}},"Action":"${action}"}]}`;

runRuleTests(rule, {
  valid: [
    { name: 'SAML provider', code: trust('"arn:aws:iam::111122223333:saml-provider/ExampleOrgSSOProvider"', 'sts:AssumeRoleWithSAML'), policyType: 'trust' },
    { name: 'GitHub OIDC provider', code: trust('"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"'), policyType: 'trust' },
    { name: 'EKS OIDC provider (with a path)', code: trust('"arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"'), policyType: 'trust' },
    { name: 'built-in providers', code: trust('["cognito-identity.amazonaws.com","accounts.google.com","graph.facebook.com","www.amazon.com"]'), policyType: 'trust' },
    { name: 'China partition', code: trust('"arn:aws-cn:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"'), policyType: 'trust' },
    { name: 'only trust policies (resource policies: federated-principal-not-supported)', code: '{"Statement":[{"Effect":"Allow","Principal":{"Federated":"okta"},"Action":"s3:GetObject","Resource":"*"}]}', policyType: 'resource' },
  ],
  invalid: [
    {
      name: 'the provider URL instead of its ARN',
      code: trust('[|"https://token.actions.githubusercontent.com"|]'),
      policyType: 'trust',
      errors: [
        {
          messageId: 'notDomain',
          message:
            '"https://token.actions.githubusercontent.com" is neither an identity provider ARN nor a domain name. Use the ARN of the SAML or OIDC provider registered in IAM, or a built-in provider such as cognito-identity.amazonaws.com.',
        },
      ],
    },
    {
      name: 'a role ARN, a provider under sts, a short account',
      code: trust('[[|"arn:aws:iam::111122223333:role/okta"|],[|"arn:aws:sts::111122223333:saml-provider/Okta"|],[|"arn:aws:iam::1111222233:saml-provider/Okta"|]]', 'sts:AssumeRoleWithSAML'),
      policyType: 'trust',
      errors: ['arnResource', 'arnService', 'arnAccount'],
    },
    {
      name: 'a Region and a bare name, multi-line',
      code: '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": {\n        "Federated": [\n          [|"arn:aws:iam:us-east-1:111122223333:oidc-provider/accounts.example.com"|],\n          [|"okta"|]\n        ]\n      },\n      "Action": "sts:AssumeRoleWithWebIdentity"\n    }\n  ]\n}',
      policyType: 'trust',
      errors: ['arnRegion', 'notDomain'],
    },
  ],
});
