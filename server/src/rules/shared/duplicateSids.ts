/**
 * Statements whose Sid repeats an earlier statement's Sid (exact, case-sensitive comparison; empty and non-string
 * Sids are not compared). Shared by unique-sids-required and unique-sids-recommended, which split the policy types
 * between them so that a duplicate is reported by exactly one of the two.
 */
import type { PolicyModel, StringASTNode } from '../../policy/model';

export interface DuplicateSid {
  readonly sid: string;
  readonly node: StringASTNode;
  /** 1-based position of the statement that used the Sid first. */
  readonly firstPosition: number;
}

export function findDuplicateSids(policy: PolicyModel): DuplicateSid[] {
  const firstSeen = new Map<string, number>();
  const duplicates: DuplicateSid[] = [];
  for (const statement of policy.statements) {
    const sid = statement.sid;
    if (sid?.value === undefined || sid.value === '' || sid.valueNode?.type !== 'string') continue;
    const first = firstSeen.get(sid.value);
    if (first === undefined) firstSeen.set(sid.value, statement.index + 1);
    else duplicates.push({ sid: sid.value, node: sid.valueNode, firstPosition: first });
  }
  return duplicates;
}
