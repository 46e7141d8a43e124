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
import { runRules, type RunOptions } from '../../server/src/rules/run';
import type { PolicyType, Problem, Report, Rule, RuleContext } from '../../server/src/rules/types';
import type { PolicyModel, Statement } from '../../server/src/policy/model';
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

/** What `rule` reports when it checks `statements` of the policy in `text`: spans, message data and remedies. */
function reportsOn(rule: Rule, text: string, policyType: PolicyType, pick: (all: readonly Statement[]) => readonly (readonly Statement[])[]) {
  const policy = parsePolicy(documentOf(text));
  return pick(policy.statements).map((statements) => {
    const reports: unknown[] = [];
    const context: RuleContext = {
      policy,
      statements,
      catalog: getCatalog(),
      policyType,
      report({ node, span, messageId, data, fix, suggestions }: Report) {
        const at = span ?? node!;
        reports.push({ offset: at.offset, length: at.length, messageId, data, fix, suggestions: typeof suggestions === 'function' ? suggestions() : suggestions });
      },
    };
    rule.check(context);
    return { statements, reports };
  });
}

/**
 * A rule with a `scope` keeps its contract (types.ts), which lets the language server re-check only the statements
 * an edit changed: it reports inside the statement it checks; checking one statement through `context.statements`
 * finds there what checking them all does; and what it finds in a statement does not depend on the other statements
 * (for `'statement-and-denials'`, the other Allow statements): with them deleted, it has the same findings.
 */
function assertStatementScope(rule: Rule, text: string, policyType: PolicyType = 'identity'): void {
  if (!parsesCleanly(text)) return; // with syntax errors every rule runs on every statement
  if (rule.policyTypes && !rule.policyTypes.includes(policyType)) return; // the rule does not run at all
  const [whole] = reportsOn(rule, text, policyType, (all) => [all]);
  const wholeReports = whole!.reports as { offset: number; length: number }[];
  const one = reportsOn(rule, text, policyType, (all) => all.map((statement) => [statement]));
  for (const { statements, reports } of one) {
    const node = statements[0]!.node;
    const inside = (report: { offset: number; length: number }) => report.offset >= node.offset && report.offset + report.length <= node.offset + node.length;
    assert.ok((reports as { offset: number; length: number }[]).every(inside), `${rule.id} reports inside the statement it checks`);
    assert.deepEqual(reports, wholeReports.filter(inside), `${rule.id}: checking one statement through context.statements finds there what checking all of them does`);
  }
  for (const { statement, alone, among } of findingsAloneAndAmong(text, [rule], policyType, rule.scope === 'statement-and-denials')) {
    assert.deepEqual(alone, among, `${rule.id} says scope: '${rule.scope}', but statement ${statement.index} without the others has other findings than among them`);
  }
}

/**
 * For each statement of the policy in `text` (when its Statement array holds two or more): what `rules` find in it
 * among the others, and with the others deleted (but, with `keepDenials`, those whose Effect is not "Allow"), each
 * finding as `ruleId messageId @offset+length` in `text`'s offsets.
 */
export function findingsAloneAndAmong(
  text: string,
  rules: readonly Rule[],
  policyType: PolicyType,
  keepDenials: boolean,
  settings: RunOptions['settings'] = { rules: {} },
): { statement: Statement; alone: string[]; among: string[] }[] {
  const model = parsePolicy(documentOf(text));
  if (model.statementElement?.valueNode?.type !== 'array' || model.statements.length < 2) return [];
  const options: RunOptions = {
    catalog: getCatalog(),
    policyType,
    settings,
    onRuleError: (_rule, error) => {
      throw error;
    },
  };
  const whole = runRules(model, rules, options);
  return model.statements.map((statement) => {
    const { offset, length } = statement.node;
    const { text: alone, shift } = keepingOnly(text, model, statement, keepDenials);
    return {
      statement,
      alone: runRules(parsePolicy(documentOf(alone)), rules, options).map((p) => `${p.ruleId} ${p.messageId} @${p.offset - shift}+${p.length}`),
      among: whole.filter((p) => p.offset >= offset && p.offset < offset + length).map((p) => `${p.ruleId} ${p.messageId} @${p.offset}+${p.length}`),
    };
  });
}

/**
 * The policy with only `statement` left in its Statement array (and, with `denials`, the statements whose Effect is
 * not "Allow"), and how far `statement` moved.
 */
function keepingOnly(text: string, model: PolicyModel, statement: Statement, denials: boolean): { text: string; shift: number } {
  const array = model.statementElement!.valueNode!;
  const kept = model.statements.filter((other) => other === statement || (denials && other.effect?.value !== 'Allow'));
  const slice = (s: Statement) => text.slice(s.node.offset, s.node.offset + s.node.length);
  const before = kept.slice(0, kept.indexOf(statement)).map((s) => `${slice(s)}, `).join('');
  const after = kept.slice(kept.indexOf(statement) + 1).map((s) => `, ${slice(s)}`).join('');
  return {
    text: text.slice(0, array.offset + 1) + before + slice(statement) + after + text.slice(array.offset + array.length - 1),
    shift: array.offset + 1 + before.length - statement.node.offset,
  };
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
        if (rule.scope) assertStatementScope(rule, item.code, item.policyType);
      });
    });
    table.invalid.forEach((item, index) => {
      test(`invalid ${label(item, index)}`, () => {
        const { text, spans } = ranges(item.code);
        assert.equal(spans.length, item.errors.length, 'one [|range|] per expected error');
        const problems = lint(rule, text, item.policyType);
        if (rule.scope) assertStatementScope(rule, text, item.policyType);
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
