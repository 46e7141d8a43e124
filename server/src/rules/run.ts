/**
 * Runs the registry over a model: applies settings (severity overrides, `off`), policy-type filters and isolation
 * (a rule that throws is reported once through `onRuleError` and skipped; the others still run).
 * `ruleSteps` runs the same rules one per step, so the language server can spread a large document's analysis over
 * time and drop it when the document changes; `runRules` runs every step at once (CLI, tests).
 */
import type { Catalog } from '../catalog/types';
import type { PolicyModel } from '../policy/model';
import { isForeignJson } from '../policy/parse';
import type { Settings } from '../../../shared/settings';
import { aroundStatements, denialTexts, StatementFindingsRecorder, statementTexts, StatementsToCheck, type StatementFindings } from './statementFindings';
import type { Fix, PolicyType, Problem, Report, Rule, RuleContext, Severity } from './types';
import { defineWhenRead } from './shared/whenRead';

export interface RunOptions {
  readonly catalog: Catalog;
  readonly policyType: PolicyType;
  readonly settings: Pick<Settings, 'rules' | 'neverAllow'>;
  readonly onRuleError?: (rule: Rule, error: unknown) => void;
  /**
   * The record of the last run on an earlier version of this document: the statement-scoped rules then skip the
   * statements where they found nothing and whose text is unchanged (statementFindings.ts).
   */
  readonly since?: StatementFindings;
  /** Receives this run's record, for the next run on the document (not called when the rules did not all run). */
  readonly remember?: (findings: StatementFindings) => void;
  /**
   * Whether `ruleSteps` stops after each rule (the default). A run nobody interleaves with other work (the CLI,
   * `runRules`) goes through in one step: a CPU profile of the CLI on the managed policies spent ~55 ms passing the
   * hundred steps of each document through the service's generators.
   */
  readonly stepwise?: boolean;
}

export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

export function isRuleActive(rule: Rule, policyType: PolicyType, settings: Pick<Settings, 'rules'>): boolean {
  if (settings.rules[rule.id] === 'off') return false;
  return !rule.policyTypes || rule.policyTypes.includes(policyType);
}

export function runRules(model: PolicyModel, rules: readonly Rule[], options: RunOptions): Problem[] {
  return finish(ruleSteps(model, rules, { ...options, stepwise: false }));
}

