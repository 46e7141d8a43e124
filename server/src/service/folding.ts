/**
 * One node, one diagnostic. Several rules judge how far one grant reaches, and on a token such as `"iam:*"` each says
 * so (privilege escalation, credentials exposure, no MFA, a wildcard...): six squiggles for one cause. The editor shows
 * the most specific of the problems on the same range and folds the others into it as related information, with their
 * fixes still offered; the CLI, SARIF and the analysis keep every problem.
 */
import type { Problem, Severity } from '../rules/types';

/**
 * The rules whose problems on one range share a root cause (the grant is broader than it should be), most specific
 * first: a named consequence before a shape of the policy. Other rules' problems are never folded.
 */
export const foldingOrder: readonly string[] = [
  'full-admin-access',
  'privilege-escalation',
  'privilege-escalation-potential',
  'resource-policy-escalation',
  'credentials-exposure',
  'manage-other-users-credentials',
  'resource-exposure',
  'data-exfiltration',
  'pass-role-with-star-in-action-and-resource',
  'pass-role-with-star-in-resource',
  'pass-role-with-star-in-action-and-not-resource',
  'pass-role-with-star-in-resource-and-not-action',
  'pass-role-with-not-action-and-not-resource',
  'pass-role-with-not-resource',
  'create-slr-with-star-in-action-and-resource',
  'create-slr-with-star-in-resource',
  'create-slr-with-star-in-action-and-not-resource',
  'create-slr-with-star-in-resource-and-not-action',
  'create-slr-with-not-action-and-not-resource',
  'create-slr-with-not-resource',
  'allow-with-not-action',
  'allow-with-not-resource',
  'wildcard-action',
  'wildcard-resource',
  'missing-mfa',
];

const rank = new Map(foldingOrder.map((id, index) => [id, index]));
const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** A problem as the editor shows it, with the problems folded into it (none for most). */
export interface ShownProblem {
  readonly problem: Problem;
  readonly folded: readonly Problem[];
}

/**
 * The problems as the editor shows them, in their order: foldable problems on the same range become one, led by the
 * one of highest severity (so folding never hides a warning behind an info), then the most specific.
 */
export function foldProblems(problems: readonly Problem[]): ShownProblem[] {
  const groups = new Map<string, Problem[]>();
  for (const problem of problems) {
    if (!rank.has(problem.ruleId)) continue;
    const key = `${problem.offset}:${problem.length}`;
    const group = groups.get(key);
    if (group) group.push(problem);
    else groups.set(key, [problem]);
  }
  const shown: ShownProblem[] = [];
  const placed = new Set<string>();
  for (const problem of problems) {
    const key = `${problem.offset}:${problem.length}`;
    const group = rank.has(problem.ruleId) ? groups.get(key) : undefined;
    if (!group || group.length === 1) {
      shown.push({ problem, folded: [] });
      continue;
    }
    if (placed.has(key)) continue;
    placed.add(key);
    const ordered = [...group].sort((a, b) => severityRank[a.severity] - severityRank[b.severity] || rank.get(a.ruleId)! - rank.get(b.ruleId)!);
    shown.push({ problem: ordered[0]!, folded: ordered.slice(1) });
  }
  return shown;
}
