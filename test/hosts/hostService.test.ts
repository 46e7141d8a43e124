/**
 * Host documents through the whole engine (issue #14): readHost -> hostModel -> createHostService, with exact host
 * ranges. `[|...|]` marks where a finding is expected (every finding of the file is listed: nothing more, nothing
 * less), `|` the cursor for completion and hover. Each case names its host: CloudFormation in YAML and JSON,
 * Terraform (jsonencode, heredocs, aws_iam_policy_document), serverless.yml, CDK in TypeScript and Python.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { defaultSettings } from '../../shared/settings';
import type { HostSyntax } from '../../shared/hostFiles';
import { createPolicyService } from '../../server/src/service';
import { createHostService, hostSyntaxErrorId } from '../../server/src/hosts/hostService';
import type { HostModel } from '../../server/src/hosts/hostModel';
import type { Edit, Fix, Problem } from '../../server/src/rules/types';
import { cursor, ranges } from '../support/markers';
import { hostModelOf, hostOf } from './hostEngine';
import { cdkPy, cdkTs, cfnJson, cfnYaml, slsFunction, slsResources, slsV2, slsV3, tfDocument, tfJsonencode } from './hostTexts';
import { applyEdits } from './terraformSupport';

const hostService = createHostService(createPolicyService());

const modelOf = hostModelOf;

/** A finding as people read it: the rule and the exact characters it covers. */
const shown = (text: string, p: { ruleId: string; offset: number; length: number }) =>
  `${p.ruleId} ${JSON.stringify(text.slice(p.offset, p.offset + p.length))} @${p.offset}+${p.length}`;

async function problemsOf(syntax: HostSyntax, text: string): Promise<{ model: HostModel; problems: Problem[] }> {
  const model = await modelOf(syntax, text);
  return { model, problems: hostService.analyze(model, defaultSettings) };
}

/** Asserts the file's findings are exactly the marked ranges, with these rules, in this order. */
async function expectFindings(syntax: HostSyntax, source: string, rules: readonly string[]): Promise<{ model: HostModel; problems: Problem[]; text: string }> {
  const { text, spans } = ranges(source);
  assert.equal(spans.length, rules.length, 'one rule per marked range');
  const { model, problems } = await problemsOf(syntax, text);
  const expected = spans.map((span, i) => shown(text, { ruleId: rules[i]!, ...span }));
  assert.deepEqual(problems.map((p) => shown(text, p)), expected, `in:\n${text}`);
  return { model, problems, text };
}

const bucketObjects = 'arn:aws:s3:::my-bucket/*';

// --- a typo in an action -----------------------------------------------------------------------------------------

suite('host service: a typo in an action is reported exactly at its characters', () => {
  const cases: [name: string, syntax: HostSyntax, source: string][] = [
    ['CloudFormation YAML, plain scalar', 'yaml', cfnYaml(`- Effect: Allow\n  Action: [|s3:PutObjet|]\n  Resource: ${bucketObjects}`)],
    ['CloudFormation YAML, double-quoted', 'yaml', cfnYaml(`- Effect: Allow\n  Action: [|"s3:PutObjet"|]\n  Resource: "${bucketObjects}"`)],
    ['CloudFormation YAML, single-quoted', 'yaml', cfnYaml(`- Effect: Allow\n  Action: [|'s3:PutObjet'|]\n  Resource: '${bucketObjects}'`)],
    ['CloudFormation YAML, block list', 'yaml', cfnYaml(`- Effect: Allow\n  Action:\n    - s3:GetObject\n    - [|s3:PutObjet|]\n  Resource: ${bucketObjects}`)],
    ['CloudFormation YAML, flow list', 'yaml', cfnYaml(`- Effect: Allow\n  Action: [s3:GetObject, [|s3:PutObjet|]]\n  Resource: ${bucketObjects}`)],
    ['CloudFormation JSON', 'json', cfnJson(`{\n  "Effect": "Allow",\n  "Action": ["s3:GetObject", [|"s3:PutObjet"|]],\n  "Resource": "${bucketObjects}"\n}`)],
    ['Terraform jsonencode', 'terraform', tfJsonencode(`{\n  Effect   = "Allow"\n  Action   = ["s3:GetObject", [|"s3:PutObjet"|]]\n  Resource = "${bucketObjects}"\n},`)],
    [
      'Terraform heredoc <<EOF',
      'terraform',
      `resource "aws_iam_policy" "p" {\n  policy = <<EOF\n{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": [|"s3:PutObjet"|],\n      "Resource": "${bucketObjects}"\n    }\n  ]\n}\nEOF\n}\n`,
    ],
    [
      'Terraform indented heredoc <<-EOF',
      'terraform',
      `resource "aws_iam_policy" "p" {\n  policy = <<-EOF\n    {\n      "Version": "2012-10-17",\n      "Statement": [\n        {\n          "Effect": "Allow",\n          "Action": [|"s3:PutObjet"|],\n          "Resource": "${bucketObjects}"\n        }\n      ]\n    }\n  EOF\n}\n`,
    ],
    ['Terraform aws_iam_policy_document', 'terraform', tfDocument(`statement {\n  actions   = ["s3:GetObject", [|"s3:PutObjet"|]]\n  resources = ["${bucketObjects}"]\n}`)],
    ['serverless.yml v3', 'yaml', slsV3(`- Effect: Allow\n  Action:\n    - [|s3:PutObjet|]\n  Resource: ${bucketObjects}`)],
    ['serverless.yml v2', 'yaml', slsV2(`- Effect: "Allow"\n  Action: [[|"s3:PutObjet"|]]\n  Resource: "${bucketObjects}"`)],
    ["serverless.yml, a function's iamRoleStatements", 'yaml', slsFunction(`- Effect: Allow\n  Action: [|s3:PutObjet|]\n  Resource: ${bucketObjects}`)],
    ['serverless.yml, resources.Resources', 'yaml', slsResources(`- Effect: Allow\n  Action: [|s3:PutObjet|]\n  Resource: ${bucketObjects}`)],
    ['CDK TypeScript', 'typescript', cdkTs(`actions: ['s3:GetObject', [|'s3:PutObjet'|]],\nresources: ['${bucketObjects}'],`)],
    ['CDK Python', 'python', cdkPy(`actions=["s3:GetObject", [|"s3:PutObjet"|]],\nresources=["${bucketObjects}"],`)],
  ];
  for (const [name, syntax, source] of cases) {
    test(name, async () => {
      await expectFindings(syntax, source, ['invalid-action']);
    });
  }
});

