import { reportDelegations } from './shared/roleDelegation';
import { defineRule } from './types';

export default defineRule({
  id: 'create-slr-with-star-in-resource-and-not-action',
  severity: 'warning',
  scope: 'statement-and-denials',
  summary: 'Allow with NotAction that does not exclude iam:CreateServiceLinkedRole, for every service.',
  policyTypes: ['identity'],
  messages: {
    starInResourceAndNotAction:
      'NotAction does not exclude iam:CreateServiceLinkedRole, so on "{resource}" this statement lets the principal create the service-linked role of any service; list the allowed actions in Action instead.',
  },
  check(context) {
    reportDelegations(context, 'createServiceLinkedRole', { actionSide: 'not-action', resourceSide: 'star' }, 'starInResourceAndNotAction');
  },
});
