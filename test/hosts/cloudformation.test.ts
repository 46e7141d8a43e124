import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interpretIntrinsics, isCloudFormation, readCloudFormation } from '../../server/src/hosts/cloudformation';
import { readJson } from '../../server/src/hosts/json';
import { readYaml } from '../../server/src/hosts/yaml';
import { applyEdits } from '../../server/src/rules/shared/edits';
import type { EmbeddedPolicy, HostDocument, HostMapping, HostTemplate, HostValue, JsonValue } from '../../server/src/hosts/types';
import type { PolicyType } from '../../shared/settings';
import { hostToJson, spanOf, textAt } from './yamlSupport';

function read(text: string, hint: 'yaml' | 'json'): HostDocument {
  const document = readCloudFormation(text, hint);
  assert.ok(document, 'not read as a template');
  return document;
}

function summary(document: HostDocument): { label: string; type: PolicyType }[] {
  return document.policies.map((p) => ({ label: p.label, type: p.policyType }));
}

function walk(value: HostValue | undefined, ...path: (string | number)[]): HostValue | undefined {
  let current = value;
  for (const step of path) {
    if (typeof step === 'number') current = current?.kind === 'sequence' ? current.items[step] : undefined;
    else current = current?.kind === 'mapping' ? current.entries.find((e) => e.key === step)?.value : undefined;
  }
  return current;
}

const statementYaml = (indent: string) =>
  [`Version: "2012-10-17"`, 'Statement:', '  - Effect: Allow', '    Action: s3:GetObject', '    Resource: "*"'].map((line) => indent + line).join('\n');

/** A template with one resource whose property holds a document, in YAML. */
function yamlTemplate(type: string, property: string, extra = ''): string {
  return `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Thing:\n    Type: ${type}\n    Properties:\n${extra}      ${property}:\n${statementYaml('        ')}\n`;
}

/** The same in JSON. */
function jsonTemplate(type: string, property: string, extraProperties: Record<string, JsonValue> = {}): string {
  const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };
  return JSON.stringify({ Resources: { Thing: { Type: type, Properties: { ...extraProperties, [property]: document } } } }, null, 2);
}

const documentProperties: [type: string, property: string, policyType: PolicyType][] = [
  ['AWS::IAM::Role', 'AssumeRolePolicyDocument', 'trust'],
  ['AWS::IAM::Policy', 'PolicyDocument', 'identity'],
  ['AWS::IAM::ManagedPolicy', 'PolicyDocument', 'identity'],
  ['AWS::IAM::RolePolicy', 'PolicyDocument', 'identity'],
  ['AWS::IAM::UserPolicy', 'PolicyDocument', 'identity'],
  ['AWS::IAM::GroupPolicy', 'PolicyDocument', 'identity'],
  ['AWS::SSO::PermissionSet', 'InlinePolicy', 'identity'],
  ['AWS::S3::BucketPolicy', 'PolicyDocument', 'resource'],
  ['AWS::S3::AccessPoint', 'Policy', 'resource'],
  ['AWS::S3Express::BucketPolicy', 'PolicyDocument', 'resource'],
  ['AWS::SQS::QueuePolicy', 'PolicyDocument', 'resource'],
  ['AWS::SNS::TopicPolicy', 'PolicyDocument', 'resource'],
  ['AWS::KMS::Key', 'KeyPolicy', 'resource'],
  ['AWS::KMS::ReplicaKey', 'KeyPolicy', 'resource'],
  ['AWS::SecretsManager::ResourcePolicy', 'ResourcePolicy', 'resource'],
  ['AWS::ECR::Repository', 'RepositoryPolicyText', 'resource'],
  ['AWS::ECR::PublicRepository', 'RepositoryPolicyText', 'resource'],
  ['AWS::ECR::RegistryPolicy', 'PolicyText', 'resource'],
  ['AWS::Logs::ResourcePolicy', 'PolicyDocument', 'resource'],
  ['AWS::OpenSearchService::Domain', 'AccessPolicies', 'resource'],
  ['AWS::Elasticsearch::Domain', 'AccessPolicies', 'resource'],
  ['AWS::EFS::FileSystem', 'FileSystemPolicy', 'resource'],
  ['AWS::Backup::BackupVault', 'AccessPolicy', 'resource'],
  ['AWS::CodeArtifact::Domain', 'PermissionsPolicyDocument', 'resource'],
  ['AWS::CodeArtifact::Repository', 'PermissionsPolicyDocument', 'resource'],
  ['AWS::ApiGateway::RestApi', 'Policy', 'resource'],
  ['AWS::Serverless::Function', 'AssumeRolePolicyDocument', 'trust'],
];

