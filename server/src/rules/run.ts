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
import type { PolicyType, Problem, Report, Rule } from './types';

export interface RunOptions {
  readonly catalog: Catalog;
  readonly policyType: PolicyType;
  readonly settings: Pick<Settings, 'rules'>;
  readonly onRuleError?: (rule: Rule, error: unknown) => void;
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
  return finish(ruleSteps(model, rules, options));
}

/** Runs the steps to the end and returns what they return. */
export function finish<T>(steps: Iterator<unknown, T, undefined>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The rules one step each: every `next()` runs one active rule; the last returns all problems, sorted by offset. */
export function* ruleSteps(model: PolicyModel, rules: readonly Rule[], options: RunOptions): Generator<void, Problem[], undefined> {
  const problems: Problem[] = [];
  const hasSyntaxErrors = model.syntaxErrors.length > 0;
  const foreign = isForeignJson(model);
  for (const rule of rules) {
    if (!isRuleActive(rule, options.policyType, options.settings)) continue;
    if (hasSyntaxErrors && !rule.runsOnSyntaxErrors) continue;
    if (foreign && !rule.runsOnNonPolicies) continue;
    const override = options.settings.rules[rule.id];
    const severity = override && override !== 'off' ? override : rule.severity;
    const found: Problem[] = [];
    try {
      rule.check({
        policy: model,
        catalog: options.catalog,
        policyType: options.policyType,
        report(report: Report) {
          const template = rule.messages[report.messageId];
          if (template === undefined) throw new Error(`rule ${rule.id} reported unknown message id ${report.messageId}`);
          const span = report.span ?? report.node;
          if (!span) throw new Error(`rule ${rule.id} reported ${report.messageId} without a node or span`);
          found.push({
            ruleId: rule.id,
            messageId: report.messageId,
            message: formatMessage(template, report.data),
            offset: span.offset,
            length: span.length,
            severity,
            fix: report.fix,
            suggestions: report.suggestions ?? [],
            tags: report.tags ?? [],
          });
        },
      });
      for (const problem of found) problems.push(problem); // not push(...found): a spread of 100k+ arguments throws
    } catch (error) {
      options.onRuleError?.(rule, error); // a half-finished rule's findings are not trusted
    }
    yield;
  }
  return problems.sort((a, b) => a.offset - b.offset || a.ruleId.localeCompare(b.ruleId));
}
