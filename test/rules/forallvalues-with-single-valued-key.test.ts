import rule from '../../server/src/rules/forallvalues-with-single-valued-key';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [doc('{"ForAllValues:StringEquals":{"aws:TagKeys":"a"}}'), doc('{"StringEquals":{"aws:PrincipalTag/a":"b"}}')],
  invalid: [
    {
      name: 'in an Allow, dropping the qualifier only narrows',
      code: doc('{"ForAllValues:StringEquals":{[|"aws:RequestedRegion"|]:"eu-west-1"}}'),
      errors: ['singleValued'],
      suggestions: [{ output: doc('{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}') }],
    },
    {
      name: 'in a Deny it would stop denying requests without the key: a suggestion',
      code: doc('{"ForAllValues:StringEquals":{[|"aws:RequestedRegion"|]:"eu-west-1"}}', '"s3:GetObject"', 'Deny'),
      errors: ['singleValued'],
      suggestions: [{ output: doc('{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}', '"s3:GetObject"', 'Deny') }],
    },
    {
      name: 'the GitHub OIDC claims are single-valued',
      code: doc('{"ForAllValues:StringEquals":{[|"token.actions.githubusercontent.com:sub"|]:"repo:o/r:ref:refs/heads/main"}}', '"sts:AssumeRoleWithWebIdentity"'),
      errors: ['singleValued'],
      suggestions: [{ output: doc('{"StringEquals":{"token.actions.githubusercontent.com:sub":"repo:o/r:ref:refs/heads/main"}}', '"sts:AssumeRoleWithWebIdentity"') }],
    },
    {
      name: 'no fix while a multivalued key shares the block',
      code: doc('{"ForAllValues:StringEquals":{"aws:TagKeys":"a",[|"aws:RequestedRegion"|]:"eu-west-1"}}'),
      errors: ['singleValued'],
    },
  ],
});