/** Runs the steps to the end and returns what they return. */
export function finish<T>(steps: Iterator<unknown, T, undefined>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

interface ActiveRule {
  readonly rule: Rule;
  readonly severity: Severity;
}

// The rules that run, with their severities, for one rules list, one `settings.rules` object and one policy type:
// worked out once, not per rule per document (the CLI asks the same question for every file).
const activeMemo = new WeakMap<readonly Rule[], WeakMap<Settings['rules'], Map<PolicyType, readonly ActiveRule[]>>>();

function activeRules(rules: readonly Rule[], policyType: PolicyType, settings: Pick<Settings, 'rules'>): readonly ActiveRule[] {
  let bySettings = activeMemo.get(rules);
  if (!bySettings) activeMemo.set(rules, (bySettings = new WeakMap()));
  let byType = bySettings.get(settings.rules);
  if (!byType) bySettings.set(settings.rules, (byType = new Map()));
  let active = byType.get(policyType);
  if (!active) {
    active = rules
      .filter((rule) => isRuleActive(rule, policyType, settings))
      .map((rule) => {
        const override = settings.rules[rule.id];
        return { rule, severity: override && override !== 'off' ? override : rule.severity };
      });
    byType.set(policyType, active);
  }
  return active;
}

// Each rule id's place in id order, so sorting problems compares numbers. Ids are kebab-case (a meta-test), whose
// code-unit order is localeCompare's; that call would load ICU's collator on a run's first analysis (~6 ms).
const rankMemo = new WeakMap<readonly Rule[], ReadonlyMap<string, number>>();

function ruleRanks(rules: readonly Rule[]): ReadonlyMap<string, number> {
  let ranks = rankMemo.get(rules);
  if (!ranks) {
    const ids = [...new Set(rules.map((rule) => rule.id))].sort();
    ranks = new Map(ids.map((id, index) => [id, index]));
    rankMemo.set(rules, ranks);
  }
  return ranks;
}

/**
 * Makes a problem's suggestions built when first read, then kept (see whenRead.ts). A rule whose suggestions throw is
 * reported like a rule that throws, and the problem has none.
 */
function suggestWhenRead(problem: Problem, rule: Rule, compute: () => readonly Fix[], options: RunOptions): void {
  defineWhenRead(problem, 'suggestions', () => {
    try {
      return compute();
    } catch (error) {
      options.onRuleError?.(rule, error);
      return [];
    }
  });
}

/**
 * The rules one step each (unless `options.stepwise` is false): every `next()` runs one active rule; the last returns
 * all problems, sorted by offset.
 */
export function* ruleSteps(model: PolicyModel, rules: readonly Rule[], options: RunOptions): Generator<void, Problem[], undefined> {
  const problems: Problem[] = [];
  const stepwise = options.stepwise ?? true;
  const hasSyntaxErrors = model.syntaxErrors.length > 0;
  const foreign = isForeignJson(model);
  // With syntax errors or on foreign JSON some rules do not run, so such a run leaves no record to go by.
  const recording = (options.since !== undefined || options.remember !== undefined) && !hasSyntaxErrors && !foreign;
  const texts = recording ? statementTexts(model) : [];
  const around = recording ? aroundStatements(model, options.policyType, options.settings.rules, options.settings.neverAllow) : '';
  const since = recording && options.since?.around === around ? options.since : undefined;
  const denials = recording ? denialTexts(model, texts) : '';
  const toCheck = new StatementsToCheck(model, since, texts, denials);
  const recorder = recording && options.remember ? new StatementFindingsRecorder(model, around, texts, denials) : undefined;
  // One context for every rule of the document; `report` files under the rule that is running.
  let current: ActiveRule | undefined;
  const context: { -readonly [K in keyof RuleContext]: RuleContext[K] } = {
    policy: model,
    statements: model.statements,
    catalog: options.catalog,
    policyType: options.policyType,
    neverAllow: options.settings.neverAllow,
    report(report: Report) {
      const { rule, severity } = current!;
      const template = rule.messages[report.messageId];
      if (template === undefined) throw new Error(`rule ${rule.id} reported unknown message id ${report.messageId}`);
      const span = report.span ?? report.node;
      if (!span) throw new Error(`rule ${rule.id} reported ${report.messageId} without a node or span`);
      const suggestions = report.suggestions;
      const problem: Problem = {
        ruleId: rule.id,
        messageId: report.messageId,
        message: formatMessage(template, report.data),
        offset: span.offset,
        length: span.length,
        severity,
        fix: report.fix,
        suggestions: typeof suggestions === 'function' ? [] : (suggestions ?? []),
        tags: report.tags ?? [],
      };
      if (typeof suggestions === 'function') suggestWhenRead(problem, rule, suggestions, options);
      problems.push(problem);
    },
  };
  for (const active of activeRules(rules, options.policyType, options.settings)) {
    const rule = active.rule;
    if (hasSyntaxErrors && !rule.runsOnSyntaxErrors) continue;
    if (foreign && !rule.runsOnNonPolicies) continue;
    const before = problems.length;
    const scoped = rule.scope !== undefined;
    current = active;
    context.statements = scoped ? toCheck.for(rule) : model.statements;
    try {
      rule.check(context);
      if (scoped) recorder?.record(rule, problems.slice(before));
    } catch (error) {
      problems.length = before; // a half-finished rule's findings are not trusted
      if (scoped) recorder?.record(rule, undefined);
      options.onRuleError?.(rule, error);
    }
    current = undefined;
    if (stepwise) yield;
  }
  if (recorder) options.remember!(recorder.finish());
  const ranks = ruleRanks(rules);
  return problems.sort((a, b) => a.offset - b.offset || ranks.get(a.ruleId)! - ranks.get(b.ruleId)!);
}
