/**
 * Collapse a list of actions into the shortest list of patterns that matches exactly the same actions today.
 *
 * Patterns considered: `service:*`, `service:Prefix*` and exact names (plus `*` when the list is everything). Prefix
 * patterns of one service form a tree (a prefix covers the names that start with it, a contiguous run of the sorted
 * names), so the shortest cover is unique: for each action, the shortest prefix whose names are all in the set.
 * Patterns with a `*` in the middle (`s3:*Object*`) could sometimes be shorter still, but searching them is
 * combinatorial and the result harder to read; they are left out on purpose. The result is checked against the
 * catalogue (the patterns expand to the same set, no more, no less) before it is offered.
 */
import type { Action, Catalog, Service } from '../../catalog/types';
import { compareText } from '../accessLevels';
import { kindPrefix, type Refactoring, type RefactoringContext } from './context';
import { listLayout, renderList, replaceAllItems } from './layout';

/** The shortest pattern list matching exactly `actions`, or undefined when the check against the catalogue fails. */
export function shortestPatterns(actions: readonly Action[], catalog: Catalog): string[] | undefined {
  const wanted = new Set(actions.map((a) => a.fullName.toLowerCase()));
  if (wanted.size === 0) return [];
  let patterns: string[];
  if (wanted.size === catalog.info.counts.actions && catalog.expandAction('*').every((a) => wanted.has(a.fullName.toLowerCase()))) {
    patterns = ['*'];
  } else {
    const services = new Map<Service, Set<string>>();
    for (const action of actions) {
      const names = services.get(action.service) ?? new Set<string>();
      names.add(action.name.toLowerCase());
      services.set(action.service, names);
    }
    patterns = [...services].flatMap(([service, names]) => servicePatterns(catalog.actionsOf(service), service.prefix, names));
  }
  patterns.sort(compareText);
  const covered = new Set(patterns.flatMap((p) => catalog.expandAction(p).map((a) => a.fullName.toLowerCase())));
  if (covered.size !== wanted.size || [...wanted].some((name) => !covered.has(name))) return undefined;
  return patterns;
}

/** Patterns for one service: `all` is every action of the service, sorted by lower-case name (the index's order). */
function servicePatterns(all: readonly Action[], prefix: string, wanted: ReadonlySet<string>): string[] {
  const lower = all.map((a) => a.name.toLowerCase());
  // missing[i] = how many of the first i names are not wanted: a run is all wanted when the count does not change.
  const missing = new Array<number>(lower.length + 1);
  missing[0] = 0;
  lower.forEach((name, i) => (missing[i + 1] = missing[i]! + (wanted.has(name) ? 0 : 1)));
  if (missing[lower.length] === 0) return [`${prefix}:*`];
  const patterns: string[] = [];
  for (let i = 0; i < lower.length; i++) {
    if (!wanted.has(lower[i]!)) continue;
    const name = lower[i]!;
    let run: [number, number] | undefined;
    for (let length = 1; length <= name.length && !run; length++) {
      const start = lowerBound(lower, name.slice(0, length));
      const end = prefixEnd(lower, name.slice(0, length), start);
      if (missing[end] === missing[start]) run = [start, end];
    }
    if (!run || run[1] - run[0] === 1) {
      patterns.push(all[i]!.fullName);
      continue;
    }
    const [start, end] = run;
    patterns.push(`${prefix}:${commonPrefix(all[start]!.name, all[end - 1]!.name)}*`);
    i = end - 1; // the run is covered; it is contiguous and starts at i
  }
  return patterns;
}

/** First index whose name is not less than `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** End of the run of names starting with `prefix` that begins at `start`. */
function prefixEnd(sorted: readonly string[], prefix: string, start: number): number {
  let low = start;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]!.startsWith(prefix)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Longest common prefix, compared without case, spelled as the first name spells it. */
function commonPrefix(a: string, b: string): string {
  let n = 0;
  while (n < a.length && n < b.length && a[n]!.toLowerCase() === b[n]!.toLowerCase()) n++;
  return a.slice(0, n);
}

export function collapseActions(context: RefactoringContext): Refactoring[] {
  const list = context.list;
  if (!list || (list.key !== 'Action' && list.key !== 'NotAction')) return [];
  const { element } = list;
  if (element.values.length < 2) return [];
  const actions: Action[] = [];
  for (const value of element.values) {
    const expanded = context.catalog.expandAction(value.value);
    // An unknown action would be dropped by the rewrite; the invalid-action finding comes first.
    if (expanded.length === 0) return [];
    actions.push(...expanded);
  }
  const patterns = shortestPatterns(actions, context.catalog);
  if (!patterns || patterns.length >= element.values.length) return [];
  const count = new Set(actions).size;
  const layout = listLayout(context.model.text, element.property);
  const valueNode = element.property.valueNode!;
  const items = patterns.map((p) => JSON.stringify(p));
  const edit =
    valueNode.type === 'array' && layout.multiLine
      ? replaceAllItems(layout, valueNode, items)
      : { offset: valueNode.offset, length: valueNode.length, text: renderList(layout, items) };
  return [
    {
      title: `Collapse ${element.values.length} entries into ${patterns.length} wildcard ${patterns.length === 1 ? 'pattern' : 'patterns'} (the same ${count} actions today)`,
      kind: `${kindPrefix}.collapse-actions`,
      edits: [edit],
    },
  ];
}
