import rule from '../../server/src/rules/create-slr-with-star-in-resource';
import { runRuleTests } from '../support/ruleTester';

const policy = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;

runRuleTests(rule, {
  valid: [
    {
      name: 'one service\'s service-linked roles',
      code: policy('{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"arn:aws:iam::*:role/aws-service-role/ecs.amazonaws.com/*"}'),
    },
    {
      name: 'iam:AWSServiceName narrows',
      code: policy('{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"*","Condition":{"StringEquals":{"iam:AWSServiceName":"autoscaling.amazonaws.com"}}}'),
    },
    { name: '"iam:*" is create-slr-with-star-in-action-and-resource', code: policy('{"Effect":"Allow","Action":"iam:*","Resource":"*"}') },
    { name: 'permissions boundary', code: policy('{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"*"}'), policyType: 'permissions-boundary' },
  ],
  invalid: [
    {
      code: policy('{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":[|"*"|]}'),
      errors: [
        {
          messageId: 'starInResource',
          message:
            'iam:CreateServiceLinkedRole on "*" lets this principal create the service-linked role of any service; name the role (role/aws-service-role/<ServicePrincipal>/*) or add an iam:AWSServiceName condition.',
        },
      ],
      suggestions: [
        {
          title: 'Add an iam:AWSServiceName condition (replace ${ServicePrincipal}, e.g. with autoscaling.amazonaws.com)',
          output: policy(
            '{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"*", "Condition": {"StringEquals": {"iam:AWSServiceName": "${ServicePrincipal}"}}}',
          ),
        },
      ],
    },
    {
      name: 'every service-linked role path',
      code: policy('{"Effect":"Allow","Action":"iam:CreateService*","Resource":[|"arn:aws:iam::*:role/aws-service-role/*"|]}'),
      errors: ['starInResource'],
      suggestions: [
        {
          output: policy(
            '{"Effect":"Allow","Action":"iam:CreateService*","Resource":"arn:aws:iam::*:role/aws-service-role/*", "Condition": {"StringEquals": {"iam:AWSServiceName": "${ServicePrincipal}"}}}',
          ),
        },
      ],
    },
  ],
});
