import rule from '../../server/src/rules/missing-tag-key-in-condition';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [doc('{"StringEquals":{"aws:ResourceTag/Project":"x"}}'), doc('{"ForAnyValue:StringEquals":{"aws:TagKeys":"Project"}}')],
  invalid: [
    { code: doc('{"StringEquals":{[|"aws:ResourceTag"|]:"x"}}'), errors: ['missing'] },
    { code: doc('{"StringEquals":{[|"aws:RequestTag/"|]:"x",[|"ec2:ResourceTag"|]:"y"}}', '"ec2:RunInstances"'), errors: ['missing', 'missing'] },
  ],
});
