/**
 * "Did you mean" for condition keys. Templated keys (`aws:ResourceTag/${TagKey}`) are compared by their stem, and
 * the user's own tag key is kept: `aws:ResourseTag/Project` -> `aws:ResourceTag/Project`.
 */
import type { ConditionKeyEntry } from '../../policy/model';
import { findClosest } from './closest';
import { replaceWithString } from './edits';
import type { Fix } from '../types';

export function closestKey(written: string, candidates: readonly string[]): string | undefined {
  const slash = written.indexOf('/');
  if (slash > 0) {
    const stems = candidates.filter((c) => c.includes('/${')).map((c) => c.slice(0, c.indexOf('/${')));
    const stem = findClosest(written.slice(0, slash), stems);
    if (stem) return `${stem}${written.slice(slash)}`;
  }
  return findClosest(
    written,
    candidates.filter((c) => !c.includes('${')),
  );
}

/** Rename the key, unless its block already has that key (a duplicate key would change the policy's meaning). */
export function renameKeyFix(entry: ConditionKeyEntry, siblings: readonly ConditionKeyEntry[], suggestion: string): Fix | undefined {
  const lower = suggestion.toLowerCase();
  if (siblings.some((s) => s !== entry && s.key.toLowerCase() === lower)) return undefined;
  return { title: `Change to "${suggestion}"`, edits: [replaceWithString(entry.keyNode, suggestion)] };
}
