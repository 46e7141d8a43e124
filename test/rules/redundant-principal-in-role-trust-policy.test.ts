import rule from '../../server/src/rules/redundant-principal-in-role-trust-policy';
import { runRuleTests } from '../support/ruleTester';

const trust = (aws: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":${aws}},"Action":"sts:AssumeRole"}]}`;

runRuleTests(rule, {
  valid: [
    { name: 'a session of another role', code: trust('["arn:aws:iam::111122223333:role/deploy","arn:aws:sts::111122223333:assumed-role/build/ci"]'), policyType: 'trust' },
    { name: 'the same role name in another account', code: trust('["arn:aws:iam::111122223333:role/deploy","arn:aws:sts::444455556666:assumed-role/deploy/ci"]'), policyType: 'trust' },
    { name: 'a session alone', code: trust('"arn:aws:sts::111122223333:assumed-role/deploy/ci"'), policyType: 'trust' },
  ],
  invalid: [
    {
      name: 'AWS\'s example',
      code: trust('["arn:aws:iam::111122223333:role/deploy",[|"arn:aws:sts::111122223333:assumed-role/deploy/ci"|]]'),
      policyType: 'trust',
      errors: [
        {
          messageId: 'redundant',
          message: 'The role session "arn:aws:sts::111122223333:assumed-role/deploy/ci" is already covered by its role "arn:aws:iam::111122223333:role/deploy" in this statement. Remove the session.',
        },
      ],
      output: trust('["arn:aws:iam::111122223333:role/deploy"]'),
    },
    {
      name: 'a role with a path, the session first, multi-line',
      code: '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": {\n        "AWS": [\n          [|"arn:aws:sts::111122223333:assumed-role/deploy/ci"|],\n          "arn:aws:iam::111122223333:role/pipelines/deploy"\n        ]\n      },\n      "Action": "sts:AssumeRole"\n    }\n  ]\n}',
      policyType: 'trust',
      errors: ['redundant'],
      output: '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": {\n        "AWS": [\n          "arn:aws:iam::111122223333:role/pipelines/deploy"\n        ]\n      },\n      "Action": "sts:AssumeRole"\n    }\n  ]\n}',
    },
  ],
});