// --- values the host computes -----------------------------------------------------------------------------------

/** A read statement in YAML with this Resource (and Action) value. */
const yamlRead = (resource: string, action = 's3:GetObject') => cfnYaml(`- Effect: Allow\n  Action: ${action}\n  Resource: ${resource}`);
const jsonRead = (resource: string, action = '"s3:GetObject"') => cfnJson(`{\n  "Effect": "Allow",\n  "Action": ${action},\n  "Resource": ${resource}\n}`);
const tfRead = (resource: string, action = '"s3:GetObject"') => tfJsonencode(`{\n  Effect   = "Allow"\n  Action   = ${action}\n  Resource = ${resource}\n},`);
const tfDocumentRead = (resources: string, actions = '["s3:GetObject"]') => `resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n\n${tfDocument(`statement {\n  actions   = ${actions}\n  resources = ${resources}\n}`)}`;
const slsRead = (resource: string, action = 's3:GetObject') => `${slsV3(`- Effect: Allow\n  Action: ${action}\n  Resource: ${resource}`)}custom:\n  bucket: uploads\n  actions: [s3:GetObject]\n`;

suite('host service: values the host computes are never an error, and rules that depend on them are silent', () => {
  test('control: the same statement on Resource "*" has the findings the computed values must not bring', async () => {
    await expectFindings('yaml', yamlRead('"*"', '[|s3:GetObject|]'), ['data-exfiltration']);
  });

  const silent: [name: string, syntax: HostSyntax, text: string][] = [
    ['!Sub', 'yaml', yamlRead('!Sub "arn:${AWS::Partition}:s3:::${Bucket}/*"')],
    ['!Sub in list form', 'yaml', yamlRead('!Sub ["arn:${AWS::Partition}:s3:::${B}/*", {B: !Ref Bucket}]')],
    ['Fn::Sub', 'yaml', yamlRead('\n    Fn::Sub: "arn:${AWS::Partition}:s3:::${Bucket}/*"')],
    ['Fn::Sub in list form, block style', 'yaml', yamlRead('\n    Fn::Sub:\n      - "arn:${AWS::Partition}:s3:::${B}/*"\n      - B: !Ref Bucket')],
    ['!GetAtt', 'yaml', yamlRead('!GetAtt Bucket.Arn')],
    ['!GetAtt in a list, with a !Sub', 'yaml', yamlRead('\n    - !GetAtt Bucket.Arn\n    - !Sub "${Bucket.Arn}/*"')],
    ['!Join', 'yaml', yamlRead('!Join ["", ["arn:aws:s3:::", !Ref Bucket, "/*"]]')],
    ['!If', 'yaml', yamlRead('!If [IsProd, "arn:aws:s3:::prod/*", "arn:aws:s3:::dev/*"]')],
    ['!ImportValue', 'yaml', yamlRead('!ImportValue SharedBucketObjects')],
    ['!Ref', 'yaml', yamlRead('!Ref BucketObjects')],
    ['!Select', 'yaml', yamlRead('!Select [0, !Ref BucketArns]')],
    ['!Split', 'yaml', yamlRead('!Split [",", !Ref BucketArns]')],
    ['!FindInMap', 'yaml', yamlRead('!FindInMap [Buckets, !Ref Stage, Objects]')],
    ['!Ref as the Action', 'yaml', yamlRead(bucketObjects, '!Ref Actions')],
    ['!Split as the Action', 'yaml', yamlRead(bucketObjects, '!Split [",", !Ref Actions]')],
    ['!Sub in an Action', 'yaml', yamlRead(bucketObjects, '!Sub "s3:${Verb}Object"')],
    ['!If in an Action', 'yaml', yamlRead(bucketObjects, '!If [IsProd, s3:GetObject, s3:PutObject]')],
    ['Fn::If in an Action, long form', 'yaml', yamlRead(bucketObjects, '\n    Fn::If: [IsProd, [s3:GetObject], [s3:GetObject, s3:PutObject]]')],
    ['an Action list with a !Ref', 'yaml', yamlRead(bucketObjects, '[s3:GetObject, !Ref ExtraAction]')],
    ['!FindInMap as the Action', 'yaml', yamlRead(bucketObjects, '!FindInMap [Actions, !Ref Stage, Read]')],
    ['JSON Fn::Sub', 'json', jsonRead('{ "Fn::Sub": "arn:${AWS::Partition}:s3:::${Bucket}/*" }')],
    ['JSON Fn::Sub list form', 'json', jsonRead('{ "Fn::Sub": ["arn:${AWS::Partition}:s3:::${B}/*", { "B": { "Ref": "Bucket" } }] }')],
    ['JSON Fn::GetAtt', 'json', jsonRead('{ "Fn::GetAtt": ["Bucket", "Arn"] }')],
    ['JSON Fn::Join', 'json', jsonRead('{ "Fn::Join": ["", ["arn:aws:s3:::", { "Ref": "Bucket" }, "/*"]] }')],
    ['JSON Fn::If in an Action', 'json', jsonRead(`"${bucketObjects}"`, '{ "Fn::If": ["IsProd", "s3:GetObject", "s3:PutObject"] }')],
    ['JSON Fn::ImportValue', 'json', jsonRead('{ "Fn::ImportValue": "SharedBucketObjects" }')],
    ['Terraform interpolation', 'terraform', tfRead('"${aws_s3_bucket.b.arn}/*"')],
    ['Terraform reference', 'terraform', tfRead('aws_s3_bucket.b.arn')],
    ['Terraform variable', 'terraform', tfRead('var.bucket_objects')],
    ['Terraform variable inside an ARN', 'terraform', tfRead('"arn:aws:s3:::${var.bucket}/*"')],
    ['Terraform variable as the Action', 'terraform', tfRead(`"${bucketObjects}"`, 'var.actions')],
    ['Terraform list of references', 'terraform', tfRead('[aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"]')],
    ['Terraform heredoc interpolation', 'terraform', `resource "aws_iam_policy" "p" {\n  policy = <<EOF\n{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "\${aws_s3_bucket.b.arn}/*"}]\n}\nEOF\n}\n`],
    ['aws_iam_policy_document references', 'terraform', tfDocumentRead('[aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"]')],
    ['aws_iam_policy_document variable list', 'terraform', tfDocumentRead('var.resources', 'local.actions')],
    ['serverless variable in an ARN', 'yaml', slsRead('arn:aws:s3:::${self:custom.bucket}/*')],
    ['serverless variables everywhere', 'yaml', slsRead('arn:aws:dynamodb:${aws:region}:${aws:accountId}:table/${self:custom.table}', 'dynamodb:GetItem')],
    ['serverless variable as the whole value', 'yaml', slsRead('${ssm:/shop/bucket-objects}', '${self:custom.actions}')],
    ['serverless with an intrinsic', 'yaml', slsRead('!GetAtt Table.Arn', 'dynamodb:GetItem')],
    ['serverless with a long-form intrinsic', 'yaml', slsRead('{ "Fn::GetAtt": [Table, Arn] }', 'dynamodb:GetItem')],
    ['CDK TypeScript references', 'typescript', cdkTs('actions: [\'s3:GetObject\', extraAction],\nresources: [bucket.bucketArn, `${bucket.bucketArn}/*`, bucket.arnForObjects(\'*\')],')],
    ['CDK Python references', 'python', cdkPy('actions=["s3:GetObject", extra_action],\nresources=[bucket.bucket_arn, f"{bucket.bucket_arn}/*", bucket.arn_for_objects("*")],')],
  ];
  for (const [name, syntax, text] of silent) {
    test(`${name}: no finding`, async () => {
      await expectFindings(syntax, text, []);
    });
  }

  // A queue policy granting a service or everyone; the condition's value is computed.
  const queuePolicy = (principal: string, condition: string) =>
    `Resources:\n  QueuePolicy:\n    Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues: [!Ref Queue]\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: ${principal}\n            Action: sqs:SendMessage\n            Resource: !GetAtt Queue.Arn\n${condition}`;
  test('a condition key whose value is computed narrows the grant: restrict-access-to-service-principal, public-principal', async () => {
    const sourceArn = '            Condition:\n              ArnEquals:\n                aws:SourceArn: !Ref Topic\n';
    const orgId = '            Condition:\n              StringEquals:\n                aws:PrincipalOrgID: [!Ref OrgId]\n';
    await expectFindings('yaml', queuePolicy('{Service: sns.amazonaws.com}', sourceArn), []);
    await expectFindings('yaml', queuePolicy('"*"', orgId), []);
    // The controls: without the condition, or with a wildcard written beside the computed value.
    await expectFindings('yaml', queuePolicy('{Service: [|sns.amazonaws.com|]}', ''), ['restrict-access-to-service-principal']);
    const wildcardToo = '            Condition:\n              StringLike:\n                aws:PrincipalOrgID: [!Ref OrgId, "*"]\n';
    await expectFindings('yaml', queuePolicy('[|"*"|]', wildcardToo), ['public-principal']);
  });

  test('a Deny whose negated condition has a computed value narrows an Allow to everyone (a private API\'s policy)', async () => {
    const api = (deny: string) =>
      `Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Policy:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: ${deny ? '"*"' : '[|"*"|]'}\n            Action: execute-api:Invoke\n            Resource: execute-api:/*\n${deny}`;
    const deny = '          - Effect: Deny\n            Principal: "*"\n            Action: execute-api:Invoke\n            Resource: execute-api:/*\n            Condition:\n              StringNotEquals:\n                aws:SourceVpce: !Ref VpcEndpointId\n';
    await expectFindings('yaml', api(deny), []);
    // The control: without the Deny, the Allow is public.
    await expectFindings('yaml', api(''), ['public-principal']);
  });

  const prefixTypos: [name: string, syntax: HostSyntax, source: string, rule: string][] = [
    ['an ARN prefix in !Sub', 'yaml', yamlRead('[|!Sub "arm:${AWS::Partition}:s3:::${Bucket}/*"|]'), 'invalid-arn-prefix'],
    ['a service case in Fn::Sub (JSON)', 'json', jsonRead('[|{ "Fn::Sub": "arn:aws:S3:::${Bucket}/*" }|]'), 'invalid-arn-service-case'],
    ['an action service in !Sub', 'yaml', yamlRead(bucketObjects, '[|!Sub "s4:Get${Verb}"|]'), 'invalid-service-in-action'],
    ['an action name no hole can complete', 'yaml', yamlRead(bucketObjects, '[|!Sub "s3:PutObjet${Suffix}"|]'), 'invalid-action'],
    ['an ARN prefix in a Terraform interpolation', 'terraform', tfRead('[|"arm:aws:s3:::${var.bucket}/*"|]'), 'invalid-arn-prefix'],
    ['an ARN prefix in a serverless variable', 'yaml', slsRead('[|arm:aws:s3:::${self:custom.bucket}/*|]'), 'invalid-arn-prefix'],
  ];
  for (const [name, syntax, source, rule] of prefixTypos) {
    test(`a typo in the literal text before a template's first hole is reported on the whole value: ${name}`, async () => {
      const { problems } = await expectFindings(syntax, source, [rule]);
      // A fix would write a literal over the holes.
      assert.equal(problems[0]!.fix, undefined);
      assert.deepEqual(problems[0]!.suggestions, []);
    });
  }

  test('what follows a hole is not judged: a field count, an account, a region, a wildcard', async () => {
    await expectFindings('yaml', yamlRead('!Sub "${BucketArn}/*"'), []);
    await expectFindings('yaml', yamlRead('!Sub "arn:aws:s3:${Rest}"'), []);
    await expectFindings('yaml', yamlRead('!Sub "arn:aws:sqs:${AWS::Region}:12345:${Queue}"', 'sqs:SendMessage'), []);
    await expectFindings('yaml', yamlRead('!Sub "arn:aws:s3:::${Bucket}"', 's3:ListBucket'), []);
    await expectFindings('yaml', yamlRead(bucketObjects, '!Sub "${Service}:GetObject"'), []);
  });

  test('a typo in an action next to a computed one is reported', async () => {
    await expectFindings('yaml', yamlRead(bucketObjects, '[[|s3:PutObjet|], !Ref ExtraAction]'), ['invalid-action']);
    await expectFindings('terraform', tfRead('"${aws_s3_bucket.b.arn}/*"', '[[|"s3:PutObjet"|], var.action]'), ['invalid-action']);
  });

  test('!If [Cond, X, !Ref AWS::NoValue] as a statement: X is checked', async () => {
    const source = cfnYaml(`- !If\n  - IsProd\n  - Effect: Allow\n    Action: [|s3:PutObjet|]\n    Resource: ${bucketObjects}\n  - !Ref AWS::NoValue`);
    await expectFindings('yaml', source, ['invalid-action']);
    const flow = cfnYaml(`- !If [IsProd, {Effect: Allow, Action: [|s3:PutObjet|], Resource: "${bucketObjects}"}, !Ref AWS::NoValue]`);
    await expectFindings('yaml', flow, ['invalid-action']);
    await expectFindings('json', cfnJson(`{ "Fn::If": ["IsProd", { "Effect": "Allow", "Action": [|"s3:PutObjet"|], "Resource": "${bucketObjects}" }, { "Ref": "AWS::NoValue" }] }`), ['invalid-action']);
  });

  test('a property value under !If [Cond, X, !Ref AWS::NoValue]: X is checked', async () => {
    const source = `Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: !If\n        - IsProd\n        - Version: "2012-10-17"\n          Statement:\n            - Effect: Allow\n              Principal: { Service: lambda.amazonaws.com }\n              Action: [|sts:AssumeRol|]\n        - !Ref AWS::NoValue\n`;
    await expectFindings('yaml', source, ['invalid-action']);
  });
});

