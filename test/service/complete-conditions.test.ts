import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { completionsAt, sortedLabels } from './intelligence';

suite('complete: Condition operators', () => {
  test('every operator, the IfExists forms and the set qualifiers; a new operator gets its block', async () => {
    const c = await completionsAt('{"Statement":[{"Action":"s3:GetObject","Condition":{"|"}}]}');
    for (const name of ['StringEquals', 'StringLikeIfExists', 'NumericLessThan', 'DateGreaterThan', 'Bool', 'BinaryEquals', 'IpAddress', 'ArnLike', 'Null', 'ForAllValues:', 'ForAnyValue:']) {
      assert.ok(c.labels.includes(name), name);
    }
    assert.ok(!c.labels.includes('NullIfExists'));
    assert.equal(c.apply('StringEquals'), '{"Statement":[{"Action":"s3:GetObject","Condition":{"StringEquals": {""}}}]}');
    assert.equal(c.apply('ForAnyValue:'), '{"Statement":[{"Action":"s3:GetObject","Condition":{"ForAnyValue:"}}]}');
  });

  test('after a qualifier, the qualified operators', async () => {
    const c = await completionsAt('{"Statement":[{"Condition":{"ForAllValues:|"}}]}');
    assert.ok(c.labels.includes('ForAllValues:StringLike'));
    assert.ok(c.labels.includes('ForAllValues:StringEqualsIfExists'));
    assert.ok(!c.labels.includes('ForAllValues:Null'));
  });

  test('renaming an operator keeps its block and ranks operators that fit its keys first', async () => {
    const c = await completionsAt('{"Statement":[{"Condition":{"|":{"aws:SecureTransport":"false"}}}]}');
    assert.equal(sortedLabels(c.list)[0], 'Bool');
    assert.equal(c.apply('Bool'), '{"Statement":[{"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}');
  });

  test('half-typed operator at the end of the document', async () => {
    const c = await completionsAt('{"Statement":[{"Condition":{"Str|');
    assert.equal(c.apply('StringEquals'), '{"Statement":[{"Condition":{"StringEquals": {""}');
  });
});

suite('complete: Condition keys', () => {
  test("keys of the statement's actions first, then global keys; the key gets a value", async () => {
    const c = await completionsAt('{"Statement":[{"Action":"s3:GetObject","Condition":{"StringEquals":{"|"}}}]}');
    const order = sortedLabels(c.list);
    const firstGlobal = order.findIndex((l) => l.startsWith('aws:'));
    assert.ok(order.indexOf('s3:ExistingObjectTag/${TagKey}') < firstGlobal);
    assert.ok(c.labels.includes('aws:PrincipalOrgID'));
    assert.ok(!c.labels.includes('ec2:Vpc'), 'keys of other services are not offered');
    assert.equal(c.apply('aws:PrincipalOrgID'), '{"Statement":[{"Action":"s3:GetObject","Condition":{"StringEquals":{"aws:PrincipalOrgID": ""}}}]}');
    assert.match(String(c.item('aws:PrincipalOrgID').detail), /String · single-valued · global/);
  });

  test('keys whose type fits the operator come first', async () => {
    const c = await completionsAt('{"Statement":[{"Action":"s3:GetObject","Condition":{"Bool":{"|"}}}]}');
    const order = sortedLabels(c.list);
    assert.ok(order.indexOf('aws:SecureTransport') < order.indexOf('aws:PrincipalOrgID'));
    assert.equal(c.item('aws:SecureTransport').command?.command, 'editor.action.triggerSuggest', 'Bool has values to offer');
  });

  test('templated keys: a tab stop for the tag key, or the key typed so far', async () => {
    const c = await completionsAt('{"Statement":[{"Action":"s3:GetObject","Condition":{"StringEquals":{"aws:ResourceTag/Proj|"}}}]}');
    assert.equal(c.apply('aws:ResourceTag/${TagKey}'), '{"Statement":[{"Action":"s3:GetObject","Condition":{"StringEquals":{"aws:ResourceTag/Proj": ""}}}]}');
    // The value's tab stop comes after the key's: with the same number it would mirror the tag key.
    assert.equal((c.item('aws:ResourceTag/${TagKey}').textEdit as { newText: string }).newText, '"aws:ResourceTag/${1:Proj}": "$2"');
    const blank = await completionsAt('{"Statement":[{"Action":"s3:GetObject","Condition":{"StringEquals":{"aws:ResourceTag/|"}}}]}');
    // Tabbed past, the tag key stays a placeholder that unfilled-placeholder reports.
    assert.equal(blank.apply('aws:ResourceTag/${TagKey}'), '{"Statement":[{"Action":"s3:GetObject","Condition":{"StringEquals":{"aws:ResourceTag/${TagKey}": ""}}}]}');
  });

  test('multivalued keys under a set qualifier get an array', async () => {
    const c = await completionsAt('{"Statement":[{"Action":"s3:GetObject","Condition":{"ForAnyValue:StringEquals":{"aws:CalledV|"}}}]}');
    assert.equal(sortedLabels(c.list)[0], 'aws:CalledVia');
    assert.equal(c.apply('aws:CalledVia'), '{"Statement":[{"Action":"s3:GetObject","Condition":{"ForAnyValue:StringEquals":{"aws:CalledVia": [""]}}}]}');
  });

  test('without actions, the global keys', async () => {
    const c = await completionsAt('{"Statement":[{"Condition":{"StringEquals":{"aws:Req|"}}}]}');
    assert.ok(c.labels.includes('aws:RequestedRegion'));
  });
});

