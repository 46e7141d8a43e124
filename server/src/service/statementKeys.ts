/**
 * The condition keys a statement's actions support, with how many of its actions support each one: condition-key
 * completion ranks by it and the key hover reports it. A whole service's counts are computed once per process, so
 * `s3:*`, `*` and NotAction statements cost one merge per service instead of a pass over every action.
 */
import type { Action, Catalog, ConditionKey, Service } from '../catalog/types';
import type { Statement } from '../policy/model';
import { statementActions } from '../policy/statementActions';
import { DocumentMemo } from '../policy/documentMemo';

export interface StatementKeys {
  /** How many of the statement's actions support each key (global keys: all of them). */
  readonly counts: ReadonlyMap<ConditionKey, number>;
  readonly actionCount: number;
}

const wholeServiceCounts = new WeakMap<Service, Map<ConditionKey, number>>();
const memo = new DocumentMemo<Statement, StatementKeys>('statement keys');

export function statementKeys(statement: Statement, catalog: Catalog): StatementKeys {
  const cached = memo.get(statement);
  if (cached) return cached;
  const { actions } = statementActions(statement, catalog);
  const counts = new Map<ConditionKey, number>();
  const add = (key: ConditionKey, count: number) => counts.set(key, (counts.get(key) ?? 0) + count);
  for (const [service, ofService] of byService(actions)) {
    if (ofService.length === service.actionNames.length) {
      for (const [key, count] of serviceCounts(service, catalog)) add(key, count);
    } else {
      for (const action of ofService) for (const key of catalog.conditionKeysFor(action)) add(key, 1);
    }
  }
  // With no known action the global keys still apply to whatever the statement ends up naming.
  if (actions.length === 0) for (const key of catalog.globalConditionKeys()) counts.set(key, 0);
  const result = { counts, actionCount: actions.length };
  memo.set(statement, result);
  return result;
}

function serviceCounts(service: Service, catalog: Catalog): Map<ConditionKey, number> {
  let counts = wholeServiceCounts.get(service);
  if (!counts) {
    counts = new Map();
    for (const action of catalog.actionsOf(service)) {
      for (const key of catalog.conditionKeysFor(action)) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    wholeServiceCounts.set(service, counts);
  }
  return counts;
}

function byService(actions: readonly Action[]): Map<Service, Action[]> {
  const groups = new Map<Service, Action[]>();
  for (const action of actions) {
    const group = groups.get(action.service);
    if (group) group.push(action);
    else groups.set(action.service, [action]);
  }
  return groups;
}
