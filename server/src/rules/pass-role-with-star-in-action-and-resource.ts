import { reportDelegations } from './shared/roleDelegation';
import { defineRule } from './types';

export default defineRule({
  id: 'pass-role-with-star-in-action-and-resource',
  severity: 'warning',
  scope: 'statement-and-denials',
  summary: 'A wildcard action ("*", "iam:*") brings in iam:PassRole on every role, without an iam:PassedToService condition.',
  policyTypes: ['identity'],
  messages: {
    starInActionAndResource:
      '"{action}" includes iam:PassRole, and on "{resource}" it lets this principal hand any role in the account to any service; list the actions it needs, and allow iam:PassRole on named roles or with an iam:PassedToService condition.',
  },
  check(context) {
    reportDelegations(context, 'passRole', { actionSide: 'star', resourceSide: 'star' }, 'starInActionAndResource');
  },
});
