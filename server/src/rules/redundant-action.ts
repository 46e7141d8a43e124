import { hasWildcard } from '../catalog';
import type { ListElement, StringValue } from '../policy/model';
import { entriesOf, type ActionEntry } from '../policy/statementActions';
import { patternCovers } from './shared/actionPatterns';
import { reportRedundantEntries } from './shared/listEdits';
import { defineRule, type Report } from './types';

type MessageId = 'covered' | 'repeated';

export default defineRule<MessageId>({
  id: 'redundant-action',
  severity: 'hint',
  scope: 'statement',
  summary: 'An action already covered by another entry of the same statement (`s3:GetObject` beside `s3:Get*`), or repeated.',
  fixable: 'safe',
  messages: {
    covered: '{action} is already covered by {coveredBy} in this statement.',
    repeated: '{action} is already listed in this statement.',
  },
  check({ statements, catalog, report }) {
    for (const statement of statements) {
      for (const element of ['action', 'notAction'] as const) {
        const list = statement[element];
        if (list) checkList(list, entriesOf(statement, element, catalog), report);
      }
    }
  },
});

/** The lower-case service part of an action, undefined without a colon. */
function serviceOf(value: string): string | undefined {
  const colon = value.indexOf(':');
  return colon < 0 ? undefined : value.slice(0, colon).toLowerCase();
}

function checkList(element: ListElement, expanded: readonly ActionEntry[], report: (r: Report<MessageId>) => void): void {
  // Unknown actions are invalid-action's finding; removing them as redundant would hide the typo.
  const known = expanded.filter((e) => e.ids.length > 0);
  if (known.length < 2) return;
  // The patterns, with their places in the list (of two entries that cover each other, the later one goes).
  const patterns: StringValue[] = [];
  const position = new Map<StringValue, number>();
  known.forEach(({ value }, index) => {
    if (!hasWildcard(value.value)) return;
    patterns.push(value);
    position.set(value, index);
  });
  // Only a pattern of the same service, or one with a wildcard in its service, can cover an entry: group them so a
  // policy with thousands of entries does not compare every pair.
  const byService = new Map<string, StringValue[]>();
  const anyService: StringValue[] = [];
  for (const p of patterns) {
    const service = serviceOf(p.value);
    if (service === undefined || hasWildcard(service)) {
      anyService.push(p);
    } else {
      const list = byService.get(service);
      if (list) list.push(p);
      else byService.set(service, [p]);
    }
  }
  // Lower-cased once each: every entry is compared with every pattern of its service.
  const lowerCase = new Map<StringValue, string>(patterns.map((p) => [p, p.value.toLowerCase()]));
  // What makes two entries the same: a pattern's text in lower case; a name written in full names one action, the
  // same one exactly when the two are the same but for case, so its id serves (no entry is lower-cased for it).
  const first = new Map<string | number, StringValue>();
  const findings: { entry: StringValue; messageId: MessageId; by: StringValue }[] = [];
  known.forEach(({ value: entry, ids }, index) => {
    const same = lowerCase.get(entry) ?? ids[0]!;
    const earlier = first.get(same);
    if (earlier) {
      findings.push({ entry, messageId: 'repeated', by: earlier });
      return;
    }
    first.set(same, entry);
    if (patterns.length === 0) return;
    const service = serviceOf(entry.value);
    const candidates = service === undefined || hasWildcard(service) ? patterns : byService.get(service);
    if (!candidates && anyService.length === 0) return;
    // A pattern covering this entry; of two entries that cover each other, the later one goes.
    const covers = (p: StringValue): boolean => {
      if (p === entry || lowerCase.get(p) === same || !patternCovers(p.value, entry.value)) return false;
      return !patternCovers(entry.value, p.value) || position.get(p)! < index;
    };
    const by = candidates === patterns ? patterns.find(covers) : (candidates?.find(covers) ?? anyService.find(covers));
    if (by) findings.push({ entry, messageId: 'covered', by });
  });
  reportRedundantEntries(element, findings, 'action', report);
}
