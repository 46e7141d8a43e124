/**
 * Expand a wildcard action (`s3:Get*`) into the explicit actions it matches today, sorted by access level (JSON has
 * no comments, so the grouping is the order, and the title says so). The user then deletes what is not needed.
 */
import { hasWildcard } from '../../catalog';
import type { Action } from '../../catalog/types';
import type { StringValue } from '../../policy/model';
import type { Edit } from '../../rules/types';
import { accessLevelOrder, byAccessLevelThenName } from '../accessLevels';
import { kindPrefix, type Refactoring, type RefactoringContext } from './context';
import { listLayout, renderList, replaceItem } from './layout';

/**
 * Beyond this many actions a list is no longer something to read and prune (`*` is 22,000 actions; every managed
 * policy quota is a few thousand characters), so the expansion is not offered. `ec2:*`, the largest service, fits.
 */
export const maxExpandedActions = 1000;

export function expandWildcard(context: RefactoringContext): Refactoring[] {
  const list = context.list;
  if (!list || (list.key !== 'Action' && list.key !== 'NotAction')) return [];
  const { element } = list;
  const targets = new Map<StringValue, readonly Action[]>();
  let total = 0;
  for (const value of list.values) {
    if (!hasWildcard(value.value)) continue;
    const actions = context.catalog.expandAction(value.value);
    if (actions.length === 0) continue;
    targets.set(value, actions);
    total += actions.length;
  }
  if (targets.size === 0 || total > maxExpandedActions) return [];

  // Names already written literally stay where they are and are not added twice.
  const seen = new Set(element.values.filter((v) => !targets.has(v)).map((v) => v.value.toLowerCase()));
  const replacements = new Map<StringValue, string[]>();
  const levels = new Set<string>();
  let added = 0;
  for (const [value, actions] of targets) {
    const names: string[] = [];
    for (const action of [...actions].sort(byAccessLevelThenName)) {
      levels.add(action.accessLevel);
      const key = action.fullName.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      names.push(action.fullName);
    }
    added += names.length;
    replacements.set(value, names);
  }

  const text = context.model.text;
  const layout = listLayout(text, element.property);
  const valueNode = element.property.valueNode!;
  let edits: Edit[];
  if (valueNode.type === 'array' && layout.multiLine && [...replacements.values()].every((names) => names.length > 0)) {
    edits = [...replacements].map(([value, names]) => replaceItem(layout, value.node, names.map((n) => JSON.stringify(n))));
  } else {
    const items = element.values.flatMap((v) => replacements.get(v) ?? [v.value]).map((n) => JSON.stringify(n));
    edits = [{ offset: valueNode.offset, length: valueNode.length, text: renderList(layout, items) }];
  }
  const order = accessLevelOrder.filter((level) => levels.has(level)).join(', ');
  const subject = targets.size === 1 ? `"${[...targets.keys()][0]!.value}"` : `${targets.size} wildcards`;
  const noun = added === 1 ? 'action' : 'actions';
  return [
    {
      title: `Expand ${subject} to ${added} explicit ${noun}, sorted by access level (${order})`,
      kind: `${kindPrefix}.expand-wildcard`,
      edits,
    },
  ];
}
