import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { defaultSettings } from '../../shared/settings';
import { choosePolicyType } from '../../server/src/policy/policyType';
import { modelOf } from '../support/service';

const identityText = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
const trustText =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]}]}';
const bucketText =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}';

function choose(text: string, uri: string, policyTypes: Record<string, never> | Record<string, string> = {}, explicit?: string) {
  return choosePolicyType(uri, modelOf(text, uri), { policyTypes } as never, explicit as never);
}

suite('policy type', () => {
  const cases: [string, string, string, string][] = [
    ['default', identityText, 'file:///p/user.iam.json', 'identity/default'],
    ['trust by content', trustText, 'file:///p/role.iam.json', 'trust/content'],
    ['resource by content', bucketText, 'file:///p/x.iam.json', 'resource/content'],
    ['trust by file name', identityText, 'file:///p/role.trust.json', 'trust/file name'],
    ['scp by file name', identityText, 'file:///p/deny-regions.scp.json', 'scp/file name'],
    ['rcp by file name', identityText, 'file:///p/x.rcp.json', 'rcp/file name'],
    ['boundary by file name', identityText, 'file:///p/dev.boundary.json', 'permissions-boundary/file name'],
    ['bucket policy by file name', identityText, 'file:///p/logs-bucket-policy.json', 'resource/file name'],
    ['resource by file name', identityText, 'file:///p/queue.resource.json', 'resource/file name'],
    ['file name wins over content', bucketText, 'file:///p/x.trust.json', 'trust/file name'],
    ['escaped characters in the URI', identityText, 'file:///p/my%20role.trust.json', 'trust/file name'],
  ];
  for (const [name, text, uri, expected] of cases) {
    test(name, () => {
      const choice = choose(text, uri);
      assert.equal(`${choice.type}/${choice.source}`, expected);
    });
  }

  test('a setting glob wins over the file name', () => {
    const choice = choose(identityText, 'file:///repo/org/scps/a.trust.json', { '**/scps/*.json': 'scp' });
    assert.deepEqual(choice, { type: 'scp', source: 'setting' });
  });

  test('a glob without a slash matches the base name', () => {
    assert.deepEqual(choose(identityText, 'file:///repo/a/b/boundary-dev.json', { 'boundary-*.json': 'permissions-boundary' }), {
      type: 'permissions-boundary',
      source: 'setting',
    });
  });

  test('an explicit choice wins over everything', () => {
    assert.deepEqual(choose(trustText, 'file:///p/x.trust.json', { '**': 'scp' }, 'session'), { type: 'session', source: 'explicit' });
  });

  test('defaults are identity', () => {
    assert.equal(choosePolicyType('untitled:Untitled-1', modelOf('{}'), defaultSettings).type, 'identity');
  });
});
