/**
 * The language server over stdio on infrastructure code: a CloudFormation YAML template and a Terraform file get
 * diagnostics at the host's ranges, completion and hover inside their policies, quick fixes in the host's syntax and
 * the policy type for the status bar; unrelated YAML gets nothing.
 */
import assert from 'node:assert/strict';
import { after, before, suite, test } from 'node:test';
import { LspProcess, type Notification } from '../support/lspClient';

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { code: string; range: Range; severity: number; message: string }[];
}
interface TextEdit {
  range: Range;
  newText: string;
}

function diagnosticsFor(uri: string, version?: number) {
  return (n: Notification) =>
    n.method === 'textDocument/publishDiagnostics' &&
    (n.params as PublishedDiagnostics).uri === uri &&
    (version === undefined || (n.params as PublishedDiagnostics).version === version);
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: Range['start']) => lines.slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

/** The position of the first `needle` in `text`, plus `shift` characters. */
function positionOf(text: string, needle: string, shift = 0): { line: number; character: number } {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, needle);
  const before = text.slice(0, index + shift);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}

const template = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { AWS: !Sub "arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root" }
            Action:
              - s3:GetObjet
              - s3:ListB
            Resource: !Sub "\${Bucket.Arn}/*"
`;

const terraform = `data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["s3:GetObjet"]
    resources = ["\${aws_s3_bucket.b.arn}/*"]
  }
}
`;

suite('language server over stdio: infrastructure code', () => {
  let server: LspProcess;

  before(async () => {
    server = new LspProcess();
    await server.request('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
    await server.notify('initialized', {});
  });

  after(async () => {
    if (server.child.exitCode === null) await server.stop();
  });

  test('a YAML template: diagnostics at the host range, a quick fix in YAML, completion, hover, the policy type', async () => {
    const uri = 'file:///work/template.yaml';
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: template } });
    const published = (await server.waitFor(diagnosticsFor(uri, 1))).params as PublishedDiagnostics;
    const typo = published.diagnostics.find((d) => d.code === 'invalid-action');
    assert.ok(typo, JSON.stringify(published.diagnostics));
    assert.deepEqual(typo.range, { start: positionOf(template, 's3:GetObjet'), end: positionOf(template, 's3:GetObjet', 11) });
    // The !Sub principal is the account's own root: nothing about it depends on what we know.
    assert.deepEqual(published.diagnostics.map((d) => d.code).sort(), ['invalid-action', 'invalid-action']);

    const actions = await server.request<{ title: string; isPreferred?: boolean; edit: { changes: Record<string, TextEdit[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: typo.range,
      context: { diagnostics: [typo], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.title === 'Change to s3:GetObject');
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    assert.equal(applyEdits(template, fix.edit.changes[uri]!), template.replace('s3:GetObjet', 's3:GetObject'));

    const list = await server.request<{ items: { label: string; textEdit?: TextEdit }[] }>('textDocument/completion', {
      textDocument: { uri },
      position: positionOf(template, 's3:ListB', 8),
    });
    const item = list.items.find((i) => i.label === 's3:ListBucket');
    assert.ok(item?.textEdit, list.items.map((i) => i.label).join(', '));
    assert.equal(applyEdits(template, [item.textEdit]), template.replace('s3:ListB\n', 's3:ListBucket\n'));

    const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: positionOf(template, ' Version:', 3) });
    assert.match(hover.contents.value, /resource-based policy/);

    const type = await server.request<{ type: string; source: string; label: string } | null>('iamPolicy/policyType', {
      uri,
      position: positionOf(template, 's3:ListB'),
    });
    assert.deepEqual(type, { type: 'resource', source: 'host', label: 'Resources.BucketPolicy.Properties.PolicyDocument' });
  });

  test('a .tf file: a diagnostic at the HCL string, and its fix keeps HCL', async () => {
    const uri = 'file:///work/main.tf';
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version: 1, text: terraform } });
    const published = (await server.waitFor(diagnosticsFor(uri, 1))).params as PublishedDiagnostics;
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range]),
      [['invalid-action', { start: positionOf(terraform, '"s3:GetObjet"'), end: positionOf(terraform, '"s3:GetObjet"', 13) }]],
    );
    const actions = await server.request<{ title: string; edit: { changes: Record<string, TextEdit[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: published.diagnostics[0]!.range,
      context: { diagnostics: published.diagnostics, only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.title === 'Change to s3:GetObject');
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    assert.equal(applyEdits(terraform, fix.edit.changes[uri]!), terraform.replace('s3:GetObjet', 's3:GetObject'));
  });

  test('a JSON template is served as a template, not as a loose policy', async () => {
    const uri = 'file:///work/template.json';
    const text = JSON.stringify(
      {
        AWSTemplateFormatVersion: '2010-09-09',
        Resources: {
          Policy: {
            Type: 'AWS::IAM::ManagedPolicy',
            Properties: { PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:SendMesage', Resource: { 'Fn::GetAtt': ['Queue', 'Arn'] } }] } },
          },
        },
      },
      null,
      2,
    );
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    const published = (await server.waitFor(diagnosticsFor(uri, 1))).params as PublishedDiagnostics;
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range]),
      // As in a loose JSON policy, the finding covers the string with its quotes.
      [['invalid-action', { start: positionOf(text, '"sqs:SendMesage"'), end: positionOf(text, '"sqs:SendMesage"', 16) }]],
    );
  });

  test('unrelated YAML gets no diagnostics and no completion', async () => {
    const uri = 'file:///work/.github/workflows/ci.yml';
    const text = 'name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo s3:GetObjet\n';
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const published = (await server.waitFor(diagnosticsFor(uri))).params as PublishedDiagnostics;
    assert.deepEqual(published.diagnostics, []);
    const list = await server.request<{ items: unknown[] } | null>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, 's3:Get', 6) });
    assert.ok(list === null || list.items.length === 0);
  });
});
