import { reportDelegations } from './shared/roleDelegation';
import { defineRule } from './types';

export default defineRule({
  id: 'pass-role-with-star-in-resource-and-not-action',
  severity: 'warning',
  scope: 'statement-and-denials',
  summary: 'Allow with NotAction that does not exclude iam:PassRole, on every role, without an iam:PassedToService condition.',
  policyTypes: ['identity'],
  messages: {
    starInResourceAndNotAction:
      'NotAction does not exclude iam:PassRole, so on "{resource}" this statement lets the principal hand any role in the account to any service; list the allowed actions in Action, and allow iam:PassRole on named roles only.',
  },
  check(context) {
    reportDelegations(context, 'passRole', { actionSide: 'not-action', resourceSide: 'star' }, 'starInResourceAndNotAction');
  },
});
