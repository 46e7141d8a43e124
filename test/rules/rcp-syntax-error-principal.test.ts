import rule from '../../server/src/rules/rcp-syntax-error-principal';
import { runRuleTests } from '../support/ruleTester';

const rcp = (principal: string) =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":${principal},"Action":"s3:*","Resource":"*","Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"},"BoolIfExists":{"aws:PrincipalIsAWSService":"false"}}}]}`;

runRuleTests(rule, {
  valid: [
    { name: 'the identity perimeter RCP AWS documents', code: rcp('"*"'), policyType: 'rcp' },
    { name: 'resource policies name principals freely', code: rcp('{"AWS":"111122223333"}'), policyType: 'resource' },
    { name: 'a missing Principal is missing-principal\'s', code: '{"Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}', policyType: 'rcp' },
  ],
  invalid: [
    {
      name: '{"AWS": "*"} means "*"',
      code: rcp('[|{"AWS":"*"}|]'),
      policyType: 'rcp',
      errors: ['awsEveryone'],
      output: rcp('"*"'),
    },
    {
      name: 'a named account',
      code: rcp('[|{"AWS":"arn:aws:iam::111122223333:root"}|]'),
      policyType: 'rcp',
      errors: [
        {
          messageId: 'onlyEveryone',
          message:
            'RCPs only support "Principal": "*". To apply the statement to some principals only, keep "*" and add a condition such as aws:PrincipalOrgID, aws:PrincipalAccount or aws:PrincipalArn.',
        },
      ],
    },
    {
      name: 'a service principal, multi-line',
      code: '{\n  "Statement": [\n    {\n      "Effect": "Deny",\n      "Principal": [|{\n        "Service": "cloudtrail.amazonaws.com"\n      }|],\n      "Action": "s3:*",\n      "Resource": "*"\n    }\n  ]\n}',
      policyType: 'rcp',
      errors: ['onlyEveryone'],
    },
  ],
});
