import rule from '../../server/src/rules/invalid-condition-multiple-boolean';
import { runRuleTests } from '../support/ruleTester';

/** A one-statement identity policy with the given Condition (and Action). */
const doc = (condition: string, action = '"s3:GetObject"', effect = 'Allow') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

runRuleTests(rule, {
  valid: [doc('{"Bool":{"aws:SecureTransport":"true"}}'), doc('{"Bool":{"aws:SecureTransport":["true"]}}'), doc('{"ForAnyValue:Bool":{"apigateway:Request/ApiKeyRequired":["true","false"]}}', '"apigateway:POST"')],
  invalid: [{ code: doc('{"Bool":{"aws:SecureTransport":[|["true","false"]|]}}'), errors: ['multiple'] }],
});
