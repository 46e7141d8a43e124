import rule from '../../server/src/rules/type-mismatch';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [
    doc('{"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}'),
    { name: 'String operators compare ARN keys', code: doc('{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/x"}}') },
    { name: 'ARN operators compare String keys holding ARNs', code: doc('{"ArnLike":{"kms:EncryptionContext:aws:logs:arn":"arn:aws:logs:*:*:log-group:x"}}', '"kms:Decrypt"') },
    { name: 'aws:EpochTime takes numeric operators too', code: doc('{"NumericGreaterThan":{"aws:EpochTime":"1700000000"}}') },
    { name: 'Null takes any key', code: doc('{"Null":{"aws:MultiFactorAuthAge":"true"}}') },
    { name: 'multivalued keys by their element type', code: doc('{"ForAnyValue:StringEquals":{"aws:TagKeys":"a"}}') },
    { name: 'unknown keys are other rules', code: doc('{"NumericEquals":{"aws:Nope":"1"}}') },
    { name: 'unknown operators are other rules', code: doc('{"Numeric":{"aws:username":"1"}}') },
  ],
  invalid: [
    { code: doc('{"NumericEquals":{[|"aws:username"|]:"1"}}'), errors: ['mismatch'] },
    { code: doc('{"StringEquals":{[|"aws:MultiFactorAuthPresent"|]:"true"}}'), errors: ['mismatch'] },
    { code: doc('{"DateGreaterThan":{[|"aws:MultiFactorAuthAge"|]:"2020-01-01"}}'), errors: ['mismatch'] },
    { code: doc('{"BoolIfExists":{[|"aws:SourceIp"|]:"true"}}'), errors: ['mismatch'] },
    {
      name: '"an" before a family that starts with a vowel sound',
      code: doc('{"StringEquals":{[|"aws:SourceIp"|]:"203.0.113.0/24"}}'),
      errors: [
        {
          messageId: 'mismatch',
          message: '"aws:SourceIp" holds IPAddress values, which "StringEquals" cannot compare. Use an IPAddress operator such as IpAddress or NotIpAddress.',
        },
      ],
    },
  ],
});
