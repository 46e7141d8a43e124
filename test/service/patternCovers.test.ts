/**
 * patternCovers (rules/shared/actionPatterns.ts) was made cheaper (character codes, rejections at both ends, reused rows);
 * it must answer as the plain dynamic programme it replaced, kept here as the reference, case rules included
 * (`toLowerCase` per character when ignoring case, so even the Kelvin sign matches `k` as before).
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { patternCovers } from '../../server/src/rules/shared/actionPatterns';
import { Random } from '../robustness/random';

function reference(outer: string, inner: string, ignoreCase: boolean): boolean {
  const same = ignoreCase ? (a: string, b: string) => a.toLowerCase() === b.toLowerCase() : (a: string, b: string) => a === b;
  let row = new Uint8Array(inner.length + 1);
  row[0] = 1;
  for (let i = 0; i < outer.length; i++) {
    const o = outer[i]!;
    const next = new Uint8Array(inner.length + 1);
    let reached = 0;
    for (let j = 0; j <= inner.length; j++) {
      if (o === '*') {
        reached |= row[j]!;
        next[j] = reached;
      } else if (j < inner.length && row[j] && inner[j] !== '*' && (o === '?' || (inner[j] !== '?' && same(o, inner[j]!)))) {
        next[j + 1] = 1;
      }
    }
    row = next;
  }
  return row[inner.length] === 1;
}

suite('patternCovers answers as the plain dynamic programme', () => {
  test('seeded random patterns over a small alphabet, both case modes', () => {
    const random = new Random(4711);
    const alphabet = ['*', '?', 'a', 'A', 'b', ':', 'K', '\u212A', 'k', 'é', 'É', 's3', 'Get', '/'];
    const word = () => Array.from({ length: random.int(8) }, () => alphabet[random.int(alphabet.length)]!).join('');
    for (let i = 0; i < 100_000; i++) {
      const outer = word();
      const inner = word();
      for (const ignoreCase of [true, false]) {
        assert.equal(patternCovers(outer, inner, { ignoreCase }), reference(outer, inner, ignoreCase), `${JSON.stringify(outer)} over ${JSON.stringify(inner)} (${ignoreCase})`);
      }
    }
  });
});
