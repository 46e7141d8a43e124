import { checkValues } from './shared/conditionValueRule';
import { isNumberText } from './shared/conditionValues';
import { defineRule } from './types';

export default defineRule({
  id: 'type-mismatch-number',
  severity: 'warning',
  scope: 'statement',
  summary: 'A Numeric condition has a value that is not a number.',
  messages: {
    notNumber: '"{operator}" takes a number such as 3600 or 0.5; "{value}" is not one.',
  },
  check(context) {
    checkValues(context, ['Numeric'], (v) => typeof v === 'number' || (typeof v === 'string' && isNumberText(v)), 'notNumber');
  },
});
