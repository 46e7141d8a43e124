/**
 * The actions a statement names, with wildcards expanded against the catalogue: rules reason about `iam:Pass*` as
 * the actions it stands for. Computed once per statement and shared by every rule and the evaluator (memoised on the
 * statement): the statement's facts about actions.
 *
 * Actions are held as catalogue ids (ascending ids are full names in order), and the per-action facts (access level,
 * the data lists) are bitsets by id (catalog.actionFacts), so a rule can look at the 22,000 actions of
 * `"Action": "*"` without building an Action object for any of them. `actions` builds them on first use, for the
 * rules that need names or resource types.
 */
import type { Action, Catalog } from '../catalog/types';
import type { Statement, StringValue } from './model';
import { DocumentMemo } from './documentMemo';

export interface ActionEntry {
  /** The string as written in Action / NotAction. */
  readonly value: StringValue;
  /** The ids of the actions it matches, ascending (empty for an unknown service or action). Never modify it. */
  readonly ids: Int32Array;
  /** The actions it matches, as catalog.expandAction lists them (built on first use). */
  readonly actions: readonly Action[];
}

export interface StatementActions {
  /** One entry per string in Action or NotAction. */
  readonly entries: readonly ActionEntry[];
  readonly isNotAction: boolean;
  /** How many actions the statement covers. */
  readonly count: number;
  /**
   * The ids of the actions the statement covers, ascending: the union of the entries for Action; for NotAction, every
   * action that no entry matches. Never modify it.
   */
  readonly ids: Int32Array;
  /** The same actions as Action objects, sorted by full name (built on first use: prefer ids and `has`). */
  readonly actions: readonly Action[];
  /** Whether the statement covers the action with this id. */
  has(id: number): boolean;
  /** Whether the statement covers the action. */
  covers(action: Action): boolean;
}

const memo = new DocumentMemo<Statement, StatementActions>('statement actions');

export function statementActions(statement: Statement, catalog: Catalog): StatementActions {
  let result = memo.get(statement);
  if (!result) {
    result = new ExpandedStatement(statement, catalog);
    memo.set(statement, result);
  }
  return result;
}

const otherElement = new DocumentMemo<Statement, readonly ActionEntry[]>('other action element');

/**
 * The entries of the statement's Action or NotAction, whichever is asked: the statement's own entries for the element
 * that decides what it covers (Action, when both are written), built once as well for the other.
 */
export function entriesOf(statement: Statement, element: 'action' | 'notAction', catalog: Catalog): readonly ActionEntry[] {
  const list = statement[element];
  if (!list) return NO_ENTRIES;
  if (element === 'action' || !statement.action) return statementActions(statement, catalog).entries;
  let entries = otherElement.get(statement);
  if (!entries) {
    entries = list.values.map((value) => new Entry(value, catalog.expandActionIds(value.value), catalog));
    otherElement.set(statement, entries);
  }
  return entries;
}

const NO_ENTRIES: readonly ActionEntry[] = Object.freeze([]);

class Entry implements ActionEntry {
  private expanded: readonly Action[] | undefined;

  constructor(
    readonly value: StringValue,
    readonly ids: Int32Array,
    private readonly catalog: Catalog,
  ) {}

  get actions(): readonly Action[] {
    this.expanded ??= this.catalog.expandAction(this.value.value);
    return this.expanded;
  }
}

/** Sets with more ids than this answer `has` from a bitset rather than by binary search. */
const BITSET_FROM = 1024;

class ExpandedStatement implements StatementActions {
  readonly entries: readonly ActionEntry[];
  readonly isNotAction: boolean;
  readonly count: number;
  /** The union of the entries' ids: the actions covered, or for NotAction the ones excluded. */
  private readonly named: Int32Array;
  private namedBits: Uint32Array | undefined;
  private complement: Int32Array | undefined;
  private built: readonly Action[] | undefined;

  constructor(
    statement: Statement,
    private readonly catalog: Catalog,
  ) {
    const element = statement.action ?? statement.notAction;
    this.isNotAction = !statement.action && statement.notAction !== undefined;
    this.entries = (element?.values ?? []).map((value) => new Entry(value, catalog.expandActionIds(value.value), catalog));
    this.named = union(this.entries.map((entry) => entry.ids), catalog.actionCount);
    this.count = this.isNotAction ? catalog.actionCount - this.named.length : this.named.length;
  }

