import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { hoverAt } from './intelligence';

suite('hover: condition operators and keys', () => {
  test('an operator: what it does, its qualifier and IfExists', async () => {
    const value = (await hoverAt('{"Statement":[{"Condition":{"ForAllValues:StringLike|IfExists":{"aws:TagKeys":["a*"]}}}]}'))!;
    assert.match(value, /\*\*ForAllValues:StringLikeIfExists\*\* · String operator/);
    assert.match(value, /ForAllValues: true when every value/);
    assert.match(value, /IfExists: when the key is missing/);
    assert.match((await hoverAt('{"Statement":[{"Condition":{"StringEqualz|":{}}}]}'))!, /is not an IAM condition operator/);
  });

  test('a key: description, type, single- or multivalued, and how many actions supply it', async () => {
    const single = (await hoverAt('{"Statement":[{"Action":"s3:GetObject","Condition":{"StringEquals":{"aws:Requested|Region":"eu-west-1"}}}]}'))!;
    assert.match(single, /\*\*aws:RequestedRegion\*\* · String · single-valued · global key/);
    const multi = (await hoverAt('{"Statement":[{"Condition":{"ForAnyValue:StringEquals":{"aws:Called|Via":["a"]}}}]}'))!;
    assert.match(multi, /ArrayOfString · multivalued/);
    const service = (await hoverAt('{"Statement":[{"Action":["s3:GetObject","s3:ListBucket"],"Condition":{"StringLike":{"s3:pre|fix":"home/"}}}]}'))!;
    assert.match(service, /Supplied by 1 of the statement's 2 actions/);
    const none = (await hoverAt('{"Statement":[{"Action":"s3:GetObject","Condition":{"StringEquals":{"ec2:Vp|c":"x"}}}]}'))!;
    assert.match(none, /The statement's one action does not supply this key, so it is absent from its requests/);
    const noneOfTwo = (await hoverAt('{"Statement":[{"Action":["s3:GetObject","s3:PutObject"],"Condition":{"StringEquals":{"ec2:Vp|c":"x"}}}]}'))!;
    assert.match(noneOfTwo, /None of the statement's 2 actions supplies this key, so it is absent from their requests/);
    const one = (await hoverAt('{"Statement":[{"Action":"s3:ListBucket","Condition":{"StringLike":{"s3:pre|fix":"home/"}}}]}'))!;
    assert.match(one, /Supplied by the statement's one action/);
  });

  test('a templated key shows its template; an operator that does not fit is pointed out', async () => {
    const tag = (await hoverAt('{"Statement":[{"Condition":{"StringEquals":{"aws:ResourceTag/Pro|ject":"x"}}}]}'))!;
    assert.match(tag, /Template `aws:ResourceTag\/<TagKey>`/);
    const multi = (await hoverAt('{"Statement":[{"Condition":{"StringEquals":{"aws:Called|Via":"x"}}}]}'))!;
    assert.match(multi, /compare it with `ForAnyValue:` or `ForAllValues:` `StringEquals`/);
    const bool = (await hoverAt('{"Statement":[{"Condition":{"StringEquals":{"aws:SecureTrans|port":"true"}}}]}'))!;
    assert.match(bool, /`StringEquals` is meant for String values; this key holds Bool/);
  });

  test('an unknown key says so', async () => {
    assert.match((await hoverAt('{"Statement":[{"Condition":{"StringEquals":{"nope:Ke|y":"x"}}}]}'))!, /not a condition key/);
  });
});
