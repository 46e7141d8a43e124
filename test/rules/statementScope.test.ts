/**
 * The rules with a `scope` keep their contract on real policies: on every multi-statement policy of the
 * managed-policy sample, under every policy type, each statement without the others (but for the
 * 'statement-and-denials' rules, the Deny statements) has the same findings of those rules as among them.
 * (ruleTester.ts checks the same on every case of each rule's table.)
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { suite, test } from 'node:test';
import { parsePolicy } from '../../server/src/policy/parse';
import { rules } from '../../server/src/rules';
import { policyTypes } from '../../shared/settings';
import { documentOf } from '../support/documents';
import { findingsAloneAndAmong } from '../support/ruleTester';
import { repoPath } from '../support/paths';

const folder = repoPath('test/fixtures/managed-sample');
const scoped = rules.filter((rule) => rule.scope !== undefined);

suite('statement-scoped rules', () => {
  test('most rules are statement-scoped, so an edit re-checks little', () => {
    assert.ok(scoped.length >= 100, `${scoped.length} of ${rules.length}`);
  });

  test('on the managed-policy sample, a statement alone in its policy has the findings it has among the others', () => {
    const settings = { rules: {}, neverAllow: { actions: ['iam:CreateAccessKey', 's3:Delete*'] } };
    const groups = [
      { keepDenials: false, rules: scoped.filter((rule) => rule.scope === 'statement') },
      { keepDenials: true, rules: scoped.filter((rule) => rule.scope === 'statement-and-denials') },
    ];
    let checked = 0;
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.json')).sort()) {
      const text = readFileSync(`${folder}/${name}`, 'utf8');
      if (parsePolicy(documentOf(text)).syntaxErrors.length > 0) continue;
      for (const policyType of policyTypes) {
        for (const { keepDenials, rules: group } of groups) {
          for (const { statement, alone, among } of findingsAloneAndAmong(text, group, policyType, keepDenials, settings)) {
            assert.deepEqual(alone, among, `${name}, statement ${statement.index}, as a ${policyType} policy`);
            checked++;
          }
        }
      }
    }
    assert.ok(checked > 500, `${checked} statements checked`);
  });
});
