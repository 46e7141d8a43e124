import rule from '../../server/src/rules/privilege-escalation';
import { runRuleTests } from '../support/ruleTester';

const policy = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;

runRuleTests(rule, {
  valid: [
    policy('{"Effect":"Allow","Action":"iam:CreatePolicyVersion","Resource":"arn:aws:iam::111122223333:policy/app-*"}'),
    { name: 'one action of a method is missing', code: policy('{"Effect":"Allow","Action":["iam:PassRole","lambda:CreateFunction"],"Resource":"*"}') },
    {
      name: 'iam:PassedToService names another service than the method\'s',
      code: policy(
        '{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"ecs-tasks.amazonaws.com"}}},{"Effect":"Allow","Action":["lambda:CreateFunction","lambda:InvokeFunction"],"Resource":"*"}',
      ),
    },
    { name: 'roles named', code: policy('{"Effect":"Allow","Action":["iam:PassRole","ec2:RunInstances"],"Resource":["arn:aws:iam::111122223333:role/web","arn:aws:ec2:*:*:*"]}') },
    { name: 'denied outright', code: policy('{"Effect":"Allow","Action":"iam:AttachUserPolicy","Resource":"*"},{"Effect":"Deny","Action":"iam:Attach*","Resource":"*"}') },
    { name: 'a full administrator has nothing to escalate to (full-admin-access)', code: policy('{"Effect":"Allow","Action":"*","Resource":"*"}') },
    { name: 'permissions boundary', code: policy('{"Effect":"Allow","Action":"iam:CreatePolicyVersion","Resource":"*"}'), policyType: 'permissions-boundary' },
  ],
  invalid: [
    {
      code: policy('{"Effect":"Allow","Action":["iam:GetPolicy",[|"iam:CreatePolicyVersion"|]],"Resource":"*"}'),
      errors: [
        {
          messageId: 'escalation',
          message:
            '"iam:CreatePolicyVersion" allows privilege escalation: iam:CreatePolicyVersion lets it write a new default version of a managed policy, including one attached to itself; remove these actions or limit them to specific resources.',
        },
      ],
    },
    {
      name: 'a method spread over statements is reported at its first action string',
      code: policy(
        '{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},{"Effect":"Allow","Action":[[|"lambda:Create*"|],"lambda:InvokeFunction"],"Resource":"*"},{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringLike":{"iam:PassedToService":"lambda.*"}}}',
      ),
      errors: [
        {
          messageId: 'escalation',
          message:
            '"lambda:Create*" allows privilege escalation: iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction lets it create a function with a privileged role and invoke it; iam:PassRole + lambda:CreateFunction + lambda:CreateEventSourceMapping lets it create a function with a privileged role and have an event source trigger it; remove these actions or limit them to specific resources.',
        },
      ],
    },
    {
      name: 'many methods through one wildcard',
      code: policy('{"Effect":"Allow","Action":[|"iam:*"|],"Resource":"*"}'),
      errors: ['escalation'],
    },
  ],
});
