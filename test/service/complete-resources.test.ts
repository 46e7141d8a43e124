import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { completionsAt, sortedLabels } from './intelligence';

const object = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}';
const bucket = 'arn:${Partition}:s3:::${BucketName}';

suite('complete: Resource and NotResource values', () => {
  test("ARN templates of the resource types the statement's actions take, as snippets with tab stops", async () => {
    const c = await completionsAt('{"Statement":[{"Action":["s3:GetObject","s3:PutObject"],"Resource":"|"}]}');
    assert.equal(sortedLabels(c.list)[0], object, 'the simplest format the actions share comes first');
    const item = c.item(object);
    assert.equal(item.insertTextFormat, 2);
    // A field's default is its placeholder: tabbed past, unfilled-placeholder reports it.
    assert.equal((item.textEdit as { newText: string }).newText, 'arn:${1:aws}:s3:::${2:\\${BucketName\\}}/${3:\\${ObjectName\\}}');
    assert.equal(c.apply(object), '{"Statement":[{"Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::${BucketName}/${ObjectName}"}]}');
    assert.match(JSON.stringify(item.documentation), /s3:GetObject/);
    assert.ok(c.labels.includes('*'));
    assert.ok(!c.labels.includes(bucket), 'no action here takes a bucket');
  });

  test('what is typed narrows the templates (an object path rules out the bucket)', async () => {
    const both = await completionsAt('{"Statement":[{"Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::my|"]}]}');
    assert.ok(both.labels.includes(object) && both.labels.includes(bucket));
    const c = await completionsAt('{"Statement":[{"Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::my-bucket/|"]}]}');
    assert.ok(c.labels.includes(object));
    assert.ok(!c.labels.includes(bucket));
    assert.equal(c.list.isIncomplete, true, 'filtered on the server, so asked again per keystroke');
  });

  test('the typed partition is kept in the snippet', async () => {
    const c = await completionsAt('{"Statement":[{"Action":"s3:GetObject","Resource":"arn:aws-cn:|"}]}');
    assert.equal(c.apply(object), '{"Statement":[{"Action":"s3:GetObject","Resource":"arn:aws-cn:s3:::${BucketName}/${ObjectName}"}]}');
  });

  test('actions that support only * get * first', async () => {
    const c = await completionsAt('{"Statement":[{"Action":"iam:ListRoles","Resource":"|"}]}');
    assert.deepEqual(c.labels, ['*']);
    assert.match(String(c.item('*').detail), /only value/);
  });

  test("a service typed in the ARN brings its formats even when the statement's actions do not take them", async () => {
    const c = await completionsAt('{"Statement":[{"Action":"s3:GetObject","Resource":"arn:aws:sqs:|"}]}');
    assert.ok(c.labels.includes('arn:${Partition}:sqs:${Region}:${Account}:${QueueName}'));
  });

  test('NotResource completes the same way', async () => {
    const c = await completionsAt('{"Statement":[{"Action":"s3:GetObject","NotResource":"|"}]}');
    assert.ok(c.labels.includes(object));
  });
});
