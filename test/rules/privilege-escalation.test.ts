import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import rule from '../../server/src/rules/privilege-escalation';
import potential from '../../server/src/rules/privilege-escalation-potential';
import { escalationMethods } from '../../server/src/rules/shared/escalationMethods';
import { lint, runRuleTests } from '../support/ruleTester';

const policy = (statements: string) => `{"Version":"2012-10-17","Statement":[${statements}]}`;
/** One statement allowing the actions on every resource; the first action string is the expected range. */
const onEveryResource = (first: string, ...rest: string[]) =>
  policy(`{"Effect":"Allow","Action":[[|${JSON.stringify(first)}|]${rest.map((a) => `,${JSON.stringify(a)}`).join('')}],"Resource":"*"}`);

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
    { name: 'roles named (privilege-escalation-potential\'s case)', code: policy('{"Effect":"Allow","Action":["iam:PassRole","ec2:RunInstances"],"Resource":["arn:aws:iam::111122223333:role/web","arn:aws:ec2:*:*:*"]}') },
    { name: 'denied outright', code: policy('{"Effect":"Allow","Action":"iam:AttachUserPolicy","Resource":"*"},{"Effect":"Deny","Action":"iam:Attach*","Resource":"*"}') },
    { name: 'a full administrator has nothing to escalate to (full-admin-access)', code: policy('{"Effect":"Allow","Action":"*","Resource":"*"}') },
    { name: 'permissions boundary', code: policy('{"Effect":"Allow","Action":"iam:CreatePolicyVersion","Resource":"*"}'), policyType: 'permissions-boundary' },
    { name: 'ecs:ExecuteCommand without ecs:DescribeTasks (the CLI needs it for the session)', code: policy('{"Effect":"Allow","Action":"ecs:ExecuteCommand","Resource":"*"}') },
    { name: 'Cloudsplaining\'s Data Pipeline pair: without PutPipelineDefinition no role is passed and nothing runs', code: policy('{"Effect":"Allow","Action":["iam:PassRole","datapipeline:CreatePipeline"],"Resource":"*"}') },
    { name: 'CodeStar project creation ended in 2024', code: policy('{"Effect":"Allow","Action":["codestar:CreateProject","codestar:AssociateTeamMember"],"Resource":"*"}') },
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
    {
      name: 'iam:UpdateAssumeRolePolicy alone: a trust policy that names the caller needs no sts:AssumeRole grant',
      code: onEveryResource('iam:UpdateAssumeRolePolicy'),
      errors: [
        {
          messageId: 'escalation',
          message:
            '"iam:UpdateAssumeRolePolicy" allows privilege escalation: iam:UpdateAssumeRolePolicy lets it rewrite a privileged role\'s trust policy to name itself and assume the role (a trust policy that names the caller needs no sts:AssumeRole grant); remove these actions or limit them to specific resources.',
        },
      ],
    },
    { name: 'sts:AssumeRole on every role', code: onEveryResource('sts:AssumeRole'), errors: ['escalation'] },
    { name: 'ECS execute-command', code: onEveryResource('ecs:ExecuteCommand', 'ecs:DescribeTasks'), errors: ['escalation'] },
    { name: 'ECS service', code: onEveryResource('iam:PassRole', 'ecs:RegisterTaskDefinition', 'ecs:CreateService'), errors: ['escalation'] },
    { name: 'ECS start-task', code: onEveryResource('ecs:StartTask', 'ecs:RegisterTaskDefinition', 'iam:PassRole'), errors: ['escalation'] },
    { name: 'CloudFormation change set', code: onEveryResource('cloudformation:CreateChangeSet', 'cloudformation:ExecuteChangeSet'), errors: ['escalation'] },
    {
      name: 'CloudFormation stack set, created',
      code: onEveryResource('iam:PassRole', 'cloudformation:CreateStackSet', 'cloudformation:CreateStackInstances'),
      errors: ['escalation'],
    },
    { name: 'CloudFormation stack set, updated', code: onEveryResource('cloudformation:UpdateStackSet', 'iam:PassRole'), errors: ['escalation'] },
    { name: 'EC2 user data', code: onEveryResource('ec2:ModifyInstanceAttribute', 'ec2:StopInstances', 'ec2:StartInstances'), errors: ['escalation'] },
    { name: 'EC2 launch template', code: onEveryResource('ec2:CreateLaunchTemplateVersion', 'ec2:ModifyLaunchTemplate'), errors: ['escalation'] },
    {
      name: 'EC2 Spot Instances',
      code: onEveryResource('ec2:RequestSpotInstances', 'iam:PassRole'),
      errors: [
        {
          messageId: 'escalation',
          message:
            '"ec2:RequestSpotInstances" allows privilege escalation: iam:PassRole + ec2:RequestSpotInstances lets it request a Spot Instance with a privileged role and use the role\'s credentials from it; remove these actions or limit them to specific resources.',
        },
      ],
    },
    { name: 'App Runner, new service', code: onEveryResource('apprunner:CreateService', 'iam:PassRole'), errors: ['escalation'] },
    { name: 'App Runner, existing service', code: onEveryResource('apprunner:UpdateService'), errors: ['escalation'] },
    {
      name: 'CodeBuild batch build of a new project; the batch build alone reaches existing projects',
      code: policy('{"Effect":"Allow","Action":[[|"iam:PassRole"|],"codebuild:CreateProject",[|"codebuild:StartBuildBatch"|]],"Resource":"*"}'),
      errors: ['escalation', 'escalation'],
    },
    { name: 'CodeBuild build of an existing project', code: onEveryResource('codebuild:StartBuild'), errors: ['escalation'] },
    { name: 'Glue job started by a trigger', code: onEveryResource('iam:PassRole', 'glue:CreateJob', 'glue:CreateTrigger'), errors: ['escalation'] },
    { name: 'Glue job updated, then run', code: onEveryResource('glue:UpdateJob', 'glue:StartJobRun', 'iam:PassRole'), errors: ['escalation'] },
    {
      name: 'Lambda with add-permission',
      code: onEveryResource('iam:PassRole', 'lambda:CreateFunction', 'lambda:AddPermission'),
      errors: [
        {
          messageId: 'escalation',
          message:
            '"iam:PassRole" allows privilege escalation: iam:PassRole + lambda:CreateFunction + lambda:AddPermission lets it create a function with a privileged role and let another account or service invoke it; remove these actions or limit them to specific resources.',
        },
      ],
    },
    { name: 'SageMaker notebook instance with a passed role', code: onEveryResource('sagemaker:CreateNotebookInstance', 'iam:PassRole'), errors: ['escalation'] },
    {
      name: 'SageMaker lifecycle configuration',
      code: onEveryResource(
        'sagemaker:CreateNotebookInstanceLifecycleConfig',
        'sagemaker:StopNotebookInstance',
        'sagemaker:UpdateNotebookInstance',
        'sagemaker:StartNotebookInstance',
      ),
      errors: ['escalation'],
    },
    {
      name: 'Bedrock AgentCore code interpreter, new; a session alone reaches existing interpreters',
      code: policy(
        '{"Effect":"Allow","Action":[[|"iam:PassRole"|],"bedrock-agentcore:CreateCodeInterpreter",[|"bedrock-agentcore:StartCodeInterpreterSession"|],"bedrock-agentcore:InvokeCodeInterpreter"],"Resource":"*"}',
      ),
      errors: ['escalation', 'escalation'],
    },
    {
      name: 'Bedrock AgentCore code interpreter, existing',
      code: onEveryResource('bedrock-agentcore:StartCodeInterpreterSession', 'bedrock-agentcore:InvokeCodeInterpreter'),
      errors: [
        {
          messageId: 'escalation',
          message:
            '"bedrock-agentcore:StartCodeInterpreterSession" allows privilege escalation: bedrock-agentcore:StartCodeInterpreterSession + bedrock-agentcore:InvokeCodeInterpreter lets it run code in an existing Bedrock AgentCore code interpreter and use its execution role; remove these actions or limit them to specific resources.',
        },
      ],
    },
  ],
});

suite('privilege-escalation over the method data', () => {
  for (const method of escalationMethods) {
    test(`${method.id}, granted alone on "*", is reported by privilege-escalation only`, () => {
      const text = policy(`{"Effect":"Allow","Action":${JSON.stringify(method.actions)},"Resource":"*"}`);
      const described = `${method.actions.join(' + ')} lets it ${method.reason}`;
      const messages = lint(rule, text).map((problem) => problem.message);
      assert.ok(messages.some((message) => message.includes(described)), `${method.id}: ${messages.join(' / ')}`);
      assert.deepEqual(lint(potential, text), [], `${method.id}: not a potential finding as well`);
    });
  }
});
