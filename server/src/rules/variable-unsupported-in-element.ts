import { unsupportedVariables } from './shared/variableStrings';
import { defineRule } from './types';

export default defineRule({
  id: 'variable-unsupported-in-element',
  severity: 'error',
  scope: 'statement',
  summary: 'A policy variable in an element other than Resource, NotResource or Condition, where IAM does not substitute it.',
  messages: {
    unsupported: 'Policy variables work only in Resource, NotResource and Condition values; in {element}, "{text}" is plain text.',
  },
  check({ policy, statements, report }) {
    for (const { token, span, element } of unsupportedVariables(policy.text, statements)) {
      if (token.kind !== 'variable' && token.kind !== 'escape') continue;
      report({ span, messageId: 'unsupported', data: { element, text: policy.text.slice(span.offset, span.offset + span.length) } });
    }
  },
});