  get ids(): Int32Array {
    if (!this.isNotAction) return this.named;
    this.complement ??= complementOf(this.named, this.catalog.actionCount);
    return this.complement;
  }

  get actions(): readonly Action[] {
    if (!this.built) {
      const ids = this.ids;
      const actions = new Array<Action>(ids.length);
      for (let i = 0; i < ids.length; i++) actions[i] = this.catalog.actionById(ids[i]!);
      this.built = actions;
    }
    return this.built;
  }

  has(id: number): boolean {
    let named: boolean;
    if (this.named.length > BITSET_FROM) {
      this.namedBits ??= bitsetOf(this.named, this.catalog.actionCount);
      named = (this.namedBits[id >>> 5]! & (1 << (id & 31))) !== 0;
    } else {
      named = holds(this.named, id);
    }
    return named !== this.isNotAction;
  }

  covers(action: Action): boolean {
    return this.has(action.id);
  }
}

/** Binary search of ascending ids. */
function holds(ids: Int32Array, id: number): boolean {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ids[mid]! < id) low = mid + 1;
    else high = mid;
  }
  return low < ids.length && ids[low] === id;
}

/**
 * Kept by the id list: statements of one entry share the catalogue's list for it (`"*"`, `s3:*`), and so the bitset;
 * a document of 1,800 such statements would otherwise hold 2.8 KB for each.
 */
const bitsets = new WeakMap<Int32Array, Uint32Array>();

function bitsetOf(ids: Int32Array, size: number): Uint32Array {
  let bits = bitsets.get(ids);
  if (!bits) {
    bits = new Uint32Array((size + 31) >>> 5);
    for (let i = 0; i < ids.length; i++) bits[ids[i]! >>> 5]! |= 1 << (ids[i]! & 31);
    bitsets.set(ids, bits);
  }
  return bits;
}

function complementOf(ids: Int32Array, size: number): Int32Array {
  const result = new Int32Array(size - ids.length);
  let next = 0;
  let k = 0;
  for (let id = 0; id < size; id++) {
    if (k < ids.length && ids[k] === id) k++;
    else result[next++] = id;
  }
  return result;
}

/**
 * Ascending id lists merged into one without duplicates. One non-empty list (the common case: one entry, or one that
 * holds every action) is returned as it is; many short ones are gathered and sorted; long ones go through a bitset,
 * so a statement of `*` beside a hundred named actions costs one pass over the catalogue, not a merge per entry.
 */
function union(lists: readonly Int32Array[], size: number): Int32Array {
  let total = 0;
  let nonEmpty: Int32Array | undefined;
  let nonEmptyCount = 0;
  for (const list of lists) {
    if (list.length === 0) continue;
    if (list.length === size) return list;
    total += list.length;
    nonEmpty = list;
    nonEmptyCount++;
  }
  if (nonEmptyCount === 0) return NO_IDS;
  if (nonEmptyCount === 1) return nonEmpty!;
  if (total > BITSET_FROM * 4) {
    const bits = new Uint32Array((size + 31) >>> 5);
    let count = 0;
    for (const list of lists) {
      for (let i = 0; i < list.length; i++) {
        const word = list[i]! >>> 5;
        const bit = 1 << (list[i]! & 31);
        if ((bits[word]! & bit) === 0) {
          bits[word]! |= bit;
          count++;
        }
      }
    }
    const result = new Int32Array(count);
    let next = 0;
    for (let word = 0; word < bits.length; word++) {
      let value = bits[word]!;
      while (value !== 0) {
        const low = value & -value;
        result[next++] = (word << 5) | (31 - Math.clz32(low));
        value ^= low;
      }
    }
    return result;
  }
  const gathered = new Int32Array(total);
  let at = 0;
  for (const list of lists) {
    gathered.set(list, at);
    at += list.length;
  }
  gathered.sort();
  let kept = 0;
  for (let i = 0; i < gathered.length; i++) if (kept === 0 || gathered[kept - 1] !== gathered[i]) gathered[kept++] = gathered[i]!;
  return kept === gathered.length ? gathered : gathered.slice(0, kept);
}

const NO_IDS = new Int32Array(0);

/** Actions in the order of their full names as strings compare (code units, not locale). */
export function compareFullNames(a: Action, b: Action): number {
  return a.fullName < b.fullName ? -1 : a.fullName > b.fullName ? 1 : 0;
}
