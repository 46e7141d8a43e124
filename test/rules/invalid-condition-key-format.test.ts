import rule from '../../server/src/rules/invalid-condition-key-format';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [doc('{"StringEquals":{"aws:PrincipalTag/team":"a"}}'), doc('{"StringEquals":{"kms:EncryptionContext:aws:s3:arn":"x"}}', '"kms:Decrypt"')],
  invalid: [
    { code: doc('{"StringEquals":{[|"SourceVpc"|]:"vpc-12345678"}}'), errors: ['format'] },
    { code: doc('{"StringEquals":{[|"aws:"|]:"x",[|":SourceVpc"|]:"y",[|"aws: SourceVpc"|]:"z"}}'), errors: ['format', 'format', 'format'] },
  ],
});
