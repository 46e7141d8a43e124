/**
 * A host read by pieces (a YAML template by resource, templatePieces.ts; a Terraform file by top-level block,
 * terraformPieces.ts) must read exactly as the whole file does: the same policies with the same spans, types and
 * labels, the same YAML layouts, and the same findings and fixed text (which exercise the writers' records of moved
 * nodes). Each case is compared as written and after edits (which move the pieces after them), and the cases that
 * must be read whole (a construct crossing a cut, a stream, two resources of one name) say so.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from '../../shared/settings';
import { createPolicyService } from '../../server/src/service';
import { createHostService } from '../../server/src/hosts/hostService';
import { hostModel, type HostModel } from '../../server/src/hosts/hostModel';
import { prepareHost, readHost } from '../../server/src/hosts/readHost';
import { cutJsonTemplate, cutTemplate, readTemplateByPieces } from '../../server/src/hosts/templatePieces';
import { cutTerraform, readTerraformByPieces } from '../../server/src/hosts/terraformPieces';
import type { HostSyntax } from '../../shared/hostFiles';
import { hostFiles } from './hostEngine';
import type { HostDocument, HostValue } from '../../server/src/hosts/types';
import { yamlLayout } from '../../server/src/hosts/yaml';
import { applyEdits } from './terraformSupport';

const hostService = createHostService(createPolicyService());

/** Every node of a tree with its layout (the file style aside: a piece has its own, see templatePieces.ts). */
function layoutsOf(value: HostValue | undefined, out: unknown[] = []): unknown[] {
  if (!value) return out;
  const layout = yamlLayout(value);
  out.push(layout ? { offset: value.span.offset, ...layout, file: undefined } : { offset: value.span.offset, none: true });
  if (value.kind === 'mapping') for (const entry of value.entries) layoutsOf(entry.value, out);
  if (value.kind === 'sequence') for (const item of value.items) layoutsOf(item, out);
  return out;
}

const policiesOf = (host: HostDocument | undefined) =>
  host?.policies.map((policy) => ({ label: policy.label, policyType: policy.policyType, fragment: policy.fragment, root: policy.root, layouts: layoutsOf(policy.root) }));

/** Findings and what each fix and suggestion would make of the text. */
function findingsOf(syntax: HostSyntax, text: string, host: HostDocument, previous?: HostModel) {
  const { uri, languageId } = hostFiles[syntax];
  const model = hostModel(TextDocument.create(uri, languageId, 1, text), host, previous);
  const problems = hostService.analyze(model, defaultSettings).map((problem) => ({
    rule: problem.ruleId,
    at: `${problem.offset}+${problem.length}`,
    fix: problem.fix && applyEdits(text, problem.fix.edits),
    suggestions: problem.suggestions.map((suggestion) => applyEdits(text, suggestion.edits)),
  }));
  return { model, problems };
}

/** The text read by pieces and whole agrees; returns whether the pieces were used. */
function expectSameReading(text: string, previous?: HostModel, syntax: HostSyntax = 'yaml'): { byPieces: boolean; model: HostModel } {
  const whole = readHost(syntax, text, { byPieces: false });
  const byPieces = syntax === 'terraform' ? readTerraformByPieces(text) : readTemplateByPieces(text, syntax === 'json' ? 'json' : 'yaml')?.document;
  const pieces = readHost(syntax, text);
  const [a, b] = [policiesOf(pieces), policiesOf(whole)];
  assert.deepEqual(a, b, `policies differ in:\n${text}`);
  assert.deepEqual(pieces?.syntaxErrors, whole?.syntaxErrors);
  assert.equal(pieces?.kind, whole?.kind);
  if (!whole) return { byPieces: byPieces !== undefined, model: undefined as unknown as HostModel };
  const wholeFindings = findingsOf(syntax, text, whole);
  const pieceFindings = findingsOf(syntax, text, pieces!, previous);
  assert.deepEqual(pieceFindings.problems, wholeFindings.problems, `findings differ in:\n${text}`);
  return { byPieces: byPieces !== undefined, model: pieceFindings.model };
}

