/** "Compare with committed version", server side: iamPolicy/compareWithBase over real stdio. */
import assert from 'node:assert/strict';
import { after, before, suite, test } from 'node:test';
import { compareWithBaseRequest, type CompareWithBaseParams, type CompareWithBaseResult } from '../../shared/protocol';
import { LspProcess } from '../support/lspClient';

const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const read = { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
const write = { Sid: 'Write', Effect: 'Allow', Action: 's3:Put*', Resource: 'arn:aws:s3:::b/*' };

suite('language server over stdio: compare with a base version', () => {
  let server: LspProcess;
  const uri = 'file:///work/compare/app.iam.json';

  before(async () => {
    server = new LspProcess();
    await server.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await server.notify('initialized', {});
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'iam-policy', version: 1, text: policy(read, write) } });
  });

  after(async () => {
    if (server.child.exitCode === null) await server.stop();
  });

  const compare = (params: CompareWithBaseParams) => server.request<CompareWithBaseResult | null>(compareWithBaseRequest, params);

  test('the widening statement, located, with a Markdown report', async () => {
    const result = await compare({ uri, baseText: policy(read), baseLabel: 'HEAD' });
    assert.ok(result);
    assert.equal(result.error, undefined);
    assert.deepEqual(
      result.findings.map((f) => [f.kind, f.range.start.line, f.range.start.character]),
      [['new', 9, 4]],
    );
    assert.match(result.findings[0]!.message, /^New access compared with HEAD: allows s3: \d+ actions \(PutAccelerateConfiguration, .*\) on arn:aws:s3:::b\/\*\. No base statement allows these actions\.$/);
    assert.match(result.text, /^# app\.iam\.json compared with HEAD\n/);
    assert.match(result.text, /## Line 10: statement "Write" \(#1\) \(new\)/);
    assert.match(result.text, /- \*\*On\*\*: `arn:aws:s3:::b\/\*`/);
  });

  test('the document as it is in the editor is compared, not the file on disk', async () => {
    await server.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: policy(read) }] });
    const result = await compare({ uri, baseText: policy(read), baseLabel: 'HEAD' });
    assert.deepEqual(result?.findings, []);
    assert.match(result!.text, /No new access/);
  });

  test('a file the base does not have: all of it is new', async () => {
    const result = await compare({ uri, baseText: null, baseLabel: 'HEAD' });
    assert.deepEqual(result?.findings.map((f) => f.kind), ['new']);
    assert.match(result!.text, /is not in HEAD: everything it allows is new access/);
  });

  test('a base that is not a policy is an error, not a finding', async () => {
    const result = await compare({ uri, baseText: '{"Statement": [', baseLabel: 'HEAD' });
    assert.match(result?.error ?? '', /app\.iam\.json at HEAD:1:\d+: not a valid policy/);
    assert.deepEqual(result?.findings, []);
  });

  test('a document the server does not have: null', async () => {
    assert.equal(await compare({ uri: 'file:///work/compare/not-open.json', baseText: null, baseLabel: 'HEAD' }), null);
  });

  test('a CloudFormation template: the statement inside the template', async () => {
    const template = (actions: string) =>
      ['Resources:', '  P:', '    Type: AWS::IAM::ManagedPolicy', '    Properties:', '      PolicyDocument:', '        Version: "2012-10-17"', '        Statement:', '          - Effect: Allow', `            Action: [${actions}]`, '            Resource: "*"', ''].join('\n');
    const yamlUri = 'file:///work/compare/stack.yaml';
    await server.notify('textDocument/didOpen', { textDocument: { uri: yamlUri, languageId: 'yaml', version: 1, text: template('sqs:SendMessage, sqs:DeleteQueue') } });
    const result = await compare({ uri: yamlUri, baseText: template('sqs:SendMessage'), baseLabel: 'HEAD' });
    assert.deepEqual(result?.findings.map((f) => [f.kind, f.range.start.line]), [['new', 7]]);
    assert.match(result!.findings[0]!.message, /allows sqs:DeleteQueue on \*/);
  });
});
