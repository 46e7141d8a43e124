import type { ListElement, StringValue } from '../policy/model';
import { patternCovers } from './actionPatterns';
import { reportRedundantEntries } from './listEdits';
import { arnPolicyTypes } from './resourceValues';
import { defineRule, type Report } from './types';

type MessageId = 'covered' | 'repeated';

export default defineRule<MessageId>({
  id: 'redundant-resource',
  severity: 'hint',
  summary: 'A resource already covered by another entry of the same Resource list (`arn:aws:s3:::b/key` beside `arn:aws:s3:::b/*`), or repeated.',
  policyTypes: arnPolicyTypes,
  fixable: 'safe',
  messages: {
    covered: '{resource} is already covered by {coveredBy} in this list.',
    repeated: '{resource} is already listed here.',
  },
  check({ policy, report }) {
    for (const statement of policy.statements) {
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
    const inner = asPattern(entry.value);
    const by = patterns.find((p) => {
      if (p.value === entry.value || !patternCovers(p.value, inner, { ignoreCase: false })) return false;
      return !patternCovers(entry.value, asPattern(p.value), { ignoreCase: false }) || entries.indexOf(p) < index;
    });
    if (by) findings.push({ entry, messageId: 'covered', by });
  });
  reportRedundantEntries(element, findings, 'resource', report);
}