const template = `AWSTemplateFormatVersion: "2010-09-09"
Description: pieces
Parameters:
  Env:
    Type: String
Resources:
  # the bucket first
  Bucket:
    Type: AWS::S3::Bucket

  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: s3:GetObjet
            Resource: !Sub "\${Bucket.Arn}/*"
  Boundary:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: "*"
            Resource: "*"
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      PermissionsBoundary: !Ref Boundary
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: inline
          PolicyDocument:
            Version: 2012-10-17
            Statement:
              - Effect: Allow
                Action:
                  - s3:GetObject
                  - !If [IsProd, s3:PutObject, !Ref AWS::NoValue]
                Resource: '*'
  LogPolicy:
    Type: AWS::Logs::ResourcePolicy
    Properties:
      PolicyName: logs
      PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"es.amazonaws.com"},"Action":["logs:PutLogEvents"],"Resource":"*"}]}'
  Function:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - S3ReadPolicy: { BucketName: b }
        - Statement:
            - Effect: Allow
              Action: sqs:*
              Resource: "*"
Outputs:
  RoleArn:
    Value: !GetAtt AppRole.Arn
`;

suite('templates read by pieces', () => {
  test('the cut: the head ends where the first resource starts, one piece per resource, the tail at the next key', () => {
    const cut = cutTemplate(template);
    assert.ok(cut);
    const names = cut.pieces.map(({ start }) => /^ *([^:]+):/.exec(template.slice(start))![1]);
    assert.deepEqual(names, ['Bucket', 'BucketPolicy', 'Boundary', 'AppRole', 'LogPolicy', 'Function']);
    assert.equal(template.slice(cut.headEnd).startsWith('  Bucket:'), true);
    assert.equal(template.slice(cut.tailStart).startsWith('Outputs:'), true);
  });

  test('a template reads the same by pieces as whole: policies, types (the boundary too), layouts, findings, fixes', () => {
    const { byPieces } = expectSameReading(template);
    assert.equal(byPieces, true);
    const host = readHost('yaml', template)!;
    assert.equal(host.policies.find((p) => p.label.startsWith('Resources.Boundary'))?.policyType, 'permissions-boundary');
  });

  test('CRLF line breaks, Resources last, Transform after Resources, comments between pieces', () => {
    expectSameReading(template.replace(/\n/g, '\r\n'));
    const head = template.split('Outputs:\n')[0];
    expectSameReading(head!);
    const samLast = `Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Policies:\n        Statement:\n          - Effect: Allow\n            Action: s3:*\n            Resource: "*"\n# end\nTransform: AWS::Serverless-2016-10-31\n`;
    assert.equal(expectSameReading(samLast).byPieces, true);
    // Without the transform, a custom resource alone is no template.
    const notTemplate = `Resources:\n  X:\n    Type: Custom::Thing\n    Properties:\n      PolicyDocument:\n        Statement: []\n`;
    assert.equal(readHost('yaml', notTemplate), undefined);
  });

  test('every edit, one character at a time through a resource, reads the same as whole (shifted pieces after it)', () => {
    const start = template.indexOf('  Boundary:');
    const end = template.indexOf('  LogPolicy:');
    let previous: HostModel | undefined;
    let pieced = 0;
    for (let at = start; at < end; at += 11) {
      for (const insert of ['x', ' ', '\n', '"', ':']) {
        const edited = template.slice(0, at) + insert + template.slice(at);
        const { byPieces, model } = expectSameReading(edited, previous);
        if (byPieces) pieced++;
        previous = model;
      }
      const removed = template.slice(0, at) + template.slice(at + 1);
      expectSameReading(removed, previous);
    }
    assert.ok(pieced > 0, 'some edits keep the template readable by pieces');
  });

  test('read whole when a piece cannot stand alone (an unclosed quote, a stream, a name twice); an alias reads the same', () => {
    const broken = template.replace('            Action: "*"\n            Resource: "*"\n  AppRole:', '            Action: "*"\n            Resource: "*\n  AppRole:');
    assert.notEqual(broken, template);
    assert.equal(readTemplateByPieces(broken), undefined);
    expectSameReading(broken);
    const aliased = template.replace('  Bucket:\n    Type: AWS::S3::Bucket', '  Bucket:\n    Type: &type AWS::S3::Bucket').replace('Type: AWS::IAM::ManagedPolicy', 'Type: *type');
    // An alias is never expanded (it reads as an opaque value), so a piece reads it the same without the anchor.
    expectSameReading(aliased);
    assert.equal(expectSameReading(`# a template\n---\n${template}`).byPieces, true, 'a document start marker alone is no stream');
    const stream = `${template}---\nResources: {}\n`;
    assert.equal(cutTemplate(stream), undefined);
    expectSameReading(stream);
    const twice = template.replace('  LogPolicy:', '  Bucket:');
    assert.equal(readTemplateByPieces(twice), undefined);
    const wholeTwice = readHost('yaml', twice);
    assert.ok(wholeTwice && wholeTwice.syntaxErrors.length > 0, 'the duplicate name is still reported');
    expectSameReading('Resources: {}\n');
    expectSameReading('Resources:\n- a\n');
    // A node at the top level that is no plain key (host fuzz case 3817): the indented lines after it are not resources.
    const tagged = template.replace('  AppRole:', '!!str \n  AppRole:');
    assert.notEqual(tagged, template);
    assert.equal(cutTemplate(tagged), undefined);
    expectSameReading(tagged);
  });

  test('an unchanged policy keeps its parsed model from the version before; an edited one is parsed again', () => {
    const first = expectSameReading(template).model;
    const edited = template.replace('Action: sqs:*', 'Action: sqs:Send*');
    const host = readHost('yaml', edited)!;
    const second = hostModel(TextDocument.create(hostFiles.yaml.uri, 'yaml', 2, edited), host, first);
    const byLabel = (model: HostModel, label: string) => model.policies.find((p) => p.policy.label === label)!;
    const unchanged = 'Resources.AppRole.Properties.AssumeRolePolicyDocument';
    const changed = 'Resources.Function.Properties.Policies[1]';
    assert.equal(byLabel(second, unchanged).model, byLabel(first, unchanged).model);
    assert.notEqual(byLabel(second, changed).model, byLabel(first, changed).model);
    assert.equal(byLabel(second, changed).model.document.getText().includes('sqs:Send*'), true);
  });
});

