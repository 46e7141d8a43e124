import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { compileGlob, hasWildcard, matchGlob } from '../../server/src/catalog/glob';

suite('matchGlob', () => {
  const table: [pattern: string, text: string, expected: boolean, ignoreCase?: boolean][] = [
    ['s3:GetObject', 's3:GetObject', true],
    ['s3:GetObject', 's3:GetObjects', false],
    ['s3:GetObject', 's3:getobject', false],
    ['s3:GetObject', 's3:getobject', true, true],
    ['S3:GET*', 's3:GetObjectAcl', true, true],
    ['s3:Get*', 's3:Get', true],
    ['s3:Get*', 's3:PutObject', false],
    ['*Object', 'GetObject', true],
    ['*Object', 'GetObjectAcl', false],
    ['*Object*', 'GetObjectAcl', true],
    ['Get*Acl', 'GetObjectAcl', true],
    ['Get*Acl', 'GetAcl', true],
    ['Get*Acl', 'GetAc', false],
    ['a*a', 'a', false],
    ['a*a', 'aa', true],
    ['Describe?pc*', 'DescribeVpcs', true],
    ['Describe?pc*', 'DescribeVpc', true],
    ['Describe?pc*', 'Describepc', false],
    ['???', 'abc', true],
    ['???', 'ab', false],
    ['?*', '', false],
    ['?*', 'x', true],
    ['*', '', true],
    ['**', 'anything', true],
    ['', '', true],
    ['', 'a', false],
    ['a**b', 'ab', true],
    ['*ab*ab*', 'xabyab', true],
    ['*ab*ab*', 'xaby', false],
    ['*abc', 'ababc', true],
    ['ab*ba', 'aba', false],
    ['ec2:*', 'ec2:RunInstances', true],
    ['é*', 'éa', true],
  ];
  for (const [pattern, text, expected, ignoreCase] of table) {
    test(`${JSON.stringify(pattern)} ${expected ? 'matches' : 'does not match'} ${JSON.stringify(text)}${ignoreCase ? ' (ignoring case)' : ''}`, () => {
      assert.equal(matchGlob(pattern, text, { ignoreCase }), expected);
      assert.equal(compileGlob(pattern, { ignoreCase })(text), expected);
    });
  }

  test('pathological patterns finish (50 stars against 10,000 characters)', () => {
    const text = 'a'.repeat(10_000);
    assert.equal(matchGlob(`${'*a'.repeat(50)}*b`, text), false);
    assert.equal(matchGlob(`${'*a'.repeat(50)}*`, text), true);
    assert.equal(matchGlob('*'.repeat(50) + 'b', text), false);
    assert.equal(matchGlob(`${'*aaaaaaaaab'.repeat(5)}*`, text), false);
    assert.equal(matchGlob(`${'*?'.repeat(50)}`, text), true);
    // Many repetitions of the worst case still complete quickly enough for the test run: no backtracking blow-up.
    const pattern = `${'*a'.repeat(50)}*b`;
    for (let i = 0; i < 100; i++) assert.equal(matchGlob(pattern, text), false);
  });

  test('agrees with a reference dynamic programme on random patterns', () => {
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pick = (alphabet: string, length: number): string =>
      Array.from({ length }, () => alphabet[random(alphabet.length)]).join('');
    for (let i = 0; i < 3000; i++) {
      const pattern = pick('ab*?', random(8));
      const text = pick('ab', random(10));
      assert.equal(matchGlob(pattern, text), referenceMatch(pattern, text), `${pattern} vs ${text}`);
    }
  });

  test('hasWildcard', () => {
    assert.equal(hasWildcard('s3:Get*'), true);
    assert.equal(hasWildcard('s3:Get?bject'), true);
    assert.equal(hasWildcard('s3:GetObject'), false);
  });
});

/** Textbook O(n·m) table: matches[i][j] = pattern[0..i) matches text[0..j). */
function referenceMatch(pattern: string, text: string): boolean {
  let previous = Array.from({ length: text.length + 1 }, (_, j) => j === 0);
  for (const p of pattern) {
    const current = [p === '*' && previous[0]!];
    for (let j = 1; j <= text.length; j++) {
      current[j] = p === '*' ? previous[j]! || current[j - 1]! : previous[j - 1]! && (p === '?' || p === text[j - 1]);
    }
    previous = current;
  }
  return previous[text.length]!;
}
