import rule from '../../server/src/rules/invalid-service-in-action';
import { runRuleTests } from '../support/ruleTester';

const policy = (action: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":${action},"Resource":"*"}]}`;

runRuleTests(rule, {
  valid: [
    policy('"s3:GetObject"'),
    { name: 'prefixes are case-insensitive', code: policy('["S3:GetObject","EC2:describeinstances"]') },
    { name: '"*" alone', code: policy('"*"') },
    { name: 'a service pattern that matches services', code: policy('"s3*:Get*"') },
    { name: 'an unknown action of a known service is invalid-action', code: policy('"s3:GetObjet"') },
    { name: 'no colon is invalid-action', code: policy('"GetObject"') },
    { name: 'NotAction of known services', code: '{"Statement":[{"Effect":"Deny","NotAction":["iam:*","sts:*"],"Resource":"*"}]}' },
  ],
  invalid: [
    {
      name: 'closest prefix, safe fix, quoting kept',
      code: policy('[|"s4:GetObject"|]'),
      errors: [{ messageId: 'unknownWithSuggestion', message: '"s4" in s4:GetObject is not the prefix of any AWS service. Did you mean s3:GetObject?' }],
      suggestions: [{ output: policy('"s3:GetObject"') }],
    },
    {
      name: 's4:* is fixed to s3:*',
      code: policy('["s3:GetObject", [|"s4:*"|]]'),
      errors: ['unknownWithSuggestion'],
      suggestions: [{ output: policy('["s3:GetObject", "s3:*"]') }],
    },
    {
      name: 'no fix when the corrected action does not exist',
      code: policy('[|"s4:GetFoo"|]'),
      errors: ['unknownWithSuggestion'],
    },
    {
      name: 'nothing close',
      code: policy('[|"notaservice:Get*"|]'),
      errors: [{ messageId: 'unknown', message: '"notaservice" in notaservice:Get* is not the prefix of any AWS service.' }],
    },
    {
      name: 'a service pattern that matches no service, in NotAction too',
      code: '{"Statement":[{"Effect":"Deny","NotAction":[|"zz*:Get*"|],"Resource":"*"}]}',
      errors: ['noServiceMatches'],
    },
    {
      name: 'trust policies are checked too',
      code: '{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":[|"stss:AssumeRole"|]}]}',
      policyType: 'trust',
      errors: ['unknownWithSuggestion'],
      suggestions: [{ output: '{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' }],
    },
  ],
});
