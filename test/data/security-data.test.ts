/**
 * The security rules' data lists name actions and condition keys of the catalogue. A data bump that renames or drops
 * one would silently weaken a rule, so every name must resolve, with its canonical spelling, and every entry must say
 * why it is there and where that comes from.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import impliedData from '../../data/implied-resource-services.json';
import { getCatalog } from '../../server/src/catalog';
import { impliedResourceServices } from '../../server/src/policy/impliedResource';
import { operationFacts } from '../../server/src/rules/shared/operationActions';
import { escalationMethods, leftOutMethods } from '../../server/src/rules/shared/escalationMethods';
import { narrowingKeyFacts, nonNarrowingKeyFacts } from '../../server/src/rules/shared/narrowingConditions';
import { resourcePolicyWriterFacts } from '../../server/src/rules/shared/resourcePolicyWriters';
import { delegationFacts } from '../../server/src/rules/shared/roleDelegation';
import {
  credentialSelfServiceActions,
  credentialsExposureActions,
  dataExfiltrationActions,
  mfaSensitiveFacts,
  resourceExposureActions,
  type ActionListEntry,
} from '../../server/src/rules/shared/sensitiveActions';

const catalog = getCatalog();

function assertAction(name: string, where: string): void {
  const action = catalog.findAction(name);
  assert.ok(action, `${where}: ${name} is not in the catalogue (renamed or removed by a data update?)`);
  assert.equal(action.fullName, name, `${where}: write ${name} as the catalogue does`);
}

function assertSourced(entry: { reason: string; source: string }, where: string): void {
  assert.ok(entry.reason.trim().length > 10, `${where}: a reason`);
  assert.match(entry.source, /^https:\/\//, `${where}: a source URL`);
}

function checkList(name: string, entries: readonly ActionListEntry[]): void {
  test(`${name}: every action exists, every entry has a reason and a source`, () => {
    assert.ok(entries.length > 0);
    const seen = new Set<string>();
    for (const entry of entries) {
      assertSourced(entry, name);
      for (const action of entry.actions) {
        assertAction(action, name);
        assert.ok(!seen.has(action), `${name}: ${action} is listed twice`);
        seen.add(action);
      }
    }
  });
}

suite('security rule data', () => {
  checkList('credentials-exposure-actions', credentialsExposureActions.entries);
  checkList('data-exfiltration-actions', dataExfiltrationActions.entries);
  checkList('resource-exposure-actions', resourceExposureActions.entries);
  checkList('credential-self-service-actions', credentialSelfServiceActions.entries);
  checkList('mfa-sensitive-actions include', mfaSensitiveFacts.include);
  checkList('mfa-sensitive-actions exclude', mfaSensitiveFacts.exclude);

  test('mfa-sensitive-actions: access levels and services exist', () => {
    const levels = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];
    for (const entry of mfaSensitiveFacts.accessLevels) {
      assert.ok(levels.includes(entry.level), entry.level);
      assertSourced(entry, entry.level);
    }
    for (const entry of mfaSensitiveFacts.writeServices) {
      assert.ok(catalog.findService(entry.service), entry.service);
      assertSourced(entry, entry.service);
    }
  });

  test('credential self-service actions all act on IAM users', () => {
    for (const entry of credentialSelfServiceActions.entries) {
      for (const name of entry.actions) {
        const action = catalog.findAction(name)!;
        assert.ok(action.resourceTypes.some((row) => row.resourceType.name === 'user'), name);
      }
    }
  });

  test('privilege-escalation-methods: unique ids, existing actions, a target among them, passedTo for PassRole methods, sources', () => {
    const ids = new Set<string>();
    const cited = new Set<string>();
    for (const method of escalationMethods) {
      assert.ok(!ids.has(method.id), `duplicate method ${method.id}`);
      ids.add(method.id);
      assert.ok(method.reason.trim().length > 10, `${method.id}: a reason`);
      assert.ok(method.sources.length > 0, `${method.id}: a source`);
      for (const source of method.sources) {
        assert.match(source, /^https:\/\//, `${method.id}: a source URL`);
        assert.ok(!cited.has(source), `${method.id}: ${source} is cited by another method too`);
        cited.add(source);
      }
      for (const action of method.actions) assertAction(action, method.id);
      assert.equal(new Set(method.actions).size, method.actions.length, `${method.id}: an action listed twice`);
      assert.ok(method.actions.includes(method.target), `${method.id}: the target ${method.target} is one of its actions`);
      assert.equal(method.passedTo !== undefined, method.actions.includes('iam:PassRole'), `${method.id}: passedTo exactly when it passes a role`);
      if (method.passedTo) assert.match(method.passedTo, /^[a-z0-9-]+\.amazonaws\.com$/, method.id);
    }
    for (const entry of leftOutMethods) {
      assert.ok(entry.why.trim().length > 10, `${entry.entry}: why`);
      for (const source of entry.sources) assert.match(source, /^https:\/\//, `${entry.entry}: a source URL`);
    }
  });

  test('narrowing-condition-keys: every key is a global key of the catalogue, listed once', () => {
    const seen = new Set<string>();
    for (const fact of [...narrowingKeyFacts, ...nonNarrowingKeyFacts]) {
      const key = catalog.findConditionKey(fact.key);
      assert.ok(key?.global, `${fact.key} is not a global key of the catalogue`);
      assert.equal(key.key, fact.key, `write ${fact.key} as the catalogue does`);
      assert.ok(!seen.has(fact.key), `${fact.key} listed twice`);
      seen.add(fact.key);
      assertSourced(fact, fact.key);
    }
  });

  test('resource-policy-writers: actions, the resource types they write on, the governed types and grantable actions', () => {
    const seen = new Set<string>();
    for (const fact of resourcePolicyWriterFacts) {
      assertSourced(fact, fact.actions[0]!);
      for (const name of fact.actions) {
        assertAction(name, 'resource-policy-writers');
        assert.ok(!seen.has(name), `${name} listed twice`);
        seen.add(name);
        const action = catalog.findAction(name)!;
        const writerTypes = action.resourceTypes.map((row) => row.resourceType.name.toLowerCase());
        for (const [typeName, governed] of Object.entries(fact.governs)) {
          if (typeName === '*') assert.equal(writerTypes.length, 0, `${name} acts on resource types; name them instead of *`);
          else assert.ok(writerTypes.includes(typeName.toLowerCase()), `${name} does not act on ${typeName}`);
          for (const g of governed ?? []) {
            const service = catalog.findService(g.service ?? action.service.prefix);
            assert.ok(service, `${name}: service ${g.service}`);
            assert.ok(
              catalog.resourceTypesOfService(service).some((type) => type.name.toLowerCase() === g.type.toLowerCase()),
              `${name}: ${service.prefix} has no resource type ${g.type}`,
            );
          }
        }
      }
      for (const name of fact.grantable ?? []) assertAction(name, `${fact.actions[0]} grantable`);
    }
  });

  test('role-delegation-actions: actions, condition keys and role templates', () => {
    for (const facts of Object.values(delegationFacts)) {
      assertAction(facts.action, facts.action);
      const action = catalog.findAction(facts.action)!;
      const roleFormat = action.resourceTypes.find((row) => row.resourceType.name === 'role')?.resourceType.arn;
      assert.ok(roleFormat, `${facts.action} acts on roles`);
      assert.ok(catalog.matchArn(facts.everyRole.replace(/\$\{[^}]*\}/g, 'x'), roleFormat), `${facts.everyRole} is a role ARN`);
      for (const entry of facts.narrowingKeys) {
        const key = catalog.findConditionKey(entry.key);
        assert.equal(key?.key, entry.key, `${entry.key} exists, canonical spelling`);
        assertSourced(entry, entry.key);
      }
    }
  });

  test('implied-resource-services: services of the catalogue, lower case, listed once, with a reason and a source', () => {
    const seen = new Set<string>();
    for (const entry of impliedData.services) {
      assert.equal(catalog.findService(entry.prefix)?.prefix, entry.prefix, `${entry.prefix} is a service prefix, as the catalogue writes it`);
      assert.ok(!seen.has(entry.prefix), `${entry.prefix} once`);
      seen.add(entry.prefix);
      assertSourced(entry, entry.prefix);
    }
    assert.deepEqual([...impliedResourceServices].sort(), [...seen].sort());
  });

  test('operation-actions: no operation is an action, every action it names is, listed once, with a reason and a source', () => {
    const seen = new Set<string>();
    for (const entry of operationFacts) {
      assert.equal(catalog.findAction(entry.operation), undefined, `${entry.operation} is an action of the catalogue now: drop it from the data`);
      assert.ok(catalog.findService(entry.operation.split(':')[0]!), `${entry.operation}: a service of the catalogue`);
      assert.ok(!seen.has(entry.operation.toLowerCase()), `${entry.operation} once`);
      seen.add(entry.operation.toLowerCase());
      assert.ok(entry.actions.length > 0, `${entry.operation}: the actions that authorize it`);
      for (const action of entry.actions) assertAction(action, entry.operation);
      assertSourced(entry, entry.operation);
    }
  });
});
