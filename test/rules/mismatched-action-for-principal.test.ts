import rule from '../../server/src/rules/mismatched-action-for-principal';
import { runRuleTests } from '../support/ruleTester';

const statement = (principal: string, action: string) =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":${principal},"Action":${action}}]}`;
const saml = '{"Federated":"arn:aws:iam::111122223333:saml-provider/ExampleOrgSSOProvider"}';
const github = '{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}';

runRuleTests(rule, {
  valid: [
    {
      name: 'SAML federation as the console writes it',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:saml-provider/ExampleOrgSSOProvider"},"Action":["sts:AssumeRoleWithSAML","sts:TagSession"],"Condition":{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}}}]}',
      policyType: 'trust',
    },
    { name: 'GitHub OIDC', code: statement(github, '"sts:AssumeRoleWithWebIdentity"'), policyType: 'trust' },
    { name: 'Cognito (built-in provider)', code: statement('{"Federated":"cognito-identity.amazonaws.com"}', '"sts:AssumeRoleWithWebIdentity"'), policyType: 'trust' },
    { name: 'EC2 service role', code: statement('{"Service":"ec2.amazonaws.com"}', '"sts:AssumeRole"'), policyType: 'trust' },
    { name: 'cross-account', code: statement('{"AWS":"arn:aws:iam::111122223333:root"}', '["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]'), policyType: 'trust' },
    { name: 'each action fits one of the principals', code: statement(`{"AWS":"111122223333","Federated":"arn:aws:iam::111122223333:saml-provider/Okta"}`, '["sts:AssumeRole","sts:AssumeRoleWithSAML"]'), policyType: 'trust' },
    { name: 'wildcards are not judged', code: statement('{"Service":"ec2.amazonaws.com"}', '"sts:AssumeRole*"'), policyType: 'trust' },
    { name: 'an unknown federated form is another rule\'s', code: statement('{"Federated":"my-idp"}', '"sts:AssumeRoleWithSAML"'), policyType: 'trust' },
    // K17: an unknown key was judged as a kind of its own, so fixing `stss:AssumeRole` brought up this error too.
    { name: 'an unknown principal key is invalid-principal-key\'s', code: statement('{"x":"ec2.amazonaws.com"}', '"sts:AssumeRole"'), policyType: 'trust' },
  ],
  invalid: [
    {
      name: 'web identity with a service principal',
      code: statement('{"Service":"lambda.amazonaws.com"}', '[|"sts:AssumeRoleWithWebIdentity"|]'),
      policyType: 'trust',
      errors: [
        {
          messageId: 'needsOidc',
          message:
            '"sts:AssumeRoleWithWebIdentity" can only be called with an OpenID Connect provider principal, and this statement names "lambda.amazonaws.com". Use the action that fits the principal, or a Federated oidc-provider ARN (or a built-in provider such as cognito-identity.amazonaws.com).',
        },
      ],
      suggestions: [{ title: 'Change to "sts:AssumeRole"', output: statement('{"Service":"lambda.amazonaws.com"}', '"sts:AssumeRole"') }],
    },
    {
      name: 'SAML action with an OIDC provider',
      code: statement(github, '[|"sts:AssumeRoleWithSAML"|]'),
      policyType: 'trust',
      errors: ['needsSaml'],
      suggestions: [{ output: statement(github, '"sts:AssumeRoleWithWebIdentity"') }],
    },
    {
      name: 'plain AssumeRole with a SAML provider, multi-line',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "Federated": "arn:aws:iam::111122223333:saml-provider/ExampleOrgSSOProvider" },\n      "Action": [|"sts:AssumeRole"|]\n    }\n  ]\n}',
      policyType: 'trust',
      errors: ['needsAwsOrService'],
      suggestions: [
        { output: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "Federated": "arn:aws:iam::111122223333:saml-provider/ExampleOrgSSOProvider" },\n      "Action": "sts:AssumeRoleWithSAML"\n    }\n  ]\n}' },
      ],
    },
    {
      name: 'the right action is already there: no suggestion',
      code: statement(saml, '["sts:AssumeRoleWithSAML",[|"sts:AssumeRoleWithWebIdentity"|]]'),
      policyType: 'trust',
      errors: ['needsOidc'],
    },
    {
      name: 'a misspelt key is judged as the key its fix gives it',
      code: statement('{"service":"lambda.amazonaws.com"}', '[|"sts:AssumeRoleWithWebIdentity"|]'),
      policyType: 'trust',
      errors: ['needsOidc'],
      suggestions: [{ output: statement('{"service":"lambda.amazonaws.com"}', '"sts:AssumeRole"') }],
    },
    {
      name: 'mixed principal kinds: no single replacement',
      code: statement('{"AWS":"111122223333","Service":"ec2.amazonaws.com"}', '[|"sts:AssumeRoleWithSAML"|]'),
      policyType: 'trust',
      errors: ['needsSaml'],
    },
  ],
});
