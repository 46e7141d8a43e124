/**
 * The actions a statement names, with wildcards expanded against the catalogue: rules reason about `iam:Pass*` as
 * the actions it stands for. Computed once per statement and shared by every rule (memoised on the statement).
 *
 * The catalogue memoises each pattern's expansion, so the same arrays come back for the same patterns across
 * statements and documents; each is sorted by full name once and kept with it here rather than per statement
 * (`"Action": "*"` alone is 22,000 actions), and membership is a binary search, not a set built per statement.
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
  /** Whether `actions` holds the action, without building a set of them. */
  covers(action: Action): boolean;
}

const memo = new WeakMap<Statement, StatementActions>();

export function statementActions(statement: Statement, catalog: Catalog): StatementActions {
  const cached = memo.get(statement);
  if (cached) return cached;
  const element = statement.action ?? statement.notAction;
  const isNotAction = !statement.action && statement.notAction !== undefined;
  const entries = (element?.values ?? []).map((value) => ({ value, actions: catalog.expandAction(value.value) }));
  let actions: readonly Action[];
  let covers: (action: Action) => boolean;
  if (isNotAction) {
    const excluded = union(entries.map((e) => sortedByFullName(e.actions)));
    const all = sortedByFullName(catalog.expandAction('*'));
    const set = new Set(excluded);
    actions = excluded.length === 0 ? all : all.filter((a) => !set.has(a));
    covers = (action) => !holds(excluded, action);
  } else {
    actions = union(entries.map((e) => sortedByFullName(e.actions)));
    covers = (action) => holds(actions, action);
  }
  const result: StatementActions = { entries, actions, isNotAction, covers };
  memo.set(statement, result);
  return result;
}

const sorted = new WeakMap<readonly Action[], readonly Action[]>();

/** The actions sorted by full name (as strings compare), once per expansion. */
function sortedByFullName(actions: readonly Action[]): readonly Action[] {
  if (actions.length < 2) return actions;
  let result = sorted.get(actions);
  if (!result) {
    result = isSorted(actions) ? actions : [...actions].sort((a, b) => compareFullNames(a, b));
    sorted.set(actions, result);
  }
  return result;
}

/** Binary search of a list sorted by full name. */
function holds(sortedActions: readonly Action[], action: Action): boolean {
  const name = action.fullName;
  let low = 0;
  let high = sortedActions.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sortedActions[mid]!.fullName < name) low = mid + 1;
    else high = mid;
  }
  return low < sortedActions.length && sortedActions[low]!.fullName === name;
}

/** Actions in the order of their full names as strings compare (code units, not locale). */
export function compareFullNames(a: Action, b: Action): number {
  return a.fullName < b.fullName ? -1 : a.fullName > b.fullName ? 1 : 0;
}

function isSorted(actions: readonly Action[]): boolean {
  for (let i = 1; i < actions.length; i++) if (compareFullNames(actions[i - 1]!, actions[i]!) >= 0) return false;
  return true;
}

/** Lists no longer than this are gathered and sorted together rather than merged one by one. */
const SHORT_LIST = 8;

/**
 * Sorted lists merged into one, without duplicates. Most entries name one action, so the short lists are gathered
 * and sorted as one (a statement of 300 named actions is one sort, not 300 merges); the long ones (wildcards) are
 * then merged pairwise, so many lists cost O(n log k).
 */
function union(lists: readonly (readonly Action[])[]): readonly Action[] {
  const level: (readonly Action[])[] = [];
  let short: Action[] | undefined;
  let shortLists = 0;
  for (const list of lists) {
    if (list.length === 0) continue;
    if (list.length > SHORT_LIST) {
      level.push(list);
      continue;
    }
    short ??= [];
    shortLists++;
    for (const action of list) short.push(action);
  }
  if (short) level.push(shortLists === 1 && level.length === 0 ? lists.find((list) => list.length > 0)! : sortedUnique(short));
  if (level.length === 0) return [];
  return mergeAll(level);
}

/** The actions sorted by full name, duplicates (by full name) dropped; the array itself when it is already so. */
function sortedUnique(actions: Action[]): Action[] {
  if (isSorted(actions)) return actions;
  actions.sort(compareFullNames);
  let kept = 0;
  for (let i = 0; i < actions.length; i++) {
    if (kept === 0 || compareFullNames(actions[kept - 1]!, actions[i]!) !== 0) actions[kept++] = actions[i]!;
  }
  actions.length = kept;
  return actions;
}

function mergeAll(lists: (readonly Action[])[]): readonly Action[] {
  let level = lists;
  while (level.length > 1) {
    const next: (readonly Action[])[] = [];
    for (let k = 0; k < level.length; k += 2) next.push(k + 1 < level.length ? mergeTwo(level[k]!, level[k + 1]!) : level[k]!);
    level = next;
  }
  return level[0]!;
}

function mergeTwo(a: readonly Action[], b: readonly Action[]): Action[] {
  const out: Action[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const order = compareFullNames(a[i]!, b[j]!);
    if (order < 0) {
      out.push(a[i++]!);
    } else if (order > 0) {
      out.push(b[j++]!);
    } else {
      out.push(a[i++]!);
      j++;
    }
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