suite('complete: Condition values', () => {
  test('Bool keys: true and false', async () => {
    const c = await completionsAt('{"Statement":[{"Condition":{"Bool":{"aws:SecureTransport":"|"}}}]}');
    assert.deepEqual(c.labels.sort(), ['false', 'true']);
    assert.equal(c.apply('false'), '{"Statement":[{"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}');
  });

  test('aws:PrincipalType values', async () => {
    const c = await completionsAt('{"Statement":[{"Condition":{"StringEquals":{"aws:PrincipalType":["User","|"]}}}]}');
    assert.deepEqual(c.labels.sort(), ['Account', 'Anonymous', 'AssumedRole', 'FederatedUser']);
  });

  test('Regions for aws:RequestedRegion', async () => {
    const c = await completionsAt('{"Statement":[{"Condition":{"StringEquals":{"aws:RequestedRegion":"eu-|"}}}]}');
    assert.ok(c.labels.includes('eu-west-1'));
    assert.equal(c.item('eu-west-1').detail, 'Europe (Ireland)');
    assert.equal(c.apply('eu-west-1'), '{"Statement":[{"Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}}]}');
  });

  test('date formats and CIDRs as snippets', async () => {
    const date = await completionsAt('{"Statement":[{"Condition":{"DateLessThan":{"aws:CurrentTime":"|"}}}]}');
    assert.equal(date.apply('2026-01-01T00:00:00Z'), '{"Statement":[{"Condition":{"DateLessThan":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}}}]}');
    const ip = await completionsAt('{"Statement":[{"Condition":{"NotIpAddress":{"aws:SourceIp":["|"]}}}]}');
    assert.ok(ip.labels.includes('203.0.113.0/24'));
    assert.ok(ip.labels.includes('2001:DB8:1234:5678::/64'));
  });

  test('the Null operator takes true or false whatever the key', async () => {
    const c = await completionsAt('{"Statement":[{"Condition":{"Null":{"aws:RequestedRegion":"|"}}}]}');
    assert.deepEqual(c.labels.sort(), ['false', 'true']);
  });

  test('service principals for aws:CalledVia', async () => {
    const c = await completionsAt('{"Statement":[{"Condition":{"ForAnyValue:StringEquals":{"aws:CalledVia":["|"]}}}]}');
    assert.ok(c.labels.includes('cloudformation.amazonaws.com'));
  });

  test('a key with no known values gets an empty list', async () => {
    const c = await completionsAt('{"Statement":[{"Condition":{"StringEquals":{"aws:PrincipalOrgID":"|"}}}]}');
    assert.deepEqual(c.labels, []);
  });
});
