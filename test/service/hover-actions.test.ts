import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { service } from '../support/service';
import { hoverAt } from './intelligence';

suite('hover: actions', () => {
  test('an action: description, access level, resource types with ARN formats, condition keys, reference link', async () => {
    const value = (await hoverAt('{"Statement":[{"Action":"s3:GetOb|ject"}]}'))!;
    assert.match(value, /\*\*s3:GetObject\*\* · Read/);
    assert.match(value, /retrieve objects/);
    // Formats read as in the findings' messages: `<Name>` fields, not `${Name}` (which reads as a policy variable).
    assert.match(value, /\| object \| (yes|no) \| `arn:<Partition>:s3:::<BucketName>\/<ObjectName>` \|/);
    assert.match(value, /Condition keys: .*`s3:ExistingObjectTag\/<TagKey>`/);
    assert.match(value, /\(https:\/\/docs\.aws\.amazon\.com\/service-authorization\/latest\/reference\/list_amazons3\.html\)/);
    assert.doesNotMatch(value, /Dependent actions/, 'the data has none: say nothing');
  });

  test('an action that supports only *', async () => {
    const value = (await hoverAt('{"Statement":[{"Action":"iam:ListRo|les"}]}'))!;
    assert.match(value, /supports only `"Resource": "\*"`/);
    assert.match(value, /list_awsidentityandaccessmanagementiam\.html/);
  });

  test('a wildcard: how many actions, by access level, the first ones listed', async () => {
    const value = (await hoverAt('{"Statement":[{"NotAction":"s3:Put|*"}]}'))!;
    const count = service.catalog.expandAction('s3:Put*').length;
    assert.match(value, new RegExp(`\`s3:Put\\*\` matches \\*\\*${count} actions\\*\\*`));
    assert.match(value, /\*\*Permissions management\*\* \(\d+\): .*`PutAccessPointPolicy`/);
    assert.match(value, /\*\*Write\*\* \(\d+\): /);
  });

  test('a wildcard across services names the services', async () => {
    const value = (await hoverAt('{"Statement":[{"Action":"*:Get|ResourcePolicy"}]}'))!;
    assert.match(value, /in \d+ services/);
    assert.match(value, /`[a-z0-9-]+:GetResourcePolicy`/);
  });

  test('unknown actions and services say so', async () => {
    assert.match((await hoverAt('{"Statement":[{"Action":"s3:GetObjekt|"}]}'))!, /Amazon S3 has no action named `GetObjekt`/);
    assert.match((await hoverAt('{"Statement":[{"Action":"nope:Get|"}]}'))!, /no service has the prefix `nope`/);
    assert.match((await hoverAt('{"Statement":[{"Action":"nope:Get*|"}]}'))!, /matches no action: no service has the prefix `nope`/);
  });

  test('an operation with no action of its own names the actions that authorize it', async () => {
    const value = (await hoverAt('{"Statement":[{"Action":"s3:Copy|Object"}]}'))!;
    assert.match(value, /Amazon S3 has no action named `CopyObject`/);
    assert.match(value, /AWS authorizes the `CopyObject` operation with `s3:GetObject` and `s3:PutObject`\./);
    assert.doesNotMatch((await hoverAt('{"Statement":[{"Action":"s3:GetObjekt|"}]}'))!, /authorizes/);
  });
});
