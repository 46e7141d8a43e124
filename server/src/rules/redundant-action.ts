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
  summary: 'An action already covered by another entry of the same statement (`s3:GetObject` beside `s3:Get*`), or repeated.',
  fixable: 'safe',
  messages: {
    covered: '{action} is already covered by {coveredBy} in this statement.',
    repeated: '{action} is already listed in this statement.',
  },
  check({ policy, catalog, report }) {
    for (const statement of policy.statements) {
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
  if (!known.some((e) => hasWildcard(e.value.value))) {
    // Nothing can cover another entry: only repeats to find. Each names one action, and two spellings name the same
    // one exactly when they are the same but for case, so the ids tell, without lower-casing every entry.
    reportRedundantEntries(element, repeatedActions(known), 'action', report);
    return;
  }
  const entries = known.map((e) => e.value);
  // The patterns, with their places in the list (of two entries that cover each other, the later one goes).
  const patterns: StringValue[] = [];
  const position = new Map<StringValue, number>();
  entries.forEach((entry, index) => {
    if (!hasWildcard(entry.value)) return;
    patterns.push(entry);
    position.set(entry, index);
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
  const firstSpelling = new Map<string, StringValue>();
  const findings: { entry: StringValue; messageId: MessageId; by: StringValue }[] = [];
  entries.forEach((entry, index) => {
    const lower = entry.value.toLowerCase();
    const earlier = firstSpelling.get(lower);
    if (earlier) {
      findings.push({ entry, messageId: 'repeated', by: earlier });
      return;
    }
    firstSpelling.set(lower, entry);
    const service = serviceOf(entry.value);
    const candidates = service === undefined || hasWildcard(service) ? patterns : byService.get(service);
    if (!candidates && anyService.length === 0) return;
    // A pattern covering this entry; of two entries that cover each other, the later one goes.
    const covers = (p: StringValue): boolean => {
      if (p === entry || lowerCase.get(p) === lower || !patternCovers(p.value, entry.value)) return false;
      return !patternCovers(entry.value, p.value) || position.get(p)! < index;
    };
    const by = candidates === patterns ? patterns.find(covers) : (candidates?.find(covers) ?? anyService.find(covers));
    if (by) findings.push({ entry, messageId: 'covered', by });
  });
  reportRedundantEntries(element, findings, 'action', report);
}

/** Entries that name an action an earlier entry names (IAM compares action names case-insensitively), with the first. */
function repeatedActions(entries: readonly ActionEntry[]): { entry: StringValue; messageId: MessageId; by: StringValue }[] {
  const findings: { entry: StringValue; messageId: MessageId; by: StringValue }[] = [];
  const first = new Map<number, StringValue>();
  for (const { value, ids } of entries) {
    const earlier = first.get(ids[0]!);
    if (earlier) findings.push({ entry: value, messageId: 'repeated', by: earlier });
    else first.set(ids[0]!, value);
  }
  return findings;
}
