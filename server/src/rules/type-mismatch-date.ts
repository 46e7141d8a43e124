import { checkValues } from './shared/conditionValueRule';
import { isDateText } from './shared/conditionValues';
import { defineRule } from './types';

export default defineRule({
  id: 'type-mismatch-date',
  severity: 'warning',
  scope: 'statement',
  summary: 'A Date condition has a value that is neither an ISO 8601 date/time nor epoch seconds.',
  messages: {
    notDate: '"{operator}" takes a date such as 2026-01-31 or 2026-01-31T12:00:00Z, or seconds since 1970; "{value}" is neither.',
  },
  check(context) {
    checkValues(context, ['Date'], (v) => typeof v !== 'boolean' && isDateText(String(v)), 'notDate');
  },
});
