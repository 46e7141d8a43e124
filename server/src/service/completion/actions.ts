/**
 * Action / NotAction values: service prefixes until a `:` is typed (the most used first, data/service-ranking.json), then the service's actions (access level as
 * detail, description as documentation) with wildcard entries at CamelCase word boundaries (`s3:Get*`,
 * `s3:GetObject*`) and their counts. Filtered here and bounded, with `isIncomplete` when cut, so a keystroke never
 * ships the whole catalogue.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import type { Action, Catalog, Service } from '../../catalog/types';
import { compileGlob, hasWildcard } from '../../catalog';
import type { ListElement } from '../../policy/model';
import type { StringSlot } from '../cursorContext';
import { plural } from '../markdown';
import { formatCount } from '../../../../shared/formatCount';
import { countByLevel } from '../levels';
import { serviceRanks } from '../referenceData';
import { CompletionItemKind, list, suggestAgain, valueItem } from './items';

/** Enough to fill the suggest widget several times over; typing one more character narrows the rest. */
export const maxActionItems = 100;

export function completeActions(document: TextDocument, slot: StringSlot, element: ListElement, catalog: Catalog): CompletionList {
  const typed = slot.typed;
  const colon = typed.indexOf(':');
  if (colon < 0) return completeServices(document, slot, catalog);
  const service = catalog.findService(typed.slice(0, colon));
  if (!service) return list([]);
  const present = new Set(element.values.filter((v) => v.node !== slot.node).map((v) => v.value.toLowerCase()));
  return completeServiceActions(document, slot, service, typed.slice(colon + 1), present, catalog);
}

function completeServices(document: TextDocument, slot: StringSlot, catalog: Catalog): CompletionList {
  const typed = slot.typed.toLowerCase();
  const matches = hasWildcard(typed) ? compileGlob(`${typed}*`, { ignoreCase: true }) : (prefix: string) => prefix.startsWith(typed);
  // The most used services first (s3, ec2, iam... rather than a2c, a4b...), then the rest by name. The list is cut,
  // so it is marked incomplete: the editor asks again as the user types and the server filters over all services.
  const matched = catalog.services().filter((service) => matches(service.prefix));
  const rank = (service: Service) => serviceRanks.get(service.prefix) ?? serviceRanks.size;
  matched.sort((a, b) => rank(a) - rank(b) || (a.prefix < b.prefix ? -1 : 1));
  const items: CompletionItem[] = matched.slice(0, maxActionItems).map((service, position) =>
    valueItem(document, slot, {
      label: service.prefix,
      position,
      kind: CompletionItemKind.Module,
      detail: `${service.name} · ${plural(service.actionNames.length, 'action')}`,
      text: `${service.prefix}:`,
      command: suggestAgain,
    }),
  );
  if ('*'.startsWith(typed) || typed === '') {
    items.push(
      valueItem(document, slot, {
        label: '*',
        // After the services: full access is not what Ctrl+Space should put first.
        position: items.length,
        kind: CompletionItemKind.Constant,
        detail: `all ${formatCount(catalog.info.counts.actions)} actions`,
        documentation: 'Every action of every service, including actions AWS adds later. With Allow this is full access.',
      }),
    );
  }
  return list(items, matched.length > maxActionItems);
}

