/**
 * Splitting a statement: some of its Action entries move to a copy of the statement without one condition key.
 * The edits keep the original's layout; the copy is written in the document's indentation after the original.
 */
import type { ConditionKeyEntry, PolicyModel, Statement, StringValue } from '../../policy/model';
import { indentationAt, indentUnit, lineBreak, removeNodes } from './edits';
import type { Edit, Fix } from '../types';

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
    // Never every item (checked above), so the array keeps at least one and the runs' commas come out right.
    ...removeNodes(moving.map((m) => m.node)),
    { offset: node.offset + node.length, length: 0, text: `${separator}${body}` },
  ];
  const names = moving.map((m) => m.value).join(', ');
  return { title: `Move ${names} to a new statement without "${key.key}"`, edits };
}
