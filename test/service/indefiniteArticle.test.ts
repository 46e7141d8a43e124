import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { withIndefiniteArticle } from '../../shared/indefiniteArticle';

suite('a or an', () => {
  test('by the sound of the first word, initialisms spelled out', () => {
    const cases: [string, string][] = [
      ['identity-based policy', 'an identity-based policy'],
      ['resource-based policy', 'a resource-based policy'],
      ['service control policy (SCP)', 'a service control policy (SCP)'],
      ['SCP', 'an SCP'],
      ['RCP', 'an RCP'],
      ['ARN', 'an ARN'],
      ['IpAddress', 'an IpAddress'],
      ['String', 'a String'],
      ['S3 bucket', 'an S3 bucket'],
      ['URL', 'a URL'],
      ['object', 'an object'],
      ['user', 'a user'],
      ['unique ID', 'a unique ID'],
      ['update', 'an update'],
      ['accesspoint', 'an accesspoint'],
      ['**object**', 'an **object**'],
    ];
    for (const [phrase, expected] of cases) assert.equal(withIndefiniteArticle(phrase), expected);
  });
});
