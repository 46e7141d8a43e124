/**
 * The rules with a `scope` keep their contract on real policies: on every multi-statement policy of the
 * managed-policy sample, under every policy type, each statement without the others (but for the
 * 'statement-and-denials' rules, the Deny statements) has the same findings of those rules as among them.
 * (ruleTester.ts checks the same on every case of each rule's table.)
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { suite, test } from 'node:test';
import { getCatalog } from '../../server/src/catalog';
import { parsePolicy } from '../../server/src/policy/parse';
import { rules } from '../../server/src/rules';
import { runRules } from '../../server/src/rules/run';
import { policyTypes } from '../../shared/settings';
import { documentOf } from '../support/documents';
import { keepingOnly } from '../support/ruleTester';
import { repoPath } from '../support/paths';

const folder = repoPath('test/fixtures/managed-sample');
const scoped = rules.filter((rule) => rule.scope !== undefined);

suite('statement-scoped rules', () => {
  test('most rules are statement-scoped, so an edit re-checks little', () => {
    assert.ok(scoped.length >= 100, `${scoped.length} of ${rules.length}`);
  });

  test('on the managed-policy sample, a statement alone in its policy has the findings it has among the others', () => {
    let checked = 0;
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.json')).sort()) {
      const text = readFileSync(`${folder}/${name}`, 'utf8');
      const model = parsePolicy(documentOf(text));
      if (model.syntaxErrors.length > 0 || model.statementElement?.valueNode?.type !== 'array' || model.statements.length < 2) continue;
      for (const policyType of policyTypes) {
        const options = { catalog: getCatalog(), policyType, settings: { rules: {}, neverAllow: { actions: ['iam:CreateAccessKey', 's3:Delete*'] } } };
        for (const [scope, group] of [
          ['statement', scoped.filter((rule) => rule.scope === 'statement')],
          ['statement-and-denials', scoped.filter((rule) => rule.scope === 'statement-and-denials')],
        ] as const) {
          const whole = runRules(model, group, options);
          for (const statement of model.statements) {
            const { offset, length } = statement.node;
            const { text: alone, shift } = keepingOnly(text, model, statement, scope === 'statement-and-denials');
            const found: string[] = runRules(parsePolicy(documentOf(alone)), group, options).map((p) => `${p.ruleId} ${p.messageId} @${p.offset - shift}+${p.length}`);
            const there = whole.filter((p) => p.offset >= offset && p.offset < offset + length).map((p) => `${p.ruleId} ${p.messageId} @${p.offset}+${p.length}`);
            assert.deepEqual(found, there, `${name}, statement ${statement.index}, as a ${policyType} policy`);
            checked++;
          }
        }
      }
    }
    assert.ok(checked > 500, `${checked} statements checked`);
  });
});
