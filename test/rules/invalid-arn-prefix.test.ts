import rule from '../../server/src/rules/invalid-arn-prefix';
import { runRuleTests } from '../support/ruleTester';

const policy = (resource: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":${resource}}]}`;

runRuleTests(rule, {
  valid: [
    policy('"*"'),
    policy('["arn:aws:s3:::bucket/*","arn:${aws:partition}:s3:::other/*"]'),
    { name: 'short ARNs are missing-arn-field', code: policy('"arn:aws:s3"') },
    {
      name: 'API Gateway shorthand in a resource policy',
      code: '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*"}]}',
      policyType: 'resource',
    },
    {
      name: 'trust policies have no Resource to judge',
      code: '{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Resource":"bucket"}]}',
      policyType: 'trust',
    },
  ],
  invalid: [
    {
      code: policy('[|"s3:::bucket/*"|]'),
      errors: [{ messageId: 'notArn', message: '"s3:::bucket/*" is not an ARN: a resource is "*" or starts with "arn:" (arn:partition:service:region:account:resource).' }],
    },
    {
      name: 'NotResource, the prefix is case-sensitive, a bare name',
      code: '{"Statement":[{"Effect":"Deny","Action":"s3:*","NotResource":["arn:aws:s3:::ok", [|"ARN:aws:s3:::bucket"|], [|"my-bucket"|]]}]}',
      errors: ['notArn', 'notArn'],
    },
    {
      name: 'the API Gateway shorthand is only known to resource policies',
      code: policy('[|"execute-api:/*"|]'),
      errors: ['notArn'],
    },
  ],
});
