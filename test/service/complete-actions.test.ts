import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { service } from '../support/service';
import { completionsAt, sortedLabels } from './intelligence';

suite('complete: Action and NotAction values', () => {
  test('service prefixes first, each with the service name, inserting the colon', async () => {
    const c = await completionsAt('{"Statement":[{"Action":"s3|"}]}');
    assert.ok(c.labels.includes('s3'));
    assert.ok(c.labels.includes('s3express'));
    assert.ok(c.labels.every((l) => l.startsWith('s3')), 'filtered on the server');
    assert.match(String(c.item('s3').detail), /^Amazon S3 · \d+ actions$/);
    assert.equal(c.apply('s3'), '{"Statement":[{"Action":"s3:"}]}');
    assert.equal(c.item('s3').command?.command, 'editor.action.triggerSuggest', 'asks for the actions next');
  });

  test('an empty string gets a bounded list of services, the most used first, then *, marked incomplete', async () => {
    const c = await completionsAt('{"Statement":[{"Action":"|"}]}');
    assert.equal(c.list.isIncomplete, true);
    assert.ok(c.labels.length <= 101);
    const shown = sortedLabels(c.list);
    // data/service-ranking.json: how many AWS managed policies name each service.
    assert.deepEqual(shown.slice(0, 3), ['ec2', 'iam', 's3']);
    for (const prefix of ['lambda', 'dynamodb', 'sts', 'sqs']) assert.ok(shown.indexOf(prefix) < 30, `${prefix} among the first 30`);
    assert.ok(!c.labels.includes('a2c'), 'a rarely used service waits for typing');
    assert.equal(shown.at(-1), '*', 'full access is offered last');
  });

  test('typing narrows over every service, not only the first ones shown', async () => {
    const a = await completionsAt('{"Statement":[{"Action":"a2|"}]}');
    assert.deepEqual(a.labels, ['a2c']);
    const l = await completionsAt('{"Statement":[{"Action":"l|"}]}');
    assert.deepEqual(sortedLabels(l.list).slice(0, 2), ['logs', 'lambda']);
    for (const known of service.catalog.services()) {
      const c = await completionsAt(`{"Statement":[{"Action":"${known.prefix}|"}]}`);
      assert.ok(c.labels.includes(known.prefix), known.prefix);
    }
  });

  test('actions of the service with access level and description; the edit replaces the whole string', async () => {
    const c = await completionsAt('{"Statement":[{"Action":"s3:Get|Obj"}]}');
    const item = c.item('s3:GetObject');
    assert.equal(item.detail, 'Read');
    assert.match(String(item.documentation), /retrieve objects/);
    assert.equal(c.apply('s3:GetObject'), '{"Statement":[{"Action":"s3:GetObject"}]}');
    assert.ok(c.labels.every((l) => l.toLowerCase().startsWith('s3:get')));
  });

  test('wildcard entries at word boundaries, with the number of actions they stand for, before the actions', async () => {
    const c = await completionsAt('{"Statement":[{"Action":"s3:Get|"}]}');
    const count = service.catalog.expandAction('s3:Get*').length;
    assert.equal(c.item('s3:Get*').detail, `${count} actions`);
    assert.equal(sortedLabels(c.list)[0], 's3:Get*');
    const deeper = await completionsAt('{"Statement":[{"Action":"s3:GetObj|"}]}');
    assert.ok(deeper.labels.includes('s3:GetObject*'));
    assert.ok(!deeper.labels.includes('s3:Get*'));
    const all = await completionsAt('{"Statement":[{"Action":"sts:|"}]}');
    assert.equal(sortedLabels(all.list)[0], 'sts:*');
  });

  test('a large service is cut to a bounded list and marked incomplete', async () => {
    const c = await completionsAt('{"Statement":[{"Action":"ec2:|"}]}');
    assert.equal(c.list.isIncomplete, true);
    assert.equal(c.labels.length, 100);
    assert.ok(JSON.stringify(c.list).length < 100_000);
    const narrowed = await completionsAt('{"Statement":[{"Action":"ec2:DescribeInstanceS|"}]}');
    assert.equal(narrowed.list.isIncomplete, false);
    assert.ok(narrowed.labels.includes('ec2:DescribeInstanceStatus'));
  });

  test('matching ignores case and keeps the canonical spelling', async () => {
    const c = await completionsAt('{"Statement":[{"Action":"S3:getobjecta|"}]}');
    assert.equal(c.apply('s3:GetObjectAcl'), '{"Statement":[{"Action":"s3:GetObjectAcl"}]}');
  });

  test('entries already in the list are not offered again; the entry being edited is', async () => {
    const c = await completionsAt('{"Statement":[{"Action":["s3:GetObject","s3:GetObject|"]}]}');
    assert.ok(c.labels.includes('s3:GetObjectAcl'));
    const other = await completionsAt('{"Statement":[{"Action":["s3:GetObject","s3:GetObj|"]}]}');
    assert.ok(!other.labels.includes('s3:GetObject'));
  });

  test('NotAction completes the same way', async () => {
    const c = await completionsAt('{"Statement":[{"NotAction":"iam:Pass|"}]}');
    assert.equal(c.apply('iam:PassRole'), '{"Statement":[{"NotAction":"iam:PassRole"}]}');
  });

  test('half-typed document: no closing quote or brace; the closing quote is added', async () => {
    const c = await completionsAt('{"Statement":[{"Action":"s3:Get|');
    assert.equal(c.apply('s3:GetObject'), '{"Statement":[{"Action":"s3:GetObject"');
    const midLine = await completionsAt('{"Statement":[{"Action":"s3:GetObj|\n, "Resource": "*"}]}');
    assert.equal(midLine.apply('s3:GetObject'), '{"Statement":[{"Action":"s3:GetObject"\n, "Resource": "*"}]}');
  });

  test('an unknown service gives an empty list, not the schema items', async () => {
    const c = await completionsAt('{"Statement":[{"Action":"nosuchservice:|"}]}');
    assert.deepEqual(c.labels, []);
  });
});
