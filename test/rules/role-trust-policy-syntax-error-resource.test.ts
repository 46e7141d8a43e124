import rule from '../../server/src/rules/role-trust-policy-syntax-error-resource';
import { runRuleTests } from '../support/ruleTester';

runRuleTests(rule, {
  valid: [
    {
      name: 'service trust (Lambda)',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
      policyType: 'trust',
    },
    { name: 'resource policies take a Resource', code: '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}', policyType: 'resource' },
    { name: 'identity policies take a Resource', code: '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}' },
    { name: 'not judged while the JSON is broken', code: '{"Statement":[{"Resource":"*"', policyType: 'trust' },
  ],
  invalid: [
    {
      name: 'EC2 service trust with a Resource, multi-line',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "Service": "ec2.amazonaws.com" },\n      "Action": "sts:AssumeRole",\n      [|"Resource"|]: "*"\n    }\n  ]\n}',
      policyType: 'trust',
      errors: ['resource'],
      output: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "Service": "ec2.amazonaws.com" },\n      "Action": "sts:AssumeRole"\n    }\n  ]\n}',
    },
    {
      name: 'a Resource in the middle of the statement',
      code: '{"Statement":[{"Effect":"Allow",[|"Resource"|]:["arn:aws:iam::111122223333:role/r"],"Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"}]}',
      policyType: 'trust',
      errors: ['resource'],
      output: '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"}]}',
    },
    {
      name: 'NotResource, in two statements',
      code: '{"Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole",[|"NotResource"|]:"*"},{"Effect":"Deny","Principal":{"AWS":"*"},"Action":"sts:AssumeRole",[|"Resource"|]:"*"}]}',
      policyType: 'trust',
      errors: ['resource', 'resource'],
      output: '{"Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"},{"Effect":"Deny","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}',
    },
    {
      // Removing only the first would let the second count: a new error (data-type-mismatch) and still a Resource.
      name: 'a duplicated Resource goes with every copy (fuzzer finding K13)',
      code: '{"Statement":[{[|"Resource"|]:"","Effect":"Allow","Action":"*","Resource":1.5e300}]}',
      policyType: 'trust',
      errors: ['resource'],
      output: '{"Statement":[{"Effect":"Allow","Action":"*"}]}',
    },
    {
      name: 'duplicates side by side at the end, multi-line',
      code: '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "Service": "ec2.amazonaws.com" },\n      "Action": "sts:AssumeRole",\n      [|"Resource"|]: "*",\n      "Resource": ["arn:aws:iam::111122223333:role/r"]\n    }\n  ]\n}',
      policyType: 'trust',
      errors: ['resource'],
      output: '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "Service": "ec2.amazonaws.com" },\n      "Action": "sts:AssumeRole"\n    }\n  ]\n}',
    },
    {
      name: 'three copies, first, middle and side by side',
      code: '{"Statement":[{[|"NotResource"|]:"a","Effect":"Allow","NotResource":"b","NotResource":"c","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"}]}',
      policyType: 'trust',
      errors: ['resource'],
      output: '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"}]}',
    },
    {
      name: 'a statement of nothing but copies is emptied',
      code: '{"Statement":[{ [|"Resource"|]: "*", "Resource": "x" }]}',
      policyType: 'trust',
      errors: ['resource'],
      output: '{"Statement":[{}]}',
    },
  ],
});
