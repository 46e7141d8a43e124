/**
 * The pure half of "Check access…": what the command prefills and how it shows an answer (which ranges to mark, with
 * what hover text), without the vscode API so that it can be tested.
 */
import type { AccessRange, CheckAccessResult } from '../../shared/protocol';

/**
 * A starting resource from an ARN format of the catalogue: the partition filled in, every other placeholder left
 * for the user to replace (`arn:aws:s3:::${BucketName}/${ObjectName}`); `*` when the action takes no resource.
 */
export function resourceTemplate(formats: readonly string[]): string {
  const first = formats[0];
  return first === undefined ? '*' : first.replace(/\$\{Partition\}/g, 'aws');
}

/** The placeholders left in a resource the user typed (`${BucketName}`), so the command can ask again. */
export function unfilledPlaceholders(resource: string): string[] {
  return [...resource.matchAll(/\$\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((match) => match[1]!);
}

export type MarkKind = 'decidingAllow' | 'decidingDeny' | 'applies' | 'failedCondition';

export interface Mark {
  readonly kind: MarkKind;
  readonly range: AccessRange;
  /** Shown on hover. */
  readonly hover: string;
}

const decisionTitles = { allowed: 'Allowed', explicitDeny: 'Explicitly denied', implicitDeny: 'Implicitly denied' } as const;

/** The marks of an answer, and where to put the cursor: the first deciding statement, else the first failed condition. */
export function marksOf(result: CheckAccessResult): { marks: Mark[]; focus: AccessRange | undefined } {
  const marks: Mark[] = [];
  for (const statement of result.statements) {
    const kind: MarkKind = !statement.deciding ? 'applies' : statement.effect === 'Deny' ? 'decidingDeny' : 'decidingAllow';
    const role = statement.deciding ? `decides: ${decisionTitles[result.decision]}` : 'applies, but did not decide';
    marks.push({ kind, range: statement.range, hover: `${statement.label} ${role}.` });
  }
  for (const condition of result.failedConditions) {
    marks.push({ kind: 'failedCondition', range: condition.range, hover: `${condition.statement}: ${condition.operator} ${condition.key} did not hold (${reasonWords[condition.reason]}): ${condition.detail}.` });
  }
  const focus = result.statements.find((s) => s.deciding)?.range ?? result.failedConditions[0]?.range;
  return { marks, focus };
}

const reasonWords = {
  keyMissing: 'the key is not in the request',
  keyPresent: 'the key is in the request',
  valueMismatch: 'the value does not match',
  unknownOperator: 'not an IAM operator',
} as const;
