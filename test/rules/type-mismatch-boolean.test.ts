import rule from '../../server/src/rules/type-mismatch-boolean';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [
    doc('{"Bool":{"aws:SecureTransport":"true"}}'),
    doc('{"Bool":{"aws:SecureTransport":false}}'),
    doc('{"Null":{"aws:TokenIssueTime":["TRUE"]}}'),
    { name: 'variables are left alone', code: doc('{"Bool":{"aws:SecureTransport":"${aws:ViaAWSService}"}}') },
  ],
  invalid: [
    { code: doc('{"Bool":{"aws:SecureTransport":[|"yes"|]}}'), errors: ['notBoolean'] },
    { code: doc('{"Null":{"aws:TokenIssueTime":[[|1|], "true"]}}'), errors: ['notBoolean'] },
  ],
});
