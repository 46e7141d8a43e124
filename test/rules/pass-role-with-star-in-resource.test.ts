import rule from '../../server/src/rules/pass-role-with-star-in-resource';
import { runRuleTests } from '../support/ruleTester';

const policy = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;

runRuleTests(rule, {
  valid: [
    policy('{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/app-*"}'),
    { name: 'a role path narrows', code: policy('{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::*:role/service-role/*"}') },
    {
      name: 'iam:PassedToService narrows',
      code: policy('{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"lambda.amazonaws.com"}}}'),
    },
    {
      name: 'a tag on the role narrows',
      code: policy('{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:ResourceTag/pass":"yes"}}}'),
    },
    {
      name: 'denied outright in the same policy',
      code: policy('{"Effect":"Allow","Action":["iam:PassRole","s3:GetObject"],"Resource":"*"},{"Effect":"Deny","Action":"iam:PassRole","Resource":"*"}'),
    },
    { name: '"*" is pass-role-with-star-in-action-and-resource', code: policy('{"Effect":"Allow","Action":"iam:*","Resource":"*"}') },
    { name: 'NotResource is pass-role-with-not-resource', code: policy('{"Effect":"Allow","Action":"iam:PassRole","NotResource":"arn:aws:iam::*:role/admin"}') },
    { name: 'permissions boundaries cap, they do not grant', code: policy('{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}'), policyType: 'permissions-boundary' },
    { name: 'Deny', code: policy('{"Effect":"Deny","Action":"iam:PassRole","Resource":"*"}') },
  ],
  invalid: [
    {
      name: 'iam:PassRole on "*": the suggestion adds an iam:PassedToService condition',
      code: policy('{"Effect":"Allow","Action":"iam:PassRole","Resource":[|"*"|]}'),
      errors: [
        {
          messageId: 'starInResource',
          message:
            'iam:PassRole on "*" lets this principal hand any role in the account to any service; name the roles it may pass, or add an iam:PassedToService condition.',
        },
      ],
      suggestions: [
        {
          title: 'Add an iam:PassedToService condition (replace ${ServicePrincipal}, e.g. with lambda.amazonaws.com)',
          output: policy('{"Effect":"Allow","Action":"iam:PassRole","Resource":"*", "Condition": {"StringEquals": {"iam:PassedToService": "${ServicePrincipal}"}}}'),
        },
      ],
    },
    {
      name: 'a family wildcard on every role of an account',
      code: policy('{"Effect":"Allow","Action":["ec2:RunInstances","iam:Pass*"],"Resource":[|"arn:aws:iam::111122223333:role/*"|]}'),
      errors: ['starInResource'],
      suggestions: [
        {
          output: policy(
            '{"Effect":"Allow","Action":["ec2:RunInstances","iam:Pass*"],"Resource":"arn:aws:iam::111122223333:role/*", "Condition": {"StringEquals": {"iam:PassedToService": "${ServicePrincipal}"}}}',
          ),
        },
      ],
    },
    {
      name: 'multi-line statement with a StringEquals block: the key joins it',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "iam:PassRole",\n      "Resource": [|"*"|],\n      "Condition": {\n        "StringEquals": {\n          "aws:RequestedRegion": "eu-west-1"\n        }\n      }\n    }\n  ]\n}',
      errors: ['starInResource'],
      suggestions: [
        {
          output:
            '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "iam:PassRole",\n      "Resource": "*",\n      "Condition": {\n        "StringEquals": {\n          "aws:RequestedRegion": "eu-west-1",\n          "iam:PassedToService": "${ServicePrincipal}"\n        }\n      }\n    }\n  ]\n}',
        },
      ],
    },
    {
      name: 'multi-line statement without Condition',
      code: '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "iam:PassRole",\n      "Resource": [|"*"|]\n    }\n  ]\n}',
      errors: ['starInResource'],
      suggestions: [
        {
          output:
            '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "iam:PassRole",\n      "Resource": "*",\n      "Condition": {\n        "StringEquals": {\n          "iam:PassedToService": "${ServicePrincipal}"\n        }\n      }\n    }\n  ]\n}',
        },
      ],
    },
    {
      name: 'a wildcard iam:PassedToService does not narrow',
      code: policy('{"Effect":"Allow","Action":"iam:PassRole","Resource":[|"*"|],"Condition":{"StringLike":{"iam:PassedToService":"*"}}}'),
      errors: ['starInResource'],
      suggestions: [
        {
          output: policy(
            '{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringLike":{"iam:PassedToService":"*"}, "StringEquals": {"iam:PassedToService": "${ServicePrincipal}"}}}',
          ),
        },
      ],
    },
    {
      name: 'no suggestion when the StringEquals block already tests the key',
      code: policy('{"Effect":"Allow","Action":"iam:PassRole","Resource":[|"*"|],"Condition":{"StringEquals":{"iam:PassedToService":"*"}}}'),
      errors: ['starInResource'],
    },
    {
      name: 'a Deny with a condition does not remove the grant',
      code: policy(
        '{"Effect":"Allow","Action":"iam:PassRole","Resource":[|"*"|],"Condition":{"StringNotEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}},{"Effect":"Deny","Action":"iam:PassRole","Resource":"*","Condition":{"Bool":{"aws:ViaAWSService":"false"}}}',
      ),
      errors: ['starInResource'],
      suggestions: [
        {
          output: policy(
            '{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringNotEquals":{"iam:PassedToService":"ec2.amazonaws.com"}, "StringEquals": {"iam:PassedToService": "${ServicePrincipal}"}}},{"Effect":"Deny","Action":"iam:PassRole","Resource":"*","Condition":{"Bool":{"aws:ViaAWSService":"false"}}}',
          ),
        },
      ],
    },
  ],
});
