/**
 * What a refactoring request points at: the statement around the selection, and the Action/Resource element and the
 * strings in it that the selection touches. Refactorings read this instead of searching the model themselves.
 */
import type { Catalog } from '../../catalog/types';
import type { ListElement, PolicyModel, Span, Statement, StringValue } from '../../policy/model';
import type { Edit } from '../../rules/types';

/** The selection as offsets; `end === offset` for a plain cursor. */
export interface Selection {
  readonly offset: number;
  readonly end: number;
}

export type ListKey = 'Action' | 'NotAction' | 'Resource' | 'NotResource';

export interface SelectedList {
  readonly key: ListKey;
  readonly element: ListElement;
  /** Strings of the element the selection touches; every string when it touches none (the key, the brackets). */
  readonly values: readonly StringValue[];
}

export interface RefactoringContext {
  readonly model: PolicyModel;
  readonly catalog: Catalog;
  readonly selection: Selection;
  /** The statement that contains the selection. */
  readonly statement?: Statement;
  /** The list element of that statement that contains the selection. */
  readonly list?: SelectedList;
}

/** A refactoring as offsets; the entry point turns it into an LSP CodeAction. */
export interface Refactoring {
  readonly title: string;
  /** A sub-kind of `refactor.rewrite`, e.g. `refactor.rewrite.iam-policy.expand-wildcard`. */
  readonly kind: string;
  readonly edits: readonly Edit[];
  /** The edits insert placeholders for the user to fill in (see rules/types.ts, Fix). */
  readonly placeholders?: true;
}

export const kindPrefix = 'refactor.rewrite.iam-policy';

/** Whether a node's span contains the whole selection (edges included: a cursor right after `"` still counts). */
export function contains(span: Span, selection: Selection): boolean {
  return selection.offset >= span.offset && selection.end <= span.offset + span.length;
}

/** Whether a node's span and the selection share a character, or the cursor sits on the node's edge. */
export function touches(span: Span, selection: Selection): boolean {
  const end = span.offset + span.length;
  if (selection.offset === selection.end) return selection.offset >= span.offset && selection.offset <= end;
  return selection.offset < end && span.offset < selection.end;
}

export function contextAt(model: PolicyModel, catalog: Catalog, selection: Selection): RefactoringContext {
  const statement = model.statements.find((s) => contains(s.node, selection));
  if (!statement) return { model, catalog, selection };
  const lists: [ListKey, ListElement | undefined][] = [
    ['Action', statement.action],
    ['NotAction', statement.notAction],
    ['Resource', statement.resource],
    ['NotResource', statement.notResource],
  ];
  for (const [key, element] of lists) {
    if (!element || !contains(element.property, selection)) continue;
    // A list with a number or an object in it is a type error to fix first; rewriting it could drop that entry.
    if (!element.valueNode || element.invalid.length > 0) return { model, catalog, selection, statement };
    const touched = element.values.filter((v) => touches(v.node, selection));
    return { model, catalog, selection, statement, list: { key, element, values: touched.length > 0 ? touched : element.values } };
  }
  return { model, catalog, selection, statement };
}

/** The Sids in use, to make a new one unique. */
export function sidsInUse(model: PolicyModel): Set<string> {
  return new Set(model.statements.flatMap((s) => (s.sid?.value !== undefined ? [s.sid.value] : [])));
}

/** `base`, or `base2`, `base3`... whichever is free; reserves the result. */
export function uniqueSid(base: string, taken: Set<string>): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}${n}`;
  taken.add(candidate);
  return candidate;
}

/** `ec2-instance-connect` -> `Ec2InstanceConnect`, `Permissions management` -> `PermissionsManagement`: Sid-safe words. */
export function pascalWords(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}