for (const [type, property, policyType] of documentProperties) {
  test(`${type} ${property} is a ${policyType} policy (YAML and JSON)`, () => {
    const yaml = yamlTemplate(type, property);
    const fromYaml = read(yaml, 'yaml');
    assert.deepEqual(summary(fromYaml), [{ label: `Resources.Thing.Properties.${property}`, type: policyType }]);
    assert.deepEqual(fromYaml.syntaxErrors, []);
    const root = fromYaml.policies[0]!.root;
    assert.equal(textAt(yaml, root.span), statementYaml('        ').trimStart());
    const action = walk(root, 'Statement', 0, 'Action');
    assert.equal(action?.kind === 'scalar' && action.contentOffset, spanOf(yaml, 's3:GetObject').offset);

    const json = jsonTemplate(type, property);
    const fromJson = read(json, 'json');
    assert.deepEqual(summary(fromJson), [{ label: `Resources.Thing.Properties.${property}`, type: policyType }]);
    const jsonAction = walk(fromJson.policies[0]!.root, 'Statement', 0, 'Action');
    assert.equal(jsonAction?.kind === 'scalar' && jsonAction.contentOffset, spanOf(json, 's3:GetObject').offset);
  });
}

test('inline policies of roles, users and groups: each PolicyDocument, identity', () => {
  for (const type of ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group']) {
    const text = `Resources:
  Who:
    Type: ${type}
    Properties:
      PermissionsBoundary: arn:aws:iam::123456789012:policy/boundary
      Policies:
        - PolicyName: first
          PolicyDocument:
${statementYaml('            ')}
        - PolicyName: second
          PolicyDocument: !Ref SomeDocument
        - !If
          - IsProd
          - PolicyName: third
            PolicyDocument:
${statementYaml('              ')}
          - !Ref AWS::NoValue
`;
    assert.deepEqual(summary(read(text, 'yaml')), [
      { label: 'Resources.Who.Properties.Policies[0].PolicyDocument', type: 'identity' },
      { label: 'Resources.Who.Properties.Policies[2].PolicyDocument', type: 'identity' },
    ]);
  }
});

test('AWS::Organizations::Policy: SCPs and RCPs by their type; other policy types and JSON strings are skipped', () => {
  const text = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Scp:
    Type: AWS::Organizations::Policy
    Properties:
      Type: SERVICE_CONTROL_POLICY
      Content:
${statementYaml('        ')}
  Rcp:
    Type: AWS::Organizations::Policy
    Properties:
      Type: RESOURCE_CONTROL_POLICY
      Content:
${statementYaml('        ')}
  Tags:
    Type: AWS::Organizations::Policy
    Properties:
      Type: TAG_POLICY
      Content:
        tags: { costcenter: { tag_key: { "@@assign": CostCenter } } }
  AsString:
    Type: AWS::Organizations::Policy
    Properties:
      Type: SERVICE_CONTROL_POLICY
      Content: '{"Version": "2012-10-17", "Statement": []}'
`;
  assert.deepEqual(summary(read(text, 'yaml')), [
    { label: 'Resources.Scp.Properties.Content', type: 'scp' },
    { label: 'Resources.Rcp.Properties.Content', type: 'rcp' },
  ]);
});

test('resources that hold no policy document give none', () => {
  const text = `Resources:
  Permission:
    Type: AWS::Lambda::LayerVersionPermission
    Properties: { Action: lambda:GetLayerVersion, LayerVersionArn: !Ref Layer, Principal: "*" }
  Bus:
    Type: AWS::Events::EventBusPolicy
    Properties: { StatementId: x, Statement: { Effect: Allow, Principal: "*", Action: events:PutEvents, Resource: "*" } }
  Custom:
    Type: Custom::Thing
    Properties: { PolicyDocument: { Statement: [] } }
  NoProperties:
    Type: AWS::IAM::Role
  Broken: 42
`;
  assert.deepEqual(read(text, 'yaml').policies, []);
});

test('nested stacks hold no inline policies: a template of them reads with none', () => {
  const text = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Network:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: https://s3.amazonaws.com/bucket/network.yaml
      Parameters: { Cidr: 10.0.0.0/16 }
  App:
    Type: AWS::Serverless::Application
    Properties:
      Location: ./app.yaml
`;
  assert.deepEqual(read(text, 'yaml'), { kind: 'cloudformation', policies: [], syntaxErrors: [] });
});

