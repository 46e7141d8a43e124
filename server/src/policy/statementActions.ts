/**
 * The actions a statement names, with wildcards expanded against the catalogue: rules reason about `iam:Pass*` as
 * the actions it stands for. Computed once per statement and shared by every rule (memoised on the statement).
 */
import type { Action, Catalog } from '../catalog/types';
import type { Statement, StringValue } from './model';

export interface ActionEntry {
  /** The string as written in Action / NotAction. */
  readonly value: StringValue;
  /** The actions it matches (empty for an unknown service or action). */
  readonly actions: readonly Action[];
}

export interface StatementActions {
  /** One entry per string in Action or NotAction. */
  readonly entries: readonly ActionEntry[];
  /**
   * The actions the statement covers: the union of the entries for Action; for NotAction, every action of the
   * catalogue that no entry matches. Sorted by full name, no duplicates.
   */
  readonly actions: readonly Action[];
  readonly isNotAction: boolean;
}

const memo = new WeakMap<Statement, StatementActions>();

export function statementActions(statement: Statement, catalog: Catalog): StatementActions {
  const cached = memo.get(statement);
  if (cached) return cached;
  const element = statement.action ?? statement.notAction;
  const isNotAction = !statement.action && statement.notAction !== undefined;
  const entries = (element?.values ?? []).map((value) => ({ value, actions: catalog.expandAction(value.value) }));
  let actions: Action[];
  if (isNotAction) {
    const excluded = new Set(entries.flatMap((e) => e.actions));
    actions = catalog.expandAction('*').filter((a) => !excluded.has(a));
  } else {
    actions = [...new Set(entries.flatMap((e) => e.actions))];
  }
  actions.sort((a, b) => (a.fullName < b.fullName ? -1 : a.fullName > b.fullName ? 1 : 0));
  const result = { entries, actions, isNotAction };
  memo.set(statement, result);
  return result;
}