const terraform = `# IAM for the app
terraform {
  required_version = ">= 1.5"
}

variable "bucket" {
  type = string
}

resource "aws_iam_policy" "boundary" {
  name   = "boundary"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObjet", "sqs:*"]
      Resource = "*"
    }]
  })
}

resource "aws_iam_role" "app" {
  name                 = "app"
  permissions_boundary = aws_iam_policy.boundary.arn
  assume_role_policy   = data.aws_iam_policy_document.assume.json

  inline_policy {
    name = "inline"
    policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:*",
      "Resource": "arn:aws:s3:::\${var.bucket}/*"
    }
  ]
}
EOF
  }
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "bucket" {
  statement {
    sid       = "Public"
    effect    = "Allow"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::example/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceVpce"
      values   = ["vpce-1"]
    }
  }
}

resource "aws_s3_bucket_policy" "b" {
  bucket = var.bucket
  policy = data.aws_iam_policy_document.bucket.json
}
`;

suite('Terraform files read by pieces', () => {
  test('the cut: one piece per top-level block, none inside a heredoc', async () => {
    await prepareHost('terraform');
    const starts = cutTerraform(terraform);
    const firstWords = starts.map((start) => /^\S*/.exec(terraform.slice(start))![0]);
    assert.deepEqual(firstWords, ['#', 'terraform', 'variable', 'resource', 'resource', 'data', 'data', 'resource']);
  });

  test('a file reads the same by pieces as whole: policies, types (boundary, trust, resource), findings, fixes', async () => {
    await prepareHost('terraform');
    const { byPieces } = expectSameReading(terraform, undefined, 'terraform');
    assert.equal(byPieces, true);
    const host = readHost('terraform', terraform)!;
    const types = Object.fromEntries(host.policies.map((p) => [p.label, p.policyType]));
    assert.equal(types['resource.aws_iam_policy.boundary.policy'], 'permissions-boundary');
    assert.equal(types['data.aws_iam_policy_document.assume'], 'trust');
    assert.equal(types['data.aws_iam_policy_document.bucket'], 'resource');
    expectSameReading(terraform.replace(/\n/g, '\r\n'), undefined, 'terraform');
  });

  test('every edit, one character at a time through the file, reads the same as whole', async () => {
    await prepareHost('terraform');
    let previous: HostModel | undefined;
    let pieced = 0;
    for (let at = 0; at < terraform.length; at += 13) {
      for (const insert of ['x', '"', '\n', '{', '}']) {
        const { byPieces, model } = expectSameReading(terraform.slice(0, at) + insert + terraform.slice(at), previous, 'terraform');
        if (byPieces) pieced++;
        previous = model;
      }
      expectSameReading(terraform.slice(0, at) + terraform.slice(at + 1), previous, 'terraform');
    }
    assert.ok(pieced > 0, 'some edits keep the file readable by pieces');
  });

  test('a broken block, or an object before the blocks, sends the file to the whole reading, which recovers and reports it', async () => {
    await prepareHost('terraform');
    const broken = terraform.replace('  name   = "boundary"\n', '  name   = "boundary\n');
    assert.equal(readTerraformByPieces(broken), undefined);
    expectSameReading(broken, undefined, 'terraform');
    assert.ok(readHost('terraform', broken)!.syntaxErrors.length > 0);
    // An object alone is a valid file (JSON-style HCL), so a first piece like that reads cleanly; before blocks it is an error.
    const objectFirst = `{\n  name = "x"\n}\n\n${terraform}`;
    assert.equal(readTerraformByPieces(objectFirst), undefined);
    expectSameReading(objectFirst, undefined, 'terraform');
  });
});

