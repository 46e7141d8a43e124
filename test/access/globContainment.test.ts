/**
 * The glob search against brute force: for small random patterns over a small alphabet, "is there a string every
 * `must` union matches and no `mustNot` pattern does?" must agree with trying every short string, and an example
 * it gives must be one. Covers the shortcuts (prefix filter, plain prefix-star covers) as much as the search.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findWitness, parseGlob, type Glob } from '../../server/src/access/globContainment';
import { Random } from '../robustness/random';

/** A seeded generator of numbers in [0, 1): the fuzz tests' (test/robustness/random.ts). */
function random(seedValue: number): () => number {
  const generator = new Random(seedValue);
  return () => generator.next();
}

/** IAM's reading of a pattern, as a regular expression (the oracle). */
function matches(pattern: string, text: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 's').test(text);
}

function strings(alphabet: string, maxLength: number): string[] {
  let level = [''];
  const all = [''];
  for (let n = 1; n <= maxLength; n++) {
    level = level.flatMap((s) => [...alphabet].map((c) => s + c));
    all.push(...level);
  }
  return all;
}

const candidates = strings('abx', 7);

function pattern(next: () => number): string {
  const length = Math.floor(next() * 5);
  return Array.from({ length }, () => 'ab*?'[Math.floor(next() * 4)]).join('');
}

suite('glob containment', () => {
  test('agrees with brute force on 1,500 random questions', () => {
    const next = random(17);
    for (let i = 0; i < 1500; i++) {
      const must = Array.from({ length: Math.floor(next() * 3) }, () => Array.from({ length: 1 + Math.floor(next() * 2) }, () => pattern(next)));
      const mustNot = Array.from({ length: Math.floor(next() * 4) }, () => pattern(next));
      const ok = (s: string) => must.every((union) => union.some((p) => matches(p, s))) && !mustNot.some((p) => matches(p, s));
      const expected = candidates.some(ok);
      const answer = findWitness({ must: must.map((union) => union.map((p) => parseGlob(p))), mustNot: mustNot.map((p) => parseGlob(p)) });
      const label = `must ${JSON.stringify(must)} mustNot ${JSON.stringify(mustNot)}`;
      assert.notEqual(answer.found, 'unknown', label);
      assert.equal(answer.found, expected, label);
      if (answer.found === true) assert.ok(ok(answer.example), `${label}: example ${JSON.stringify(answer.example)}`);
    }
  });

  test('union containment, ARN-like', () => {
    const g = (text: string): Glob => parseGlob(text);
    const covered = (target: string, ...covers: string[]) => findWitness({ must: [[g(target)]], mustNot: covers.map(g) }).found === false;
    assert.ok(!covered('arn:aws:s3:::b*', 'arn:aws:s3:::b', 'arn:aws:s3:::b/*'));
    assert.ok(covered('arn:aws:s3:::b*', 'arn:aws:s3:::b', 'arn:aws:s3:::b?*'));
    assert.ok(covered('arn:aws:s3:::b/*/x', 'arn:aws:s3:::b/*'));
    assert.ok(!covered('arn:aws:s3:::B/x', 'arn:aws:s3:::b/*'), 'case-sensitive');
    assert.ok(covered('s3:getobject', ...['s3:get*'].map((p) => p)), 'same text after lower-casing');
  });

  test('policy variables: the same variable only, never under ?', () => {
    const v = (text: string) => parseGlob(text, { variables: true });
    const covered = (target: string, cover: string) => findWitness({ must: [[v(target)]], mustNot: [v(cover)] }).found === false;
    assert.ok(covered('home/${aws:username}/x', 'home/${aws:username}/*'));
    assert.ok(covered('home/${aws:username}/x', 'home/*'));
    assert.ok(!covered('home/${aws:username}/x', 'home/${aws:userid}/*'));
    assert.ok(!covered('home/${aws:username}', 'home/?'), 'a value may be longer than one character');
    assert.ok(covered('home/${*}', 'home/${*}'));
    assert.ok(!covered('home/${*}', 'home/x'), '${*} is a literal star');
  });
});