test('a document that is an intrinsic (!Ref, !If of two documents, !GetAtt) is skipped', () => {
  const text = `Resources:
  A:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: !Ref DocumentParameter
  B:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: !If [Prod, { Statement: [] }, { Statement: [] }]
  C:
    Type: AWS::S3::BucketPolicy
    Properties:
      PolicyDocument:
        Fn::GetAtt: [X, Y]
  D:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: !If [Prod, { Statement: [] }, !Ref AWS::NoValue]
`;
  assert.deepEqual(summary(read(text, 'yaml')), [{ label: 'Resources.D.Properties.PolicyDocument', type: 'identity' }]);
});

// ---------------------------------------------------------------------------------------------------------------
// SAM

test('SAM function Policies: documents are identity policies; names and policy templates are not documents', () => {
  const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      AssumeRolePolicyDocument:
${statementYaml('        ')}
      Policies:
        - AWSLambdaExecute
        - arn:aws:iam::aws:policy/ReadOnlyAccess
        - S3ReadPolicy:
            BucketName: !Ref Bucket
        - Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Action: sqs:SendMessagee
              Resource: !GetAtt Queue.Arn
        - !Ref ManagedPolicyParameter
  Single:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: "*"
  Named:
    Type: AWS::Serverless::Function
    Properties:
      Policies: AmazonS3ReadOnlyAccess
  Machine:
    Type: AWS::Serverless::StateMachine
    Properties:
      Policies:
        - LambdaInvokePolicy: { FunctionName: !Ref Fn }
        - Statement: [{ Effect: Allow, Action: states:StartExecution, Resource: "*" }]
`;
  const document = read(text, 'yaml');
  assert.deepEqual(summary(document), [
    { label: 'Resources.Fn.Properties.AssumeRolePolicyDocument', type: 'trust' },
    { label: 'Resources.Fn.Properties.Policies[3]', type: 'identity' },
    { label: 'Resources.Single.Properties.Policies', type: 'identity' },
    { label: 'Resources.Machine.Properties.Policies[1]', type: 'identity' },
  ]);
  const action = walk(document.policies[1]!.root, 'Statement', 0, 'Action');
  assert.deepEqual(action && textAt(text, action.span), 'sqs:SendMessagee');
  assert.equal(walk(document.policies[1]!.root, 'Statement', 0, 'Resource')?.kind, 'opaque');
});

// ---------------------------------------------------------------------------------------------------------------
// Intrinsics

/** A role policy whose Resource (or another place) is `value`, in YAML. */
function withResource(value: string): string {
  return `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: s3:GetObject
                Resource: ${value}
`;
}

function resourceOf(text: string, hint: 'yaml' | 'json' = 'yaml'): HostValue {
  const policy = read(text, hint).policies[0];
  assert.ok(policy);
  const resource = walk(policy.root, 'Statement', 0, 'Resource');
  assert.ok(resource);
  return resource;
}

const opaqueCases: [name: string, written: string][] = [
  ['Ref', '!Ref Bucket'],
  ['Ref, long form', '{ Ref: Bucket }'],
  ['GetAtt, short form', '!GetAtt Bucket.Arn'],
  ['GetAtt, long form', '{ "Fn::GetAtt": [Bucket, Arn] }'],
  ['ImportValue', '!ImportValue shared-bucket-arn'],
  ['Select', '!Select [0, !Ref Arns]'],
  ['FindInMap', '!FindInMap [Buckets, !Ref Stage, Arn]'],
  ['Split', '!Split [",", !Ref Arns]'],
  ['Base64', '!Base64 abc'],
  ['GetAZs', '!GetAZs ""'],
  ['Cidr', '!Cidr [10.0.0.0/16, 6, 5]'],
  ['Transform', '{ "Fn::Transform": { Name: AWS::Include, Parameters: { Location: s3://x } } }'],
  ['If with two values', '!If [Prod, arn:aws:s3:::prod/*, arn:aws:s3:::dev/*]'],
  ['Sub of holes only', '!Sub "${BucketArn}"'],
  ['Join of a computed list', '!Join [",", !Ref Arns]'],
  ['Join of holes only', '!Join ["", [!Ref A, !Ref B]]'],
  ['Condition', '!Condition IsProd'],
];

for (const [name, written] of opaqueCases) {
  test(`intrinsics: ${name} is opaque, shown as written`, () => {
    const text = withResource(written);
    const resource = resourceOf(text);
    assert.equal(resource.kind, 'opaque');
    assert.deepEqual(resource.span, spanOf(text, written));
    assert.equal(resource.kind === 'opaque' && resource.text, written);
  });
}

test('intrinsics: the opaque text is shortened to one line', () => {
  const text = withResource('\n                  Fn::GetAtt:\n                    - Bucket\n                    - Arn');
  const resource = resourceOf(text);
  assert.equal(resource.kind === 'opaque' && resource.text, 'Fn::GetAtt: - Bucket - Arn');
});

function parts(value: HostValue): { text?: string; at?: string; hole?: string }[] {
  assert.equal(value.kind, 'template');
  return (value as HostTemplate).parts.map((part) =>
    'hole' in part ? { hole: part.hole } : part.contentOffset === undefined ? { text: part.text } : { text: part.text, at: String(part.contentOffset) },
  );
}

test('intrinsics: Sub is a template with its literal text in place and holes', () => {
  const text = withResource('!Sub "arn:${AWS::Partition}:s3:::${Bucket}/home/${!aws:username}/*"');
  const resource = resourceOf(text);
  const place = (marker: string) => String(spanOf(text, marker).offset);
  assert.deepEqual(parts(resource), [
    { text: 'arn:', at: place('arn:') },
    { hole: '${AWS::Partition}' },
    { text: ':s3:::', at: place(':s3:::') },
    { hole: '${Bucket}' },
    { text: '/home/', at: place('/home/') },
    { text: '${aws:username}' },
    { text: '/*', at: place('/*"') },
  ]);
  const holes = (resource as HostTemplate).parts.filter((part) => 'hole' in part);
  assert.deepEqual(
    holes.map((hole) => 'hole' in hole && textAt(text, hole.span)),
    ['${AWS::Partition}', '${Bucket}'],
  );
  assert.deepEqual(resource.span, spanOf(text, '!Sub "arn:${AWS::Partition}:s3:::${Bucket}/home/${!aws:username}/*"'));
});

test('intrinsics: Sub with variables, and Sub with escapes (no place for the literal text)', () => {
  const listForm = resourceOf(withResource('!Sub ["arn:aws:s3:::${Name}/*", { Name: !Ref Bucket }]'));
  assert.deepEqual(hostToJson(listForm), 'arn:aws:s3:::<${Name}>/*');
  const escaped = withResource('!Sub "arn:aws:s3:::\\x41${Bucket}"');
  const resource = resourceOf(escaped);
  assert.deepEqual(parts(resource), [{ text: 'arn:aws:s3:::A' }, { hole: '${Bucket}' }]);
  const hole = (resource as HostTemplate).parts[1]!;
  // Without a place for the characters, a hole covers the whole string.
  assert.deepEqual('hole' in hole && hole.span, spanOf(escaped, '"arn:aws:s3:::\\x41${Bucket}"'));
  const longForm = resourceOf(withResource('\n                  Fn::Sub: arn:aws:s3:::${Bucket}'));
  assert.deepEqual(hostToJson(longForm), 'arn:aws:s3:::<${Bucket}>');
});

test('intrinsics: Join is a template; the delimiter has no place in the text', () => {
  const text = withResource("!Join [':', [arn, !Ref AWS::Partition, s3, '', !Sub '${Bucket}/x']]");
  const resource = resourceOf(text);
  assert.deepEqual(parts(resource), [
    { text: 'arn', at: String(spanOf(text, 'arn,').offset) },
    { text: ':' },
    { hole: '!Ref AWS::Partition' },
    { text: ':' },
    { text: 's3', at: String(spanOf(text, 's3,').offset) },
    { text: ':' },
    { text: ':' },
    { hole: '${Bucket}' },
    { text: '/x', at: String(spanOf(text, '/x').offset) },
  ]);
  const literal = resourceOf(withResource("!Join ['', ['arn:aws:s3:::', 'b/*']]"));
  assert.equal(hostToJson(literal), 'arn:aws:s3:::b/*');
});

test('intrinsics: Fn::If in Action stays opaque; never a branch', () => {
  const text = withResource('"*"').replace('Action: s3:GetObject', 'Action: !If [Prod, s3:GetObject, s3:PutObjet]');
  const action = walk(read(text, 'yaml').policies[0]!.root, 'Statement', 0, 'Action');
  assert.equal(action?.kind, 'opaque');
  const inList = withResource('"*"').replace('Action: s3:GetObject', 'Action: [s3:GetObject, !If [Prod, s3:PutObject, !Ref AWS::NoValue]]');
  const item = walk(read(inList, 'yaml').policies[0]!.root, 'Statement', 0, 'Action', 1);
  assert.equal(item?.kind === 'scalar' && item.value, 's3:PutObject');
  assert.equal(item?.kind === 'scalar' && item.contentOffset, spanOf(inList, 's3:PutObject').offset);
});

test('intrinsics: a statement written under If with AWS::NoValue is checked as if present', () => {
  const text = `Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: "*"
          - !If
            - AllowWrites
            - Effect: Allow
              Action: s3:PutObjet
              Resource: "*"
            - !Ref AWS::NoValue
          - Fn::If: [Never, !Ref AWS::NoValue, { Effect: Deny, Action: "*", Resource: "*" }]
`;
  const root = read(text, 'yaml').policies[0]!.root;
  assert.deepEqual(hostToJson(root), {
    Statement: [
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
      { Effect: 'Allow', Action: 's3:PutObjet', Resource: '*' },
      { Effect: 'Deny', Action: '*', Resource: '*' },
    ],
  });
  const typo = walk(root, 'Statement', 1, 'Action');
  assert.equal(typo?.kind === 'scalar' && typo.contentOffset, spanOf(text, 's3:PutObjet').offset);
  // Values inside the branch are written in place; the list around it is not changed (its item is the whole If).
  const policy = read(text, 'yaml').policies[0]!;
  const fixed = policy.writer.replaceValue(walk(policy.root, 'Statement', 1, 'Action')!, 's3:PutObject');
  assert.ok(fixed);
  assert.equal(hostToJson(walk(read(applyEdits(text, fixed), 'yaml').policies[0]!.root, 'Statement', 1, 'Action')), 's3:PutObject');
  const statements = walk(policy.root, 'Statement');
  assert.equal(statements?.kind, 'sequence');
  if (statements?.kind !== 'sequence') return;
  assert.equal(policy.writer.removeItems(statements, [statements.items[1]!]), undefined);
  assert.equal(policy.writer.insertItems(statements, 3, [{ Effect: 'Deny', Action: '*', Resource: '*' }]), undefined);
});

test('intrinsics in JSON templates', () => {
  const template = {
    Resources: {
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Statement: [
              {
                Effect: 'Allow',
                Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AccountId}:root' } },
                Action: { 'Fn::If': ['Prod', 'sts:AssumeRole', 'sts:TagSession'] },
                Condition: { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } },
              },
            ],
          },
        },
      },
    },
  };
  const text = JSON.stringify(template, null, 2);
  const statement = read(text, 'json').policies[0]!.root;
  assert.deepEqual(hostToJson(statement), {
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:<${AWS::Partition}>:iam::<${AccountId}>:root' },
        Action: `<opaque { "Fn::If": [ "Prod", "sts:AssumeRole", "sts:TagSession" ] }>`,
        Condition: { StringEquals: { 'sts:ExternalId': '<opaque { "Ref": "ExternalId" }>' } },
      },
    ],
  });
  const principal = walk(statement, 'Statement', 0, 'Principal', 'AWS')!;
  assert.equal(parts(principal)[2]!.at, String(spanOf(text, ':iam::').offset));
});

test('interpretIntrinsics without the host text renders the opaque text from the tree', () => {
  const { documents } = readYaml('A: !GetAtt [Bucket, Arn]\nB: { Ref: X }\nC: !Select [0, !Split [",", !Ref L]]\n');
  const root = interpretIntrinsics(documents[0]!.root!) as HostMapping;
  assert.deepEqual(hostToJson(root), { A: '<opaque !GetAtt [Bucket, Arn]>', B: '<opaque !Ref X>', C: '<opaque !Select [0, !Split [",", !Ref L]]>' });
  const unchanged = readJson('{"Statement": [{"Action": "s3:GetObject"}]}').root!;
  assert.equal(interpretIntrinsics(unchanged), unchanged);
});

// ---------------------------------------------------------------------------------------------------------------
// Policies as JSON strings

test('a policy written as a JSON string is read where its characters stand in the text', () => {
  const text = `Resources:
  Block:
    Type: AWS::Logs::ResourcePolicy
    Properties:
      PolicyName: block
      PolicyDocument: |
        {
          "Version": "2012-10-17",
          "Statement": [{"Effect": "Allow", "Principal": {"Service": "es.amazonaws.com"}, "Action": "logs:PutLogEventz", "Resource": "*"}]
        }
  Single:
    Type: AWS::Logs::ResourcePolicy
    Properties:
      PolicyName: single
      PolicyDocument: '{"Statement": [{"Effect": "Allow", "Action": "logs:CreateLogStreem", "Resource": "*"}]}'
  Escaped:
    Type: AWS::Logs::ResourcePolicy
    Properties:
      PolicyName: escaped
      PolicyDocument: "{\\"Statement\\": []}"
  Computed:
    Type: AWS::Logs::ResourcePolicy
    Properties:
      PolicyName: computed
      PolicyDocument: !Sub '{"Statement": [{"Resource": "arn:\${AWS::Partition}:logs:*"}]}'
  NotJson:
    Type: AWS::Logs::ResourcePolicy
    Properties:
      PolicyName: broken
      PolicyDocument: '{"Statement": ['
`;
  const document = read(text, 'yaml');
  assert.deepEqual(summary(document), [
    { label: 'Resources.Block.Properties.PolicyDocument', type: 'resource' },
    { label: 'Resources.Single.Properties.PolicyDocument', type: 'resource' },
    { label: 'Resources.Computed.Properties.PolicyDocument', type: 'resource' },
  ]);
  // JSON inside a Sub: the variable is a hole of a template, its literal text where it stands.
  const resource = walk(document.policies[2]!.root, 'Statement', 0, 'Resource');
  assert.equal(resource?.kind, 'template');
  if (resource?.kind === 'template') {
    assert.deepEqual(
      resource.parts.map((part) => ('hole' in part ? { hole: part.hole } : { text: part.text, at: part.contentOffset })),
      [{ text: 'arn:', at: spanOf(text, 'arn:${AWS').offset }, { hole: '${AWS::Partition}' }, { text: ':logs:*', at: spanOf(text, ':logs:*').offset }],
    );
  }
  for (const [policy, typo] of [
    [document.policies[0]!, 'logs:PutLogEventz'],
    [document.policies[1]!, 'logs:CreateLogStreem'],
  ] as const) {
    const action = walk(policy.root, 'Statement', 0, 'Action');
    assert.equal(action?.kind === 'scalar' && action.contentOffset, spanOf(text, typo).offset);
  }
  // Writing into the block scalar keeps it a block scalar holding the new JSON.
  const block = document.policies[0]!;
  const edits = block.writer.insertEntry(block.root as HostMapping, undefined, 'Id', 'logs');
  assert.ok(edits);
  const after = applyEdits(text, edits);
  const reread = read(after, 'yaml').policies[0]!;
  assert.deepEqual(hostToJson(reread.root), {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'es.amazonaws.com' }, Action: 'logs:PutLogEventz', Resource: '*' }],
    Id: 'logs',
  });
  // Inside a one-line quoted string, a change that needs a quote or a new line is not written.
  const single = document.policies[1]!;
  const statement = walk(single.root, 'Statement', 0) as HostMapping;
  assert.equal(single.writer.insertEntry(statement, undefined, 'Sid', "it's"), undefined);
  const fits = single.writer.insertEntry(statement, undefined, 'Sid', 'Logs');
  assert.ok(fits);
  assert.equal(walk(read(applyEdits(text, fits), 'yaml').policies[1]!.root, 'Statement', 0, 'Sid')?.kind, 'scalar');
});

// ---------------------------------------------------------------------------------------------------------------
// Documents, line breaks, errors

test('multi-document YAML: only the template counts', () => {
  const text = `apiVersion: v1
kind: ConfigMap
metadata: { name: x }
data:
  PolicyDocument: nope
---
${yamlTemplate('AWS::IAM::ManagedPolicy', 'PolicyDocument')}---
name: CI
on: push
`;
  const document = read(text, 'yaml');
  assert.deepEqual(summary(document), [{ label: 'Resources.Thing.Properties.PolicyDocument', type: 'identity' }]);
  assert.equal(walk(document.policies[0]!.root, 'Statement', 0, 'Action')?.span.offset, spanOf(text, 's3:GetObject').offset);
});

test('CRLF: spans are exact', () => {
  const text = yamlTemplate('AWS::IAM::ManagedPolicy', 'PolicyDocument').replace(/\n/g, '\r\n');
  const root = read(text, 'yaml').policies[0]!.root;
  const action = walk(root, 'Statement', 0, 'Action');
  assert.deepEqual(action?.span, spanOf(text, 's3:GetObject'));
  const json = jsonTemplate('AWS::IAM::ManagedPolicy', 'PolicyDocument').replace(/\n/g, '\r\n');
  const jsonAction = walk(read(json, 'json').policies[0]!.root, 'Statement', 0, 'Action');
  assert.deepEqual(jsonAction?.span, spanOf(json, '"s3:GetObject"'));
});

test('syntax errors of the host are reported and the policies that parse are still read', () => {
  const yaml = `${yamlTemplate('AWS::IAM::ManagedPolicy', 'PolicyDocument')}  Broken:\n    Type: [unclosed\n`;
  const fromYaml = read(yaml, 'yaml');
  assert.ok(fromYaml.syntaxErrors.length > 0);
  assert.deepEqual(summary(fromYaml), [{ label: 'Resources.Thing.Properties.PolicyDocument', type: 'identity' }]);

  const json = jsonTemplate('AWS::IAM::ManagedPolicy', 'PolicyDocument').replace('"s3:GetObject"', '"s3:GetObject",');
  const fromJson = read(json, 'json');
  assert.equal(fromJson.syntaxErrors.length, 1);
  assert.deepEqual(summary(fromJson), [{ label: 'Resources.Thing.Properties.PolicyDocument', type: 'identity' }]);
});

const notTemplates: [name: string, text: string, hint: 'yaml' | 'json'][] = [
  ['a GitHub workflow', 'name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n        with: { role-to-assume: "arn:aws:iam::123456789012:role/ci" }\n', 'yaml'],
  ['a Kubernetes manifest', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      annotations: { eks.amazonaws.com/role-arn: "arn:aws:iam::1:role/x" }\n', 'yaml'],
  ['a compose file', 'services:\n  web:\n    image: nginx\n    environment: [AWS_REGION=us-east-1]\n', 'yaml'],
  ['an OpenAPI file', 'openapi: 3.0.0\ninfo: { title: x, version: "1" }\npaths: {}\ncomponents: { schemas: { Resources: { type: object } } }\n', 'yaml'],
  ['a serverless.yml', 'service: app\nprovider:\n  name: aws\n  iam: { role: { statements: [] } }\nresources:\n  Resources:\n    Bucket: { Type: AWS::S3::Bucket }\n', 'yaml'],
  ['resources without AWS types', 'Resources:\n  Thing: { Type: Custom::Thing }\n  Other: { Type: "AWS" }\n', 'yaml'],
  ['package.json', '{"name": "x", "version": "1.0.0", "scripts": {"build": "tsc"}, "dependencies": {"aws-sdk": "2"}}', 'json'],
  ['tsconfig.json', '{\n  // comment\n  "compilerOptions": {"strict": true},\n}', 'json'],
  ['a loose policy', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}', 'json'],
  ['empty YAML', '', 'yaml'],
  ['empty JSON', '', 'json'],
  ['a scalar', 'AWSTemplateFormatVersion', 'yaml'],
];

for (const [name, text, hint] of notTemplates) {
  test(`not a template: ${name}`, () => {
    assert.equal(readCloudFormation(text, hint), undefined);
    if (hint === 'yaml') for (const { root } of readYaml(text).documents) assert.equal(isCloudFormation(root), false);
    else assert.equal(isCloudFormation(readJson(text).root), false);
  });
}

test('detection: by AWSTemplateFormatVersion, a SAM transform, or AWS resource types', () => {
  const detected = (yaml: string) => isCloudFormation(readYaml(yaml).documents[0]?.root);
  assert.equal(detected('AWSTemplateFormatVersion: "2010-09-09"\n'), true);
  assert.equal(detected('Transform: AWS::Serverless-2016-10-31\n'), true);
  assert.equal(detected('Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\n'), true);
  assert.equal(detected('Resources:\n  B: { Type: AWS::S3::Bucket }\n'), true);
  assert.equal(detected('Transform: Other\n'), false);
});

// ---------------------------------------------------------------------------------------------------------------
// Writing through the policy's writer

function rewrite(text: string, hint: 'yaml' | 'json', change: (policy: EmbeddedPolicy) => ReturnType<EmbeddedPolicy['writer']['replaceValue']>): HostDocument {
  const policy = read(text, hint).policies[0]!;
  const edits = change(policy);
  assert.ok(edits, 'no edits');
  const after = applyEdits(text, edits);
  const document = read(after, hint);
  assert.deepEqual(document.syntaxErrors, [], after);
  return document;
}

for (const hint of ['yaml', 'json'] as const) {
  test(`writer (${hint}): fix a typo, add a statement, keep the intrinsics`, () => {
    const source =
      hint === 'yaml'
        ? withResource('!GetAtt Bucket.Arn').replace('s3:GetObject', 's3:GetObjet')
        : JSON.stringify(
            {
              Resources: {
                Role: {
                  Type: 'AWS::IAM::Role',
                  Properties: { Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:GetObjet', Resource: { 'Fn::GetAtt': ['Bucket', 'Arn'] } }] } }] },
                },
              },
            },
            null,
            2,
          );
    const fixed = rewrite(source, hint, (policy) => policy.writer.replaceValue(walk(policy.root, 'Statement', 0, 'Action')!, 's3:GetObject'));
    assert.equal(hostToJson(walk(fixed.policies[0]!.root, 'Statement', 0, 'Action')), 's3:GetObject');
    assert.equal(walk(fixed.policies[0]!.root, 'Statement', 0, 'Resource')?.kind, 'opaque');
    const added = rewrite(source, hint, (policy) => {
      const statements = walk(policy.root, 'Statement');
      assert.equal(statements?.kind, 'sequence');
      return policy.writer.insertItems(statements as never, 1, [{ Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }]);
    });
    assert.deepEqual(hostToJson(walk(added.policies[0]!.root, 'Statement', 1)), { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Robustness

test('any text gives a result without throwing', () => {
  const template = withResource('!Sub "arn:${AWS::Partition}:s3:::${B}/${!x}"');
  const inputs = [
    '{',
    'Resources: [',
    'AWSTemplateFormatVersion: x\nResources: 42',
    'AWSTemplateFormatVersion: x\nResources:\n  R: { Type: AWS::IAM::Role, Properties: { Policies: 42 } }',
    'AWSTemplateFormatVersion: x\nResources:\n  R: { Type: AWS::IAM::Role, Properties: { Policies: [42, [], { PolicyDocument: 7 }] } }',
    'AWSTemplateFormatVersion: x\nResources:\n  R: { Type: AWS::Serverless::Function, Properties: { Policies: [!If [a], !If [a, b, c, d]] } }',
    withResource('!Sub'),
    withResource('!Sub []'),
    withResource('!Sub "${unclosed"'),
    withResource('!Sub "${!unclosed"'),
    withResource('!Join'),
    withResource('!Join [1, 2]'),
    withResource('!Join ["", [null, 1, true, [a], { k: v }]]'),
    withResource('!If [a, !If [b, !Ref AWS::NoValue, x], !Ref AWS::NoValue]'),
    `AWSTemplateFormatVersion: x\nResources:\n  R:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument: ${'['.repeat(5000)}`,
  ];
  for (let cut = 0; cut < template.length; cut += 7) inputs.push(template.slice(0, cut));
  for (const text of inputs) {
    for (const hint of ['yaml', 'json'] as const) {
      const document = readCloudFormation(text, hint);
      if (document) assert.ok(Array.isArray(document.policies));
    }
  }
});
