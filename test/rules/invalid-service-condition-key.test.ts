import rule from '../../server/src/rules/invalid-service-condition-key';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [
    doc('{"StringEquals":{"s3:prefix":"home/"}}', '"s3:ListBucket"'),
    { name: 'templated service keys', code: doc('{"StringEquals":{"s3:ExistingObjectTag/env":"prod"}}') },
    { name: 'case does not matter', code: doc('{"StringEquals":{"S3:PREFIX":"home/"}}', '"s3:ListBucket"') },
    { name: 'federation keys of the data package', code: doc('{"StringEquals":{"accounts.google.com:aud":"x"}}', '"sts:AssumeRoleWithWebIdentity"') },
    { name: 'claims of any OIDC provider', code: doc('{"StringEquals":{"oidc.eks.us-east-1.amazonaws.com/id/ABC:sub":"system:serviceaccount:a:b"}}', '"sts:AssumeRoleWithWebIdentity"') },
    { name: 'GitHub sub, missing from the data package', code: doc('{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:o/r:*"}}', '"sts:AssumeRoleWithWebIdentity"') },
    { name: 'an unknown aws: key is another rule', code: doc('{"Bool":{"aws:Nope":"true"}}') },
  ],
  invalid: [
    {
      code: doc('{"StringEquals":{[|"s3:prefx"|]:"home/"}}', '"s3:ListBucket"'),
      errors: ['didYouMean'],
      suggestions: [{ output: doc('{"StringEquals":{"s3:prefix":"home/"}}', '"s3:ListBucket"') }],
    },
    {
      name: 'a misspelt template keeps the tag key',
      code: doc('{"StringEquals":{[|"s3:ExistingObjectTags/env"|]:"prod"}}'),
      errors: ['didYouMean'],
      suggestions: [{ output: doc('{"StringEquals":{"s3:ExistingObjectTag/env":"prod"}}') }],
    },
    { code: doc('{"StringEquals":{[|"s3:NoSuchThingAtAll"|]:"x"}}'), errors: ['unknown'] },
    { name: 'an unknown service prefix', code: doc('{"StringEquals":{[|"nosuchservice:Key"|]:"x"}}'), errors: ['unknownService'] },
  ],
});
