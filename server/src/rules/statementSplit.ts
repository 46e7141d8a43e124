/**
 * Splitting a statement: some of its Action entries move to a copy of the statement without one condition key.
 * The edits keep the original's layout; the copy is written in the document's indentation after the original.
 */
import type { ASTNode, ConditionKeyEntry, PolicyModel, Statement, StringValue } from '../policy/model';
import { indentationAt, indentUnit, lineBreak } from './edits';
import type { Edit, Fix } from './types';

/** Remove some items of an array as maximal runs, so that no two removals overlap. */
export function removeItems(items: readonly ASTNode[], remove: ReadonlySet<ASTNode>): Edit[] {
  const edits: Edit[] = [];
  let i = 0;
  while (i < items.length) {
    if (!remove.has(items[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < items.length && remove.has(items[j + 1]!)) j++;
    const first = items[i]!;
    const last = items[j]!;
    const next = items[j + 1];
    const previous = items[i - 1];
    if (next) edits.push({ offset: first.offset, length: next.offset - first.offset, text: '' });
    else if (previous) {
      const start = previous.offset + previous.length;
      edits.push({ offset: start, length: last.offset + last.length - start, text: '' });
    }
    i = j + 1;
  }
  return edits;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The copy: the statement with `Action` set to the moving entries and the key dropped from its condition. */
function copyOf(policy: PolicyModel, statement: Statement, moving: readonly StringValue[], key: ConditionKeyEntry): Json | undefined {
  let copy: { [key: string]: Json };
  try {
    copy = JSON.parse(policy.text.slice(statement.node.offset, statement.node.offset + statement.node.length)) as { [key: string]: Json };
  } catch {
    return undefined;
  }
  copy.Action = moving.length === 1 ? moving[0]!.value : moving.map((m) => m.value);
  if (typeof copy.Sid === 'string') copy.Sid = `${copy.Sid}Split`;
  const condition = copy.Condition;
  if (condition && typeof condition === 'object' && !Array.isArray(condition)) {
    for (const [operator, block] of Object.entries(condition)) {
      if (!block || typeof block !== 'object' || Array.isArray(block)) continue;
      for (const name of Object.keys(block)) if (name === key.key) delete block[name];
      if (Object.keys(block).length === 0) delete condition[operator];
    }
    if (Object.keys(condition).length === 0) delete copy.Condition;
  }
  return copy;
}

/**
 * A suggestion that moves `moving` (entries of the statement's Action array) into a new statement after this one
 * that does not test `key`. Undefined when the statement is not in an array or its Action is not an array.
 */
export function splitStatement(policy: PolicyModel, statement: Statement, moving: readonly StringValue[], key: ConditionKeyEntry): Fix | undefined {
  const actionNode = statement.action?.valueNode;
  const statementArray = statement.node.parent;
  if (actionNode?.type !== 'array' || statementArray?.type !== 'array' || moving.length === 0) return undefined;
  if (moving.length >= actionNode.items.length) return undefined;
  const copy = copyOf(policy, statement, moving, key);
  if (!copy) return undefined;
  const text = policy.text;
  const eol = lineBreak(text);
  const node = statement.node;
  const multiLine = text.slice(node.offset, node.offset + node.length).includes('\n');
  const indent = indentationAt(text, node.offset);
  const body = multiLine
    ? JSON.stringify(copy, null, indentUnit(text)).split('\n').join(`${eol}${indent}`)
    : JSON.stringify(copy);
  const arrayMultiLine = text.slice(statementArray.offset, node.offset).includes('\n');
  const separator = arrayMultiLine ? `,${eol}${indent}` : ', ';
  const edits: Edit[] = [
    ...removeItems(actionNode.items, new Set(moving.map((m) => m.node))),
    { offset: node.offset + node.length, length: 0, text: `${separator}${body}` },
  ];
  const names = moving.map((m) => m.value).join(', ');
  return { title: `Move ${names} to a new statement without "${key.key}"`, edits };
}
