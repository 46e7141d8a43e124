import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { getCatalog } from '../../server/src/catalog';
import { escalationMethods } from '../../server/src/rules/shared/escalationMethods';
import full from '../../server/src/rules/privilege-escalation';
import rule from '../../server/src/rules/privilege-escalation-potential';
import { lint, runRuleTests } from '../support/ruleTester';

const policy = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;

runRuleTests(rule, {
  valid: [
    { name: 'on every resource it is privilege-escalation\'s finding', code: policy('{"Effect":"Allow","Action":["iam:PassRole","ec2:RunInstances"],"Resource":"*"}') },
    {
      name: 'the role passed is named exactly: the method reaches what the author chose',
      code: policy(
        '{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/lambda-orders","Condition":{"StringEquals":{"iam:PassedToService":"lambda.amazonaws.com"}}},{"Effect":"Allow","Action":["lambda:CreateFunction","lambda:InvokeFunction"],"Resource":"arn:aws:lambda:*:111122223333:function:orders-*"}',
      ),
    },
    { name: 'access keys for the caller only', code: policy('{"Effect":"Allow","Action":"iam:CreateAccessKey","Resource":"arn:aws:iam::*:user/${aws:username}"}') },
    { name: 'one action of the method is missing', code: policy('{"Effect":"Allow","Action":["iam:PassRole","lambda:CreateFunction"],"Resource":"arn:aws:iam::*:role/app-*"}') },
    {
      name: 'a resource of another service grants iam:PassRole nothing',
      code: policy('{"Effect":"Allow","Action":["iam:PassRole","ec2:RunInstances"],"Resource":["arn:aws:s3:::app-*","arn:aws:ec2:*:*:instance/*"]}'),
    },
    {
      name: 'a stack name pattern names no stack set',
      code: policy('{"Effect":"Allow","Action":["iam:PassRole","cloudformation:UpdateStackSet"],"Resource":["arn:aws:iam::*:role/app-*","arn:aws:cloudformation:*:*:stack/app-*"]}'),
    },
    {
      name: 'iam:PassedToService names another service than the method\'s',
      code: policy(
        '{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::*:role/app-*","Condition":{"StringEquals":{"iam:PassedToService":"ecs-tasks.amazonaws.com"}}},{"Effect":"Allow","Action":"ec2:RunInstances","Resource":"*"}',
      ),
    },
    { name: 'denied outright', code: policy('{"Effect":"Allow","Action":"iam:PutRolePolicy","Resource":"arn:aws:iam::*:role/app"},{"Effect":"Deny","Action":"iam:Put*","Resource":"*"}') },
    { name: 'a full administrator has nothing to escalate to', code: policy('{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Allow","Action":"iam:PutRolePolicy","Resource":"arn:aws:iam::*:role/app"}') },
    { name: 'permissions boundary', code: policy('{"Effect":"Allow","Action":"iam:PutRolePolicy","Resource":"arn:aws:iam::*:role/app"}'), policyType: 'permissions-boundary' },
  ],
  invalid: [
    {
      name: 'the role passed is a name pattern',
      code: policy('{"Effect":"Allow","Action":[[|"iam:PassRole"|],"ec2:RunInstances"],"Resource":["arn:aws:iam::111122223333:role/app-*","arn:aws:ec2:*:*:*"]}'),
      errors: [
        {
          messageId: 'potential',
          message:
            '"iam:PassRole" allows privilege escalation on the resources the policy names: iam:PassRole + ec2:RunInstances lets it launch an instance with a privileged role and use the role\'s credentials from it; check that none of them is more privileged than this principal should be, or remove these actions.',
        },
      ],
    },
    {
      name: 'a policy written onto one exactly named role can make it an administrator',
      code: policy('{"Effect":"Allow","Action":[|"iam:PutRolePolicy"|],"Resource":"arn:aws:iam::111122223333:role/app"}'),
      errors: [
        {
          messageId: 'potential',
          message:
            '"iam:PutRolePolicy" allows privilege escalation on the resources the policy names: iam:PutRolePolicy lets it write an inline policy of its choice on a role, its own included; check that none of them is more privileged than this principal should be, or remove these actions.',
        },
      ],
    },
    {
      name: 'a managed policy attached to the caller itself',
      code: policy('{"Effect":"Allow","Action":[|"iam:AttachUserPolicy"|],"Resource":"arn:aws:iam::*:user/${aws:username}"}'),
      errors: ['potential'],
    },
    {
      name: 'the functions taken over are a name pattern',
      code: policy('{"Effect":"Allow","Action":[|"lambda:UpdateFunctionCode"|],"Resource":"arn:aws:lambda:*:*:function:app-*"}'),
      errors: ['potential'],
    },
    {
      name: 'every role under a tag condition (reported at the method\'s first action string, as privilege-escalation does)',
      code: policy(
        '{"Effect":"Allow","Action":[|"ec2:RunInstances"|],"Resource":"*"},{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"web"}}}',
      ),
      errors: ['potential'],
    },
    {
      name: 'the role on every resource, the launch limited by a tag condition',
      code: policy(
        '{"Effect":"Allow","Action":[|"ec2:RunInstances"|],"Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"web"}}},{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}}',
      ),
      errors: ['potential'],
    },
    {
      name: 'trust policies of a family of roles',
      code: policy('{"Effect":"Allow","Action":[|"iam:UpdateAssumeRolePolicy"|],"Resource":"arn:aws:iam::*:role/deploy-*"}'),
      errors: ['potential'],
    },
    { name: 'a family of roles to assume', code: policy('{"Effect":"Allow","Action":[|"sts:AssumeRole"|],"Resource":"arn:aws:iam::*:role/deploy-*"}'), errors: ['potential'] },
    {
      name: 'a method on every resource is not repeated here; another on named ones is',
      code: policy(
        '{"Effect":"Allow","Action":["iam:PassRole","ec2:RunInstances"],"Resource":"*"},{"Effect":"Allow","Action":[|"codebuild:StartBuild"|],"Resource":"arn:aws:codebuild:*:*:project/app-*"}',
      ),
      errors: [
        {
          messageId: 'potential',
          message:
            '"codebuild:StartBuild" allows privilege escalation on the resources the policy names: codebuild:StartBuild lets it start a build of an existing project with a buildspec of its choice, run with the project\'s role; check that none of them is more privileged than this principal should be, or remove these actions.',
        },
      ],
    },
  ],
});