function completeServiceActions(
  document: TextDocument,
  slot: StringSlot,
  service: Service,
  actionPart: string,
  present: ReadonlySet<string>,
  catalog: Catalog,
): CompletionList {
  const lower = actionPart.toLowerCase();
  const wildcardTyped = hasWildcard(actionPart);
  // The catalogue keeps a service's actions sorted by lower-case name: a prefix is one contiguous run of them, and
  // only the wildcard entries need sorting.
  const all = catalog.actionsOf(service);
  const typedGlob = wildcardTyped ? compileGlob(`${actionPart}*`, { ignoreCase: true }) : undefined;
  const actions = typedGlob ? all.filter((a) => typedGlob(a.name)) : prefixRun(all, lower);
  const offered = present.size === 0 ? actions : actions.filter((a) => !present.has(a.fullName.toLowerCase()));
  const wildcards = wildcardTyped ? [] : [...(lower === '' ? [''] : []), ...wordGroups(actions, lower.length)].map((group) => `${service.prefix}:${group}*`);
  const wildcardOrder = wildcards.map(orderKey);
  const byOrder = wildcards.map((_, i) => i).sort((x, y) => (wildcardOrder[x]! < wildcardOrder[y]! ? -1 : 1));
  // Merge the two sorted lists up to the bound.
  const items: CompletionItem[] = [];
  let a = 0;
  let w = 0;
  while (items.length < maxActionItems && (a < offered.length || w < byOrder.length)) {
    const nextWildcard = byOrder[w];
    if (nextWildcard !== undefined && (a >= offered.length || wildcardOrder[nextWildcard]! <= offered[a]!.fullName.toLowerCase())) {
      items.push(wildcardItem(document, slot, wildcards[nextWildcard]!, items.length, catalog));
      w++;
    } else {
      items.push(actionItem(document, slot, offered[a]!, items.length));
      a++;
    }
  }
  return list(items, offered.length + wildcards.length > items.length);
}

function actionItem(document: TextDocument, slot: StringSlot, action: Action, position: number): CompletionItem {
  return valueItem(document, slot, {
    label: action.fullName,
    position,
    kind: CompletionItemKind.Function,
    detail: action.accessLevel,
    documentation: action.description,
  });
}

function wildcardItem(document: TextDocument, slot: StringSlot, pattern: string, position: number, catalog: Catalog): CompletionItem {
  const matched = catalog.expandAction(pattern);
  const levels = countByLevel(matched)
    .map(([level, count]) => `${count} ${level}`)
    .join(', ');
  return valueItem(document, slot, {
    label: pattern,
    position,
    kind: CompletionItemKind.Constant,
    detail: plural(matched.length, 'action'),
    documentation: `Matches ${plural(matched.length, 'action')} (${levels}), and any that AWS adds later under this name.`,
  });
}

/** The actions whose lower-case name starts with `prefix`, by binary search over the sorted list. */
function prefixRun(actions: readonly Action[], prefix: string): readonly Action[] {
  if (prefix === '') return actions;
  let low = 0;
  let high = actions.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (actions[mid]!.name.toLowerCase() < prefix) low = mid + 1;
    else high = mid;
  }
  let end = low;
  while (end < actions.length && actions[end]!.name.toLowerCase().startsWith(prefix)) end++;
  return actions.slice(low, end);
}

/**
 * Prefixes of the action names that end at a CamelCase word boundary at or after `from` characters, shared by at
 * least two actions: for `Get` in S3 that is `Get` (GetObject, GetBucketPolicy...); for `GetObj`, `GetObject`.
 */
function wordGroups(actions: readonly Action[], from: number): string[] {
  const counts = new Map<string, number>();
  for (const action of actions) {
    const name = action.name;
    let end = Math.max(from, 1);
    while (end < name.length && !startsWord(name, end)) end++;
    const group = name.slice(0, end);
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  return [...counts].filter(([, count]) => count >= 2).map(([group]) => group);
}

/** An upper-case letter after a lower-case letter or digit starts a word (`GetObject`: O). */
function startsWord(name: string, index: number): boolean {
  const c = name.charCodeAt(index);
  const before = name.charCodeAt(index - 1);
  const isUpper = c >= 0x41 && c <= 0x5a;
  const beforeLowerOrDigit = (before >= 0x61 && before <= 0x7a) || (before >= 0x30 && before <= 0x39);
  return isUpper && beforeLowerOrDigit;
}

/** Case-insensitive order, with `*` before any letter. */
function orderKey(label: string): string {
  return label.toLowerCase().replace(/\*/g, '!');
}
