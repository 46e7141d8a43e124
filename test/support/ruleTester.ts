/**
 * Valid/invalid tables for one rule. Only that rule runs; the catalogue is the real one. Expected problems are
 * written as `[|...|]` ranges in the document plus message ids, in document order. A fix's output is the whole
 * document after applying every fix the rule offered (each problem's safe fix); it must be valid JSON.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { getCatalog } from '../../server/src/catalog';
import { parsePolicy } from '../../server/src/policy/parse';
import { applyEdits, introducesPlaceholders } from '../../server/src/rules/shared/edits';
import { rules as registry } from '../../server/src/rules';
import { runRules } from '../../server/src/rules/run';
import type { PolicyType, Problem, Rule } from '../../server/src/rules/types';
import { documentOf } from './documents';
import { ranges } from './markers';

export interface ValidCase {
  readonly code: string;
  readonly policyType?: PolicyType;
  readonly name?: string;
}

export interface InvalidCase extends ValidCase {
  /** Message ids, one per `[|...|]` range, in document order. */
  readonly errors: readonly (string | { messageId: string; message?: string })[];
  /** The document after applying every safe fix; omit when the rule offers none for this case. */
  readonly output?: string;
  /** Outputs of the suggestions of each problem, in order (flattened). */
  readonly suggestions?: readonly { title?: string; output: string }[];
}

export interface RuleTable {
  readonly valid: readonly (string | ValidCase)[];
  readonly invalid: readonly InvalidCase[];
}

export function lint(rule: Rule, text: string, policyType: PolicyType = 'identity'): Problem[] {
  const model = parsePolicy(documentOf(text));
  return runRules(model, [rule], {
    catalog: getCatalog(),
    policyType,
    settings: { rules: {} },
    onRuleError: (_rule, error) => {
      throw error;
    },
  });
}

/** Error-severity findings of every registered rule, counted per rule id. */
function errorCounts(text: string, policyType: PolicyType = 'identity'): Map<string, number> {
  const model = parsePolicy(documentOf(text));
  const problems = runRules(model, registry, { catalog: getCatalog(), policyType, settings: { rules: {} } });
  const counts = new Map<string, number>();
  for (const problem of problems) if (problem.severity === 'error') counts.set(problem.ruleId, (counts.get(problem.ruleId) ?? 0) + 1);
  return counts;
}

/** A safe fix must not add an error-severity finding of any rule (issue #5's "no new error"). */
function assertNoNewErrors(before: string, after: string, policyType: PolicyType | undefined): void {
  const was = errorCounts(before, policyType);
  for (const [ruleId, count] of errorCounts(after, policyType)) {
    assert.ok(count <= (was.get(ruleId) ?? 0), `the fix adds an error-severity ${ruleId} finding`);
  }
}

function parsesCleanly(text: string): boolean {
  return parsePolicy(documentOf(text)).syntaxErrors.length === 0;
}

function label(item: ValidCase, index: number): string {
  return item.name ?? `#${index + 1} ${item.code.replace(/\s+/g, ' ').slice(0, 70)}`;
}

export function runRuleTests(rule: Rule, table: RuleTable): void {
  suite(rule.id, () => {
    assert.ok(table.valid.length > 0, `${rule.id}: at least one valid case`);
    assert.ok(table.invalid.length > 0, `${rule.id}: at least one invalid case`);
    table.valid.forEach((raw, index) => {
      const item = typeof raw === 'string' ? { code: raw } : raw;
      test(`valid ${label(item, index)}`, () => {
        const problems = lint(rule, item.code, item.policyType);
        assert.deepEqual(
          problems.map((p) => `${p.messageId}: ${p.message}`),
          [],
          'expected no problems',
        );
      });
    });
    table.invalid.forEach((item, index) => {
      test(`invalid ${label(item, index)}`, () => {
        const { text, spans } = ranges(item.code);
        assert.equal(spans.length, item.errors.length, 'one [|range|] per expected error');
        const problems = lint(rule, text, item.policyType);
        const actual = problems.map((p) => ({ messageId: p.messageId, text: text.slice(p.offset, p.offset + p.length) }));
        const expected = item.errors.map((error, i) => ({
          messageId: typeof error === 'string' ? error : error.messageId,
          text: text.slice(spans[i]!.offset, spans[i]!.offset + spans[i]!.length),
        }));
        assert.deepEqual(actual, expected);
        problems.forEach((problem, i) => {
          assert.equal(problem.offset, spans[i]!.offset, `offset of problem ${i + 1}`);
          const error = item.errors[i];
          if (typeof error === 'object' && error.message !== undefined) assert.equal(problem.message, error.message);
          // `{name}` of the template; a `${Name}` the message quotes from the policy is not one.
          assert.doesNotMatch(problem.message, /(?<!\$)\{\w+\}/, 'message has no unfilled placeholder');
        });
        const fixes = problems.flatMap((p) => (p.fix ? [p.fix] : []));
        for (const fix of fixes) {
          assert.ok(!fix.placeholders && !introducesPlaceholders(text, fix.edits), `the safe fix "${fix.title}" inserts no placeholder: one that does is a suggestion`);
        }
        if (item.output === undefined) {
          assert.deepEqual(fixes.map((f) => f.title), [], 'a fix was offered but the case has no output');
        } else {
          assert.ok(fixes.length > 0, 'expected a fix');
          const output = applyEdits(text, fixes.flatMap((f) => f.edits));
          assert.equal(output, item.output);
          if (parsesCleanly(text)) assert.ok(parsesCleanly(output), 'the fix keeps the JSON valid');
          assertNoNewErrors(text, output, item.policyType);
          assert.ok(
            lint(rule, output, item.policyType).length < problems.length,
            'the fix removes the finding it was offered for',
          );
          assert.deepEqual(
            lint(rule, output, item.policyType).filter((p) => p.fix).map((p) => p.messageId),
            [],
            'applying the fix again changes nothing',
          );
        }
        const suggestions = problems.flatMap((p) => p.suggestions);
        for (const suggestion of suggestions) {
          // What makes editors offer the placeholders as tab stops: set exactly when the suggestion inserts some.
          assert.equal(suggestion.placeholders === true, introducesPlaceholders(text, suggestion.edits), `"${suggestion.title}" says whether it inserts placeholders`);
        }
        assert.equal(suggestions.length, item.suggestions?.length ?? 0, 'number of suggestions');
        item.suggestions?.forEach((expectedSuggestion, i) => {
          const suggestion = suggestions[i]!;
          if (expectedSuggestion.title !== undefined) assert.equal(suggestion.title, expectedSuggestion.title);
          const output = applyEdits(text, suggestion.edits);
          assert.equal(output, expectedSuggestion.output);
          if (parsesCleanly(text)) assert.ok(parsesCleanly(output), 'the suggestion keeps the JSON valid');
        });
      });
    });
  });
}
