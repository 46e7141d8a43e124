/**
 * Edits on the entries of a string-or-array element (Action, Resource...), keeping the list's own layout.
 */
import type { ASTNode, ListElement, StringValue } from '../../policy/model';
import { indentationAt, lineBreak } from './edits';
import type { Edit, Report } from '../types';

/**
 * One removal per entry to remove, keyed by the entry's node, each taking the right comma with it so the edits can
 * be applied together or one by one. Entries before the first kept entry take the separator after them; the others
 * take the separator before them. Nothing is offered when every entry would go (the list would be empty).
 */
export function entryRemovals(list: ListElement, remove: ReadonlySet<ASTNode>): Map<ASTNode, Edit> {
  const edits = new Map<ASTNode, Edit>();
  const array = list.valueNode;
  if (array?.type !== 'array') return edits;
  const items = array.items;
  const firstKept = items.findIndex((item) => !remove.has(item));
  if (firstKept < 0) return edits;
  items.forEach((item, index) => {
    if (!remove.has(item)) return;
    if (index < firstKept) {
      const next = items[index + 1]!;
      edits.set(item, { offset: item.offset, length: next.offset - item.offset, text: '' });
    } else {
      const previous = items[index - 1]!;
      const start = previous.offset + previous.length;
      edits.set(item, { offset: start, length: item.offset + item.length - start, text: '' });
    }
  });
  return edits;
}

/** Append a string to the list: a lone string becomes a two-entry array; an array continues in its own style. */
export function appendEntry(text: string, list: ListElement, value: string): Edit | undefined {
  const node = list.valueNode;
  const entry = JSON.stringify(value);
  if (node?.type === 'string') return { offset: node.offset, length: node.length, text: `[${text.slice(node.offset, node.offset + node.length)}, ${entry}]` };
  if (node?.type !== 'array') return undefined;
  const last = node.items[node.items.length - 1];
  if (!last) return { offset: node.offset + 1, length: node.length - 2, text: entry };
  const multiLine = text.slice(node.offset, last.offset).includes('\n');
  const separator = multiLine ? `,${lineBreak(text)}${indentationAt(text, last.offset)}` : ', ';
  return { offset: last.offset + last.length, length: 0, text: `${separator}${entry}` };
}

/** A list entry that another entry of the same list already covers (or repeats). */
export interface RedundantEntry<MessageId extends string> {
  readonly entry: StringValue;
  readonly messageId: MessageId;
  readonly by: StringValue;
}

/**
 * Reports redundant entries of one list, each with a safe fix removing it; the removals are computed together so
 * that fix-all can apply them all. `valueName` is the message's placeholder for the entry (`action`, `resource`).
 */
export function reportRedundantEntries<MessageId extends string>(
  list: ListElement,
  findings: readonly RedundantEntry<MessageId>[],
  valueName: string,
  report: (r: Report<MessageId>) => void,
): void {
  if (!findings.length) return;
  const edits = entryRemovals(list, new Set<ASTNode>(findings.map((f) => f.entry.node)));
  for (const { entry, messageId, by } of findings) {
    const edit = edits.get(entry.node);
    report({
      node: entry.node,
      messageId,
      data: { [valueName]: entry.value, coveredBy: by.value },
      tags: ['unnecessary'],
      fix: edit && { title: `Remove ${entry.value}`, edits: [edit] },
    });
  }
}
