/**
 * The size of a policy as AWS counts it against its quota (characters other than white space) and the quota of
 * each policy type (data/policy-size-quotas.json). Shared by the policy-size-exceeds-* rules.
 */
import quotaData from '../../../../data/policy-size-quotas.json';
import { openingBrace } from './openingBrace';
import type { Edit, PolicyType, RuleContext } from '../types';
import { formatCount } from '../../../../shared/formatCount';

export interface SizeQuota {
  readonly policyType: PolicyType;
  readonly characters: number;
  readonly what: string;
  readonly also?: string;
}

const quotas = new Map((quotaData.quotas as SizeQuota[]).map((q) => [q.policyType, q]));

export function quotaFor(policyType: PolicyType): SizeQuota | undefined {
  return quotas.get(policyType);
}

// The size rules and every fix checked against the quota (fitsQuotaAfter) count the same document text.
let lastCountedText: string | undefined;
let lastCount = 0;

/** Characters that count: everything but white space (anywhere, as IAM's quota page says). */
export function countedCharacters(text: string): number {
  if (text === lastCountedText) return lastCount;
  const count = nonWhiteSpaceCount(text);
  // Only a document is worth keeping; edits' short texts would only push it out.
  if (text.length >= 4096) {
    lastCountedText = text;
    lastCount = count;
  }
  return count;
}

// The loop on its own: V8 optimises it while it runs (on-stack replacement), and code after a loop in the same
// function that had never run then had no type feedback, so each call left the optimised code again (a deopt loop
// that cost the CLI ~0.5 s on the AWS managed policies).
function nonWhiteSpaceCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) count++;
  }
  return count;
}

/**
 * Whether `text` with `edits` applied stays within the quota of `policyType` (true for a type without one). A fix
 * that would take the policy over it is no longer safe: it brings up policy-size-exceeds-*-quota (known failure K16).
 */
export function fitsQuotaAfter(text: string, policyType: PolicyType, edits: readonly Edit[]): boolean {
  const quota = quotaFor(policyType);
  if (!quota) return true;
  let size = countedCharacters(text);
  for (const edit of edits) size += countedCharacters(edit.text) - countedCharacters(text.slice(edit.offset, edit.offset + edit.length));
  return size <= quota.characters;
}

export function checkSize(context: RuleContext): void {
  const root = context.policy.root;
  const quota = quotaFor(context.policyType);
  if (root?.type !== 'object' || !quota) return;
  // Most policies are shorter than their quota even with their white space: nothing to count.
  if (context.policy.text.length <= quota.characters) return;
  const size = countedCharacters(context.policy.text);
  if (size <= quota.characters) return;
  context.report({
    span: openingBrace(root),
    messageId: 'tooLarge',
    data: {
      size: formatCount(size),
      quota: formatCount(quota.characters),
      what: quota.what,
      also: quota.also ? ` ${quota.also}` : '',
    },
  });
}

export const sizeMessage =
  'This policy has {size} characters (not counting white space), more than the {quota} allowed for {what}. Split it into several smaller policies.{also}';
