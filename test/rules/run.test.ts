/**
 * The runner: problems sorted by offset then rule id (as localeCompare orders ids), one rule's findings dropped when
 * it throws, settings applied per settings object, and suggestions given as a function built only when read.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { getCatalog } from '../../server/src/catalog';
import { runRules } from '../../server/src/rules/run';
import { defineRule, type Fix, type Rule } from '../../server/src/rules/types';
import { defaultSettings } from '../../shared/settings';
import { modelOf } from '../support/service';

const catalog = getCatalog();
const model = modelOf('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}');
const fix: Fix = { title: 'Replace', edits: [{ offset: 0, length: 1, text: '{' }] };

function reporter(id: string, offsets: readonly number[], extra: { suggestions?: readonly Fix[] | (() => readonly Fix[]); fails?: boolean } = {}): Rule {
  return defineRule({
    id,
    severity: 'warning',
    summary: id,
    messages: { found: '{id} at {offset}' },
    check({ report }) {
      for (const offset of offsets) report({ span: { offset, length: 1 }, messageId: 'found', data: { id, offset }, suggestions: extra.suggestions });
      if (extra.fails) throw new Error(`${id} failed`);
    },
  });
}

const run = (rules: readonly Rule[], settings = defaultSettings, onRuleError?: (rule: Rule, error: unknown) => void) =>
  runRules(model, rules, { catalog, policyType: 'identity', settings, onRuleError });

suite('rule runner', () => {
  test('sorted by offset, then by rule id as localeCompare orders them', () => {
    const ids = ['b-rule', 'a-rule-2', 'a-rule', 'a2-rule', 'a-rule10'];
    const problems = run(ids.map((id, k) => reporter(id, [5, k])));
    const expectedAtFive = [...ids].sort((a, b) => a.localeCompare(b));
    assert.deepEqual(problems.filter((p) => p.offset === 5).map((p) => p.ruleId), expectedAtFive);
    assert.deepEqual(problems.map((p) => p.offset), [0, 1, 2, 3, 4, 5, 5, 5, 5, 5]);
  });

  test('a rule that throws loses its findings, is reported once, and the others still run', () => {
    const failures: string[] = [];
    const problems = run([reporter('first', [1]), reporter('broken', [2, 3], { fails: true }), reporter('last', [4])], defaultSettings, (rule) => failures.push(rule.id));
    assert.deepEqual(problems.map((p) => p.ruleId), ['first', 'last']);
    assert.deepEqual(failures, ['broken']);
  });

  test('each settings object is read for itself: severities and rules turned off', () => {
    const rules = [reporter('one', [1]), reporter('two', [2])];
    assert.deepEqual(run(rules).map((p) => `${p.ruleId}:${p.severity}`), ['one:warning', 'two:warning']);
    const changed = { ...defaultSettings, rules: { one: 'error' as const, two: 'off' as const } };
    assert.deepEqual(run(rules, changed).map((p) => `${p.ruleId}:${p.severity}`), ['one:error']);
    assert.deepEqual(run(rules).map((p) => `${p.ruleId}:${p.severity}`), ['one:warning', 'two:warning']);
  });

  test('suggestions given as a function are built when first read, once, and look like eager ones', () => {
    let built = 0;
    const lazy = run([reporter('lazy', [1], { suggestions: () => (built++, [fix]) })])[0]!;
    const eager = run([reporter('lazy', [1], { suggestions: [fix] })])[0]!;
    assert.equal(built, 0);
    assert.deepEqual(lazy.suggestions, [fix]);
    assert.equal(lazy.suggestions, lazy.suggestions);
    assert.equal(built, 1);
    assert.equal(JSON.stringify(lazy), JSON.stringify(eager));
    assert.deepEqual(Object.keys(lazy), Object.keys(eager));
  });

  test('suggestions that throw when built leave none and report the rule', () => {
    const failures: string[] = [];
    const [problem] = run([reporter('lazy', [1], { suggestions: () => { throw new Error('no'); } })], defaultSettings, (rule) => failures.push(rule.id));
    assert.deepEqual(problem!.suggestions, []);
    assert.deepEqual(failures, ['lazy']);
  });
});
