import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { completionsAt, sortedLabels } from './intelligence';

suite('complete: policy variables', () => {
  test('after ${ in a Resource, the variables; the edit replaces from ${', async () => {
    const c = await completionsAt('{"Statement":[{"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:us|"}]}');
    assert.equal(sortedLabels(c.list)[0], '${aws:username}');
    assert.equal(c.apply('${aws:username}'), '{"Statement":[{"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}"}]}');
  });

  test('a closing brace already typed is replaced, not doubled', async () => {
    const c = await completionsAt('{"Statement":[{"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:user|}/*"}]}');
    assert.equal(c.apply('${aws:userid}'), '{"Statement":[{"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:userid}/*"}]}');
  });

  test('templated variables get a tab stop for the tag key; the escapes come last', async () => {
    const c = await completionsAt('{"Statement":[{"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${|"}]}');
    assert.equal(c.apply('${aws:PrincipalTag/${TagKey}}'), '{"Statement":[{"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:PrincipalTag/TagKey}"}]}');
    assert.equal(c.apply('${*}'), '{"Statement":[{"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${*}"}]}');
    assert.deepEqual(sortedLabels(c.list).slice(-3), ['${*}', '${?}', '${$}']);
  });

  test('in string condition values, not in Bool ones', async () => {
    const c = await completionsAt('{"Statement":[{"Action":"s3:ListBucket","Condition":{"StringLike":{"s3:prefix":"home/${aws:u|"}}}]}');
    assert.ok(c.labels.includes('${aws:username}'));
    const bool = await completionsAt('{"Statement":[{"Condition":{"Bool":{"aws:SecureTransport":"${|"}}}]}');
    assert.ok(!bool.labels.includes('${aws:username}'));
  });
});
