/**
 * Sort an action list and drop exact repeats (IAM compares action names without case, so `s3:getobject` repeats
 * `s3:GetObject`). Entries covered by a wildcard elsewhere in the list are the redundant-action rule's business.
 */
import { compareText } from '../accessLevels';
import { kindPrefix, type Refactoring, type RefactoringContext } from './context';
import { listLayout, replaceAllItems } from './layout';

export function sortActions(context: RefactoringContext): Refactoring[] {
  const list = context.list;
  if (!list || (list.key !== 'Action' && list.key !== 'NotAction')) return [];
  const { element } = list;
  const valueNode = element.property.valueNode;
  if (valueNode?.type !== 'array' || element.values.length < 2) return [];
  const text = context.model.text;
  const seen = new Set<string>();
  const kept = element.values.filter((v) => {
    const key = v.value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const sorted = [...kept].sort((a, b) => compareText(a.value, b.value));
  const removed = element.values.length - sorted.length;
  if (removed === 0 && sorted.every((v, i) => v === element.values[i])) return [];
  // Each entry keeps its own spelling and escapes: the text is moved, not re-serialised.
  const items = sorted.map((v) => text.slice(v.node.offset, v.node.offset + v.node.length));
  const what = `${list.key === 'Action' ? 'actions' : 'NotAction entries'}`;
  const title = removed === 0 ? `Sort ${what}` : `Sort ${what} and remove ${removed} ${removed === 1 ? 'duplicate' : 'duplicates'}`;
  return [{ title, kind: `${kindPrefix}.sort-actions`, edits: [replaceAllItems(listLayout(text, element.property), valueNode, items)] }];
}
