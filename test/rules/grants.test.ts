/** The shapes of Action strings the grant helpers recognise (rules/shared/grants.ts), read in place. */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { isBlanketAction, isEveryAction } from '../../server/src/rules/shared/grants';

suite('grants', () => {
  test('a blanket action is `*` or a whole service, `service:*`, whose service part has no `?`', () => {
    const table: [string, boolean][] = [
      ['*', true],
      ['s3:*', true],
      ['*:*', true],
      ['s*:*', true],
      ['S3:*', true],
      ['s?:*', false],
      ['s3:Get*', false],
      ['s3:**', false],
      ['s3:*?', false],
      ['s3:', false],
      [':*', false],
      ['s3', false],
      ['a:b:*', false],
      ['s3:*:', false],
      ['', false],
    ];
    for (const [value, expected] of table) assert.equal(isBlanketAction(value), expected, value);
  });

  test('every action is `*` or `*:*`', () => {
    assert.ok(isEveryAction('*') && isEveryAction('*:*'));
    assert.ok(!isEveryAction('*:Get*') && !isEveryAction('s3:*'));
  });
});
