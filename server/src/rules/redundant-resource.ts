import type { ListElement, StringValue } from '../policy/model';
import { patternCovers } from './shared/actionPatterns';
import { reportRedundantEntries } from './shared/listEdits';
import { arnPolicyTypes } from './shared/resourceValues';
import { defineRule, type Report } from './types';

type MessageId = 'covered' | 'repeated';

export default defineRule<MessageId>({
  id: 'redundant-resource',
  severity: 'hint',
  scope: 'statement',
  summary: 'A resource already covered by another entry of the same Resource list (`arn:aws:s3:::b/key` beside `arn:aws:s3:::b/*`), or repeated.',
  policyTypes: arnPolicyTypes,
  fixable: 'safe',
  messages: {
    covered: '{resource} is already covered by {coveredBy} in this list.',
    repeated: '{resource} is already listed here.',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      for (const element of [statement.resource, statement.notResource]) {
        if (element) checkList(element, report);
      }
    }
  },
});

/** Policy variables stand for a value unknown when writing, so only a `*` of another entry can cover them. */
const asPattern = (value: string): string => value.replace(/\$\{[^}]*\}/g, '*');

function checkList(element: ListElement, report: (r: Report<MessageId>) => void): void {
  const entries = element.values;
  if (entries.length < 2) return;
  const patterns = entries.filter((e) => e.value.includes('*') || e.value.includes('?'));
  // A pattern can only cover values that start with its literal start (up to its first wildcard), character for
  // character: one whose literal start runs past the third colon is compared only with values of that head, so a
  // list of hundreds of ARNs is not compared pair by pair.
  const position = new Map<StringValue, number>(entries.map((e, index) => [e, index]));
  const byHead = new Map<string, StringValue[]>();
  const anyHead: StringValue[] = [];
  for (const p of patterns) {
    const key = headOf(literalStart(p.value));
    if (key === undefined) {
      anyHead.push(p);
    } else {
      const list = byHead.get(key);
      if (list) list.push(p);
      else byHead.set(key, [p]);
    }
  }
  const seen = new Map<string, StringValue>();
  const findings: { entry: StringValue; messageId: MessageId; by: StringValue }[] = [];
  entries.forEach((entry, index) => {
    // Resource names are case-sensitive, so only the same text is a repetition.
    const earlier = seen.get(entry.value);
    if (earlier) {
      findings.push({ entry, messageId: 'repeated', by: earlier });
      return;
    }
    seen.set(entry.value, entry);
    // Without a pattern in the list nothing covers another entry: only repeats to find.
    if (patterns.length === 0) return;
    const inner = asPattern(entry.value);
    // The first pattern (in list order) that covers it: of those written for its `arn:partition:service:`, and of
    // those whose literal start is shorter than that.
    const key = headOf(inner);
    const ownHead = key === undefined ? undefined : byHead.get(key);
    if (!ownHead && anyHead.length === 0) return;
    const covers = (p: StringValue): boolean => {
      if (p.value === entry.value || !patternCovers(p.value, inner, { ignoreCase: false })) return false;
      return !patternCovers(entry.value, asPattern(p.value), { ignoreCase: false }) || position.get(p)! < index;
    };
    const own = ownHead?.find(covers);
    const other = anyHead.find(covers);
    const by = own && other ? (position.get(own)! < position.get(other)! ? own : other) : (own ?? other);
    if (by) findings.push({ entry, messageId: 'covered', by });
  });
  reportRedundantEntries(element, findings, 'resource', report);
}

/** The text before the first `*` or `?`. */
function literalStart(value: string): string {
  const star = value.indexOf('*');
  const question = value.indexOf('?');
  const end = star < 0 ? question : question < 0 ? star : Math.min(star, question);
  return end < 0 ? value : value.slice(0, end);
}

/** `arn:aws:s3:` — the text up to and including the third colon, when no wildcard comes before it. */
function headOf(value: string): string | undefined {
  let colon = -1;
  for (let k = 0; k < 3; k++) {
    colon = value.indexOf(':', colon + 1);
    if (colon < 0) return undefined;
  }
  const head = value.slice(0, colon + 1);
  return head.includes('*') || head.includes('?') ? undefined : head;
}
