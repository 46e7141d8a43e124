import { checkValues } from './shared/conditionValueRule';
import { isBooleanText } from './shared/conditionValues';
import { defineRule } from './types';

export default defineRule({
  id: 'type-mismatch-boolean',
  severity: 'warning',
  scope: 'statement',
  summary: 'A Bool or Null condition has a value other than true or false.',
  messages: {
    notBoolean: '"{operator}" takes true or false; "{value}" is neither.',
  },
  check(context) {
    checkValues(context, ['Bool', 'Null'], (v) => typeof v === 'boolean' || (typeof v === 'string' && isBooleanText(v)), 'notBoolean');
  },
});
