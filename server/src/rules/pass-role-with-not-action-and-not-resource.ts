import { reportDelegations } from './shared/roleDelegation';
import { defineRule } from './types';

export default defineRule({
  id: 'pass-role-with-not-action-and-not-resource',
  severity: 'warning',
  scope: 'statement-and-denials',
  summary: 'Allow with NotAction and NotResource that brings in iam:PassRole on every role not listed.',
  policyTypes: ['identity'],
  messages: {
    notActionAndNotResource:
      'NotAction does not exclude iam:PassRole, and with NotResource this statement can pass every role not listed; use Action and Resource, with iam:PassRole on named roles only.',
  },
  check(context) {
    reportDelegations(context, 'passRole', { actionSide: 'not-action', resourceSide: 'not-resource' }, 'notActionAndNotResource');
  },
});
