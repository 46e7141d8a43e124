/**
 * statementActions keeps what it derives from each expansion (sorted by full name) with the catalogue's memoised
 * expansion, merges sorted lists, and answers `covers` by binary search. This checks both against the plain
 * definition (union of the expansions, sorted; every action but those for NotAction) on seeded random statements.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { getCatalog } from '../../server/src/catalog';
import type { Action } from '../../server/src/catalog/types';
import { entriesOf, statementActions } from '../../server/src/policy/statementActions';
import { Random } from '../robustness/random';
import { modelOf } from '../support/service';

const patterns = [
  '*', '*:*', 's3:*', 'S3:get*', 's3:GetObject', 's3:GetObject', 'iam:Pass*', 'iam:PassRole', '*:Get*', 'ec2:Describe?pc*',
  'ec2:*', 'kms:Decrypt', 'KMS:decrypt', 'sts:AssumeRole*', 'lambda:*Function*', 'nope:Thing', 's3', 'dynamodb:*Item',
  'logs:Create*', 'organizations:*', 'iam:*', 'a*:*', '?3:List*',
];

const byFullName = (a: Action, b: Action): number => (a.fullName < b.fullName ? -1 : a.fullName > b.fullName ? 1 : 0);

suite('statement actions against their plain definition', () => {
  const catalog = getCatalog();
  const everything = catalog.expandAction('*');

  test('actions and covers, for random Action and NotAction lists', () => {
    const random = new Random(31337);
    for (let i = 0; i < 150; i++) {
      const chosen = Array.from({ length: 1 + random.int(6) }, () => patterns[random.int(patterns.length)]!);
      const key = random.chance(0.2) ? 'NotAction' : 'Action';
      const model = modelOf(JSON.stringify({ Statement: [{ Effect: 'Allow', [key]: chosen, Resource: '*' }] }));
      const result = statementActions(model.statements[0]!, catalog);
      const named = new Set(chosen.flatMap((p) => catalog.expandAction(p)));
      const expected = (key === 'NotAction' ? everything.filter((a) => !named.has(a)) : [...named]).sort(byFullName);
      assert.deepEqual(result.actions.map((a) => a.fullName), expected.map((a) => a.fullName), `${key} ${JSON.stringify(chosen)}`);
      const covered = new Set(expected);
      for (let k = 0; k < 300; k++) {
        const action = everything[random.int(everything.length)]!;
        assert.equal(result.covers(action), covered.has(action), `${key} ${JSON.stringify(chosen)} covers ${action.fullName}`);
      }
      for (const action of expected.slice(0, 20)) assert.ok(result.covers(action));
      // The ids are the same actions, ascending, and `has` answers as `covers` does.
      assert.deepEqual([...result.ids], expected.map((a) => a.id), `${key} ${JSON.stringify(chosen)} ids`);
      assert.equal(result.count, expected.length);
      for (let k = 0; k < 100; k++) {
        const id = random.int(catalog.actionCount);
        assert.equal(result.has(id), covered.has(catalog.actionById(id)), `${key} ${JSON.stringify(chosen)} has ${id}`);
      }
      for (const entry of result.entries) {
        assert.deepEqual([...entry.ids], [...entry.actions].sort(byFullName).map((a) => a.id), `entry ${entry.value.value}`);
      }
    }
  });

  test('long lists of named actions (sorted together, not merged one by one), in any order and case, with repeats', () => {
    const random = new Random(4242);
    const named = everything.filter((_, k) => k % 37 === 0);
    for (let i = 0; i < 60; i++) {
      const count = 1 + random.int(120);
      const chosen = Array.from({ length: count }, () => {
        const action = named[random.int(named.length)]!;
        return random.chance(0.2) ? action.fullName.toUpperCase() : action.fullName;
      });
      if (random.chance(0.5)) chosen.sort();
      if (random.chance(0.3)) chosen.push(patterns[random.int(patterns.length)]!);
      const model = modelOf(JSON.stringify({ Statement: [{ Effect: 'Allow', Action: chosen, Resource: '*' }] }));
      const result = statementActions(model.statements[0]!, catalog);
      const expected = [...new Set(chosen.flatMap((p) => catalog.expandAction(p)))].sort(byFullName);
      assert.deepEqual(result.actions.map((a) => a.fullName), expected.map((a) => a.fullName), JSON.stringify(chosen));
    }
  });

  test('entriesOf reads both elements of a statement that has Action and NotAction', () => {
    const model = modelOf(JSON.stringify({ Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], NotAction: ['iam:Pass*', 'nope:X'], Resource: '*' }] }));
    const statement = model.statements[0]!;
    assert.deepEqual(entriesOf(statement, 'action', catalog).map((e) => e.ids.length), [1]);
    assert.deepEqual(entriesOf(statement, 'notAction', catalog).map((e) => [e.value.value, e.ids.length]), [['iam:Pass*', catalog.expandAction('iam:Pass*').length], ['nope:X', 0]]);
    assert.equal(entriesOf(statement, 'notAction', catalog), entriesOf(statement, 'notAction', catalog), 'built once');
    assert.equal(statementActions(statement, catalog).isNotAction, false, 'Action decides what the statement covers');
  });
});
