/**
 * The catalogue parses a service's action details when one of its actions is first asked for, and holds them weakly
 * (server/src/catalog/catalog.ts): its memory follows what is in use. Nothing a caller can observe may change when
 * details are dropped and read again.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import readCatalogText from 'generated:iam-catalog';

const catalogText = readCatalogText();
import { createCatalog, getCatalog } from '../../server/src/catalog';
import type { Action, Catalog } from '../../server/src/catalog';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** A full GC after the current job: whatever a WeakRef was made or read for during a job stays alive until it ends. */
async function fullGc(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
}

/** Everything an action answers, as plain data. */
function describe(catalog: Catalog, action: Action): unknown {
  return {
    fullName: action.fullName,
    name: action.name,
    service: action.service.prefix,
    description: action.description,
    accessLevel: action.accessLevel,
    resourceTypes: catalog.resourceTypesOf(action).map((r) => [r.resourceType.name, r.resourceType.arn, r.resourceType.conditionKeys, r.required, r.conditionKeys]),
    conditionKeys: action.conditionKeys,
    dependentActions: action.dependentActions,
    keysFor: catalog.conditionKeysFor(action).map((k) => k.key),
  };
}

suite('service details, read on first use', () => {
  test('the index is ASCII, so V8 keeps the bundled text at one byte per character', () => {
    // A single wider character would double the 3 MB string (escapes are written by scripts/build-catalog.mjs).
    assert.ok(/^[\x20-\x7e]*$/.test(catalogText));
  });

  test('a service whose actions nobody holds is dropped by a full GC, and read again gives the same answers', async () => {
    const catalog = createCatalog(catalogText);
    const iam = catalog.findService('iam')!;
    const before = catalog.actionsOf(iam).map((a) => describe(catalog, a));
    const passRole = new WeakRef(catalog.findAction('iam:PassRole')!);
    await fullGc();
    assert.equal(passRole.deref(), undefined, 'the catalogue no longer holds the actions');
    assert.deepEqual(
      catalog.actionsOf(iam).map((a) => describe(catalog, a)),
      before,
    );
  });

  test('an action someone holds stays the one the catalogue returns, and so do its service’s others', async () => {
    const catalog = createCatalog(catalogText);
    const getObject = catalog.findAction('s3:GetObject')!;
    const putObject = new WeakRef(catalog.findAction('s3:PutObject')!);
    await fullGc();
    assert.equal(catalog.findAction('s3:GetObject'), getObject);
    assert.ok(catalog.expandAction('s3:Get*').includes(getObject));
    const samePut = putObject.deref();
    assert.ok(samePut, 'kept with the held action of its service');
    assert.equal(catalog.findAction('s3:PutObject'), samePut);
  });
});

suite('resource types of a service', () => {
  const catalog = getCatalog();

  test('resourceTypesNamedByActions is what every action’s resourceTypesOf names, once each, in that order', () => {
    for (const service of catalog.services()) {
      const named = [...new Set(catalog.actionsOf(service).flatMap((a) => catalog.resourceTypesOf(a).map((r) => r.resourceType)))];
      const answer = catalog.resourceTypesNamedByActions(service);
      assert.equal(answer.length, named.length, service.prefix);
      answer.forEach((type, i) => assert.equal(type, named[i], `${service.prefix}: the same ResourceType objects`));
    }
  });

  test('resourceTypesOfService has every type, sorted by name, including those no action names', () => {
    let total = 0;
    let unnamed = 0;
    for (const service of catalog.services()) {
      const all = catalog.resourceTypesOfService(service);
      const lower = all.map((t) => t.name.toLowerCase());
      assert.deepEqual(lower, [...lower].sort(), service.prefix);
      const named = catalog.resourceTypesNamedByActions(service);
      assert.ok(named.every((t) => all.includes(t)), service.prefix);
      total += all.length;
      unnamed += all.length - named.length;
    }
    assert.equal(total, catalog.info.counts.resourceTypes);
    assert.ok(unnamed > 50, `${unnamed} types that no action names`);
    const codebuild = catalog.findService('codebuild')!;
    assert.ok(catalog.resourceTypesOfService(codebuild).some((t) => t.name === 'build'));
  });
});

suite('resource type ARNs by action id', () => {
  test('resourceTypeArnsOf(id) is the ARN of each resourceTypesOf row, asked before or after the action is built', () => {
    const catalog = createCatalog(catalogText);
    const ids = Array.from({ length: catalog.actionCount }, (_, id) => id);
    // Half asked with the action not yet built (read from the service's details), half after building it.
    const built = ids.filter((id) => id % 2 === 0).map((id) => catalog.actionById(id));
    let withTypes = 0;
    for (const id of ids) {
      const answer = catalog.resourceTypeArnsOf(id);
      const expected = catalog.resourceTypesOf(catalog.actionById(id)).map((row) => row.resourceType.arn);
      assert.deepEqual([...answer], expected, catalog.actionById(id).fullName);
      assert.equal(catalog.resourceTypeArnsOf(id), answer, 'the same list when asked again');
      if (expected.length > 0) withTypes++;
    }
    assert.ok(built.length > 0 && withTypes > catalog.actionCount / 3, `${withTypes} actions list resource types`);
    assert.throws(() => catalog.resourceTypeArnsOf(catalog.actionCount), RangeError);
  });
});