suite('JSON templates read by pieces', () => {
  const json = `${JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        Boundary: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObjet', Resource: '*' }] } } },
        Role: {
          Type: 'AWS::IAM::Role',
          Properties: {
            PermissionsBoundary: { Ref: 'Boundary' },
            AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
            Policies: [
              {
                PolicyName: 'p',
                PolicyDocument: {
                  Version: '2012-10-17',
                  Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', { 'Fn::If': ['Prod', 's3:PutObject', { Ref: 'AWS::NoValue' }] }], Resource: { 'Fn::Sub': '${Bucket.Arn}/*' } }],
                },
              },
            ],
          },
        },
        Queue: { Type: 'AWS::SQS::Queue' },
        QueuePolicy: {
          Type: 'AWS::SQS::QueuePolicy',
          Properties: { Queues: [{ Ref: 'Queue' }], PolicyDocument: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sqs:*', Resource: '*' }] } },
        },
      },
      Outputs: { RoleArn: { Value: { 'Fn::GetAtt': ['Role', 'Arn'] } } },
    },
    null,
    2,
  )}\n`;

  test('the cut: one piece per resource at the entries indentation; a minified template is read whole', () => {
    const cut = cutJsonTemplate(json);
    assert.ok(cut);
    assert.deepEqual(
      cut.pieces.map(({ start }) => /"(\w+)"/.exec(json.slice(start))![1]),
      ['Boundary', 'Role', 'Queue', 'QueuePolicy'],
    );
    assert.equal(cutJsonTemplate(JSON.stringify(JSON.parse(json))), undefined);
  });

  test('a template reads the same by pieces as whole, as written and through edits', () => {
    assert.equal(expectSameReading(json, undefined, 'json').byPieces, true);
    assert.equal(readHost('json', json)!.policies.find((p) => p.label.startsWith('Resources.Boundary'))?.policyType, 'permissions-boundary');
    expectSameReading(json.replace(/\n/g, '\r\n'), undefined, 'json');
    let previous: HostModel | undefined;
    let pieced = 0;
    const start = json.indexOf('"Role"');
    for (let at = start; at < json.indexOf('"QueuePolicy"'); at += 9) {
      for (const insert of ['x', '"', ',', '}', '\n']) {
        const { byPieces, model } = expectSameReading(json.slice(0, at) + insert + json.slice(at), previous, 'json');
        if (byPieces) pieced++;
        previous = model;
      }
    }
    assert.ok(pieced > 0);
  });

  test('read whole: a missing comma between resources, a name twice, comments', () => {
    const missing = json.replace('    },\n    "Queue"', '    }\n    "Queue"');
    assert.notEqual(missing, json);
    assert.equal(readTemplateByPieces(missing, 'json'), undefined);
    expectSameReading(missing, undefined, 'json');
    const twice = json.replace('"Queue": {', '"Role": {');
    assert.equal(readTemplateByPieces(twice, 'json'), undefined);
    expectSameReading(twice, undefined, 'json');
    const commented = json.replace('"Queue": {', '// the queue\n    "Queue": {');
    expectSameReading(commented, undefined, 'json');
  });
});
