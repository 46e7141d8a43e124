/**
 * Per-document memo tables (policy/documentMemo.ts) mean what a WeakMap keyed by the object means, and keep what they
 * hold out of V8's old generation: a document analysed and dropped does not survive young-generation collections.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { suite, test } from 'node:test';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentMemo } from '../../server/src/policy/documentMemo';
import { createPolicyService } from '../../server/src/service';
import { defaultSettings } from '../../shared/settings';
import { repoPath } from '../support/paths';

suite('DocumentMemo', () => {
  test('answers what was set for the object, per table, and nothing for other objects', () => {
    const first = new DocumentMemo<object, string>('first');
    const second = new DocumentMemo<object, string>('second');
    const a = {};
    const b = {};
    first.set(a, 'one');
    second.set(a, 'two');
    assert.equal(first.get(a), 'one');
    assert.equal(second.get(a), 'two');
    assert.equal(first.get(b), undefined);
    first.set(a, 'again');
    assert.equal(first.get(a), 'again');
    assert.equal(second.get(a), 'two');
  });

  test('is invisible to JSON, spreads, keys and deep equality, and a copy does not share it', () => {
    const memo = new DocumentMemo<object, number[]>('hidden');
    const statement = { Effect: 'Allow', Action: ['s3:GetObject'] };
    memo.set(statement, [1, 2, 3]);
    assert.equal(JSON.stringify(statement), '{"Effect":"Allow","Action":["s3:GetObject"]}');
    assert.deepEqual(Object.keys(statement), ['Effect', 'Action']);
    assert.deepStrictEqual(statement, { Effect: 'Allow', Action: ['s3:GetObject'] });
    const copy = { ...statement };
    assert.equal(memo.get(copy), undefined);
    assert.deepEqual(memo.get(statement), [1, 2, 3]);
  });

  test('keeps frozen objects (shared empty lists) in a WeakMap of its own', () => {
    const memo = new DocumentMemo<readonly string[], string>('frozen');
    const empty: readonly string[] = Object.freeze([]);
    const other: readonly string[] = Object.freeze([]);
    memo.set(empty, 'kept');
    assert.equal(memo.get(empty), 'kept');
    assert.equal(memo.get(other), undefined);
  });
});

suite('memory', () => {
  // Measured on the managed-policy sample: the analyses of 20 rounds of 50 policies grew the old generation by
  // 24–26 MB while memo tables were WeakMaps and lazy suggestions were getter closures (V8 kept their values alive
  // through every young-generation collection), by ~1.5 MB since. Nothing here is timed.
  test('analysed and dropped documents do not pile up in the old generation', () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const folder = repoPath('test/fixtures/managed-sample');
    const texts = readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => readFileSync(`${folder}/${name}`, 'utf8'));
    const service = createPolicyService({ rememberStatementFindings: false });
    const analyseAll = (rounds: number): number => {
      let problems = 0;
      for (let round = 0; round < rounds; round++) {
        texts.forEach((text, i) => {
          // A different text each round, so nothing is answered from an earlier model.
          const model = service.parse(TextDocument.create(`file:///p${i}.json`, 'iam-policy', 1, text + ' '.repeat(round % 3)), defaultSettings);
          problems += service.analyze(model, { settings: defaultSettings, policyType: undefined }).problems.length;
        });
      }
      return problems;
    };
    const oldGeneration = () => getHeapSpaceStatistics().find((space) => space.space_name === 'old_space')!.space_used_size;
    // First answers (the catalogue's details, the memoised patterns) belong in the old generation: made before measuring.
    assert.ok(analyseAll(3) > 0);
    collect();
    const before = oldGeneration();
    analyseAll(20);
    const grownMb = (oldGeneration() - before) / 1e6;
    assert.ok(grownMb < 8, `the old generation grew by ${grownMb.toFixed(1)} MB`);
  });
});
