/**
 * Convert a single value to a one-element array and back: `"Action": "s3:GetObject"` <-> `["s3:GetObject"]`, for
 * Action/Resource and their Not forms, principal entries and condition values. IAM reads both forms the same way.
 * The value's own text is kept (escapes included); only the brackets change.
 */
import type { ASTNode, PropertyASTNode } from '../../policy/model';
import { contains, kindPrefix, type Refactoring, type RefactoringContext } from './context';

/** An element whose value may be one scalar or an array of them, named for the title. */
interface Convertible {
  readonly name: string;
  readonly property: PropertyASTNode;
}

function convertibles(context: RefactoringContext): Convertible[] {
  const statement = context.statement;
  if (!statement) return [];
  const found: Convertible[] = [];
  for (const element of [statement.action, statement.notAction, statement.resource, statement.notResource]) {
    if (element) found.push({ name: element.key, property: element.property });
  }
  for (const principal of [statement.principal, statement.notPrincipal]) {
    for (const entry of principal?.entries ?? []) found.push({ name: `${principal!.key} ${entry.kind}`, property: entry.property });
  }
  for (const operator of statement.condition?.operators ?? []) {
    for (const key of operator.keys) found.push({ name: `${key.key} values`, property: key.property });
  }
  return found;
}

function isScalar(node: ASTNode | undefined): boolean {
  return node?.type === 'string' || node?.type === 'number' || node?.type === 'boolean';
}

export function convertStringArray(context: RefactoringContext): Refactoring[] {
  const text = context.model.text;
  const slice = (node: ASTNode) => text.slice(node.offset, node.offset + node.length);
  const target = convertibles(context).find((c) => contains(c.property, context.selection));
  const value = target?.property.valueNode;
  if (!target || !value) return [];
  if (isScalar(value)) {
    return [
      {
        title: `Convert ${target.name} to an array`,
        kind: `${kindPrefix}.string-to-array`,
        edits: [{ offset: value.offset, length: value.length, text: `[${slice(value)}]` }],
      },
    ];
  }
  if (value.type === 'array' && value.items.length === 1 && isScalar(value.items[0])) {
    return [
      {
        title: `Convert ${target.name} to a single value`,
        kind: `${kindPrefix}.array-to-string`,
        edits: [{ offset: value.offset, length: value.length, text: slice(value.items[0]!) }],
      },
    ];
  }
  return [];
}
