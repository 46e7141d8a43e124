import rule from '../../server/src/rules/unsupported-wildcard-in-principal';
import { runRuleTests } from '../support/ruleTester';

const statement = (principal: string, type = 'resource') =>
  type === 'trust'
    ? `{"Statement":[{"Effect":"Allow","Principal":${principal},"Action":"sts:AssumeRole"}]}`
    : `{"Statement":[{"Effect":"Allow","Principal":${principal},"Action":"s3:GetObject","Resource":"arn:aws:s3:::amzn-s3-demo-bucket/*"}]}`;

runRuleTests(rule, {
  valid: [
    { name: 'every principal', code: statement('"*"'), policyType: 'resource' },
    { name: '{"AWS": "*"}', code: statement('{"AWS":"*"}'), policyType: 'resource' },
    { name: 'named principals', code: statement('{"AWS":["arn:aws:iam::111122223333:role/app","444455556666"]}'), policyType: 'resource' },
    { name: 'ArnLike on aws:PrincipalArn is the supported way', code: '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject","Resource":"*","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/app-*"}}}]}', policyType: 'resource' },
    { name: 'identity policies are unsupported-principal\'s', code: statement('{"AWS":"arn:aws:iam::111122223333:user/*"}') },
  ],
  invalid: [
    {
      name: 'all users of an account',
      code: statement('{"AWS":[|"arn:aws:iam::111122223333:user/*"|]}'),
      policyType: 'resource',
      errors: [
        {
          messageId: 'partial',
          message:
            'Wildcards cannot match part of a principal ("arn:aws:iam::111122223333:user/*" under "AWS"): principals are matched exactly. Name each principal, or use "*" with a condition such as ArnLike on aws:PrincipalArn.',
        },
      ],
    },
    {
      name: 'trust: roles by prefix, every service',
      code: statement('{"AWS":[|"arn:aws:iam::111122223333:role/deploy-*"|],"Service":[|"*"|]}', 'trust'),
      policyType: 'trust',
      errors: ['partial', 'everyOfKind'],
    },
    {
      name: 'trust: any identity provider, an account prefix with ?',
      code: statement('{"Federated":[|"*"|],"AWS":[|"11112222333?"|]}', 'trust'),
      policyType: 'trust',
      errors: ['everyOfKind', 'partial'],
    },
    {
      name: 'NotPrincipal in a bucket policy',
      code: '{"Statement":[{"Effect":"Deny","NotPrincipal":{"AWS":[|"arn:aws:sts::111122223333:assumed-role/admin/*"|]},"Action":"s3:*","Resource":"*"}]}',
      policyType: 'resource',
      errors: ['partial'],
    },
  ],
});
