import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { hoverAt } from './intelligence';

suite('hover: resources', () => {
  test("which resource type it matches, for which of the statement's actions, and which it does not serve", async () => {
    const value = (await hoverAt('{"Statement":[{"Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::b/|*"]}]}'))!;
    assert.match(value, /Matches resource type \*\*object\*\* .* for 1 of the statement's 2 actions: `s3:GetObject`/);
    assert.match(value, /Not for: `s3:ListBucket` \(takes .*bucket.*\)/);
    const one = (await hoverAt('{"Statement":[{"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/|*"}]}'))!;
    assert.match(one, /Matches resource type \*\*object\*\* \(`arn:<Partition>:s3:::<BucketName>\/<ObjectName>`\) for the statement's one action: `s3:GetObject`/);
  });

  test('why it matches none: another service', async () => {
    const value = (await hoverAt('{"Statement":[{"Action":"s3:GetObject","Resource":"arn:aws:sqs:us-east-1:111122223333:|q"}]}'))!;
    assert.match(value, /names the service `sqs`, but the statement's actions are in `s3`/);
    assert.match(value, /a \*\*queue\*\* of Amazon SQS \(`arn:<Partition>:sqs:<Region>:<Account>:<QueueName>`\)/);
    const object = (await hoverAt('{"Statement":[{"Action":"sqs:SendMessage","Resource":"arn:aws:s3:::b/|k"}]}'))!;
    assert.match(object, /an \*\*object\*\* of Amazon S3/);
  });

  test('why it matches none: the actions support only *', async () => {
    const value = (await hoverAt('{"Statement":[{"Action":"iam:ListRoles","Resource":"arn:aws:iam::111122223333:role/|x"}]}'))!;
    assert.match(value, /none of them supports resource-level permissions/);
  });

  test('why it matches none: the shape fits no format of the actions', async () => {
    const value = (await hoverAt('{"Statement":[{"Action":"s3:ListBucket","Resource":"arn:aws:s3:::b/k|ey"}]}'))!;
    assert.match(value, /Matches none of the resource types the statement's actions take: .*\*\*bucket\*\*/);
  });

  test('* and NotResource', async () => {
    assert.match((await hoverAt('{"Statement":[{"Action":"s3:GetObject","Resource":"|*"}]}'))!, /every resource, for the statement's one action/);
    assert.match((await hoverAt('{"Statement":[{"Action":["s3:GetObject","s3:PutObject"],"Resource":"|*"}]}'))!, /every resource, for all 2 actions of the statement/);
    const excluded = (await hoverAt('{"Statement":[{"Action":"s3:GetObject","NotResource":"arn:aws:s3:::b/|*"}]}'))!;
    assert.match(excluded, /\*\*NotResource\*\*: the statement applies to every resource except/);
    assert.match(excluded, /\*\*object\*\*/);
  });

  test('not an ARN', async () => {
    assert.match((await hoverAt('{"Statement":[{"Action":"s3:GetObject","Resource":"my-|bucket"}]}'))!, /is not an ARN/);
  });
});
