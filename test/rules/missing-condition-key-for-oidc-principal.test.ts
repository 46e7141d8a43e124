import rule from '../../server/src/rules/missing-condition-key-for-oidc-principal';
import { runRuleTests } from '../support/ruleTester';

const eks = 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
const trust = (principal: string, condition = '') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":${principal}},"Action":"sts:AssumeRoleWithWebIdentity"${condition ? `,"Condition":${condition}` : ''}}]}`;

runRuleTests(rule, {
  valid: [
    {
      name: 'EKS IAM roles for service accounts',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE" },\n      "Action": "sts:AssumeRoleWithWebIdentity",\n      "Condition": {\n        "StringEquals": {\n          "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub": "system:serviceaccount:default:my-service-account",\n          "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:aud": "sts.amazonaws.com"\n        }\n      }\n    }\n  ]\n}',
      policyType: 'trust',
    },
    {
      name: 'Cognito identity pool, authenticated identities',
      code: trust('"cognito-identity.amazonaws.com"', '{"StringEquals":{"cognito-identity.amazonaws.com:aud":"us-east-2:12345678-abcd-abcd-abcd-123456790ab"},"ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"authenticated"}}'),
      policyType: 'trust',
    },
    { name: 'Google, by audience', code: trust('"accounts.google.com"', '{"StringEquals":{"accounts.google.com:aud":"66677788899900pro0"}}'), policyType: 'trust' },
    { name: 'GitHub is missing-github-repo-condition-key\'s', code: trust('"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"'), policyType: 'trust' },
    { name: 'SAML providers are not OIDC', code: '{"Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:saml-provider/ExampleOrgSSOProvider"},"Action":"sts:AssumeRoleWithSAML"}]}', policyType: 'trust' },
  ],
  invalid: [
    {
      name: 'EKS provider without conditions',
      code: trust(`[|"${eks}"|]`),
      policyType: 'trust',
      errors: [
        {
          messageId: 'missing',
          message:
            'No condition tests a claim of "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE", so every identity it issues tokens to can assume this role. Add a condition on oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:aud (your application or client ID) and, where the provider sets it, oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub.',
        },
      ],
    },
    {
      name: 'a condition on another provider\'s claims',
      code: trust('[|"cognito-identity.amazonaws.com"|]', '{"StringEquals":{"accounts.google.com:aud":"66677788899900pro0"}}'),
      policyType: 'trust',
      errors: ['missing'],
    },
    {
      name: 'a negated test and an unrelated key',
      code: trust('[|"accounts.google.com"|]', '{"StringNotEquals":{"accounts.google.com:aud":"other-app"},"Bool":{"aws:SecureTransport":"true"}}'),
      policyType: 'trust',
      errors: ['missing'],
    },
  ],
});
