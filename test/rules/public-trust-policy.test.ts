import rule from '../../server/src/rules/public-trust-policy';
import { runRuleTests } from '../support/ruleTester';

/** A role trust policy with one statement: the principal, and the rest of the statement after the Action. */
const trust = (principal: string, rest = '') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":${principal},"Action":"sts:AssumeRole"${rest}}]}`;

runRuleTests(rule, {
  valid: [
    { name: 'one account', code: trust('{"AWS":"arn:aws:iam::111122223333:root"}'), policyType: 'trust' },
    { name: 'one account, with an external ID', code: trust('{"AWS":"111122223333"}', ',"Condition":{"StringEquals":{"sts:ExternalId":"Example-External-ID"}}'), policyType: 'trust' },
    { name: 'any principal of the organization', code: trust('{"AWS":"*"}', ',"Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}'), policyType: 'trust' },
    { name: 'one role, by aws:PrincipalArn', code: trust('{"AWS":"*"}', ',"Condition":{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/deployer"}}'), policyType: 'trust' },
    { name: 'a service', code: trust('{"Service":"lambda.amazonaws.com"}'), policyType: 'trust' },
    { name: 'a bare "*" is role-trust-policy-unsupported-wildcard-in-principal\'s error', code: trust('"*"'), policyType: 'trust' },
    { name: 'a Deny', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}', policyType: 'trust' },
    { name: 'resource policies are public-principal\'s', code: '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}', policyType: 'resource' },
  ],
  invalid: [
    {
      name: 'any AWS principal: three ways to narrow it',
      code: trust('{"AWS":[|"*"|]}'),
      policyType: 'trust',
      errors: [
        {
          messageId: 'publicTrust',
          message:
            '{"AWS": "*"} lets any AWS principal, in any account, assume this role, and no condition limits who. Name the trusted account or role, or add a condition such as aws:PrincipalOrgID, aws:PrincipalAccount or aws:PrincipalArn.',
        },
      ],
      suggestions: [
        { title: 'Trust one account: "arn:aws:iam::${Account}:root"', output: trust('{"AWS":"arn:aws:iam::${Account}:root"}') },
        { title: 'Trust one role: "arn:aws:iam::${Account}:role/${RoleName}"', output: trust('{"AWS":"arn:aws:iam::${Account}:role/${RoleName}"}') },
        {
          title: 'Trust your organization: add "StringEquals": {"aws:PrincipalOrgID": "${OrganizationId}"}',
          output: trust('{"AWS":"*"}', ', "Condition": { "StringEquals": { "aws:PrincipalOrgID": "${OrganizationId}" } }'),
        },
      ],
    },
    {
      name: 'an external ID alone does not say who: anyone who learns it may assume the role',
      code: trust('{"AWS":[|"*"|]}', ',"Condition":{"StringEquals":{"sts:ExternalId":"Example-External-ID"}}'),
      policyType: 'trust',
      errors: ['publicTrust'],
      suggestions: [
        { output: trust('{"AWS":"arn:aws:iam::${Account}:root"}', ',"Condition":{"StringEquals":{"sts:ExternalId":"Example-External-ID"}}') },
        { output: trust('{"AWS":"arn:aws:iam::${Account}:role/${RoleName}"}', ',"Condition":{"StringEquals":{"sts:ExternalId":"Example-External-ID"}}') },
        { output: trust('{"AWS":"*"}', ',"Condition":{"StringEquals":{"sts:ExternalId":"Example-External-ID", "aws:PrincipalOrgID": "${OrganizationId}"}}') },
      ],
    },
    {
      name: 'in a list beside a named account; IfExists does not narrow',
      code: trust('{"AWS":["arn:aws:iam::111122223333:root",[|"*"|]]}', ',"Condition":{"StringEqualsIfExists":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}'),
      policyType: 'trust',
      errors: ['publicTrust'],
      suggestions: [
        { output: trust('{"AWS":["arn:aws:iam::111122223333:root","arn:aws:iam::${Account}:root"]}', ',"Condition":{"StringEqualsIfExists":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}') },
        { output: trust('{"AWS":["arn:aws:iam::111122223333:root","arn:aws:iam::${Account}:role/${RoleName}"]}', ',"Condition":{"StringEqualsIfExists":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}') },
        { output: trust('{"AWS":["arn:aws:iam::111122223333:root","*"]}', ',"Condition":{"StringEqualsIfExists":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}, "StringEquals": { "aws:PrincipalOrgID": "${OrganizationId}" }}') },
      ],
    },
  ],
});