/**
 * A name pattern for the target's first resource type: `arn:aws:iam::*:role/app-*`. Partition, Region and account
 * are filled in, every other placeholder becomes `app-*`.
 */
function namePattern(actionName: string): string {
  const action = getCatalog().findAction(actionName)!;
  const format = action.resourceTypes[0]!.resourceType.arn;
  return format
    .replace('${Partition}', 'aws')
    .replace('${Region}', '*')
    .replace('${Account}', '111122223333')
    .replace(/\$\{[^}]*\}/g, 'app-*');
}

suite('privilege-escalation-potential over the method data', () => {
  for (const method of escalationMethods) {
    test(`${method.id}, its target ${method.target} on a name pattern and the rest on "*", is a potential finding only`, () => {
      const others = method.actions.filter((action) => action !== method.target);
      const statements = [`{"Effect":"Allow","Action":${JSON.stringify(method.target)},"Resource":${JSON.stringify(namePattern(method.target))}}`];
      if (others.length) statements.push(`{"Effect":"Allow","Action":${JSON.stringify(others)},"Resource":"*"}`);
      const text = policy(statements.join(','));
      const described = `${method.actions.join(' + ')} lets it ${method.reason}`;
      const messages = lint(rule, text).map((problem) => problem.message);
      assert.ok(messages.some((message) => message.includes(described)), `${method.id}: ${messages.join(' / ') || 'nothing reported'}`);
      assert.ok(!lint(full, text).some((problem) => problem.message.includes(described)), `${method.id}: not privilege-escalation as well`);
    });
  }
});
