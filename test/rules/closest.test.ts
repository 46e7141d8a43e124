/** "Did you mean": edit distances (case-insensitive, cut off past a limit) and the one clearly nearest candidate. */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { editDistance, findClosest } from '../../server/src/rules/shared/closest';

suite('closest', () => {
  test('edit distances', () => {
    const table: [string, string, number][] = [
      ['', '', 0],
      ['', 'abc', 3],
      ['abc', '', 3],
      ['kitten', 'sitting', 3],
      ['S3', 's3', 0],
      ['ec2', 'ecs', 1],
      ['dynamodb', 'dynamo', 2],
      ['lambda', 'lamdba', 2],
      ['a-very-long-service-name-indeed', 'a-very-long-service-name-indeed-and-more', 9],
    ];
    for (const [a, b, distance] of table) {
      assert.equal(editDistance(a, b), distance, `${a} / ${b}`);
      assert.equal(editDistance(b, a), distance, `${b} / ${a}`);
    }
    assert.equal(editDistance('kitten', 'sitting', 1), 2, 'past the limit: limit + 1');
    assert.equal(editDistance('abcdef', 'a', 2), 3, 'lengths alone exceed the limit');
  });

  test('the nearest candidate, unless two are as near', () => {
    assert.equal(findClosest('lamdba', ['lambda', 'kms', 's3']), 'lambda');
    assert.equal(findClosest('ec3', ['ec2', 'ecs']), undefined);
    assert.equal(findClosest('zzzzzz', ['lambda', 'kms']), undefined);
    assert.equal(findClosest('ECS', ['ecs', 'ECS']), 'ecs');
  });
});
