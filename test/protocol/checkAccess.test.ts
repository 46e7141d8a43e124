/** The Check access command's server side over real stdio: iamPolicy/checkAccess and iamPolicy/accessVocabulary. */
import assert from 'node:assert/strict';
import { after, before, suite, test } from 'node:test';
import {
  accessVocabularyRequest,
  checkAccessRequest,
  type AccessVocabularyResult,
  type CheckAccessParams,
  type CheckAccessResult,
} from '../../shared/protocol';
import { LspProcess } from '../support/lspClient';
import { lambdaRoleTemplate, readItemStatement } from '../support/documents';

const policy = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::data', 'arn:aws:s3:::data/*'], Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
      { Sid: 'NoSecrets', Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::data/secret/*' },
    ],
  },
  null,
  2,
);

const template = lambdaRoleTemplate(readItemStatement);

suite('language server over stdio: check access', () => {
  let server: LspProcess;
  const uri = 'file:///work/access.iam.json';
  const templateUri = 'file:///work/stack.yaml';

  before(async () => {
    server = new LspProcess();
    await server.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await server.notify('initialized', {});
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'iam-policy', version: 1, text: policy } });
    await server.notify('textDocument/didOpen', { textDocument: { uri: templateUri, languageId: 'yaml', version: 1, text: template } });
  });

  after(async () => {
    if (server.child.exitCode === null) await server.stop();
  });

  const check = (params: Omit<CheckAccessParams, 'uri'>, target = uri) => server.request<CheckAccessResult | null>(checkAccessRequest, { uri: target, ...params });
  const lineOf = (text: string) => policy.split('\n').findIndex((line) => line.includes(text));

  test('allowed: the deciding statement with its range', async () => {
    const result = (await check({ action: 's3:GetObject', resource: 'arn:aws:s3:::data/report.csv', context: [['aws:SecureTransport', 'true']] }))!;
    assert.equal(result.decision, 'allowed');
    assert.deepEqual(result.statements.map((s) => [s.label, s.deciding, s.range.start.line]), [['Allow statement 0 "Read" (identity)', true, lineOf('"Sid": "Read"') - 1]]);
    assert.match(result.summary, /^Allowed: s3:GetObject on arn:aws:s3:::data\/report\.csv/);
  });

  test('implicitDeny: the failed condition with its range and reason', async () => {
    const result = (await check({ action: 's3:GetObject', resource: 'arn:aws:s3:::data/report.csv' }))!;
    assert.equal(result.decision, 'implicitDeny');
    assert.deepEqual(
      result.failedConditions.map((f) => [f.operator, f.key, f.reason, f.range.start.line]),
      [['Bool', 'aws:SecureTransport', 'keyMissing', lineOf('"aws:SecureTransport"')]],
    );
    assert.match(result.summary, /did not hold/);
  });

  test('explicitDeny: the Deny decides, the Allow is listed as applying', async () => {
    const result = (await check({ action: 's3:GetObject', resource: 'arn:aws:s3:::data/secret/k', context: [['aws:SecureTransport', 'true']] }))!;
    assert.equal(result.decision, 'explicitDeny');
    assert.deepEqual(result.statements.map((s) => [s.effect, s.deciding]), [['Deny', true], ['Allow', false]]);
  });

  test('a template: every policy in it, with host ranges', async () => {
    const result = (await check({ action: 'sts:AssumeRole', resource: 'arn:aws:iam::111122223333:role/r', principal: 'lambda.amazonaws.com' }, templateUri))!;
    assert.equal(result.decision, 'allowed');
    assert.equal(result.statements[0]!.range.start.line, 7);
    assert.match(result.statements[0]!.label, /\(trust\)$/);
    const read = (await check({ action: 'dynamodb:GetItem', resource: '*' }, templateUri))!;
    assert.equal(read.decision, 'allowed');
    assert.equal(read.statements[0]!.range.start.line, 15);
  });

  test('an unknown document: null', async () => {
    assert.equal(await check({ action: 's3:GetObject', resource: '*' }, 'file:///work/not-open.json'), null);
  });

  test('vocabulary: the document\'s actions first, then the catalogue', async () => {
    const result = (await server.request<AccessVocabularyResult>(accessVocabularyRequest, { uri }))!;
    assert.deepEqual(result.documentActions, ['s3:GetObject', 's3:ListBucket']);
    assert.deepEqual(result.actions.slice(0, 2), ['s3:GetObject', 's3:ListBucket']);
    assert.ok(result.actions.length > 10_000);
    assert.ok(result.actions.includes('ec2:RunInstances'));
  });

  test('vocabulary: started on a statement, its actions come first (in a policy and in a template)', async () => {
    const line = policy.split('\n').findIndex((l) => l.includes('"Sid": "NoSecrets"'));
    const onDeny = (await server.request<AccessVocabularyResult>(accessVocabularyRequest, { uri, position: { line, character: 8 } }))!;
    assert.deepEqual(onDeny.documentActions, ['s3:GetObject', 's3:ListBucket'], 'the Deny names only s3:*: nothing literal to put first');
    const onRead = (await server.request<AccessVocabularyResult>(accessVocabularyRequest, { uri: templateUri, position: { line: 17, character: 20 } }))!;
    assert.deepEqual(onRead.documentActions, ['dynamodb:GetItem', 'sts:AssumeRole']);
    const onTrust = (await server.request<AccessVocabularyResult>(accessVocabularyRequest, { uri: templateUri, position: { line: 9, character: 20 } }))!;
    assert.deepEqual(onTrust.documentActions, ['sts:AssumeRole', 'dynamodb:GetItem']);
  });

  test('vocabulary: an action\'s condition keys (its own before the global ones) and resource formats', async () => {
    const result = (await server.request<AccessVocabularyResult>(accessVocabularyRequest, { action: 's3:GetObject' }))!;
    const keys = result.conditionKeys.map((k) => k.key);
    assert.ok(keys.includes('s3:ExistingObjectTag/${TagKey}'), keys.slice(0, 10).join(', '));
    assert.ok(keys.includes('aws:SourceIp'));
    assert.ok(keys.indexOf('s3:ExistingObjectTag/${TagKey}') < keys.indexOf('aws:SourceIp'));
    assert.ok(result.resourceFormats.includes('arn:${Partition}:s3:::${BucketName}/${ObjectName}'), result.resourceFormats.join(', '));
  });
});
