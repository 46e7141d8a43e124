/** Counting actions by access level, most sensitive level first, for completion details and hovers. */
import type { AccessLevel, Action } from '../catalog/types';

export const levelOrder: readonly AccessLevel[] = ['Permissions management', 'Write', 'Tagging', 'Read', 'List'];

/** Non-zero counts, in `levelOrder`. */
export function countByLevel(actions: readonly Action[]): [AccessLevel, number][] {
  const counts = new Map<AccessLevel, number>();
  for (const action of actions) counts.set(action.accessLevel, (counts.get(action.accessLevel) ?? 0) + 1);
  return levelOrder.filter((level) => counts.has(level)).map((level) => [level, counts.get(level)!]);
}
