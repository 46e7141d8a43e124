import rule from '../../server/src/rules/mfa-check-fails-open';
import { runRuleTests } from '../support/ruleTester';

const policy = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;

runRuleTests(rule, {
  valid: [
    { name: 'an Allow for both values tests nothing about MFA', code: policy('{"Effect":"Allow","Action":"iam:*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":["true","false"]}}}') },
    policy('{"Effect":"Deny","NotAction":"iam:ListMFADevices","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}'),
    policy('{"Effect":"Allow","Action":"iam:*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}'),
    { name: 'Null test of the key', code: policy('{"Effect":"Deny","Action":"iam:*","Resource":"*","Condition":{"Null":{"aws:MultiFactorAuthPresent":"true"}}}') },
    { name: 'other keys', code: policy('{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}') },
  ],
  invalid: [
    {
      name: 'Deny with Bool ... false',
      code: policy('{"Effect":"Deny","Action":"iam:*","Resource":"*","Condition":{[|"Bool"|]:{"aws:MultiFactorAuthPresent":"false"}}}'),
      errors: [
        {
          messageId: 'denyWithBool',
          message:
            'This Deny never applies to requests signed with long-term access keys: they carry no aws:MultiFactorAuthPresent at all, so "Bool" ... "false" is not true for them and they get through without MFA; use "BoolIfExists".',
        },
      ],
      suggestions: [{ title: 'Use BoolIfExists', output: policy('{"Effect":"Deny","Action":"iam:*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}') }],
    },
    {
      name: 'Allow with BoolIfExists ... true',
      code: policy('{"Effect":"Allow","Action":"ec2:TerminateInstances","Resource":"*","Condition":{[|"BoolIfExists"|]:{"aws:MultiFactorAuthPresent":true}}}'),
      errors: ['allowWithBoolIfExists'],
      suggestions: [{ title: 'Use Bool', output: policy('{"Effect":"Allow","Action":"ec2:TerminateInstances","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":true}}}') }],
    },
    {
      name: 'the MFA test moves out of a shared Bool block',
      code: policy('{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{[|"Bool"|]:{"aws:SecureTransport":"false","aws:MultiFactorAuthPresent":"false"}}}'),
      errors: ['denyWithBool'],
      suggestions: [{ title: 'Use BoolIfExists', output: policy('{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}, "BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}') }],
    },
    {
      name: 'into an existing BoolIfExists block, in an SCP, multi-line',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Deny",\n      "Action": "iam:*",\n      "Resource": "*",\n      "Condition": {\n        [|"Bool"|]: {\n          "aws:MultiFactorAuthPresent": "false"\n        },\n        "BoolIfExists": {\n          "aws:ViaAWSService": "false"\n        }\n      }\n    }\n  ]\n}',
      policyType: 'scp',
      errors: ['denyWithBool'],
      suggestions: [{ title: 'Use BoolIfExists', output: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Deny",\n      "Action": "iam:*",\n      "Resource": "*",\n      "Condition": {\n        "BoolIfExists": {\n          "aws:ViaAWSService": "false",\n          "aws:MultiFactorAuthPresent": "false"\n        }\n      }\n    }\n  ]\n}' }],
    },
    {
      name: 'no fix when the target block already tests the key',
      code: policy('{"Effect":"Deny","Action":"iam:*","Resource":"*","Condition":{[|"Bool"|]:{"aws:MultiFactorAuthPresent":"false"},"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}'),
      errors: ['denyWithBool'],
    },
    {
      name: 'Allow with Bool ... false: inverted',
      code: policy('{"Effect":"Allow","Action":"iam:DeleteRole","Resource":"*","Condition":{[|"Bool"|]:{"aws:MultiFactorAuthPresent":"false"}}}'),
      errors: [
        {
          messageId: 'allowWithoutMfa',
          message:
            'This Allow tests aws:MultiFactorAuthPresent for "false", so it applies only to requests without MFA: the opposite of requiring it. Test for "true" with "Bool".',
        },
      ],
      suggestions: [{ title: 'Test for "true" (require MFA)', output: policy('{"Effect":"Allow","Action":"iam:DeleteRole","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}') }],
    },
    {
      name: 'Allow with BoolIfExists ... false, a boolean literal',
      code: policy('{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{[|"BoolIfExists"|]:{"aws:MultiFactorAuthPresent":false}}}'),
      errors: ['allowWithoutMfa'],
      suggestions: [{ output: policy('{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"true"}}}') }],
    },
  ],
});
