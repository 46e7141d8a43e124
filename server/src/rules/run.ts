/**
 * Runs the registry over a model: applies settings (severity overrides, `off`), policy-type filters and isolation
 * (a rule that throws is reported once through `onRuleError` and skipped; the others still run).
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
    } catch (error) {
      options.onRuleError?.(rule, error);
      continue; // a half-finished rule's findings are not trusted
    }
    problems.push(...found);
  }
  return problems.sort((a, b) => a.offset - b.offset || a.ruleId.localeCompare(b.ruleId));
}
