/**
 * The order in which AWS lists access levels in policy summaries and the Service Authorization Reference: from
 * the least to the most powerful. Listings and refactorings that group actions by level use it.
 */
import type { AccessLevel, Action } from '../catalog/types';

export const accessLevelOrder: readonly AccessLevel[] = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];

export function accessLevelRank(level: AccessLevel): number {
  const rank = accessLevelOrder.indexOf(level);
  return rank < 0 ? accessLevelOrder.length : rank;
}

/** Access level first, then the full name case-insensitively: the order refactorings write expanded actions in. */
export function byAccessLevelThenName(a: Action, b: Action): number {
  return accessLevelRank(a.accessLevel) - accessLevelRank(b.accessLevel) || compareText(a.fullName, b.fullName);
}

/** Case-insensitive comparison that is stable across locales (IAM names are ASCII). */
export function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}
