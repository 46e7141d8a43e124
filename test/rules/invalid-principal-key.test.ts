import rule from '../../server/src/rules/invalid-principal-key';
import { runRuleTests } from '../support/ruleTester';

const bucket = (principal: string) =>
  `{"Statement":[{"Effect":"Allow","Principal":${principal},"Action":"s3:GetObject","Resource":"arn:aws:s3:::amzn-s3-demo-bucket/*"}]}`;

runRuleTests(rule, {
  valid: [
    { code: bucket('{"AWS":"111122223333","CanonicalUser":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}'), policyType: 'resource' },
    { name: 'trust: service and federated', code: '{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com","Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRole"}]}', policyType: 'trust' },
    { name: '"*" has no key', code: bucket('"*"'), policyType: 'resource' },
  ],
  invalid: [
    {
      name: 'lower case',
      code: bucket('{[|"aws"|]:"111122223333"}'),
      policyType: 'resource',
      errors: [{ messageId: 'unknownWithSuggestion', message: '"aws" is not a principal type. Did you mean "AWS"?' }],
      output: bucket('{"AWS":"111122223333"}'),
    },
    {
      name: 'trust: a typo, multi-line',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { [|"Servce"|]: "lambda.amazonaws.com" },\n      "Action": "sts:AssumeRole"\n    }\n  ]\n}',
      policyType: 'trust',
      errors: ['unknownWithSuggestion'],
      suggestions: [{ title: 'Rename to "Service"', output: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "Service": "lambda.amazonaws.com" },\n      "Action": "sts:AssumeRole"\n    }\n  ]\n}' }],
    },
    {
      name: 'no close key; a rename that would duplicate a key is not offered',
      code: bucket('{"AWS":"111122223333",[|"Account"|]:"444455556666",[|"Aws"|]:"555566667777"}'),
      policyType: 'resource',
      errors: [{ messageId: 'unknown', message: '"Account" is not a principal type. Use one of: AWS, CanonicalUser, Federated, Service.' }, 'unknownWithSuggestion'],
    },
    {
      name: 'in NotPrincipal',
      code: '{"Statement":[{"Effect":"Deny","NotPrincipal":{[|"canonicalUser"|]:"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},"Action":"s3:*","Resource":"*"}]}',
      policyType: 'resource',
      errors: ['unknownWithSuggestion'],
      output: '{"Statement":[{"Effect":"Deny","NotPrincipal":{"CanonicalUser":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},"Action":"s3:*","Resource":"*"}]}',
    },
  ],
});