// --- template shapes ---------------------------------------------------------------------------------------------

suite('host service: template shapes', () => {
  test('a nested stack holds no policy of its own: nothing', async () => {
    const text = `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: https://example.com/child.yaml\n      Parameters:\n        Action: s3:PutObjet\n        Policy: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'\n`;
    const { model } = await expectFindings('yaml', text, []);
    assert.equal(model.policies.length, 0);
  });

  test('SAM Policies: statements are checked, policy templates and managed names are not policies', async () => {
    const source = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      Policies:
        - AWSLambdaBasicExecutionRole
        - S3ReadPolicy:
            BucketName: my-bucket
        - DynamoDBCrudPolicy:
            TableName: !Ref Table
        - SQSPollerPolicy: {QueueName: !GetAtt Queue.QueueName}
        - Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Action: [|s3:PutObjet|]
              Resource: ${bucketObjects}
  Other:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Policies:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: [|sqs:SendMesage|]
            Resource: !GetAtt Queue.Arn
`;
    const { model } = await expectFindings('yaml', source, ['invalid-action', 'invalid-action']);
    assert.deepEqual(model.policies.map((p) => p.policy.label), ['Resources.Fn.Properties.Policies[4]', 'Resources.Other.Properties.Policies']);
  });

  test('a Terraform policy document whose statements all come from other documents: no missing-statement', async () => {
    const text = `data "aws_iam_policy_document" "merged" {\n  source_policy_documents = [data.aws_iam_policy_document.a.json]\n}\n[|data "aws_iam_policy_document" "none" {\n}|]\n`;
    // The control: the same block without its source documents has no Statement.
    const { model } = await expectFindings('terraform', text, ['missing-statement']);
    assert.deepEqual(model.policies.map((p) => p.policy.label), ['data.aws_iam_policy_document.merged', 'data.aws_iam_policy_document.none']);
  });

  test('missing-mfa does not stand on a role only AWS services assume: its trust beside it, SAM and Serverless roles', async () => {
    const sensitive = '- Effect: Allow\n  Action: iam:UpdateAccountPasswordPolicy\n  Resource: "*"';
    const indent = (text: string, spaces: number) => text.replace(/^/gm, ' '.repeat(spaces));
    const role = (principal: string) =>
      `Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: ${principal}\n            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Version: "2012-10-17"\n            Statement:\n${indent(sensitive, 14)}\n`;
    const mfaFindings = async (syntax: HostSyntax, text: string) => (await problemsOf(syntax, text)).problems.filter((p) => p.ruleId === 'missing-mfa').length;
    assert.equal(await mfaFindings('yaml', role('{Service: [lambda.amazonaws.com, !Sub "states.${AWS::Region}.amazonaws.com"]}')), 0);
    assert.equal(await mfaFindings('yaml', role('{Service: ec2.amazonaws.com, AWS: !Ref AdminArn}')), 1, 'people may assume it too');
    assert.equal(await mfaFindings('yaml', role('{AWS: arn:aws:iam::111122223333:root}')), 1);
    assert.equal(await mfaFindings('yaml', role('!Ref Principal')), 1, 'a computed principal may be anyone');
    const sam = `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      Policies:\n        - Version: "2012-10-17"\n          Statement:\n${indent(sensitive, 12)}\n`;
    assert.equal(await mfaFindings('yaml', sam), 0);
    assert.equal(await mfaFindings('yaml', slsV3(sensitive)), 0);
    // A policy attached from another resource is not judged by the roles it names: still reported.
    const attached = `Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      Roles: [!Ref Role]\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n${indent(sensitive, 10)}\n`;
    assert.equal(await mfaFindings('yaml', attached), 1);
  });

  test('a policy written as JSON inside !Sub: its strings are checked, the Sub variables are holes', async () => {
    const policy = (style: 'quoted' | 'block') => {
      const json = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", [|"s3:PutObjet"|]], "Resource": "arn:${AWS::Partition}:s3:::${Bucket}/*"}]}';
      const value = style === 'quoted' ? `!Sub '${json}'` : `!Sub |\n        ${json}`;
      return `Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: ${value}\n`;
    };
    for (const style of ['quoted', 'block'] as const) {
      const { model } = await expectFindings('yaml', policy(style), ['invalid-action']);
      assert.equal(model.policies.length, 1, style);
    }
    // ${!Literal} is the literal text ${Literal}: here a policy variable, which the variable rules judge.
    const variable = `Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: !Sub '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::\${Bucket}/\${!aws:username}/*"}]}'\n`;
    await expectFindings('yaml', variable, []);
  });

  test('SAM Policies with only policy templates: no finding', async () => {
    const text = `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Policies:\n        - S3ReadPolicy: {BucketName: x}\n        - S3CrudPolicy:\n            BucketName: !Ref Bucket\n        - Version: "2012-10-17"\n          Statement: []\n`;
    await expectFindings('yaml', text, []);
  });

  test('a multi-document YAML stream: each document is read, ranges in the whole text', async () => {
    const source = `${cfnYaml(`- Effect: Allow\n  Action: [|s3:PutObjet|]\n  Resource: ${bucketObjects}`)}---\n${cfnYaml(`- Effect: Allow\n  Action: [|s3:GetObjet|]\n  Resource: ${bucketObjects}`)}`;
    const { model } = await expectFindings('yaml', source, ['invalid-action', 'invalid-action']);
    assert.equal(model.policies.length, 2);
  });

  const crlf = (text: string) => text.replace(/\n/g, '\r\n');
  const crlfCases: [name: string, syntax: HostSyntax, source: string][] = [
    ['YAML template', 'yaml', crlf(cfnYaml('- Effect: Allow\n  Action:\n    - s3:GetObject\n    - [|s3:PutObjet|]\n  Resource: !Sub "arn:${AWS::Partition}:s3:::${Bucket}/*"'))],
    ['JSON template', 'json', crlf(cfnJson(`{\n  "Effect": "Allow",\n  "Action": [|"s3:PutObjet"|],\n  "Resource": "${bucketObjects}"\n}`))],
    ['Terraform jsonencode', 'terraform', crlf(tfJsonencode(`{\n  Effect   = "Allow"\n  Action   = [|"s3:PutObjet"|]\n  Resource = "${bucketObjects}"\n},`))],
    ['Terraform heredoc', 'terraform', crlf(`resource "aws_iam_policy" "p" {\n  policy = <<EOF\n{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": [|"s3:PutObjet"|], "Resource": "${bucketObjects}"}]\n}\nEOF\n}\n`)],
    ['serverless.yml', 'yaml', crlf(slsV3(`- Effect: Allow\n  Action:\n    - [|s3:PutObjet|]\n  Resource: ${bucketObjects}`))],
    ['CDK TypeScript', 'typescript', crlf(cdkTs(`actions: [[|'s3:PutObjet'|]],\nresources: ['${bucketObjects}'],`))],
  ];
  for (const [name, syntax, source] of crlfCases) {
    test(`CRLF line ends, ranges exact: ${name}`, async () => {
      const { model, problems, text } = await expectFindings(syntax, source, ['invalid-action']);
      const range = hostService.validationSteps(model, defaultSettings);
      let step = range.next();
      while (!step.done) step = range.next();
      const [diagnostic] = step.value;
      assert.ok(diagnostic);
      assert.equal(model.document.offsetAt(diagnostic.range.start), problems[0]!.offset);
      assert.equal(model.document.offsetAt(diagnostic.range.end), problems[0]!.offset + problems[0]!.length);
      assert.ok(!text.slice(problems[0]!.offset, problems[0]!.offset + problems[0]!.length).includes('\r'));
    });
  }

  const broken: [name: string, syntax: HostSyntax, source: string][] = [
    ['YAML template', 'yaml', `${cfnYaml(`- Effect: Allow\n  Action: [|s3:PutObjet|]\n  Resource: ${bucketObjects}`)}  Broken:\n    Type: [unclosed\n`],
    ['JSON template', 'json', cfnJson(`{\n  "Effect": "Allow",\n  "Action": [|"s3:PutObjet"|],\n  "Resource": "${bucketObjects}"\n}`).replace(/}\n$/, '')],
    ['Terraform', 'terraform', `${tfJsonencode(`{\n  Effect   = "Allow"\n  Action   = [|"s3:PutObjet"|]\n  Resource = "${bucketObjects}"\n},`)}\nresource "aws_s3_bucket" "b" {\n  bucket = \n`],
    ['serverless.yml', 'yaml', `${slsV3(`- Effect: Allow\n  Action: [|s3:PutObjet|]\n  Resource: ${bucketObjects}`)}functions:\n  f: [oops\n`],
  ];
  for (const [name, syntax, source] of broken) {
    test(`a host syntax error is one host-syntax-error finding, and the policy before it is still checked: ${name}`, async () => {
      const { text, spans } = ranges(source);
      const { problems } = await problemsOf(syntax, text);
      const typo = problems.filter((p) => p.ruleId === 'invalid-action');
      assert.deepEqual(typo.map((p) => shown(text, p)), [shown(text, { ruleId: 'invalid-action', ...spans[0]! })]);
      const syntaxErrors = problems.filter((p) => p.ruleId === hostSyntaxErrorId);
      assert.equal(syntaxErrors.length, 1, problems.map((p) => shown(text, p)).join('\n'));
      assert.ok(syntaxErrors[0]!.offset > spans[0]!.offset, 'the error is after the policy');
      assert.equal(problems.length, 2, problems.map((p) => shown(text, p)).join('\n'));
    });
  }

  const types: [name: string, syntax: HostSyntax, text: string, at: string, type: string][] = [
    ['a role trust policy', 'yaml', `Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: {Service: lambda.amazonaws.com}\n            Action: sts:AssumeRole\n`, 'sts:AssumeRole', 'trust'],
    ['a bucket policy', 'yaml', `Resources:\n  P:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: b\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Deny\n            Principal: "*"\n            Action: s3:GetObject\n            Resource: ${bucketObjects}\n`, 's3:GetObject', 'resource'],
    ['an SCP', 'yaml', `Resources:\n  Scp:\n    Type: AWS::Organizations::Policy\n    Properties:\n      Name: deny\n      Type: SERVICE_CONTROL_POLICY\n      Content:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Deny\n            Action: s3:DeleteBucket\n            Resource: "*"\n`, 's3:DeleteBucket', 'scp'],
    ['a permissions boundary by PermissionsBoundary !Ref', 'yaml', `Resources:\n  Boundary:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: s3:GetObject\n            Resource: "*"\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      PermissionsBoundary: !Ref Boundary\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: {Service: ec2.amazonaws.com}\n            Action: sts:AssumeRole\n`, 's3:GetObject', 'permissions-boundary'],
    ['a Terraform trust policy', 'terraform', `resource "aws_iam_role" "r" {\n  assume_role_policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]\n  })\n}\n`, 'sts:AssumeRole', 'trust'],
    ['a Terraform bucket policy', 'terraform', `resource "aws_s3_bucket_policy" "p" {\n  bucket = "b"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Deny", Principal = "*", Action = "s3:GetObject", Resource = "${bucketObjects}" }]\n  })\n}\n`, 's3:GetObject', 'resource'],
    ['a Terraform SCP', 'terraform', `resource "aws_organizations_policy" "p" {\n  name = "deny"\n  content = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Deny", Action = "s3:DeleteBucket", Resource = "*" }]\n  })\n}\n`, 's3:DeleteBucket', 'scp'],
    ['a Terraform permissions_boundary', 'terraform', `resource "aws_iam_policy" "boundary" {\n  name = "boundary"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]\n  })\n}\n\nresource "aws_iam_role" "r" {\n  name = "r"\n  permissions_boundary = aws_iam_policy.boundary.arn\n  assume_role_policy = "{}"\n}\n`, 's3:GetObject', 'permissions-boundary'],
    ['a serverless.yml role', 'yaml', slsV3(`- Effect: Allow\n  Action: s3:GetObject\n  Resource: ${bucketObjects}`), 's3:GetObject', 'identity'],
  ];
  for (const [name, syntax, text, at, type] of types) {
    test(`the policy type comes from the host: ${name}`, async () => {
      const model = await modelOf(syntax, text);
      const position = model.document.positionAt(text.indexOf(at) + 2);
      const found = hostService.policyType(model, position);
      assert.equal(found?.type, type);
      assert.equal(found?.source, 'host');
    });
  }
});

// --- completion and hover ----------------------------------------------------------------------------------------

/** The text after applying a completion item's edit. */
function afterCompletion(text: string, model: HostModel, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const start = model.document.offsetAt(edit.range.start);
  const end = model.document.offsetAt(edit.range.end);
  return text.slice(0, start) + edit.newText + text.slice(end);
}

suite('host service: completion and hover inside a host', () => {
  const completions: [name: string, syntax: HostSyntax, source: string, typed: string][] = [
    ['YAML plain scalar', 'yaml', cfnYaml(`- Effect: Allow\n  Action: s3:GetObj|\n  Resource: ${bucketObjects}`), 's3:GetObj'],
    ['YAML block list item', 'yaml', cfnYaml(`- Effect: Allow\n  Action:\n    - s3:ListBucket\n    - s3:GetObj|\n  Resource: ${bucketObjects}`), 's3:GetObj'],
    ['YAML double-quoted', 'yaml', cfnYaml(`- Effect: Allow\n  Action: "s3:GetObj|"\n  Resource: ${bucketObjects}`), 's3:GetObj'],
    ['YAML single-quoted', 'yaml', cfnYaml(`- Effect: Allow\n  Action: 's3:GetObj|'\n  Resource: ${bucketObjects}`), 's3:GetObj'],
    ['JSON template', 'json', cfnJson(`{\n  "Effect": "Allow",\n  "Action": "s3:GetObj|",\n  "Resource": "${bucketObjects}"\n}`), 's3:GetObj'],
    ['HCL string in jsonencode', 'terraform', tfJsonencode(`{\n  Effect   = "Allow"\n  Action   = ["s3:GetObj|"]\n  Resource = "${bucketObjects}"\n},`), 's3:GetObj'],
    ['HCL string in aws_iam_policy_document', 'terraform', tfDocument(`statement {\n  actions   = ["s3:GetObj|"]\n  resources = ["${bucketObjects}"]\n}`), 's3:GetObj'],
    ['Terraform heredoc', 'terraform', `resource "aws_iam_policy" "p" {\n  policy = <<EOF\n{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "s3:GetObj|", "Resource": "*"}]\n}\nEOF\n}\n`, 's3:GetObj'],
    ['serverless.yml', 'yaml', slsV3(`- Effect: Allow\n  Action:\n    - s3:GetObj|\n  Resource: ${bucketObjects}`), 's3:GetObj'],
    ['CDK TypeScript', 'typescript', cdkTs(`actions: ['s3:GetObj|'],\nresources: ['${bucketObjects}'],`), 's3:GetObj'],
    ['CDK Python', 'python', cdkPy(`actions=["s3:GetObj|"],\nresources=["${bucketObjects}"],`), 's3:GetObj'],
  ];
  for (const [name, syntax, source, typed] of completions) {
    test(`completion of an action: ${name}`, async () => {
      const { text, offset } = cursor(source);
      const model = await modelOf(syntax, text);
      const list = await hostService.complete(model, model.document.positionAt(offset));
      assert.ok(list, 'completion is offered');
      const item = list.items.find((candidate) => candidate.label === 's3:GetObject');
      assert.ok(item, `s3:GetObject is offered among ${list.items.slice(0, 5).map((i) => i.label).join(', ')}`);
      // Every item replaces exactly the typed word.
      for (const candidate of list.items) {
        const edit = candidate.textEdit as TextEdit;
        assert.equal(model.document.offsetAt(edit.range.start), offset - typed.length, `${candidate.label} starts at the word`);
        assert.equal(model.document.offsetAt(edit.range.end), offset, `${candidate.label} ends at the cursor`);
      }
      const applied = afterCompletion(text, model, item);
      assert.equal(applied, text.slice(0, offset - typed.length) + 's3:GetObject' + text.slice(offset));
      assert.ok(list.items.every((candidate) => String(candidate.label).toLowerCase().startsWith('s3:')), 'only S3 actions');
      const again = await problemsOf(syntax, applied);
      assert.deepEqual(again.problems.filter((p) => p.ruleId === 'invalid-action'), []);
    });
  }

  const hovers: [name: string, syntax: HostSyntax, source: string][] = [
    ['YAML template', 'yaml', cfnYaml(`- Effect: Allow\n  Action: [|s3:Get|Object|]\n  Resource: ${bucketObjects}`)],
    ['JSON template', 'json', cfnJson(`{\n  "Effect": "Allow",\n  "Action": [|"s3:Get|Object"|],\n  "Resource": "${bucketObjects}"\n}`)],
    ['Terraform jsonencode', 'terraform', tfJsonencode(`{\n  Effect   = "Allow"\n  Action   = [|"s3:Get|Object"|]\n  Resource = "${bucketObjects}"\n},`)],
    ['aws_iam_policy_document', 'terraform', tfDocument(`statement {\n  actions   = [[|"s3:Get|Object"|]]\n  resources = ["${bucketObjects}"]\n}`)],
    ['serverless.yml', 'yaml', slsV2(`- Effect: Allow\n  Action: [|s3:Get|Object|]\n  Resource: ${bucketObjects}`)],
    ['CDK TypeScript', 'typescript', cdkTs(`actions: [[|'s3:Get|Object'|]],\nresources: ['${bucketObjects}'],`)],
    ['CDK Python', 'python', cdkPy(`actions=[[|"s3:Get|Object"|]],\nresources=["${bucketObjects}"],`)],
  ];
  for (const [name, syntax, source] of hovers) {
    test(`hover on an action: ${name}`, async () => {
      // The range markers first (`[|`, `|]`), then the cursor inside.
      const { text: withCursor, spans } = ranges(source);
      const { text, offset } = cursor(withCursor);
      const model = await modelOf(syntax, text);
      const result = await hostService.hover(model, model.document.positionAt(offset));
      assert.ok(result, 'hover is offered');
      const contents = JSON.stringify(result.contents);
      assert.match(contents, /GetObject/);
      assert.ok(result.range, 'the hover has a range');
      const expected = { offset: spans[0]!.offset, length: spans[0]!.length - 1 };
      assert.equal(text.slice(model.document.offsetAt(result.range.start), model.document.offsetAt(result.range.end)), text.slice(expected.offset, expected.offset + expected.length));
    });
  }
});

// --- quick fixes ---------------------------------------------------------------------------------------------------

/** Applies the finding's fix (or its first suggestion) and checks the host still reads the same. */
async function fixed(syntax: HostSyntax, text: string, ruleId: string): Promise<string> {
  const { model, problems } = await problemsOf(syntax, text);
  const problem = problems.find((p) => p.ruleId === ruleId);
  assert.ok(problem, `${ruleId} is found in:\n${text}\n${problems.map((p) => shown(text, p)).join('\n')}`);
  const fix: Fix | undefined = problem.fix ?? problem.suggestions[0];
  assert.ok(fix, `${ruleId} has a fix`);
  const result = applyEdits(text, fix.edits as Edit[]);
  const again = await hostOf(syntax, result);
  assert.ok(again, `still a host:\n${result}`);
  assert.deepEqual(again.syntaxErrors, [], `no syntax error in:\n${result}`);
  assert.deepEqual(again.policies.map((p) => p.label), model.host.policies.map((p) => p.label));
  const after = await problemsOf(syntax, result);
  assert.deepEqual(after.problems.filter((p) => p.ruleId === ruleId).map((p) => shown(result, p)), [], `${ruleId} is gone from:\n${result}`);
  return result;
}

suite('host service: quick fixes write the host syntax', () => {
  const typoFixes: [name: string, syntax: HostSyntax, text: string][] = [
    ['YAML plain', 'yaml', cfnYaml(`- Effect: Allow\n  Action: s3:PutObjet\n  Resource: ${bucketObjects}`)],
    ['YAML double-quoted', 'yaml', cfnYaml(`- Effect: Allow\n  Action: "s3:PutObjet"\n  Resource: ${bucketObjects}`)],
    ['YAML single-quoted in a flow list', 'yaml', cfnYaml(`- Effect: Allow\n  Action: ['s3:GetObject', 's3:PutObjet']\n  Resource: ${bucketObjects}`)],
    ['JSON template', 'json', cfnJson(`{\n  "Effect": "Allow",\n  "Action": "s3:PutObjet",\n  "Resource": "${bucketObjects}"\n}`)],
    ['Terraform jsonencode', 'terraform', tfJsonencode(`{\n  Effect   = "Allow"\n  Action   = ["s3:GetObject", "s3:PutObjet"]\n  Resource = "${bucketObjects}"\n},`)],
    ['Terraform heredoc', 'terraform', `resource "aws_iam_policy" "p" {\n  policy = <<-EOF\n    {\n      "Version": "2012-10-17",\n      "Statement": [{"Effect": "Allow", "Action": "s3:PutObjet", "Resource": "${bucketObjects}"}]\n    }\n  EOF\n}\n`],
    ['aws_iam_policy_document', 'terraform', tfDocument(`statement {\n  actions   = ["s3:PutObjet"]\n  resources = ["${bucketObjects}"]\n}`)],
    ['serverless.yml', 'yaml', slsV3(`- Effect: Allow\n  Action:\n    - s3:PutObjet\n  Resource: ${bucketObjects}`)],
    ['CDK TypeScript', 'typescript', cdkTs(`actions: ['s3:PutObjet'],\nresources: ['${bucketObjects}'],`)],
    ['CDK Python', 'python', cdkPy(`actions=["s3:PutObjet"],\nresources=["${bucketObjects}"],`)],
  ];
  for (const [name, syntax, text] of typoFixes) {
    test(`invalid-action: the typo is replaced in place: ${name}`, async () => {
      assert.equal(await fixed(syntax, text, 'invalid-action'), text.replace('s3:PutObjet', 's3:PutObject'));
    });
  }

  test('invalid-effect in YAML and HCL', async () => {
    const yaml = cfnYaml(`- Effect: allow\n  Action: s3:GetObject\n  Resource: ${bucketObjects}`);
    assert.equal(await fixed('yaml', yaml, 'invalid-effect'), yaml.replace('Effect: allow', 'Effect: Allow'));
    const hcl = tfJsonencode(`{\n  Effect   = "allow"\n  Action   = "s3:GetObject"\n  Resource = "${bucketObjects}"\n},`);
    assert.equal(await fixed('terraform', hcl, 'invalid-effect'), hcl.replace('"allow"', '"Allow"'));
  });

  test('missing-version: YAML keeps the indentation, JSON its layout, HCL its attribute syntax', async () => {
    const withoutVersion = (text: string, line: string) => {
      assert.ok(text.includes(line));
      return text.replace(line, '');
    };
    const yaml = cfnYaml(`- Effect: Allow\n  Action: s3:GetObject\n  Resource: ${bucketObjects}`);
    assert.equal(await fixed('yaml', withoutVersion(yaml, '        Version: "2012-10-17"\n'), 'missing-version'), yaml.replace('Version: "2012-10-17"', "Version: '2012-10-17'"));
    const json = cfnJson(`{\n  "Effect": "Allow",\n  "Action": "s3:GetObject",\n  "Resource": "${bucketObjects}"\n}`);
    assert.equal(await fixed('json', withoutVersion(json, '          "Version": "2012-10-17",\n'), 'missing-version'), json);
    const hcl = tfJsonencode(`{\n  Effect   = "Allow"\n  Action   = "s3:GetObject"\n  Resource = "${bucketObjects}"\n},`);
    assert.equal(await fixed('terraform', withoutVersion(hcl, '    Version = "2012-10-17"\n'), 'missing-version'), hcl);
    const serverless = slsResources(`- Effect: Allow\n  Action: s3:GetObject\n  Resource: ${bucketObjects}`);
    assert.equal(
      await fixed('yaml', withoutVersion(serverless, '          Version: "2012-10-17"\n'), 'missing-version'),
      serverless.replace('Version: "2012-10-17"', "Version: '2012-10-17'"),
    );
  });

  test('redundant-action: an item leaves a YAML block list, a YAML flow list, an HCL list', async () => {
    const block = cfnYaml(`- Effect: Allow\n  Action:\n    - s3:GetObject\n    - s3:Get*\n  Resource: ${bucketObjects}`);
    assert.equal(await fixed('yaml', block, 'redundant-action'), block.replace('              - s3:GetObject\n', ''));
    const flow = slsV3(`- Effect: Allow\n  Action: [s3:GetObject, s3:Get*]\n  Resource: ${bucketObjects}`);
    assert.equal(await fixed('yaml', flow, 'redundant-action'), flow.replace('[s3:GetObject, s3:Get*]', '[s3:Get*]'));
    const jsonencode = tfJsonencode(`{\n  Effect   = "Allow"\n  Action   = ["s3:GetObject", "s3:Get*"]\n  Resource = "${bucketObjects}"\n},`);
    assert.equal(await fixed('terraform', jsonencode, 'redundant-action'), jsonencode.replace('["s3:GetObject", "s3:Get*"]', '["s3:Get*"]'));
    const document = tfDocument(`statement {\n  actions   = ["s3:GetObject", "s3:Get*"]\n  resources = ["${bucketObjects}"]\n}`);
    assert.equal(await fixed('terraform', document, 'redundant-action'), document.replace('["s3:GetObject", "s3:Get*"]', '["s3:Get*"]'));
  });

  test('a misspelt key that is its mapping\'s only entry is renamed in place (YAML)', async () => {
    const yaml = [
      'Resources:',
      '  P:',
      '    Type: AWS::S3::BucketPolicy',
      '    Properties:',
      '      Bucket: b',
      '      PolicyDocument:',
      '        Version: "2012-10-17"',
      '        Statement:',
      '          - Effect: Deny',
      '            Principal: "*"',
      '            Action: s3:*',
      '            Resource: arn:aws:s3:::b/*',
      '            Condition:',
      '              Bool:',
      '                aws:SecureTransprt: "false"',
      '',
    ].join('\n');
    assert.equal(await fixed('yaml', yaml, 'invalid-global-condition-key'), yaml.replace('aws:SecureTransprt', 'aws:SecureTransport'));
  });

  test('invalid-policy-element: a misspelt key is renamed in YAML and HCL', async () => {
    const yaml = cfnYaml(`- Effect: Allow\n  Actions: s3:GetObject\n  Resource: ${bucketObjects}`);
    assert.equal(await fixed('yaml', yaml, 'invalid-policy-element'), yaml.replace('Actions:', 'Action:'));
    const hcl = tfJsonencode(`{\n  Effect   = "Allow"\n  Actions  = "s3:GetObject"\n  Resource = "${bucketObjects}"\n},`);
    // Only the key is rewritten; the spacing before its `=` stays as written.
    assert.equal(await fixed('terraform', hcl, 'invalid-policy-element'), hcl.replace('Actions  = ', 'Action  = '));
  });
});

// --- files that hold no policy -----------------------------------------------------------------------------------

suite('host service: unrelated files give nothing', () => {
  const unrelated: [name: string, syntax: HostSyntax, text: string][] = [
    ['a GitHub workflow', 'yaml', 'name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::123456789012:role/ci\n      - run: aws s3 cp x s3://b/\n'],
    ['a Kubernetes manifest', 'yaml', 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/app\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: app\n'],
    ['a docker-compose file', 'yaml', 'services:\n  web:\n    image: nginx\n    environment:\n      AWS_REGION: eu-west-1\n      Action: s3:PutObjet\n'],
    ['a .tf without IAM', 'terraform', 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n\nvariable "x" {\n  default = "s3:PutObjet"\n}\n'],
    ['TypeScript without the CDK', 'typescript', "const statement = { actions: ['s3:PutObjet'], resources: ['*'] };\nexport default statement;\n"],
    ['Python without the CDK', 'python', 'statement = {"Action": ["s3:PutObjet"], "Resource": "*"}\n'],
    ['a JSON file that is no template', 'json', '{"name": "pkg", "version": "1.0.0", "scripts": {"build": "tsc"}}\n'],
  ];
  for (const [name, syntax, text] of unrelated) {
    test(name, async () => {
      const host = await hostOf(syntax, text);
      // A .tf is always read as Terraform (then it holds no policy); the others are no host at all.
      if (syntax !== 'terraform') return assert.equal(host, undefined);
      assert.deepEqual(host?.policies, []);
      const { problems } = await problemsOf(syntax, text);
      assert.deepEqual(problems.map((p) => shown(text, p)), []);
    });
  }
});
