import rule from '../../server/src/rules/full-admin-access';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}',
    { name: 'Deny of everything', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}' },
    { name: 'scoped resource', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::my-bucket/*"}]}' },
    {
      name: 'MFA condition',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}',
    },
    {
      name: 'source network condition',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]}',
    },
    {
      name: 'organization condition',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}]}',
    },
    {
      name: 'only the actions an AWS MCP service authorizes for itself',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:IsMcpServiceAction":"true"}}}]}',
    },
    { name: 'SCP FullAWSAccess is the default guardrail', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}', policyType: 'scp' },
    { name: 'RCP default', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}', policyType: 'rcp' },
    { name: 'a permissions boundary caps, it does not grant', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}', policyType: 'permissions-boundary' },
    { name: 'session policy', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}', policyType: 'session' },
    { name: 'NotAction is allow-with-not-action', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}' },
    { name: 'half-typed statement', code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":' },
  ],
  invalid: [
    {
      name: 'AdministratorAccess',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[|"*"|],"Resource":"*"}]}',
      errors: ['fullAdmin'],
    },
    {
      name: '*:* in a list, every-ARN pattern',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject",[|"*:*"|]],"Resource":["arn:*:*:*:*:*"]}]}',
      errors: ['fullAdmin'],
    },
    {
      name: 'a condition that does not narrow (TLS only)',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[|"*"|],"Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}',
      errors: ['fullAdmin'],
    },
    {
      name: 'conditions that do not narrow: IfExists, negated operator, wildcard value',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[|"*"|],"Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"true"},"StringNotEquals":{"aws:SourceVpc":"vpc-1"},"StringLike":{"aws:PrincipalOrgID":"*"}}}]}',
      errors: ['fullAdmin'],
    },
  ],
});
