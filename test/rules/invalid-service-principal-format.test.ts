import rule from '../../server/src/rules/invalid-service-principal-format';
import { runRuleTests } from '../support/ruleTester';

const trust = (service: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":${service}},"Action":"sts:AssumeRole"}]}`;

runRuleTests(rule, {
  valid: [
    { name: 'EC2, Lambda, ECS tasks', code: trust('["ec2.amazonaws.com","lambda.amazonaws.com","ecs-tasks.amazonaws.com"]'), policyType: 'trust' },
    { name: 'Regional form', code: trust('["redshift.us-east-1.amazonaws.com","s3.ap-east-1.amazonaws.com"]'), policyType: 'trust' },
    { name: 'China Regions', code: trust('"ec2.amazonaws.com.cn"'), policyType: 'trust' },
    {
      name: 'Lambda permission for an Alexa skill',
      code: '{"Statement":[{"Effect":"Allow","Principal":{"Service":"alexa-appkit.amazon.com"},"Action":"lambda:InvokeFunction","Resource":"arn:aws:lambda:us-east-1:111122223333:function:skill","Condition":{"StringEquals":{"lambda:EventSourceToken":"amzn1.ask.skill.xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"}}}]}',
      policyType: 'resource',
    },
    { name: 'wildcards are unsupported-wildcard-in-principal\'s', code: trust('"*"'), policyType: 'trust' },
  ],
  invalid: [
    {
      name: 'upper case',
      code: trust('[|"EC2.amazonaws.com"|]'),
      policyType: 'trust',
      errors: [{ messageId: 'case', message: 'Service principals are written in lower case without spaces: "ec2.amazonaws.com".' }],
      output: trust('"ec2.amazonaws.com"'),
    },
    {
      name: 'a URL',
      code: trust('[|"https://lambda.amazonaws.com/"|]'),
      policyType: 'trust',
      errors: ['url'],
      output: trust('"lambda.amazonaws.com"'),
    },
    {
      name: 'the service name alone',
      code: trust('[|"ecs-tasks"|]'),
      policyType: 'trust',
      errors: [{ messageId: 'noDomain', message: '"ecs-tasks" is not a service principal: service principals are domain-style names such as "ecs-tasks.amazonaws.com".' }],
      suggestions: [{ title: 'Change to "ecs-tasks.amazonaws.com"', output: trust('"ecs-tasks.amazonaws.com"') }],
    },
    {
      name: 'an ARN and an account ID under Service, multi-line',
      code: '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": {\n        "Service": [\n          [|"arn:aws:iam::111122223333:role/app"|],\n          [|"111122223333"|]\n        ]\n      },\n      "Action": "sqs:SendMessage",\n      "Resource": "*"\n    }\n  ]\n}',
      policyType: 'resource',
      errors: ['arn', 'account'],
    },
    {
      name: 'an unknown domain, characters that cannot be in a name',
      code: trust('[[|"lambda.amazon.aws"|],[|"lambda_amazonaws.com"|]]'),
      policyType: 'trust',
      errors: [
        {
          messageId: 'unknownDomain',
          message:
            '"lambda.amazon.aws" does not end in a domain AWS uses for service principals (amazonaws.com, amazonaws.com.cn, amazon.com). Check the service principal in the service\'s documentation.',
        },
        'characters',
      ],
    },
  ],
});
